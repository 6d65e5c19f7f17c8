"""Live preview: regenerate record pages and the search index while ``mkdocs serve`` runs.

Only a thin wrapper: the pages come from the same :func:`scripts.site.build.load_and_generate`
steps that :func:`scripts.site.build.build_site` runs before MkDocs, and the index from the
same :func:`scripts.site.search_index.index_site` it runs after (here in a background thread),
so a plain build never depends on hooks (Zensical ignores them). Under ``mkdocs build`` this
hook does nothing.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts.project import Project  # noqa: E402
from scripts.site.build import InvalidRecords, load_and_generate  # noqa: E402
from scripts.site.commands import BuildError  # noqa: E402
from scripts.site.search_index import index_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.records")
_serving = False
_reindex = threading.Event()
_indexer: threading.Thread | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    if not _serving:
        return
    try:
        _, changed = load_and_generate(Project())
    except InvalidRecords as error:
        raise PluginError("Tietueissa on virheitä:\n" + "\n".join(str(problem) for problem in error.problems))
    if changed:
        log.info("Tietueista luotu uudelleen %d tiedostoa.", changed)


def _index_when_asked(site_dir: Path) -> None:
    while True:
        _reindex.wait()
        _reindex.clear()
        try:
            index_site(site_dir)
        except BuildError as error:
            log.warning("%s", error)


def on_post_build(config) -> None:
    """Re-index in the background: the edited page reloads at once, search follows a second later."""
    global _indexer
    if not _serving:
        return
    _reindex.set()
    if _indexer is None:
        _indexer = threading.Thread(target=_index_when_asked, args=(Path(config.site_dir),), daemon=True)
        _indexer.start()


def on_serve(server, config, builder):
    project = Project()
    for folder in (project.methods_dir, project.cases_dir, project.data_dir, project.templates_dir):
        server.watch(str(folder))
    return server
