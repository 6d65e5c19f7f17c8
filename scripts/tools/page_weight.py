"""How many bytes of HTML each part of the built record pages takes (issue 16).

A record page must stay at most ``RECORD_PAGE_LIMIT`` bytes, and most of what it carries
besides the record itself is the theme's markup, repeated on every page. This splits each
record page (a page whose content Pagefind labels with a record kind) into the theme's parts
and the article, so a change to the theme shows where its bytes went:

    python -m scripts.tools.page_weight [site] [--pages]

prints the largest and the median record page and the median of each part (``--pages``: every
record page's parts, heaviest first). The parts are found by their opening tag and the matching
closing tag; a part nested in another (the search box in the header) is counted only once, in
the inner part. Inline SVG icons are counted across the parts, within them.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

RECORD_PAGE_LIMIT = 30_000
RECORD_MARKER = b'data-pagefind-meta="kind:'

# The parts in the order they are subtracted: inner parts before the parts around them.
PARTS = {
    "search": rb'<div class="md-search"',
    "header": rb"<header\b",
    "navigation": rb'<div class="md-sidebar md-sidebar--primary"',
    "toc": rb'<div class="md-sidebar md-sidebar--secondary"',
    "article": rb"<article\b",
    "footer": rb"<footer\b",
    "theme config": rb'<script id="__config"',
    "contract": rb'<script type="application/json" id="site-contract"',
    "head": rb"<head>",
}
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def element_span(html: bytes, start: int) -> tuple[int, int]:
    """Where the element opening at ``start`` ends: the closing tag of the same name at depth 0."""
    name = _TAG.match(html, start).group(2).lower()
    if name == b"script":
        return start, html.index(b"</script>", start) + len(b"</script>")
    depth = 0
    for tag in _TAG.finditer(html, start):
        if tag.group(2).lower() != name:
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start, tag.end()
    raise ValueError(f"no closing tag for <{name.decode()}> at {start}")


def parts_of(html: bytes) -> dict[str, int]:
    """Bytes of each part; ``other`` is what remains (the page skeleton, script tags, icons)."""
    sizes: dict[str, int] = {}
    counted: list[tuple[int, int]] = []
    for part, opening in PARTS.items():
        found = re.search(opening, html)
        if not found:
            sizes[part] = 0
            continue
        start, end = element_span(html, found.start())
        inner = sum(e - s for s, e in counted if start <= s and e <= end)
        sizes[part] = end - start - inner
        counted.append((start, end))
    sizes["other"] = len(html) - sum(sizes.values())
    # Across the parts (already counted in them): what inline icons would cost.
    sizes["icons (svg)"] = sum(len(svg) for svg in re.findall(rb"<svg\b.*?</svg>", html, re.S))
    return sizes


def record_pages(site: Path) -> dict[str, bytes]:
    pages = {}
    for page in sorted(site.rglob("index.html")):
        html = page.read_bytes()
        if RECORD_MARKER in html:
            pages[page.parent.relative_to(site).as_posix() + "/"] = html
    return pages


def page_table(site: Path) -> str:
    """Every record page's bytes by part, heaviest page first."""
    pages = sorted(record_pages(site).items(), key=lambda item: -len(item[1]))
    rows = [[path, len(html), *parts_of(html).values()] for path, html in pages]
    header = ["page", "bytes", *parts_of(pages[0][1])] if pages else ["page", "bytes"]
    return "\n".join("\t".join(map(str, row)) for row in [header, *rows])


def report(site: Path) -> str:
    pages = record_pages(site)
    if not pages:
        return f"{site}: no record pages"
    sizes = {path: len(html) for path, html in pages.items()}
    largest = max(sizes, key=sizes.get)
    median_size = statistics.median(sizes.values())
    parts = {path: parts_of(html) for path, html in pages.items()}
    lines = [f"{len(pages)} record pages; limit {RECORD_PAGE_LIMIT} bytes; over it: "
             f"{sum(size > RECORD_PAGE_LIMIT for size in sizes.values())}",
             f"largest {sizes[largest]} bytes ({largest}); median {median_size:.0f} bytes",
             f"{'part':<14}{'largest page':>14}{'median':>10}"]
    for part in parts[largest]:
        lines.append(f"{part:<14}{parts[largest][part]:>14}"
                     f"{statistics.median(p[part] for p in parts.values()):>10.0f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--pages", action="store_true", help="every record page's parts, heaviest first")
    args = parser.parse_args(argv)
    print(page_table(args.site) if args.pages else report(args.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
