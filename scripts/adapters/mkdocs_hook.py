"""Live preview: regenerate record pages and the search index while ``mkdocs serve`` runs.

Only a thin wrapper: the pages come from the same :func:`scripts.site.build.load_and_generate`
steps that :func:`scripts.site.build.build_site` runs before MkDocs, and the index from the
same :class:`scripts.site.search_index.SearchIndex` it builds beside MkDocs (here after each
rebuild, in a background thread, with :func:`scripts.site.search_index.index_site`),
so a plain build never depends on hooks (Zensical ignores them). Under ``mkdocs build`` from
:func:`scripts.site.build.build_site` it only renders the hand-written pages first and copies
them for the search index, which then runs beside the records' rendering
(:mod:`scripts.site.index_beside`). Every build (not the preview) has its pages compacted
as they are written (:mod:`scripts.site.compact_html`).
"""

from __future__ import annotations

import html
import posixpath
import logging
import os
import re
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

from scripts.pipeline.config import DeploymentError, site_identity  # noqa: E402
from scripts.project import Project  # noqa: E402
from scripts.site.build import InvalidRecords, load_and_generate  # noqa: E402
from scripts.site.commands import BuildError  # noqa: E402
from scripts.site.compact_html import compact  # noqa: E402
from scripts.site.editor_bundle import EditorMissing, install as install_editor  # noqa: E402
from scripts.site.index_beside import PAGES_VARIABLE, READY  # noqa: E402
from scripts.site.search_index import hand_written, index_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.records")
_serving = False
_reindex = threading.Event()
_indexer: threading.Thread | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    """Regenerate the record pages. Invalid records do not stop the preview: the pages stay as they
    were at the last valid state, and every page shows the problems (:func:`on_post_page`)."""
    global _problems, _catalogue
    if not _serving:
        return
    try:
        project = Project()
        _catalogue, changed = load_and_generate(project, site_identity(project))
    except DeploymentError as error:
        raise PluginError(str(error))
    except InvalidRecords as error:
        _problems = list(error.problems)
        home = project.docs_dir / "index.md"
        if not home.exists():  # started with a broken record: a front page that says why the rest is missing
            home.write_text("# Osallisuuden menetelmäpankki\n\nEsikatselu näyttää tietueiden sivut, kun alla "
                            "luetellut virheet on korjattu.\n", encoding="utf-8")
        log.warning("Tietueissa on virheitä (ne näkyvät myös esikatselun jokaisella sivulla):\n%s",
                    "\n".join(str(problem) for problem in _problems))
        return
    _problems = []
    if changed:
        log.info("Tietueista luotu uudelleen %d tiedostoa.", changed)


_problems: list = []
_catalogue = None  # of the last valid state: the search index is built from it, not from the records again
BANNER_AT = re.compile(r'(<article class="md-content__inner md-typeset">)')


def banner(problems: list) -> str:
    """The preview's error notice: each broken file and line, in Material's own admonition style."""
    files = len({problem.path for problem in problems})
    count = "1 virhe" if len(problems) == 1 else f"{len(problems)} virhettä"
    items = "".join(f"<li><code>{html.escape(problem.path)}:{problem.line}</code> {html.escape(problem.field)}: "
                    f"{html.escape(problem.message)}</li>" for problem in problems[:50])
    more = f"<p>… ja {len(problems) - 50} muuta: aja <code>make validate</code>.</p>" if len(problems) > 50 else ""
    return (f'<div class="admonition failure" role="alert" id="esikatselun-virheet"><p class="admonition-title">'
            f"Esikatselu ei ole ajan tasalla: {count} {files} tiedostossa</p><p>Sivut näyttävät tietueet sellaisina "
            "kuin ne olivat viimeksi kunnossa. Korjaa nämä, ja tallenna: sivu päivittyy ja ilmoitus katoaa.</p>"
            f"<ul>{items}</ul>{more}</div>")


_shown: list = []


_index_pages = os.environ.get(PAGES_VARIABLE)  # set by build_site for `mkdocs build`
_to_copy: set[str] = set()  # the hand-written pages not yet copied for the search index


def on_files(files, config):
    """The preview builds only changed pages (``--dirty``); when the problems change, every page is
    rebuilt once, so the notice appears (and goes away) on all of them, not only on the edited one.

    Under ``build_site``, the hand-written pages go first, so that the search index has them while
    MkDocs renders the records (the order of the files changes no page, only sitemap.xml's order)."""
    if _serving and _problems != _shown:
        for file in files.documentation_pages():
            if os.path.isfile(file.abs_dest_path):
                os.utime(file.abs_dest_path, (0, 0))
    if _index_pages and not _serving:
        _to_copy.update(file.dest_uri for file in files.documentation_pages() if hand_written(posixpath.dirname(file.dest_uri)))
        return Files(sorted(files, key=lambda file: file.dest_uri not in _to_copy))
    return files


def _copy_for_index(output: str, page) -> None:
    """A hand-written page as built, for the search index; the folder is marked ready after the last one."""
    if page.file.dest_uri not in _to_copy:
        return
    target = Path(_index_pages) / page.file.dest_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    _to_copy.discard(page.file.dest_uri)
    if not _to_copy:
        (Path(_index_pages) / READY).touch()


def on_post_page(output: str, page, config) -> str:
    if not _serving:
        if _index_pages:
            _copy_for_index(output, page)
        return compact(output)
    if not _problems:
        return output
    notice = banner(_problems)
    if BANNER_AT.search(output):
        return BANNER_AT.sub(lambda match: match.group(1) + notice, output, count=1)
    return re.sub(r"(<body[^>]*>)", lambda match: match.group(1) + notice, output, count=1)


def on_post_template(output: str, template_name: str, config) -> str:
    """The theme's own pages (404.html) compacted like the others; sitemap.xml stays as it is."""
    return compact(output) if template_name.endswith(".html") and not _serving else output


def _index_when_asked(site_dir: Path) -> None:
    while True:
        _reindex.wait()
        _reindex.clear()
        try:
            index_site(site_dir, _catalogue)
        except BuildError as error:
            log.warning("%s", error)


def on_post_build(config) -> None:
    """Re-index in the background: the edited page reloads at once, search follows a second later."""
    global _indexer, _shown
    if not _serving:
        return
    _shown = list(_problems)
    try:  # the browser editor at /muokkaa/ (make muokkain runs its local backend)
        project = Project()
        install_editor(project, Path(config.site_dir), site_identity(project).repo_url)
    except EditorMissing as error:
        log.warning("Selaineditori /muokkaa/ ei toimi esikatselussa: %s", error)
    if _catalogue is not None:  # a preview started with a broken record has nothing to index yet
        _reindex.set()
    if _indexer is None:
        _indexer = threading.Thread(target=_index_when_asked, args=(Path(config.site_dir),), daemon=True)
        _indexer.start()


def on_serve(server, config, builder):
    project = Project()
    for folder in (project.methods_dir, project.cases_dir, project.data_dir, project.templates_dir):
        server.watch(str(folder))
    return server
