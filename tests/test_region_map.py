"""The map of cases by region on the case list and the finder: tiles, numbers, links and table.

The numbers are checked against the finder itself: a tile's count must be the number of cases
the finder's list (in the same built HTML) carries with that region, and its link must land
on the finder with that region chosen. Expected values come from the built pages and the
catalogue the site was built from, never from the map's own code.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import axe_violations

from scripts.pipeline.catalogue import load_catalogue
from scripts.site.facets import KIND_PARAM, Facets
from scripts.site.finder import DATA_FILE

MAP_PAGES = ["esimerkit/", "loyda/"]
WIDTHS = [390, 1280]


@pytest.fixture(scope="module")
def catalogue(real_catalogue):
    return real_catalogue


@pytest.fixture(scope="module")
def region_param(catalogue) -> str:
    return Facets(catalogue).param_of("regions")


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def finder_cases(site, param: str) -> dict[str, set[str]]:
    """Region -> titles of its cases, as the finder's own data file in the built site says
    (scripts/site/finder.py)."""
    data = json.loads((site / DATA_FILE).read_text(encoding="utf-8"))
    params = [facet["param"] for facet in data["facets"]]
    kinds, regions = (data["facets"][params.index(name)]["values"] for name in (KIND_PARAM, param))
    cases: dict[str, set[str]] = {}
    for title, _, _, values in data["records"]:
        if [kinds[index] for index in values[params.index(KIND_PARAM)]] == ["case"]:
            for index in values[params.index(param)]:
                cases.setdefault(regions[index], set()).add(title)
    return cases


def finder_case_counts(site, param: str) -> dict[str, int]:
    return {region: len(titles) for region, titles in finder_cases(site, param).items()}


def filter_of(page_path: str, href: str) -> tuple[str, dict[str, list[str]]]:
    """Where a link on a page leads: the path from the site root and its query."""
    target = urlsplit(urljoin(f"http://site/{page_path}", href))
    return target.path, parse_qs(target.query)


def tiles(html: BeautifulSoup) -> dict[str, tuple[int, str | None]]:
    """Region -> (number drawn on the tile, link or None), read from the SVG's accessible names and texts."""
    found = {}
    for item in html.select("svg.region-map-svg > g[role='listitem']"):
        link = item.find("a")
        name = (link or item)["aria-label"]
        region = name.split(":")[0]
        number = int(item.select("text")[-1].get_text())
        spoken = re.search(r": (\d+|ei) esimerk", name).group(1)
        assert spoken == (str(number) if number else "ei"), name
        found[region] = (number, link["href"] if link else None)
    return found


@pytest.mark.parametrize("path", MAP_PAGES)
def test_every_region_has_a_tile_with_the_finders_count_and_a_link_to_its_filter(built_site, catalogue,
                                                                                   region_param, path):
    html = soup(built_site, path)
    drawn = tiles(html)
    assert set(drawn) == set(catalogue.vocabularies["regions"])
    expected = finder_case_counts(built_site, region_param)
    assert {region: number for region, (number, _) in drawn.items()} == {
        region: expected.get(region, 0) for region in drawn}
    for region, (number, href) in drawn.items():
        if number:
            assert filter_of(path, href) == ("/loyda/", {KIND_PARAM: ["case"], region_param: [region]})
        else:
            assert href is None  # a filter that finds nothing is no use
    assert html.select_one("svg.region-map-svg title").get_text() and html.select_one("svg.region-map-svg desc").get_text()


@pytest.mark.parametrize("path", MAP_PAGES)
def test_the_table_beside_the_map_holds_the_same_numbers_and_links(built_site, path):
    html = soup(built_site, path)
    drawn = tiles(html)
    table = html.select_one("table.region-map-table")
    assert table.caption.get_text() == "Kartan luvut taulukkona"
    rows = {}
    for row in table.select("tbody tr"):
        link = row.th.find("a")
        rows[row.th.get_text()] = (int(row.td.get_text()), link["href"] if link else None)
    assert rows == drawn
    assert list(rows) == sorted(rows, key=lambda name: name.casefold().translate(str.maketrans("åäö", "{|}")))


def test_cases_without_a_region_are_said_not_to_be_on_the_map(built_site, catalogue):
    without = sum(not catalogue.regions(case) for case in catalogue.cases)
    assert without  # the real records have nationwide cases
    note = soup(built_site, "esimerkit").select_one(".region-map-note").get_text()
    assert f"{without} esimerkkiä on valtakunnallisia tai ilman kuntaa" in note


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_on_every_tile_and_the_tile_outline_have_enough_contrast(built_site):
    """axe does not measure text drawn in SVG, so the colours the map uses are measured here."""
    html = soup(built_site, "esimerkit")
    items = html.select("svg.region-map-svg > g[role='listitem']")
    pairs = {(item.rect["fill"], item.select_one("g[aria-hidden]")["fill"]) for item in items}
    assert len(pairs) > 1
    assert all(contrast(fill, ink) >= 4.5 for fill, ink in pairs), pairs
    assert all(contrast(item.rect["stroke"], "#ffffff") >= 3 for item in items)  # the tile's edge on the page (1.4.11)


# One mistake each in the real layout, and the message an editor gets for it.
BROKEN_LAYOUTS = [
    ("- region: Lappi\n", "- region: Lapland\n",
     "data/region-tiles.yml:5: [0].region: 'Lapland' ei ole maakunta kuntaluettelossa"),
    ("- region: Kainuu\n  column: 2\n", "- region: Kainuu\n  column: 1\n",
     "data/region-tiles.yml:11: [2]: sarakkeessa 1 rivillä 1 on jo maakunta 'Pohjois-Pohjanmaa'. "
     "Siirrä ruutu vapaaseen kohtaan."),
    ("- region: Lappi\n  column: 1\n  row: 0\n", "- region: Lappi\n  column: 1\n  rivi: 0\n",
     "data/region-tiles.yml:5: [0].row: pakollinen kenttä puuttuu."),
    ("- region: Ahvenanmaa\n  column: 0\n  row: 6\n", "",
     "data/region-tiles.yml:1: tiedosto: maakunnilta Ahvenanmaa puuttuu ruutu."),
]


@pytest.mark.parametrize("old, new, expected", BROKEN_LAYOUTS)
def test_broken_tile_layout_is_reported_in_finnish_at_its_line(empty_project, old, new, expected):
    path = empty_project.data_dir / "region-tiles.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    catalogue, problems = load_catalogue(empty_project)
    assert catalogue is None
    messages = [str(problem) for problem in problems]
    assert any(message.startswith(expected) for message in messages), messages


def test_the_layout_in_the_checkout_places_every_region_once(real_catalogue):
    places = [(tile.column, tile.row) for tile in real_catalogue.config.region_tiles]
    assert len(places) == len(set(places)) == len(real_catalogue.vocabularies["regions"])



def open_map(page, path: str) -> None:
    page.goto(path)
    collapsed = page.locator("details.region-map > summary")
    if collapsed.count():
        collapsed.click()
    expect(page.locator("svg.region-map-svg")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", MAP_PAGES)
def test_map_pages_have_no_wcag_violations_and_fit_the_screen(browser, site_url, path, width):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    open_map(page, path)
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    box = page.locator("svg.region-map-svg").bounding_box()
    assert box["width"] <= width and box["height"] > 0
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", MAP_PAGES)
def test_a_click_on_a_tile_opens_the_finder_filtered_to_that_region(browser, site_url, built_site, region_param,
                                                                     path, width):
    counts = finder_case_counts(built_site, region_param)
    region = min((region for region, count in counts.items() if count > 1), key=lambda name: (counts[name], name))
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_map(page, path)
    with page.expect_navigation():
        page.get_by_role("link", name=f"{region}: {counts[region]} esimerkkiä").click()
    expect(page).to_have_url(re.compile(r"/loyda/\?"))
    expect(page.locator(f"#finder-form input[name='{region_param}'][value='{region}']")).to_be_checked()
    expect(page.locator("#finder-status")).to_contain_text(f"{counts[region]} esimerkkiä")
    expect(page.locator("#finder-list")).not_to_have_attribute("aria-busy", "true")
    shown = page.locator("#finder-list > li a").all_inner_texts()
    assert shown and set(shown) <= finder_cases(built_site, region_param)[region]
    assert errors == []
    context.close()


def test_keyboard_reaches_a_tile_with_a_visible_focus_and_follows_it(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_map(page, "esimerkit/")
    first = page.locator("svg.region-map-svg a").first
    before = first.locator("rect").evaluate("rect => getComputedStyle(rect).strokeWidth")
    page.locator("#esimerkit-alueittain .headerlink").focus()  # the last stop before the map
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == first.get_attribute("aria-label")
    assert first.locator("rect").evaluate("rect => getComputedStyle(rect).strokeWidth") != before
    href = first.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href.replace("../", "/")) + "$"))
    context.close()
