"""Remove the theme's indentation from the built pages.

A sixth of a record page's HTML is the indentation and the blank lines of Material's
templates (a whitespace run with a line break renders as one space, so it becomes one line
break). Removing it is
the only part of minifying that pays here, and it must not change what a page does: the
contents of ``pre``, ``textarea`` and ``script`` elements are kept byte for byte (code
blocks show their spaces, and the Content-Security-Policy hashes of inline scripts are
computed afterwards anyway). The HTML minifiers on PyPI were no fit: htmlmin takes longer
than MkDocs to build the page, and minify-html also rewrites attributes and tags, which the
site's tests and the CSP hashes read. A run step of its own, after the build, so it works
whatever builds the site.
"""

from __future__ import annotations

import re
from pathlib import Path

_KEPT = re.compile(rb"(<(?:pre|textarea|script)\b.*?</(?:pre|textarea|script)>)", re.S | re.I)
_INDENT = re.compile(rb"[ \t]*\n\s*")


def compact(html: bytes) -> bytes:
    """UTF-8 bytes in and out (the patterns are ASCII): kept elements are the odd parts of the split."""
    parts = _KEPT.split(html)
    parts[::2] = [_INDENT.sub(b"\n", part) for part in parts[::2]]
    return b"".join(parts)


def compact_site(site_dir: Path) -> int:
    """Compact every page in place; the bytes saved."""
    saved = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_bytes()
        smaller = compact(html)
        if len(smaller) != len(html):
            page.write_bytes(smaller)
            saved += len(html) - len(smaller)
    return saved
