"""Remove the theme's indentation from the built pages.

A sixth of a record page's HTML is the indentation and the blank lines of Material's
templates (a whitespace run with a line break renders as one space, so it becomes one line
break). Removing it is
the only part of minifying that pays here, and it must not change what a page does: the
contents of ``pre``, ``textarea`` and ``script`` elements are kept byte for byte (code
blocks show their spaces, and the Content-Security-Policy hashes of inline scripts are
computed afterwards anyway). The HTML minifiers on PyPI were no fit: htmlmin takes longer
than MkDocs to build the page, and minify-html also rewrites attributes and tags, which the
site's tests and the CSP hashes read.

MkDocs compacts each page as it writes it (the hook :mod:`scripts.adapters.mkdocs_hook`, in
both of its rendering processes, :mod:`scripts.adapters.render_shares`); a site generator
that runs no hooks (Zensical) has its pages compacted afterwards by :func:`compact_site`.
"""

from __future__ import annotations

import re
from pathlib import Path

_KEPT = re.compile(r"(<(?:pre|textarea|script)\b.*?</(?:pre|textarea|script)>)", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n\s*", re.ASCII)  # ASCII: a no-break space is content


def compact(html: str) -> str:
    """The page without indentation: kept elements are the odd parts of the split."""
    parts = _KEPT.split(html)
    parts[::2] = [_INDENT.sub("\n", part) for part in parts[::2]]
    return "".join(parts)


def compact_site(site_dir: Path) -> int:
    """Compact every page in place; the characters saved."""
    saved = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        smaller = compact(html)
        if len(smaller) != len(html):
            page.write_text(smaller, encoding="utf-8")
            saved += len(html) - len(smaller)
    return saved
