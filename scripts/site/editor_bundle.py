"""The browser editor's files in the built site: Decap CMS from ``node_modules`` and the deployment's repository.

The editor page and its configuration are generated from the schemas into ``docs/muokkaa/``
(:mod:`scripts.editors.cms`); this step adds what is not committed: Decap CMS's bundle and the
YAML reader, copied from the npm packages pinned in ``package.json`` (``npm ci``), and the
repository the editor saves to, from the deployment settings (``REPO_URL``). The site serves
everything itself; nothing is fetched from other servers at run time.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts.project import REPO_ROOT, Project

EDITOR_DIR = "muokkaa"
# Where the OAuth helper for GitHub login runs (CONTRIBUTING.md, "Lomakkeen ja editorin asetukset").
AUTH_VARIABLE = "CMS_AUTH_URL"
# From node_modules into <site>/muokkaa/vendor/: the bundle, its lazily loaded parts, and js-yaml.
VENDOR = (("decap-cms/dist", ("decap-cms.js", "*.decap-cms.js", "*.wasm")),
          ("js-yaml/dist", ("js-yaml.mjs",)))


class EditorMissing(RuntimeError):
    """Decap CMS is not installed (``npm ci``); the message says what to run."""


def node_modules(project: Project) -> Path:
    """The project's npm packages; a test or benchmark copy of the project uses the checkout's."""
    own = project.root / "node_modules"
    return own if own.is_dir() else REPO_ROOT / "node_modules"


def install(project: Project, site_dir: Path, repo_url: str = "", auth_url: str | None = None) -> int:
    """Copy Decap CMS into ``<site>/muokkaa/vendor/`` and set the repository in the site's config.

    Returns the number of files copied (unchanged files are not copied again). Raises
    :class:`EditorMissing` when the npm packages are not installed."""
    modules = node_modules(project)
    target = site_dir / EDITOR_DIR / "vendor"
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for folder, patterns in VENDOR:
        source = modules / folder
        if not source.is_dir():
            raise EditorMissing(f"Selaineditorin paketti puuttuu ({source}). Asenna npm-paketit: make build.")
        for pattern in patterns:
            for path in sorted(source.glob(pattern)):
                destination = target / path.name
                if not destination.exists() or destination.stat().st_size != path.stat().st_size:
                    shutil.copy2(path, destination)
                    copied += 1
    settings = site_dir / EDITOR_DIR / "config.yml"
    if settings.exists():
        text = settings.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        repo = urlsplit(repo_url).path.strip("/").removesuffix(".git") if repo_url else ""
        auth_url = os.environ.get(AUTH_VARIABLE, "") if auth_url is None else auth_url
        if repo:
            data["backend"]["repo"] = repo
        if auth_url:
            data["backend"]["base_url"] = auth_url.rstrip("/")
        if repo or auth_url:
            settings.write_text(text.split("\n", 1)[0] + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                                                               width=100), encoding="utf-8")
    return copied
