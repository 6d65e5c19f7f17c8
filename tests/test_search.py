"""Search in Finnish, as a person types it into the header search box.

Pagefind answers from the index that `python -m scripts build` writes; each query below must
bring the expected record into the first three results, whatever form the word is in.
Content tests in part: the queries name real records of the built site.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts.rules.kinds import KINDS


@pytest.fixture(scope="module")
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("")
    yield page
    context.close()
    assert all(url.startswith(site_url) for url in requests), "search fetched from outside the site"


def search(page, query: str):
    box = page.get_by_role("searchbox", name="Hae")
    box.fill(query)
    expect(page.get_by_role("status")).to_contain_text(f"haulla ”{query}”", timeout=10_000)
    return page.locator("#site-search-results > li a")


def top_three(page, query: str) -> list[str]:
    results = search(page, query)
    expect(results.first).to_be_visible()
    return [link.get_attribute("href") for link in results.all()[:3]]


@pytest.mark.parametrize(("query", "expected"), [
    ("raati", "/menetelmat/asiakasraati/"),  # part of a compound
    ("raadit", "/menetelmat/asiakasraati/"),  # plural, consonant gradation t -> d
    ("asiakasraadissa", "/menetelmat/asiakasraati/"),  # inessive of the compound
    ("budjetointi", "/menetelmat/osallistuva-budjetointi/"),
    ("budjetoinnissa", "/menetelmat/osallistuva-budjetointi/"),  # nt -> nn
    ("kokemusasiantuntija", "/menetelmat/kokemusasiantuntijuus/"),
    ("kokemusasiantuntijat", "/menetelmat/kokemusasiantuntijuus/"),
    ("BIKVA", "/menetelmat/bikva/"),  # alias in capitals
    ("asiakaslähtöisyyden arviointi", "/menetelmat/bikva/"),  # alias in words
    ("Tampere", "/esimerkit/tampere-osallistuva-budjetointi-tesoma/"),  # municipality
    ("Rovaniemellä", "/esimerkit/rovaniemi-aikuissosiaalityon-asiakasraati/"),  # municipality, inflected
    ("ikääntyneet", "/esimerkit/moveon-ikaantyneiden-etavalmennus/"),  # target group
])
def test_finnish_query_finds_the_record(page, query, expected):
    assert expected in top_three(page, query)


def test_result_opens_the_record_with_the_keyboard(page):
    search(page, "bikva")
    page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_attribute("href", re.compile(r"/menetelmat/bikva/$"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Bikva")
    page.goto("")


def test_result_shows_kind_and_summary(page, built_site):
    """The index labels a record by its kind id; the results name the kind in Finnish (from the page contract)."""
    record_page = (built_site / "menetelmat" / "osallistuva-budjetointi" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="kind:method"' in record_page
    first = search(page, "osallistuva budjetointi").first
    expect(first.locator("h2")).to_have_text("Osallistuva budjetointi")
    expect(first.locator(".search-result__kind")).to_have_text(KINDS["method"].label)
    expect(first).to_contain_text("äänestävät")


def test_page_without_summary_shows_where_the_words_matched(page):
    results = search(page, "saavutettavuusvaatimukset")
    expect(results.first.locator("mark").first).to_be_visible()


def test_nothing_found_is_said_in_words(page):
    search(page, "xyzzyqwerty")
    expect(page.get_by_role("status")).to_have_text("Ei osumia haulla ”xyzzyqwerty”.")
    expect(page.locator("#site-search-results > li")).to_have_count(0)


def test_escape_closes_the_search(page):
    search(page, "raati")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.get_by_role("searchbox", name="Hae")).not_to_be_focused()


def test_more_results_load_on_request(page):
    results = search(page, "asiakas")
    expect(results).to_have_count(5)
    expect(page.get_by_role("status")).to_contain_text("Näytetään 5 parasta.")
    page.get_by_role("button", name="Näytä lisää tuloksia").click()
    expect(results).to_have_count(10)
    expect(results.nth(5)).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("Näytetään 10 parasta.")
