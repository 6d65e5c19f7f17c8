"""Python-Markdown extension: links to other sites get ``rel="noopener noreferrer"``.

Record text comes from contributors; a link out of the site must not give the target page a
handle on ours (``window.opener``) nor tell it where the visitor came from. Registered in
``mkdocs.yml`` as ``scripts.adapters.markdown_links`` so every page, generated or hand-written, gets it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class ExternalLinks(Treeprocessor):
    def run(self, root):
        for link in root.iter("a"):
            if urlsplit(link.get("href", "")).scheme in ("http", "https"):
                link.set("rel", "noopener noreferrer")


class ExternalLinksExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(ExternalLinks(md), "external_links", 5)


def makeExtension(**kwargs):
    return ExternalLinksExtension(**kwargs)
