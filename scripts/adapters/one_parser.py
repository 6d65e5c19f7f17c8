"""MkDocs hook: one Markdown parser for all pages of a build, when the build asks for it.

MkDocs makes a new ``markdown.Markdown`` for every page, which loads and sets up every
extension again: at 5,000 record pages a tenth of the build (issue 19). Python-Markdown
supports converting many documents with one parser, reset between them
(``Markdown.reset()`` empties its stash, references and each extension's state). While
:func:`scripts.site.build.build_site` sets :data:`VARIABLE`, MkDocs' page module gets a
parser from here: the build's one, reset. MkDocs still registers its own processors of the
page (anchors, links, title) on it; they have fixed names, so each page's replace the last
page's. tests/test_render_shares.py checks that the pages are byte for byte those of a plain
MkDocs build.
"""

from __future__ import annotations

import os
import types

import markdown
import mkdocs.structure.pages as mkdocs_pages

VARIABLE = "SITE_ONE_PARSER"  # "1": one parser per build
_parsers: dict[tuple[int, int], markdown.Markdown] = {}


def _markdown(*, extensions, extension_configs) -> markdown.Markdown:
    """The parser made for this build's extensions, reset; the first call makes it."""
    key = (id(extensions), id(extension_configs))
    parser = _parsers.get(key)
    if parser is None:
        _parsers.clear()
        parser = _parsers[key] = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    return parser.reset()


def on_config(config):
    if os.environ.get(VARIABLE) == "1":
        # The page module's name for the markdown package: the same package, but Markdown() reuses.
        module = types.ModuleType("markdown")
        module.__dict__.update(markdown.__dict__, Markdown=_markdown)
        mkdocs_pages.markdown = module
    return config
