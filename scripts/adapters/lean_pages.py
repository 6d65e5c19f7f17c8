"""MkDocs hook: what MkDocs repeats for every page, done once per build, when the build asks for it.

At 5,000 record pages MkDocs spends a tenth of its time on two things that serve no reader
(issue 19), and while :func:`scripts.site.build.build_site` sets :data:`VARIABLE` this hook
does them once:

- **One Markdown parser.** MkDocs makes a new ``markdown.Markdown`` for every page, which
  loads and sets up every extension again. Python-Markdown supports converting many
  documents with one parser, reset between them (``Markdown.reset()`` empties its stash,
  references and each extension's state), so MkDocs' page module gets the build's parser,
  reset. MkDocs still registers its own processors of the page (anchors, links, title) on
  it; they have fixed names, so each page's replace the last page's.
- **Front matter read as JSON.** The generator writes each page's front matter as one line
  of JSON (:func:`scripts.site.pages.front_matter`), which is also YAML; MkDocs reads it with
  PyYAML, some fifteen times slower than :func:`json.loads`. Front matter that is not such a line
  (the hand-written pages) is read by MkDocs as before.

tests/test_render_shares.py checks that the pages are byte for byte those of a plain MkDocs build.
"""

from __future__ import annotations

import json
import os
import types

import markdown
import mkdocs.structure.pages as mkdocs_pages
from mkdocs.utils import meta as mkdocs_meta

VARIABLE = "SITE_LEAN_PAGES"  # "1": the savings above
_parsers: dict[tuple[int, int], markdown.Markdown] = {}


def _markdown(*, extensions, extension_configs) -> markdown.Markdown:
    """The parser made for this build's extensions, reset; the first call makes it."""
    key = (id(extensions), id(extension_configs))
    parser = _parsers.get(key)
    if parser is None:
        _parsers.clear()
        parser = _parsers[key] = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    return parser.reset()


def _get_data(document: str, read_yaml=mkdocs_meta.get_data) -> tuple[str, dict]:
    """MkDocs' ``meta.get_data``, with a line of JSON between the ``---`` lines read as JSON."""
    if document.startswith("---\n{"):
        head, fence, rest = document[4:].partition("\n---\n")
        if fence and "\n" not in head:
            try:
                data = json.loads(head)
            except ValueError:
                data = None
            if isinstance(data, dict):
                return rest.lstrip("\n"), data
    return read_yaml(document)


def on_config(config):
    if os.environ.get(VARIABLE) == "1":
        # The page module's names for the markdown package and MkDocs' meta module: the same
        # modules, but Markdown() reuses one parser and get_data() reads JSON front matter.
        package = types.ModuleType("markdown")
        package.__dict__.update(markdown.__dict__, Markdown=_markdown)
        meta = types.ModuleType("mkdocs.utils.meta")
        meta.__dict__.update(mkdocs_meta.__dict__, get_data=_get_data)
        mkdocs_pages.markdown, mkdocs_pages.meta = package, meta
    return config
