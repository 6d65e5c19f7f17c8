"""WCAG 2.1 A/AA: axe-core finds nothing on the pages people use, and the keyboard reaches everything.

axe-core comes inside the PyPI package axe-playwright-python and runs in Debian's Chromium,
on the real records' built site (``built_site``): every fixed page, every level page and a
sample of record pages.
"""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from conftest import answer_guide, axe_violations, checkout_record_ids
from scripts.project import REPO_ROOT
from scripts.rules.kinds import KINDS, record_url



def pages_to_check() -> list[str]:
    """Chosen at collection time from file names only: loading the records would write into the checkout."""
    pages = ["", "loyda/", "tasot/", "menetelmat/", "esimerkit/", "vertailu/", "avoin-data/", "avainsanat/", "tietoa/",
             "saavutettavuusseloste/", "osallistu/", "naytto/", "suorituskyky/"]
    levels = yaml.safe_load((REPO_ROOT / "data" / "vocabularies" / "levels.yml").read_text(encoding="utf-8"))
    pages += [f"tasot/{level['id']}/" for level in levels]
    for kind, step in (("method", 25), ("case", 15)):
        sample = checkout_record_ids(KINDS[kind].folder)[::step]
        pages += [record_url(kind, record_id).lstrip("/") for record_id in sample]
    return pages


@pytest.fixture(scope="module")
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    yield page
    context.close()



@pytest.mark.parametrize("path", pages_to_check())
def test_page_has_no_wcag_violations(page, path):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "fi"
    assert axe_violations(page) == []


# 404.html is left out: it links its styles from the deployment's sub-path (/menetelmapankki/),
# which this test server, serving the site at its root, does not have.
@pytest.mark.parametrize("path", ["", "osallistu/", "naytto/", "menetelmat/asiakasraati/", "esimerkit/kela-asiakasraadit/"])
def test_changed_pages_have_no_wcag_violations_on_a_phone(browser, site_url, path):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(path)
    assert axe_violations(phone) == []
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    context.close()


def test_search_results_have_no_wcag_violations(page):
    page.goto("")
    page.get_by_role("searchbox", name="Hae").fill("asiakasraati")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert axe_violations(page) == []


def test_guide_answer_and_filtered_list_have_no_wcag_violations(page):
    page.goto("loyda/?taso=arviointiosallisuus")
    page.locator("#guide summary").click()
    answer_guide(page, "Arviointiosallisuus", "Ryhmällä ei ole väliä", "Paljon")
    expect(page.locator(".guide-list > li").first).to_be_visible()
    assert axe_violations(page) == []


def test_keyboard_reaches_search_and_opens_a_result(page):
    page.goto("")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Hyppää sisältöön")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-search__input')"):
            break
    else:
        pytest.fail("search box is not reachable with Tab")
    page.keyboard.type("bikva")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/menetelmat/bikva/"))


def test_keyboard_focus_is_visible_on_content_links(page):
    page.goto("menetelmat/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('article table a') !== null"):
            break
    else:
        pytest.fail("no link in the list was reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
