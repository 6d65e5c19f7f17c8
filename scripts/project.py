"""Where things live in a checkout.

Everything takes a :class:`Project` instead of module-level paths, so tests can run the
whole pipeline on a copy of the project with their own records.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to validate, build and edit; generated pages are left out.
COPIED = ("data", "scripts", "overrides", "docs", "mkdocs.yml", "Makefile", "requirements.txt", "CONTRIBUTING.md",
          ".github")
GENERATED = shutil.ignore_patterns("menetelmat", "esimerkit", "__pycache__")


@dataclass(frozen=True)
class Project:
    root: Path = REPO_ROOT

    @property
    def methods_dir(self) -> Path:
        return self.root / "methods"

    @property
    def cases_dir(self) -> Path:
        return self.root / "cases"

    @property
    def schemas_dir(self) -> Path:
        return self.root / "data" / "schemas"

    @property
    def vocabularies_dir(self) -> Path:
        return self.root / "data" / "vocabularies"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "overrides" / "records"

    @property
    def comparisons_file(self) -> Path:
        return self.root / "data" / "comparisons.yml"

    @property
    def facets_file(self) -> Path:
        return self.root / "data" / "facets.yml"

    @property
    def link_status_file(self) -> Path:
        return self.root / "data" / "link-status.yml"

    @property
    def register_file(self) -> Path:
        """Every record URL ever published (see :mod:`scripts.permalinks`)."""
        return self.root / "data" / "published-urls.txt"

    @property
    def catalogue_file(self) -> Path:
        """The model as JSON, for the mkdocs-macros functions of hand-written pages."""
        return self.root / "build" / "catalogue.json"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def site(self) -> dict[str, str]:
        """Site name and absolute base URL (ending in /) from ``mkdocs.yml``."""
        with open(self.mkdocs_config, encoding="utf-8") as stream:
            config = yaml.safe_load(stream)
        return {"name": config["site_name"], "url": config["site_url"].rstrip("/") + "/"}


def copy_project(target: Path, with_records: bool) -> Project:
    """A throw-away copy of the checkout (tests, benchmark), with the real records or none."""
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=GENERATED)
        else:
            shutil.copy2(source, target / name)
    for generated in (target / "docs" / "tasot").glob("*.md"):
        if generated.name != "index.md":
            generated.unlink()
    for folder in ("methods", "cases"):
        if with_records:
            shutil.copytree(REPO_ROOT / folder, target / folder)
        else:
            (target / folder).mkdir()
    project = Project(target)
    if not with_records:  # the register and comparisons name real records
        project.register_file.unlink(missing_ok=True)
        project.comparisons_file.unlink(missing_ok=True)
    return project
