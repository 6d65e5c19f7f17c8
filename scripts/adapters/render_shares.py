"""MkDocs hook: the record pages rendered in two processes, when the build asks for it.

MkDocs turns the pages into HTML one after another on one core, and at 5,000 records that is
most of a build. :func:`scripts.site.build.build_site` sets :data:`VARIABLE`; then, once the
files and the navigation are known (``on_nav``), this hook forks the MkDocs process. Each
renders and writes only its own share: the parent every hand-written page, the theme's files
and a third of the record pages, the child the other two thirds. The child also reads the
hand-written pages, as the navigation on its pages shows their titles. The parent writes
the hand-written pages first (the search index waits for them,
:mod:`scripts.site.index_beside`), so the search index's Pagefind runs while both processes
render records. tests/test_render_shares.py checks that the pages are byte for byte those of
one process.

The child stops before the post-build events, with status 1 if it logged a warning or an
error (the build is strict, and its messages went to the same terminal); the parent waits
for it there and stops the build if it failed. Each process checks the anchors of links
between its own pages, as MkDocs does; for links between the two processes' pages the child
sends its pages' anchors and such links to the parent, which checks them with the same
message and level.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import signal
import sys
import threading

import mkdocs.commands.build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from scripts.site.search_index import hand_written  # noqa: E402

VARIABLE = "SITE_RENDER_SHARES"  # "2": render the record pages in two processes
PARENT_EVERY = 3  # the parent renders every third record page, the child the rest
log = logging.getLogger("mkdocs.hooks.render_shares")
_child: int | None = None  # in the parent: the child's process id
_pipe: int | None = None  # the parent's reading end, the child's writing end, for the anchor report
_files = None  # MkDocs' files, for the anchor report
_in_child = False


def _read_only(page, config, files) -> None:
    """What the other process renders: read, and seen by the plugins' Markdown events only."""
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    finally:
        config._current_page = None


def _render(page, config, files) -> None:
    """The rest of MkDocs' reading of a page: its Markdown into HTML, and the plugins' content events."""
    config._current_page = page
    try:
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    finally:
        config._current_page = None


def _share(written: set[str], records: set[str], read: set[str]) -> None:
    """Make MkDocs write the pages in ``written``, read those in ``read`` and leave the rest alone.

    Record pages are read with the others but rendered just before they are written: the
    hand-written pages are then written first, a third of the way sooner, and the search
    index's Pagefind starts that much earlier. No plugin here reads a record page's HTML
    before it is written."""
    populate, build = mkdocs_build._populate_page, mkdocs_build._build_page
    unrendered = {}  # record pages read but not yet rendered -> MkDocs' files

    def populate_share(page, config, files, dirty=False):
        uri = page.file.src_uri
        if uri in written and uri not in records:
            return populate(page, config, files, dirty)
        if uri in written:
            _read_only(page, config, files)
            unrendered[uri] = files
        elif uri in read:
            _read_only(page, config, files)

    def build_share(page, config, *args, **kwargs):
        uri = page.file.src_uri
        if uri in unrendered:
            _render(page, config, unrendered.pop(uri))
        if uri in written:
            build(page, config, *args, **kwargs)

    mkdocs_build._populate_page, mkdocs_build._build_page = populate_share, build_share


def on_nav(nav, config, files):
    global _child, _in_child, _pipe, _files
    # A fork copies the calling thread alone: only from a process with one thread, and only with two cores.
    if os.environ.get(VARIABLE) != "2" or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return nav
    pages = {file.src_uri: hand_written(posixpath.dirname(file.dest_uri)) for file in files.documentation_pages()}
    records = {uri for uri, written_by_hand in pages.items() if not written_by_hand}
    theirs = {uri for position, uri in enumerate(sorted(records)) if position % PARENT_EVERY}
    sys.stdout.flush()
    sys.stderr.flush()
    reading, writing = os.pipe()
    _files = files
    pid = os.fork()
    if pid:
        _child, _pipe = pid, reading
        os.close(writing)
        _share(written=set(pages) - theirs, records=records, read=set())
        return nav
    _in_child, _pipe = True, writing
    os.close(reading)
    # The theme's templates (sitemap.xml, 404.html) and static files are the parent's.
    _share(written=theirs, records=records, read=set(pages) - records)
    mkdocs_build._build_theme_template = mkdocs_build._build_extra_template = lambda *args, **kwargs: None
    files.copy_static_files = lambda *args, **kwargs: None
    return nav


def _exit_child(status: int) -> None:
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _child_failed() -> bool:
    """Whether the child logged a warning or an error (MkDocs counts them for its strict mode)."""
    return any(isinstance(handler, CountHandler) and handler.get_counts() for handler in logging.getLogger("mkdocs").handlers)


def _anchor_report(files) -> dict:
    """The anchors of the pages this process rendered, and their links to anchors of pages it did not."""
    pages = [file.page for file in files.documentation_pages() if file.page and file.page.present_anchor_ids is not None]
    return {"anchors": {page.file.src_uri: sorted(page.present_anchor_ids) for page in pages},
            "links": [[page.file.src_uri, target.src_uri, anchor, link] for page in pages
                      for target, links in (page.links_to_anchors or {}).items()
                      if target.page is not None and target.page.present_anchor_ids is None
                      for anchor, link in links.items()]}


def _check_anchors_across(mine: dict, theirs: dict, level: int) -> None:
    """MkDocs' check of anchors in links, for the links from one process's pages to the other's."""
    for links, anchors in ((mine["links"], theirs["anchors"]), (theirs["links"], mine["anchors"])):
        for source, target, anchor, link in links:
            if target in anchors and anchor not in anchors[target]:
                log.log(level, f"Doc file '{source}' contains a link '{link}', but the doc '{target}' does not "
                               f"contain an anchor '#{anchor}'.")


@event_priority(100)  # before any other plugin's post-build work
def on_post_build(config) -> None:
    global _child, _pipe
    if _in_child:
        with os.fdopen(_pipe, "w", encoding="utf-8") as pipe:
            json.dump(_anchor_report(_files), pipe)
        _exit_child(1 if _child_failed() else 0)
    if _child is None:
        return
    with os.fdopen(_pipe, "r", encoding="utf-8") as pipe:  # until the child closes it: sent, or stopped
        report = pipe.read()
    _pipe = None
    _, status = os.waitpid(_child, 0)
    _child = None
    if status:
        raise PluginError("Osa tietueiden sivuista jäi rakentamatta: toinen rakennusprosessi pysähtyi "
                          "virheeseen (katso viestit yllä).")
    _check_anchors_across(_anchor_report(_files), json.loads(report), config.validation.links.anchors)


def on_build_error(error) -> None:
    """The child reports its error and stops; the parent stops the child, whose pages are not needed."""
    global _child, _pipe
    if _in_child:
        log.error("%s", error)
        _exit_child(1)
    if _child is not None:
        os.kill(_child, signal.SIGTERM)
        os.waitpid(_child, 0)
        _child = None
    if _pipe is not None:
        os.close(_pipe)
        _pipe = None
