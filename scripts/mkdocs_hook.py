"""Live preview: regenerate record pages and the search index while ``mkdocs serve`` runs.

Only a thin wrapper: the pages come from the same :func:`scripts.generate.generate` step
that ``python -m scripts build`` runs before MkDocs, and the index from the same
:func:`scripts.search_index.index_site` it runs after, so a plain build never depends on
hooks (Zensical ignores them). Under ``mkdocs build`` this hook does nothing.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts.generate import generate  # noqa: E402
from scripts.model import load_catalogue  # noqa: E402
from scripts.project import Project  # noqa: E402
from scripts.search_index import SearchIndexError, index_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.records")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    if not _serving:
        return
    project = Project()
    catalogue, problems = load_catalogue(project)
    if problems:
        raise PluginError("Tietueissa on virheitä:\n" + "\n".join(str(problem) for problem in problems))
    changed = generate(catalogue, project)
    if changed:
        log.info("Tietueista luotu uudelleen %d tiedostoa.", changed)


def on_post_build(config) -> None:
    if not _serving:
        return
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from error


def on_serve(server, config, builder):
    project = Project()
    for folder in (project.methods_dir, project.cases_dir, project.root / "data", project.templates_dir):
        server.watch(str(folder))
    return server
