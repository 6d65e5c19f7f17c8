"""A full build produces the pages a visitor expects.

Most tests read the real records' built site (``built_site``) as a visitor's browser would
get it: a page per record at its permanent address, level pages and lists that show the
records, nothing from the internet. They compare it with the catalogue the site was built
from (``real_catalogue``). The last tests are code tests on a project of fixture records:
hostile text stays text, invalid records build nothing, removed records lose their page.
"""

from __future__ import annotations

import functools
import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import fixture_text, run_cli, write_record


# <link rel> values a browser fetches (a canonical or alternate link is only an address).
FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


@pytest.fixture(scope="module")
def catalogue(real_catalogue):
    return real_catalogue


@functools.lru_cache(maxsize=None)
def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def heading(soup: BeautifulSoup, selector: str = "h1") -> str:
    """A heading's text without its permalink sign."""
    element = soup.select_one(selector)
    for link in element.select(".headerlink"):
        link.decompose()
    return element.get_text(strip=True)


def links(soup: BeautifulSoup) -> set[str]:
    return {a.get("href", "") for a in soup.select("article a")}


def test_every_record_has_a_page_at_its_permanent_address(built_site, catalogue):
    for record in catalogue.methods + catalogue.cases:
        html = page(built_site, record.url)
        assert heading(html) == record.title
        assert html.find("meta", attrs={"name": "description"})["content"] == record.data["summary"]
    method_pages = [p for p in (built_site / "menetelmat").iterdir() if (p / "index.html").exists()]
    case_pages = [p for p in (built_site / "esimerkit").iterdir() if (p / "index.html").exists()]
    assert len(method_pages) == len(catalogue.methods)
    assert len(case_pages) == len(catalogue.cases)


def test_method_page_has_the_fixed_sections_and_lists_its_cases(built_site, catalogue):
    for method in catalogue.methods:
        html = page(built_site, method.url)
        headings = [h2.get_text(strip=True).rstrip("¶") for h2 in html.select("article h2")]
        assert headings == ["Mikä se on", "Milloin se sopii", "Näin toteutat", "Edellytykset ja resurssit",
                            "Huomioitavaa julkisella sektorilla", "Vinkit ja sudenkuopat", "Esimerkit käytöstä",
                            "Lähteet", "Viittaa tähän sivuun"]
        assert html.select_one("#nain-toteutat ~ ol"), "steps are a numbered list"
        latest = catalogue.latest_cases(method, 10)  # the page stays light however many cases there are
        assert {f"../../esimerkit/{case.id}/" for case in latest} <= links(html)
        if len(catalogue.used_by[method.id]) > len(latest):
            assert f"../../loyda/?tyyppi=case&menetelma={method.id}" in links(html)
        facts = html.select_one(".record-facts dl").get_text(" ", strip=True)
        assert catalogue.vocabularies.label("levels", method.levels[0]) in facts
    assert any(catalogue.used_by[method.id] for method in catalogue.methods)


def test_case_page_shows_region_derived_from_municipalities(built_site, catalogue):
    for case in catalogue.cases:
        facts = page(built_site, case.url).select_one(".record-facts dl").get_text(" ", strip=True)
        for region in catalogue.regions(case):
            assert region in facts
        for method_id in case.data["methods"]:
            assert catalogue.methods_by_id[method_id].title in facts


def test_level_pages_list_their_methods_and_cases(built_site, catalogue):
    for level in catalogue.levels:
        html = page(built_site, f"tasot/{level['id']}")
        assert heading(html) == level["name"]
        found = links(html)
        for method in catalogue.at_level(catalogue.methods, level["id"]):
            assert f"../../menetelmat/{method.id}/" in found
        for case in catalogue.at_level(catalogue.cases, level["id"]):
            assert f"../../esimerkit/{case.id}/" in found
    populated = [level for level in catalogue.levels if catalogue.at_level(catalogue.methods, level["id"])]
    assert len(populated) >= 3


def test_overview_table_and_lists(built_site, catalogue):
    overview = page(built_site, "tasot")
    rows = overview.select("article table tbody tr")
    assert len(rows) == len(catalogue.methods)
    first = rows[0].find_all("td")
    assert first[0].get_text(strip=True) == catalogue.methods[0].title
    primary = catalogue.levels.index(next(level for level in catalogue.levels if level["id"] == catalogue.methods[0].levels[0]))
    assert "päätaso" in first[1 + primary].get_text()

    methods = page(built_site, "menetelmat")
    assert [tr.find("td").get_text(strip=True) for tr in methods.select("table tbody tr")] == \
        [method.title for method in catalogue.methods]
    cases = page(built_site, "esimerkit")
    assert cases.select_one(".sortable-table table")
    for case, row in zip(catalogue.cases, cases.select("table tbody tr")):
        cells = [td.get_text(strip=True) for td in row.find_all("td")]
        assert cells[0] == case.title and cells[2] == ", ".join(catalogue.regions(case))


def test_front_page_tells_what_the_site_is(built_site, catalogue):
    front = page(built_site, "")
    assert heading(front) == "Osallisuuden menetelmäpankki"
    text = front.select_one("article").get_text(" ", strip=True)
    assert f"{len(catalogue.methods)} menetelmää ja {len(catalogue.cases)} esimerkkiä" in text
    assert {f"tasot/{level['id']}/" for level in catalogue.levels} <= links(front)


def test_site_is_finnish_and_loads_nothing_from_the_internet(built_site):
    for html_file in built_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "fi", html_file
        loaded = [script.get("src") for script in soup.find_all("script")]
        loaded += [image.get("src") for image in soup.find_all(["img", "iframe"])]
        loaded += [link.get("href") for link in soup.find_all("link") if set(link.get("rel", [])) & FETCHED_LINKS]
        for target in filter(None, loaded):
            assert not re.match(r"^(https?:)?//", target), f"{html_file}: {target}"
    assert "fonts.googleapis" not in "".join(p.read_text(errors="ignore") for p in built_site.rglob("*.css"))


# Text that passes validation (no "<" before a letter) but would become markup, a link, a
# table column or attributes if a template forgot to escape it: Markdown emphasis and links,
# a table pipe, attr_list's "{: ...}", HTML entities and a quote that would end an attribute.
HOSTILE_TITLE = 'Testi *tähti* [linkki](x) | putki {: data-injected="title" } &amp; &lt;b&gt;'
HOSTILE_SUMMARY = ('Kuvaus "lainausmerkein" x" data-injected="summary & &lt;b&gt;ei lihavoitu&lt;/b&gt; '
                   '__alleviivattu__ {: data-injected="summary" }')


def assert_inert(soup: BeautifulSoup, where: str) -> None:
    """None of the hostile text became an element or an attribute."""
    assert soup.find(attrs={"data-injected": True}) is None, where
    article = soup.select_one("article")
    assert not article.find_all("b"), where
    assert not [a for a in article.find_all("a") if a.get("href") == "x"], where
    assert not [em for em in article.find_all(["em", "strong"]) if em.get_text() in ("tähti", "alleviivattu")], where


def test_record_text_cannot_inject_markup(empty_project, tmp_path):
    method = fixture_text("method.md").replace(
        "title: Testimenetelmä", f"title: {json.dumps(HOSTILE_TITLE, ensure_ascii=False)}").replace(
        "summary: Lyhyt kuvaus testimenetelmästä.", f"summary: {json.dumps(HOSTILE_SUMMARY, ensure_ascii=False)}")
    assert "<" not in method  # nothing the validator refuses: this text reaches the templates
    write_record(empty_project, "method", "testimenetelma", method)
    write_record(empty_project, "case", "testiesimerkki", fixture_text("case.md"))
    site = tmp_path / "site"
    result = run_cli(empty_project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr

    html = page(site, "menetelmat/testimenetelma")
    assert_inert(html, "record page")
    assert heading(html) == HOSTILE_TITLE
    assert html.select_one(".record-lead").get_text(strip=True) == HOSTILE_SUMMARY
    assert html.find("meta", attrs={"name": "description"})["content"] == HOSTILE_SUMMARY
    assert html.find("meta", property="og:title")["content"] == HOSTILE_TITLE
    assert html.find("meta", property="og:description")["content"] == HOSTILE_SUMMARY
    assert html.title.get_text().startswith(HOSTILE_TITLE)
    cite = html.select_one(".record-cite").get_text(" ", strip=True)
    assert HOSTILE_TITLE in cite

    for path in ("menetelmat", "tasot/suunnitteluosallisuus"):  # lists: the pipe must not add a column
        listing = page(site, path)
        assert_inert(listing, path)
        table = listing.select_one("article table")
        row = next(tr for tr in table.select("tbody tr") if "Testi" in tr.get_text())
        assert len(row.find_all("td")) == len(table.select("thead th")), path
        assert row.find("td").get_text(strip=True) == HOSTILE_TITLE, path
        assert HOSTILE_SUMMARY in [td.get_text(strip=True) for td in row.find_all("td")], path

    finder = page(site, "loyda")
    assert_inert(finder, "finder")
    item = next(li for li in finder.select("#finder-list > li") if "Testi" in li.get_text())
    assert item.find("a").get_text() == HOSTILE_TITLE
    finder_data = json.loads((site / "loyda" / "tiedot.json").read_text(encoding="utf-8"))
    assert HOSTILE_TITLE in [record[0] for record in finder_data["records"]]  # the script sets it as text

    facts = page(site, "esimerkit/testiesimerkki")
    assert_inert(facts, "case page")
    facts_text = facts.select_one(".record-facts").get_text(" ", strip=True)
    assert "Yhteystaho Organisaatio: Oulun kaupunki, aikuissosiaalityö Verkkosivu: https://www.ouka.fi" in facts_text
    assert HOSTILE_TITLE in facts_text  # the case's method, by its title


def test_invalid_records_produce_no_site(empty_project, tmp_path):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md").replace("setting: kasvokkain", "setting: etänä"))
    site = tmp_path / "site"
    result = run_cli(empty_project, "build", "--site-dir", str(site))
    assert result.returncode == 1
    assert "methods/testimenetelma.md:18: setting: arvo 'etänä' ei ole sallittu" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()
    assert not (empty_project.docs_dir / "menetelmat").exists()


def test_removed_record_loses_its_page(empty_project, tmp_path):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    write_record(empty_project, "method", "toinen", fixture_text("method.md").replace("id: testimenetelma", "id: toinen"))
    assert run_cli(empty_project, "generate").returncode == 0
    (empty_project.methods_dir / "toinen.md").unlink()
    assert run_cli(empty_project, "generate").returncode == 0
    assert not (empty_project.docs_dir / "menetelmat" / "toinen.md").exists()
    assert (empty_project.docs_dir / "menetelmat" / "testimenetelma.md").exists()



def test_related_methods_link_each_other(built_site, catalogue):
    for method in catalogue.methods:
        for other in method.data.get("related_methods", []):
            assert f"../{method.id}/" in {a.get("href") for a in page(built_site, f"menetelmat/{other}").select(".record-facts a")}
            assert f"../{other}/" in {a.get("href") for a in page(built_site, method.url).select(".record-facts a")}


def test_comparison_page_puts_close_relatives_side_by_side(built_site, catalogue):
    html = page(built_site, "vertailu")
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in html.select("article h2")] == \
        [group.title for group in catalogue.config.comparisons]
    for group, table in zip(catalogue.config.comparisons, html.select("article table")):
        assert [row.find("td").get_text(strip=True) for row in table.select("tbody tr")] == \
            [catalogue.methods_by_id[method_id].title for method_id in group.methods]
