"""The site works under the strict Content-Security-Policy the build writes to csp.txt.

Read and served from the real records' built site.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from scripts.tools.serving import served


def test_policy_allows_no_inline_script_but_the_hashed_ones(built_site):
    policy = (built_site / "csp.txt").read_text(encoding="utf-8").strip()
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert re.search(r"script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+$", policy)
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_pages_and_search_work_under_the_policy(built_site, browser):
    policy = (built_site / "csp.txt").read_text(encoding="utf-8").strip()
    with served(built_site, {"Content-Security-Policy": policy}) as url:
        page = browser.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text)
                if "Content Security Policy" in message.text else None)
        for path in ("", "tasot/", "menetelmat/", "menetelmat/bikva/", "esimerkit/"):
            page.goto(url + path)
        page.get_by_role("searchbox", name="Hae").fill("bikva")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        page.goto(url + "esimerkit/")
        page.locator(".sortable-table th button").nth(2).click()
        expect(page.locator(".sortable-table th").nth(2)).to_have_attribute("aria-sort", "ascending")
        page.close()
    assert refused == []


def test_no_page_needs_inline_styles(built_site):
    offenders = [page for page in built_site.rglob("*.html") if ' style="' in page.read_text(encoding="utf-8")]
    assert offenders == []
