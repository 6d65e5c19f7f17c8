"""The page "Löydä menetelmä" in Chromium: every facet, combined filters, counts, sorting, paging,
the address as the state, the phone layout (results first, filters behind a button, chips) and
the no-JavaScript list pages.

Expected results come from the catalogue in Python (the same records the site was built
from, ``real_catalogue``), so the browser's filtering is checked against the data, not
against itself.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from conftest import axe_violations

from scripts.pipeline.model import finnish_sort_key
from scripts.project import REPO_ROOT
from scripts.site.facets import Facets
from scripts.tools.finder_benchmark import measure

# The facets' address parameters, read from the checkout's data/facets.yml at collection time
# (loading the catalogue then would write into the checkout); test_facet_params_are_the_configured_ones
# checks that the built catalogue has the same ones.
FACET_PARAMS = [item["param"]
                for item in yaml.safe_load((REPO_ROOT / "data" / "facets.yml").read_text(encoding="utf-8"))]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PER_PAGE = 20


@pytest.fixture(scope="module")
def catalogue(real_catalogue):
    return real_catalogue


@pytest.fixture(scope="module")
def facets(catalogue) -> Facets:
    return Facets(catalogue)


@pytest.fixture(scope="module")
def records(catalogue):
    return catalogue.methods + catalogue.cases


@pytest.fixture(scope="module")
def expected_titles(facets, records):
    def titles(**chosen: list[str]) -> set[str]:
        """Titles of the records that have one of the chosen values in every chosen facet."""
        return {record.title for record in records
                if all(set(values) & set({"tyyppi": [record.kind], **facets.values_of(record)}[param])
                       for param, values in chosen.items())}
    return titles


def new_page(browser, site_url, viewport=DESKTOP, **options):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport=viewport, **options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


@pytest.fixture
def page(browser, site_url):
    context, page, errors = new_page(browser, site_url)
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def phone(browser, site_url):
    context, page, errors = new_page(browser, site_url, PHONE)
    yield page
    context.close()
    assert errors == []


def results(page):
    return page.locator("#finder-list > li")


def shown_titles(page) -> list[str]:
    """Every result in order, pressing "Näytä lisää" until all are on the page."""
    expect(page.locator("#finder-list")).not_to_have_attribute("aria-busy", "true")
    more = page.get_by_role("button", name="Näytä lisää")
    while more.is_visible():
        count = results(page).count()
        more.click()
        expect(results(page)).not_to_have_count(count)
    return results(page).locator("a").all_inner_texts()


def visible_titles(page) -> set[str]:
    return set(shown_titles(page))


def checkbox(page, param: str, value: str):
    return page.locator(f"#finder-form input[name='{param}'][value='{value}']")


def shown_count(page, param: str, value: str) -> int:
    label = checkbox(page, param, value).locator("xpath=..")
    expect(label.locator(".finder-count")).to_have_text(re.compile(r"\(\d+\)"))
    return int(re.search(r"\((\d+)\)", label.text_content()).group(1))


def open_facet(page, facets: Facets, param: str) -> None:
    box = checkbox(page, param, facets.by_param[param].values[0]["id"])
    details = box.locator("xpath=ancestor::details")
    if details.count() and details.get_attribute("open") is None:
        details.locator("summary").click()


def loaded(page, path: str) -> None:
    """Open a finder address and wait until the script has shown the results from its data."""
    page.goto(path)
    expect(page.locator("#finder-list")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator("#finder-form .finder-count").first).to_have_text(re.compile(r"\(\d+\)"))


def test_facet_params_are_the_configured_ones(facets):
    assert [facet.param for facet in facets.all] == FACET_PARAMS


def test_status_start_year_evidence_and_arena_are_filters(facets):
    assert {"status", "start_decade", "evidence", "arena"} <= {facet.field for facet in facets.all}
    assert all(re.fullmatch(r"\d{3}0-luku", value["label"]) for value in facets.by_param["alkoi"].values)


def test_without_filters_everything_is_counted_and_paged(page, catalogue, facets, records):
    loaded(page, "loyda/")
    expect(page.locator("#finder-status")).to_have_text(
        f"Kaikkiaan {len(catalogue.methods)} menetelmää ja {len(catalogue.cases)} esimerkkiä. Näytetään 1–{PER_PAGE}.")
    expect(results(page)).to_have_count(PER_PAGE)
    assert shown_count(page, "tyyppi", "method") == len(catalogue.methods)
    # A single-valued facet's counts add up to the records that have the field.
    assert sum(shown_count(page, "kesto", value["id"]) for value in facets.by_param["kesto"].values) == \
        len(catalogue.methods)
    # "Näytä lisää" adds the next page, moves focus to its first result and says how many are shown.
    page.get_by_role("button", name="Näytä lisää").click()
    expect(results(page)).to_have_count(2 * PER_PAGE)
    expect(results(page).nth(PER_PAGE).locator("a")).to_be_focused()
    expect(page.locator("#finder-status")).to_contain_text(f"Näytetään 1–{2 * PER_PAGE}.")
    assert len(shown_titles(page)) == len(records)
    expect(page.get_by_role("button", name="Näytä lisää")).to_be_hidden()


@pytest.mark.parametrize("param", FACET_PARAMS)
def test_each_facet_narrows_to_the_records_with_that_value(page, facets, expected_titles, param):
    loaded(page, "loyda/")
    value = facets.by_param[param].values[0]["id"]
    expected = expected_titles(**{param: [value]})
    open_facet(page, facets, param)
    assert shown_count(page, param, value) == len(expected)
    checkbox(page, param, value).check()
    expect(page.locator("#finder-status")).to_contain_text("Valinnoilla löytyi")
    assert visible_titles(page) == expected
    assert parse_qs(urlsplit(page.url).query) == {param: [value]}


def test_filters_combine_across_facets_and_within_one(page, facets, records, expected_titles):
    loaded(page, "loyda/")
    checkbox(page, "taso", "paatososallisuus").check()
    open_facet(page, facets, "kohderyhma")
    checkbox(page, "kohderyhma", "nuoret").check()
    checkbox(page, "kohderyhma", "lapset").check()
    expected = expected_titles(taso=["paatososallisuus"], kohderyhma=["nuoret", "lapset"])
    assert 0 < len(expected) < len(records)
    methods = sum(1 for record in records if record.title in expected and record.kind == "method")
    expect(page.locator("#finder-status")).to_have_text(
        re.compile(rf"Valinnoilla löytyi {methods} menetelmä\S* ja {len(expected) - methods} esimerk"))
    assert visible_titles(page) == expected
    # Counts show what choosing a value would give next to the other choices.
    assert shown_count(page, "tyyppi", "method") == methods


def test_address_keeps_filters_and_sorting_and_restores_them(page, catalogue, records, expected_titles):
    loaded(page, "loyda/")
    checkbox(page, "taso", "arviointiosallisuus").check()
    checkbox(page, "tyyppi", "case").check()
    page.get_by_label("Järjestys").select_option(label="Aakkosjärjestys")
    expect(page).to_have_url(re.compile("jarjestys=aakkoset"))
    assert parse_qs(urlsplit(page.url).query) == {"tyyppi": ["case"], "taso": ["arviointiosallisuus"],
                                                  "jarjestys": ["aakkoset"]}
    shown = shown_titles(page)
    loaded(page, page.url)
    expect(checkbox(page, "taso", "arviointiosallisuus")).to_be_checked()
    expect(checkbox(page, "tyyppi", "case")).to_be_checked()
    expect(page.get_by_label("Järjestys")).to_have_value("aakkoset")
    cases = {case.title for case in catalogue.cases}
    assert shown_titles(page) == shown
    assert set(shown) == expected_titles(taso=["arviointiosallisuus"]) & cases
    page.get_by_role("button", name="Tyhjennä valinnat").first.click()
    expect(page).to_have_url(re.compile(r"/loyda/\?jarjestys=aakkoset$"))
    assert len(shown_titles(page)) == len(records)


def test_sorting_puts_unknown_years_last(page, catalogue):
    loaded(page, "loyda/?tyyppi=case&jarjestys=uusimmat")
    shown_titles(page)
    lines = results(page).locator(".finder-line").all_inner_texts()
    years = [int(match.group(1)) if (match := re.search(r", (\d{4})", line)) else None for line in lines]
    unknown = sum(1 for case in catalogue.cases if case.data["years"].get("start") is None)
    assert unknown > 0 and len(years) == len(catalogue.cases)
    assert years[len(years) - unknown:] == [None] * unknown
    known = years[:len(years) - unknown]
    assert None not in known and known == sorted(known, reverse=True)


def test_relevance_and_title_orders(page, catalogue, records):
    loaded(page, "loyda/")
    expect(page.locator(".finder-sort-note")).to_contain_text("Osuvimmat ensin: ensin menetelmät")
    titles = shown_titles(page)
    methods = [method.title for method in catalogue.methods]
    assert set(titles[:len(methods)]) == set(methods)
    used = {method.title: len(catalogue.used_by[method.id]) for method in catalogue.methods}
    assert [used[title] for title in titles[:len(methods)]] == sorted(used.values(), reverse=True)
    page.get_by_label("Järjestys").select_option("aakkoset")
    expect(page.locator(".finder-sort-note")).to_contain_text("Aakkosjärjestys")
    assert shown_titles(page) == sorted((record.title for record in records), key=finnish_sort_key)


def test_level_page_opens_the_filter_preset_to_its_level(page, expected_titles):
    page.goto("tasot/toimintaosallisuus/")
    page.get_by_role("link", name="Suodata tämän tason menetelmiä ja esimerkkejä").click()
    expect(checkbox(page, "taso", "toimintaosallisuus")).to_be_checked()
    assert visible_titles(page) == expected_titles(taso=["toimintaosallisuus"])


def test_shared_link_on_a_phone_shows_results_first(phone, expected_titles):
    loaded(phone, "loyda/?kohderyhma=nuoret&taso=paatososallisuus")
    first = results(phone).first
    expect(first.locator("a")).to_have_text(re.compile(r"\S"))
    phone.wait_for_function("() => window.scrollY > 0")
    box = first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    expect(phone.locator("#finder-form")).to_be_hidden()  # the filters wait behind their button
    assert visible_titles(phone) == expected_titles(kohderyhma=["nuoret"], taso=["paatososallisuus"])


def test_filter_button_counts_opens_and_closes(phone, facets):
    loaded(phone, "loyda/?kohderyhma=nuoret&taso=paatososallisuus")
    toggle = phone.locator("#finder-toggle")
    expect(toggle).to_have_accessible_name("Suodattimet (2 valittu)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(phone.locator("#finder-form")).to_be_visible()
    checkbox(phone, "tyyppi", "method").check()
    expect(toggle).to_have_accessible_name("Suodattimet (3 valittu)")
    phone.keyboard.press("Escape")
    expect(phone.locator("#finder-form")).to_be_hidden()
    expect(toggle).to_be_focused()
    toggle.click()
    count = results(phone).count()
    close = phone.get_by_role("button", name=re.compile(r"^Näytä \d+ tulos"))
    expect(close).to_have_text(re.compile(rf"Näytä {count} tulos"))
    close.click()
    expect(phone.locator("#finder-form")).to_be_hidden()
    expect(phone.locator("#finder-heading")).to_be_focused()


def test_chips_remove_filters(phone, expected_titles):
    loaded(phone, "loyda/?kohderyhma=nuoret&taso=paatososallisuus")
    chip = phone.get_by_role("button", name="Poista suodatin: Nuoret")
    box = chip.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    chip.click()
    expect(chip).to_have_count(0)
    expect(phone).to_have_url(re.compile(r"/loyda/\?taso=paatososallisuus$"))
    expect(phone.get_by_role("button", name="Suodattimet (1 valittu)")).to_be_visible()
    expect(phone.get_by_role("button", name="Poista suodatin: Päätösosallisuus")).to_be_focused()
    assert visible_titles(phone) == expected_titles(taso=["paatososallisuus"])
    phone.get_by_role("button", name="Tyhjennä valinnat").first.click()
    expect(phone).to_have_url(re.compile(r"/loyda/$"))
    expect(phone.locator(".finder-chip")).to_have_count(0)


def test_check_boxes_are_big_enough_to_touch(phone):
    loaded(phone, "loyda/")
    phone.get_by_role("button", name=re.compile("Suodattimet")).click()
    box = checkbox(phone, "tyyppi", "case").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24


def test_keyboard_alone_filters(page, catalogue):
    loaded(page, "loyda/")
    box = checkbox(page, "tyyppi", "method")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert len(visible_titles(page)) == len(catalogue.methods)


def test_without_javascript_a_first_page_links_to_the_rest(browser, site_url):
    context, page, _ = new_page(browser, site_url, java_script_enabled=False)
    page.goto("loyda/?taso=paatososallisuus")
    expect(page.locator("#finder-form")).to_be_hidden()
    expect(page.locator("#finder-list > li:visible")).to_have_count(50)
    expect(page.get_by_role("navigation", name="Luettelon sivut").get_by_role("link", name="2")).to_be_visible()
    context.close()


class _Links(HTMLParser):
    """Results (links in #finder-list) and page links (in the pages' nav) of one built page."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[str] = []
        self.pages: list[str] = []
        self._where: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("id") == "finder-list":
            self._where = "results"
        elif tag == "nav" and "finder-pages" in (attrs.get("class") or ""):
            self._where = "pages"
        elif tag == "a" and self._where and "href" in attrs:
            (self.results if self._where == "results" else self.pages).append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in ("ul", "nav") and self._where == ("results" if tag == "ul" else "pages"):
            self._where = None


def test_without_javascript_every_record_is_on_some_list_page(built_site, records):
    """Following the built pages' links from /loyda/ reaches every record once, in small pages."""
    seen: list[str] = []
    queue, visited = ["/loyda/"], set()
    while queue:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        html = (built_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        assert len(html) < 300_000, url
        links = _Links()
        links.feed(html)
        assert 0 < len(links.results) <= 50, url
        seen += [urljoin(url, href) for href in links.results]
        queue += [urljoin(url, href) for href in links.pages]
    assert len(visited) == -(-len(records) // 50)
    assert sorted(seen) == sorted(f"/{record.url}" for record in records)



@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_no_wcag_violations_with_filters_open_and_closed(browser, site_url, viewport):
    context, page, errors = new_page(browser, site_url, viewport)
    loaded(page, "loyda/?kohderyhma=nuoret")
    assert axe_violations(page) == []
    if viewport == PHONE:
        page.get_by_role("button", name=re.compile("Suodattimet")).click()
    expect(page.locator("#finder-form")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    context.close()
    assert errors == []


def test_benchmark_measures_the_finder_in_the_browser(built_site, browser):
    figures = measure(built_site, browser=browser)
    assert set(figures) == {"finder_page_kb", "finder_first_filter_kb", "finder_update_ms"}
    assert figures["finder_page_kb"] == (built_site / "loyda" / "index.html").stat().st_size / 1000
    # The data file came over the network, compressed: more than nothing, less than on disk.
    assert 0 < figures["finder_first_filter_kb"] < (built_site / "loyda" / "tiedot.json").stat().st_size / 1000
    assert figures["finder_update_ms"] > 0
