"""The page "Löydä menetelmä" in Chromium: every facet, combined filters, counts, the address
as the filter state, keyboard use (with the guide) and the no-JavaScript list; the guide
itself is in test_guide.py.

Expected results come from the catalogue in Python (the same records the site was built
from, ``real_catalogue``), so the browser's filtering is checked against the data, not
against itself.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from scripts.project import REPO_ROOT
from scripts.site.facets import Facets

# The facets' address parameters, read from the checkout's data/facets.yml at collection time
# (loading the catalogue then would write into the checkout); test_facet_params_are_the_configured_ones
# checks that the built catalogue has the same ones.
FACET_PARAMS = [item["param"]
                for item in yaml.safe_load((REPO_ROOT / "data" / "facets.yml").read_text(encoding="utf-8"))]


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
                if all(set(values) & set(facets.values_of(record)[param]) for param, values in chosen.items())}
    return titles


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def visible_titles(page) -> set[str]:
    return set(page.locator("#finder-list > li:visible > a").all_inner_texts())


def checkbox(page, param: str, value: str):
    return page.locator(f"#finder-form input[name='{param}'][value='{value}']")


def shown_count(page, param: str, value: str) -> int:
    label = checkbox(page, param, value).locator("xpath=..")
    return int(re.search(r"\((\d+)\)", label.text_content()).group(1))


def open_facet(page, facets: Facets, param: str) -> None:
    box = checkbox(page, param, facets.by_param[param].values[0]["id"])
    details = box.locator("xpath=ancestor::details")
    if details.count() and details.get_attribute("open") is None:
        details.locator("summary").click()


def test_facet_params_are_the_configured_ones(facets):
    assert [facet.param for facet in facets.all] == FACET_PARAMS


def test_without_filters_everything_is_listed_and_counted(page, catalogue, facets, records):
    page.goto("loyda/")
    expect(page.locator("#finder-status")).to_have_text(
        f"Kaikkiaan {len(catalogue.methods)} menetelmää ja {len(catalogue.cases)} esimerkkiä.")
    assert len(visible_titles(page)) == len(records)
    assert shown_count(page, "tyyppi", "method") == len(catalogue.methods)
    # A single-valued facet's counts add up to the records that have the field.
    assert sum(shown_count(page, "kesto", value["id"]) for value in facets.by_param["kesto"].values) == \
        len(catalogue.methods)


@pytest.mark.parametrize("param", FACET_PARAMS)
def test_each_facet_narrows_to_the_records_with_that_value(page, facets, expected_titles, param):
    page.goto("loyda/")
    value = facets.by_param[param].values[0]["id"]
    expected = expected_titles(**{param: [value]})
    open_facet(page, facets, param)
    assert shown_count(page, param, value) == len(expected)
    checkbox(page, param, value).check()
    expect(page.locator("#finder-status")).to_contain_text("Valinnoilla löytyi")
    assert visible_titles(page) == expected
    assert parse_qs(urlsplit(page.url).query) == {param: [value]}


def test_filters_combine_across_facets_and_within_one(page, facets, records, expected_titles):
    page.goto("loyda/")
    checkbox(page, "taso", "paatososallisuus").check()
    open_facet(page, facets, "kohderyhma")
    checkbox(page, "kohderyhma", "nuoret").check()
    checkbox(page, "kohderyhma", "lapset").check()
    expected = expected_titles(taso=["paatososallisuus"], kohderyhma=["nuoret", "lapset"])
    assert 0 < len(expected) < len(records)
    assert visible_titles(page) == expected
    methods = sum(1 for record in records if record.title in expected and record.kind == "method")
    expect(page.locator("#finder-status")).to_have_text(
        re.compile(rf"Valinnoilla löytyi {methods} menetelmä\S* ja {len(expected) - methods} esimerk"))
    # Counts show what choosing a value would give next to the other choices.
    assert shown_count(page, "tyyppi", "method") == methods


def test_address_keeps_the_filters_and_restores_them(page, catalogue, records, expected_titles):
    page.goto("loyda/")
    checkbox(page, "taso", "arviointiosallisuus").check()
    checkbox(page, "tyyppi", "case").check()
    assert parse_qs(urlsplit(page.url).query) == {"tyyppi": ["case"], "taso": ["arviointiosallisuus"]}
    shown = visible_titles(page)
    page.goto(page.url)
    expect(checkbox(page, "taso", "arviointiosallisuus")).to_be_checked()
    expect(checkbox(page, "tyyppi", "case")).to_be_checked()
    cases = {case.title for case in catalogue.cases}
    assert visible_titles(page) == shown == expected_titles(taso=["arviointiosallisuus"]) & cases
    page.get_by_role("button", name="Tyhjennä valinnat").click()
    expect(page).to_have_url(re.compile(r"/loyda/$"))
    assert len(visible_titles(page)) == len(records)


def test_level_page_opens_the_filter_preset_to_its_level(page, expected_titles):
    page.goto("tasot/toimintaosallisuus/")
    page.get_by_role("link", name="Suodata tämän tason menetelmiä ja esimerkkejä").click()
    expect(checkbox(page, "taso", "toimintaosallisuus")).to_be_checked()
    assert visible_titles(page) == expected_titles(taso=["toimintaosallisuus"])


def test_keyboard_alone_answers_the_guide_and_filters(page, catalogue):
    page.goto("loyda/")
    page.locator("#guide-form input[name=taso]").first.focus()
    page.keyboard.press("ArrowDown")  # radio groups move with arrow keys
    expect(page.locator("#guide-form input[name=taso]").nth(1)).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.locator("#guide-answer h3")).to_be_focused()
    box = checkbox(page, "tyyppi", "method")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert len(visible_titles(page)) == len(catalogue.methods)


def test_without_javascript_the_page_is_a_plain_list(browser, site_url, records):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("loyda/?taso=paatososallisuus")
    expect(page.locator("#finder-form")).to_be_hidden()
    expect(page.locator("#finder-list > li")).to_have_count(len(records))
    expect(page.locator("#finder-list > li:visible")).to_have_count(len(records))
    context.close()
