"""Search in Finnish, as a person types it into the header search box.

The site's search answers from the index that `python -m scripts build` writes (Finnish base
forms in Pagefind, scripts/site/search_index.py) through the page's own scripts
(docs/javascripts/search.js). Content tests in part: the queries name real records of the
built site. A representative part of the graded query set runs in test_search_quality.py.
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
    errors = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("")
    yield page
    context.close()
    assert all(url.startswith(site_url) for url in requests), "search fetched from outside the site"
    assert errors == []


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


@pytest.mark.parametrize("query", ["raati", "raadit"])
def test_part_of_a_name_brings_the_methods_named_with_it(page, query):
    """Compound parts and consonant gradation: "raadit" is raati, part of asiakasraati, nuorisoraati, …"""
    assert all(url.startswith("/menetelmat/") and "raati" in url for url in top_three(page, query))


def test_a_method_named_in_any_form_comes_first(page):
    """The issue's first complaint: "asiakasraati" listed Sähköinen asiakasraati and four cases first."""
    for query in ("asiakasraati", "Asiakasraadit", "asiakasraatien"):
        assert top_three(page, query)[0].endswith("/menetelmat/asiakasraati/"), query


def test_base_forms_keep_places_and_common_words_apart(page):
    """Lappi is not lapsi and kunta is not kun: the index holds Voikko's base forms, not stems."""
    lapland = top_three(page, "lappi")
    assert all(url.startswith("/esimerkit/") for url in lapland)
    assert not any("lasten" in url or "lapsi" in url for url in lapland)
    results = search(page, "lasten")
    assert "/menetelmat/lasten-osallisuus-varhaiskasvatuksessa/" in [link.get_attribute("href") for link in results.all()[:3]]


def test_places_bring_their_cases_first(page, real_catalogue):
    """A region named in any form puts its cases first: those of its municipalities too."""
    lapland = {"/" + case.url for case in real_catalogue.cases if "Lappi" in real_catalogue.regions(case)}
    assert set(top_three(page, "asiakasraadit lapissa")) <= lapland
    assert set(top_three(page, "Lapissa")) <= lapland


def test_result_shows_kind_place_years_levels_and_marked_words(page):
    first = search(page, "Rovaniemen asiakasraati").first
    expect(first.locator(".search-result__kind")).to_have_text(re.compile(r"^Esimerkki · Rovaniemi · \d{4}"))
    expect(first.locator(".search-result__levels")).to_have_text(re.compile(r"^Tasot: .*osallisuus"))
    marks = first.locator("mark")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_inner_texts()} & {"asiakasraati", "rovaniemen"}


def test_result_of_a_method_shows_kind_and_summary(page, built_site):
    first = search(page, "osallistuva budjetointi").first
    expect(first.locator("h2")).to_have_text("Osallistuva budjetointi")
    expect(first.locator(".search-result__kind")).to_have_text(KINDS["method"].label)
    expect(first).to_contain_text("äänestävät")


def test_typo_is_corrected_and_said(page):
    results = search(page, "bikwa")
    expect(page.get_by_role("status")).to_contain_text("Tarkoititko ”bikva”?")
    expect(results.first).to_have_attribute("href", re.compile(r"/menetelmat/bikva/$"))


def test_synonym_finds_the_vocabulary_word(page):
    """data/synonyms.yml: vanhukset -> ikääntyneet."""
    urls = top_three(page, "vanhukset")
    assert not any(url.endswith("/avoin-data/") for url in urls)
    assert any("ikaantyneiden" in url or "ikaihminen" in url or "vanhuspalvel" in url or "asiantuntijaryhma" in url
               for url in urls)


def test_hand_written_page_shows_its_description(page):
    results = search(page, "saavutettavuusseloste")
    expect(results.first).to_have_attribute("href", re.compile(r"/saavutettavuusseloste/$"))
    expect(results.first.locator("mark").first).to_be_visible()


def test_result_opens_the_record_with_the_keyboard(page):
    search(page, "bikva")
    page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_attribute("href", re.compile(r"/menetelmat/bikva/$"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Bikva")
    page.goto("")


def test_nothing_found_is_said_in_words_and_suggests_the_finder(page):
    search(page, "xyzzyqwerty")
    expect(page.get_by_role("status")).to_have_text("Ei osumia haulla ”xyzzyqwerty”.")
    expect(page.locator("#site-search-results > li")).to_have_count(0)
    expect(page.get_by_role("button", name="Näytä lisää tuloksia")).to_be_hidden()
    finder = page.locator("#site-search-finder")
    expect(finder).to_be_visible()
    expect(finder.get_by_role("link", name="Löydä menetelmä")).to_have_attribute("href", re.compile(r"loyda/$"))


def test_escape_closes_the_search(page):
    search(page, "raati")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.get_by_role("searchbox", name="Hae")).not_to_be_focused()


def test_more_results_load_from_a_real_button(page):
    results = search(page, "asiakas")
    expect(results).to_have_count(5)
    expect(page.get_by_role("status")).to_contain_text("Näytetään 5 parasta.")
    button = page.get_by_role("button", name="Näytä lisää tuloksia")
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, box
    button.click()
    expect(results).to_have_count(10)
    expect(results.nth(5)).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("Näytetään 10 parasta.")


def test_search_works_on_the_not_found_page(browser, site_url, built_site):
    """A host answers a missing address with 404.html (GitHub Pages does, under the site's path,
    which the test deployment sets to /menetelmapankki/); its search works there, starting
    from the words of the address."""
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    prefix = "menetelmapankki/"
    not_found = (built_site / "404.html").read_text(encoding="utf-8")

    def pages_host(route):
        path = route.request.url.split(prefix, 1)[1].split("?")[0]
        file = built_site / path
        if (file / "index.html").is_file() or file.is_file():
            route.fulfill(response=route.fetch(url=site_url + path))
        else:
            route.fulfill(status=404, body=not_found, content_type="text/html")

    page.route(f"{site_url}{prefix}**", pages_host)
    page.goto(f"{site_url}{prefix}menetelmat/asiakasraatti/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sivua ei löytynyt")
    box = page.get_by_label("Hae menetelmää tai esimerkkiä")
    expect(box).to_have_value("asiakasraatti")
    page.get_by_role("button", name="Hae", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("haulla ”asiakasraatti”", timeout=10_000)
    expect(page.locator("#site-search-results > li a").first).to_have_attribute("href", re.compile(r"/menetelmat/asiakasraati/$"))
    context.close()
    assert errors == []


def test_a_query_typed_before_the_search_script_started_is_searched(browser, site_url):
    """On a slow connection the box can be typed into before search.js has its contract: the query still runs."""
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    held = []
    page.route("**/javascripts/site-contract.json", lambda route: held.append(route))
    page.goto("", wait_until="domcontentloaded")
    page.get_by_role("searchbox", name="Hae").fill("asiakasraati")
    for _ in range(100):  # until the script asks for its contract
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the contract request was not held"
    expect(page.locator("#site-search-results")).to_have_count(0)  # not started yet
    held[0].continue_()
    expect(page.locator("#site-search-results > li a").first).to_have_attribute(
        "href", re.compile(r"/menetelmat/asiakasraati/$"), timeout=10_000)
    context.close()
