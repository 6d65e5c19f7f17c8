"""What a person does in a browser: follow the levels, sort a list by keyboard.

Playwright drives Debian's Chromium (the ``browser`` fixture) against the real records'
built site served on loopback; the paths followed name real levels and methods.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts.pipeline.model import finnish_sort_key


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    assert all(url.startswith(site_url) or url.startswith("data:") for url in requests), requests


def test_levels_lead_from_front_page_to_method(page):
    page.goto("")
    page.locator("article").get_by_role("link", name="Arviointiosallisuus", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Arviointiosallisuus")
    page.locator("article").get_by_role("link", name="Bikva", exact=True).click()
    expect(page).to_have_url(re.compile(r"/menetelmat/bikva/$"))
    expect(page.locator(".record-facts")).to_contain_text("Arviointiosallisuus")


def test_case_list_sorts_by_region_with_the_keyboard(page):
    page.goto("esimerkit/")
    header = page.locator(".sortable-table th").nth(2)
    expect(header).to_have_text("Maakunta")
    button = header.get_by_role("button")
    button.focus()
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")
    regions = [text.strip() for text in page.locator(".sortable-table tbody tr td:nth-child(3)").all_inner_texts()]
    known = [region for region in regions if region]
    assert "" in regions and regions == known + [""] * (len(regions) - len(known))  # no region: last
    assert known == sorted(known, key=finnish_sort_key)
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "descending")
    regions = [text.strip() for text in page.locator(".sortable-table tbody tr td:nth-child(3)").all_inner_texts()]
    known = [region for region in regions if region]
    assert regions == known + [""] * (len(regions) - len(known))
    assert known == sorted(known, key=finnish_sort_key, reverse=True)
