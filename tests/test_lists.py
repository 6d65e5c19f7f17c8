"""List and table pages fit a phone (390 px) and a desktop (1280 px) without sideways scrolling.

Record tables stay tables on a wide screen and become cards on a phone
(``scripts/adapters/table_cards.py`` labels the cells, ``docs/stylesheets/lists.css`` lays
them out); sorting puts unknown values last; links and sort buttons are 24 × 24 px targets.
Runs in Debian's Chromium on the real records' built site.
"""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import DEPLOYMENT, axe_violations

from scripts.pipeline.config import site_identity
from scripts.project import REPO_ROOT, copy_project
from scripts.site.build import load_and_generate
from scripts.site.views import CASE_TABLE_LIMIT, Views
from scripts.tools.benchmark import add_synthetic_cases

WIDTHS = (390, 1280)
LEVEL_IDS = [level["id"] for level in
             yaml.safe_load((REPO_ROOT / "data" / "vocabularies" / "levels.yml").read_text(encoding="utf-8"))]
LIST_PAGES = ["", "menetelmat/", "esimerkit/", "tasot/", *[f"tasot/{level}/" for level in LEVEL_IDS], "vertailu/",
              "naytto/", "avoin-data/"]

# What hides a column: the page wider than the window, a table wider than its box, a box that
# scrolls sideways inside the page, or a cell reaching past the window (cards are laid out
# as on screen first: off-screen ones are skipped, content-visibility: auto).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  document.querySelectorAll("article .record-table tr").forEach((row) => { row.style.contentVisibility = "visible"; });
  const hidden = (element) => element.getBoundingClientRect().width <= 1;  // read only by screen readers
  for (const cell of document.querySelectorAll("article td, article th")) {
    const box = cell.getBoundingClientRect();
    if (!hidden(cell) && !(cell.closest("thead") && hidden(cell.closest("thead"))) && (box.left < 0 || box.right > width || cell.scrollWidth > cell.clientWidth + 1)) {
      problems.push(`cell ${cell.textContent.trim().slice(0, 40)}: ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
  }
  if (document.scrollingElement.scrollWidth > width) problems.push(`page ${document.scrollingElement.scrollWidth} px`);
  for (const table of document.querySelectorAll("article table")) {
    const box = table.parentElement.getBoundingClientRect();
    if (table.getBoundingClientRect().right > box.right + 1) problems.push(`table under ${table.closest("[id], div").className}`);
  }
  for (const element of document.querySelectorAll("article *")) {
    const style = getComputedStyle(element);
    if (["auto", "scroll"].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${element.tagName}.${element.className} scrolls ${element.scrollWidth} > ${element.clientWidth}`);
    }
  }
  return problems;
}"""

# Links in record tables and the front page's lists, and the sort buttons, under 24 × 24 px.
# Cards far from the screen are not laid out (content-visibility: auto); each is measured as
# it is laid out on screen.
SMALL_TARGETS = """() => {
  document.querySelectorAll("article .record-table tr").forEach((row) => { row.style.contentVisibility = "visible"; });
  return Array.from(document.querySelectorAll(
    "article .record-table a, article .record-table button, article .link-list a"))
  .filter((element) => element.checkVisibility())
  .map((element) => [element.textContent.trim(), element.getBoundingClientRect()])
  .filter(([, box]) => box.width < 24 || box.height < 24)
  .map(([text, box]) => `${text}: ${Math.round(box.width)} × ${Math.round(box.height)}`);
}"""


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def page(request, browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": request.param, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def phone(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": 390, "height": 844},
                                  has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_page_shows_every_column_without_sideways_scrolling(page, path):
    page.goto(path)
    assert page.evaluate(OVERFLOW) == []


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_page_links_and_sort_buttons_are_24_px_targets(page, path):
    page.goto(path)
    assert page.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_page_has_no_wcag_violations(page, path):
    page.goto(path)
    assert axe_violations(page) == []


def test_case_cards_show_years_and_status_on_a_phone(phone, real_catalogue):
    phone.goto("esimerkit/")
    views = Views(real_catalogue)
    rows = phone.locator(".record-table tbody tr")
    expect(rows).to_have_count(len(real_catalogue.cases))
    for index, case in enumerate(real_catalogue.cases[:10]):
        card = rows.nth(index)
        title, years, status = (card.locator("td").nth(column) for column in (0, 3, 4))
        expect(title).to_have_text(case.title)
        expect(years).to_have_text(views.years(case))
        expect(status).to_contain_text(case.data["status"])
        for cell, label in ((years, "Vuodet"), (status, "Tila")):
            box = cell.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, case.id
            assert cell.evaluate("cell => getComputedStyle(cell, '::before').content") == f'"{label}: "'
        # A card: the years are under the title, not in a column beside it.
        assert years.bounding_box()["y"] > title.bounding_box()["y"]


@pytest.mark.parametrize("width", WIDTHS)
def test_sorting_by_years_puts_unknown_years_last_both_ways(browser, site_url, width):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto("esimerkit/")
    button = page.locator(".sortable-table th").nth(3).get_by_role("button")
    expect(button).to_have_text("Vuodet")
    for order in ("ascending", "descending"):
        button.click()
        expect(page.locator(".sortable-table th").nth(3)).to_have_attribute("aria-sort", order)
        years = [text.strip() for text in page.locator(".sortable-table tbody td:nth-child(4)").all_text_contents()]
        known = [value for value in years if value != "vuodet ei tiedossa"]
        assert known and len(known) < len(years)
        assert years == known + ["vuodet ei tiedossa"] * (len(years) - len(known)), order
        starts = [int(value[:4]) for value in known]
        assert starts == sorted(starts, reverse=order == "descending")
    context.close()


def test_record_table_cells_carry_their_column_and_table_roles():
    html = markdown.markdown('<div class="record-table" markdown>\n\n| Nimi | Suunnittelu\u00adosallisuus |\n'
                             "| --- | --- |\n| [A](a.md) | ● päätaso |\n| B |  |\n\n</div>\n\n| Muu | taulukko |\n| --- | --- |\n"
                             "| x | y |\n", extensions=["md_in_html", "tables", "scripts.adapters.table_cards"])
    labelled, plain = (BeautifulSoup(part, "html.parser") for part in html.split("</div>"))
    assert [element.get("role") for element in labelled.select("table, thead, tbody, tr, td")] == \
        ["table", "rowgroup", "row", "rowgroup", "row", "cell", "cell", "row", "cell", "cell"]
    assert [(td.get("data-label"), td.get_text()) for td in labelled.select("td")] == \
        [("Nimi", "A"), ("Suunnitteluosallisuus", "● päätaso"), ("Nimi", "B"), (None, "")]
    assert labelled.select_one("td a")["href"] == "a.md"
    assert not plain.select("[role], [data-label]")


def test_case_tables_beyond_the_limit_list_the_newest_and_say_where_the_rest_are(tmp_path):
    """At thousands of cases a table of all would be megabytes; the newest are listed, the finder has all."""
    project = copy_project(tmp_path / "project", with_records=True)
    add_synthetic_cases(project, 3 * CASE_TABLE_LIMIT)
    catalogue, _ = load_and_generate(project, site_identity(project, environ=DEPLOYMENT))
    listed = (project.docs_dir / "esimerkit" / "index.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[.+?\]\(([\w-]+)\.md\)", listed, flags=re.M)
    assert len(rows) == CASE_TABLE_LIMIT
    newest = catalogue.newest_cases(CASE_TABLE_LIMIT)
    assert set(rows) == {case.id for case in newest}
    assert (f"Taulukossa on {CASE_TABLE_LIMIT} uusinta esimerkkiä kaikkiaan {len(catalogue.cases)} esimerkistä. "
            f"Kaikki ne löydät [suodattimista](../loyda.md?tyyppi=case)") in listed
    level = max(catalogue.levels, key=lambda level: len(catalogue.at_level(catalogue.cases, level["id"])))
    at_level = catalogue.at_level(catalogue.cases, level["id"])
    assert len(at_level) > CASE_TABLE_LIMIT
    level_page = (project.docs_dir / "tasot" / f"{level['id']}.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^\| \[.+?\]\(\.\./esimerkit/", level_page, flags=re.M)) == CASE_TABLE_LIMIT
    assert (f"kaikkiaan {len(at_level)} esimerkistä. Kaikki ne löydät "
            f"[suodattimista](../loyda.md?tyyppi=case&taso={level['id']})") in level_page
