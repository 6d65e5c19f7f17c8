"""Where things live in a checkout, and which of them the build makes.

``python3 -m scripts.project clean`` (``make clean``) removes what the build generated; it
needs nothing but Python, so it works before the virtual environment exists.

Everything takes a :class:`Project` instead of module-level paths, so tests and the
benchmark can run the whole pipeline on a copy of the project with their own records.
:data:`GENERATED` is the one list of what the build writes into the checkout: ``make
clean``, ``.gitignore`` (a test keeps it in sync), the page generator and the project
copy all read it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
import sys
from pathlib import Path

from scripts.rules.kinds import KINDS

REPO_ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to validate, build and edit.
COPIED = ("data", "scripts", "overrides", "docs", "mkdocs.yml", "Makefile", "requirements.txt", "CONTRIBUTING.md",
          ".github")
# Written by the build, never committed; folders end in "/". Pages and data the generator
# writes (under docs/ and overrides/) are its own to delete when they go stale.
GENERATED_PAGES = ("docs/menetelmat/", "docs/esimerkit/", "docs/tasot/", "docs/api/", "docs/schemas/",
                   "docs/kaaviot/", "docs/index.md", "docs/loyda.md", "docs/loyda/", "docs/vertailu.md", "docs/avoin-data.md", "docs/naytto.md",
                   "docs/osallistu.md", "docs/saavutettavuusseloste.md", "docs/avainsanat.md",
                   "docs/syote.xml", "docs/opas.json", "docs/javascripts/site-contract.json")
GENERATED = ("site/", "build/", ".cache/", *GENERATED_PAGES)


@dataclass(frozen=True)
class Project:
    root: Path = REPO_ROOT

    def records_dir(self, kind: str) -> Path:
        return self.root / KINDS[kind].folder

    @property
    def methods_dir(self) -> Path:
        return self.records_dir("method")

    @property
    def cases_dir(self) -> Path:
        return self.records_dir("case")

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def schemas_dir(self) -> Path:
        return self.data_dir / "schemas"

    @property
    def config_schemas_dir(self) -> Path:
        """JSON Schemas of the configuration files; not published with the record schemas."""
        return self.schemas_dir / "config"

    @property
    def vocabularies_dir(self) -> Path:
        return self.data_dir / "vocabularies"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "overrides" / "records"

    @property
    def sections_file(self) -> Path:
        return self.schemas_dir / "sections.yml"

    @property
    def comparisons_file(self) -> Path:
        return self.data_dir / "comparisons.yml"

    @property
    def facets_file(self) -> Path:
        return self.data_dir / "facets.yml"

    @property
    def link_status_file(self) -> Path:
        return self.data_dir / "link-status.yml"

    @property
    def benchmark_file(self) -> Path:
        return self.data_dir / "benchmark.json"

    @property
    def register_file(self) -> Path:
        """Every record URL ever published (see :mod:`scripts.pipeline.permalinks`)."""
        return self.data_dir / "published-urls.txt"

    @property
    def record_cache_file(self) -> Path:
        return self.root / "build" / "record-cache.marshal"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def generated(self, names=GENERATED) -> list[Path]:
        return [self.root / name.rstrip("/") for name in names]

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def remove(paths: list[Path]) -> None:
    """Delete files and folders that may or may not exist."""
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def copy_project(target: Path, with_records: bool) -> Project:
    """A throw-away copy of the checkout (tests, benchmark), with the real records or none.

    What the build generated in the checkout is left out, so the copy starts clean."""
    skip = {path.resolve() for path in Project().generated()}
    ignore = lambda folder, names: [n for n in names if n == "__pycache__" or (Path(folder) / n).resolve() in skip]  # noqa: E731
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    for kind in KINDS.values():
        if with_records:
            shutil.copytree(REPO_ROOT / kind.folder, target / kind.folder)
        else:
            (target / kind.folder).mkdir()
    project = Project(target)
    if not with_records:  # the register and comparisons name real records
        project.register_file.unlink(missing_ok=True)
        project.comparisons_file.unlink(missing_ok=True)
    return project


if __name__ == "__main__" and sys.argv[1:] == ["clean"]:
    remove(Project().generated())
