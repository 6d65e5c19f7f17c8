"""Record pages stay light (issue 16): every record page of the real catalogue's built site is
at most 30 KB of HTML.

A record page is read on phones over slow connections, and most of what it carries besides the
record is the theme's markup, repeated on every page. The measurement is
``scripts.tools.page_weight`` (``python -m scripts.tools.page_weight site`` shows where the
bytes of a page go). When this fails, trim the theme's markup, not the record.
"""

from __future__ import annotations

import re

from scripts.tools.page_weight import RECORD_PAGE_LIMIT, parts_of, record_pages


def test_every_record_page_is_at_most_30_kb(built_site, real_catalogue):
    pages = record_pages(built_site)
    assert sorted(pages) == sorted(record.url for record in real_catalogue.records)
    heavy = {path: len(html) for path, html in pages.items() if len(html) > RECORD_PAGE_LIMIT}
    assert heavy == {}, f"record pages over {RECORD_PAGE_LIMIT} bytes: {heavy}"


def test_the_theme_around_a_record_carries_no_inline_icons_or_contract(built_site):
    """The parts the theme once repeated in every page: icons (CSS masks now), the page contract
    (a file now), Material's search texts in its configuration."""
    html = (built_site / "menetelmat" / "asiakasraati" / "index.html").read_bytes()
    parts = parts_of(html)
    assert parts["icons (svg)"] == 0 and parts["contract"] == 0
    assert parts["theme config"] < 400, parts
    assert parts["article"] > 10_000, parts  # the record itself is all there


def test_pages_link_only_the_scripts_and_stylesheets_they_use(built_site):
    """Page-specific scripts and stylesheets come from the page's front matter (overrides/main.html)."""
    def linked(path: str) -> tuple[set[str], set[str]]:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        return (set(re.findall(r'<script[^>]* src="[./]*javascripts/([\w-]+)\.js"', html)),
                set(re.findall(r'<link rel="stylesheet" href="[./]*stylesheets/([\w-]+)\.css"', html)))

    common = {"extra", "search", "icons"}
    assert linked("menetelmat/asiakasraati") == ({"search", "citation"}, common)
    assert linked("esimerkit/kela-asiakasraadit") == ({"search", "citation"}, common)
    assert linked("loyda") == ({"search", "finder", "guide"}, common | {"finder", "map", "guide"})
    assert linked("esimerkit") == ({"search", "sortable-tables"}, common | {"lists", "map"})
    assert linked("tasot") == ({"search"}, common | {"lists"})
