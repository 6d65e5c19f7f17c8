"""Published addresses are a contract: they resolve, survive a rename, and can be cited.

Covers the register of published URLs, redirects left by a renamed record, stable section
anchors, the "Viittaa tähän sivuun" block with its link-preview metadata, and printing.
The register and the built pages of the real records are content tests; renaming is a code
test on fixture records.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

from bs4 import BeautifulSoup
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import DEPLOYMENT, fixture_text, run_cli, write_record
from scripts.pipeline.config import site_identity
from scripts.site.views import MONTHS_FI
from scripts.pipeline.permalinks import read_register
from scripts.rules.kinds import record_url
from scripts.tools.serving import served

METHOD_ANCHORS = ["mika-se-on", "milloin-se-sopii", "nain-toteutat", "edellytykset-ja-resurssit",
                  "huomioitavaa-julkisella-sektorilla", "vinkit-ja-sudenkuopat", "esimerkit-kaytosta", "lahteet",
                  "viittaa-tahan-sivuun"]
CASE_ANCHORS = ["tausta-ja-tarve", "tavoitteet", "toteutus", "tulokset-ja-arviointi", "vinkit-soveltajille",
                "lahteet", "viittaa-tahan-sivuun"]


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_register_lists_every_record(real_project, real_catalogue):
    """Content test: every record's address is in the committed register."""
    registered = {url for _, url in read_register(real_project.register_file)}
    missing = [record_url(r.kind, r.id) for r in real_catalogue.records if record_url(r.kind, r.id) not in registered]
    assert not missing, f"Aja `python -m scripts permalinks` ja lisää data/published-urls.txt muutokseen: {missing}"


def test_every_registered_address_resolves_in_the_built_site(built_site, real_project):
    registered = read_register(real_project.register_file)
    assert registered
    for _, url in registered:
        assert (built_site / url.strip("/") / "index.html").exists(), url


def test_section_anchors_are_the_same_on_every_record(built_site, real_catalogue):
    catalogue = real_catalogue
    for records, anchors in ((catalogue.methods, METHOD_ANCHORS), (catalogue.cases, CASE_ANCHORS)):
        for record in records:
            html = soup(built_site / record.url / "index.html")
            assert [h2["id"] for h2 in html.select("article h2")] == anchors, record.id


def test_keyword_links_of_the_former_tags_page_still_lead_to_their_level(built_site, real_catalogue):
    """/avainsanat/#tag:<taso> was the tags plugin's listing; its anchors now lead to the level pages."""
    html = soup(built_site / "avainsanat" / "index.html")
    for level in real_catalogue.levels:
        heading = html.find(id=f"tag:{level['name'].lower()}")
        assert heading is not None and heading.get_text(strip=True).startswith(level["name"]), level["id"]
        link = heading.find_next("p").find("a")
        assert link["href"] == f"../tasot/{level['id']}/" and "menetelmä" in link.get_text(), level["id"]
    method = soup(built_site / real_catalogue.methods[0].url / "index.html")
    assert method.select("a[href*='avainsanat']") == []  # a record's levels link to the level pages, in its facts

def test_record_page_can_be_cited_and_previewed(built_site, real_project, real_catalogue):
    """Every record: an APA 7 reference with the deployment's real address, link previews,
    Highwire Press tags as Zotero's Embedded Metadata translator reads them, and schema.org JSON-LD."""
    site = site_identity(real_project, environ=DEPLOYMENT)
    for record in real_catalogue.records:
        html = soup(built_site / record.url / "index.html")
        permanent = site.url + record.url
        year, month, day = (int(part) for part in record.data["updated"].split("-"))
        citation = html.select_one("#viittaa-tahan-sivuun ~ div .highlight code").get_text().strip()
        assert citation == (f"{site.name}. ({year}, {day}. {MONTHS_FI[month - 1]}). {record.title}. "
                            f"Viitattu [lukupäivä]. {permanent}")
        assert html.select_one(".record-cite__address a")["href"] == permanent
        assert html.find("link", rel="canonical")["href"] == permanent
        assert html.find("meta", property="og:title")["content"] == record.title
        assert html.find("meta", property="og:description")["content"] == record.data["summary"]
        assert html.find("meta", property="og:url")["content"] == permanent
        tags = {tag["name"]: tag["content"] for tag in html.find_all("meta", attrs={"name": re.compile("^citation_")})}
        assert tags["citation_title"] == record.title
        assert tags["citation_publisher"] == site.name
        assert tags["citation_publication_date"] == record.data["added"].replace("-", "/")
        assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", tags["citation_online_date"])
        assert tags["citation_abstract_html_url"] == permanent
        assert tags["citation_language"] == "fi"
        data = json.loads(html.find("script", type="application/ld+json").string)
        assert data["@type"] == "Article" and data["headline"] == record.title and data["url"] == permanent
        assert (data["datePublished"], data["dateModified"]) == (record.data["added"], record.data["updated"])
        assert data["publisher"]["name"] == site.name


def test_copied_citation_has_the_readers_date_and_fits_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "menetelmat/asiakasraati/#viittaa-tahan-sivuun")
    code = page.locator(".record-cite code")
    today = dt.date.today()
    expect(code).to_contain_text(f"Viitattu {today.day}.{today.month}.{today.year}. {DEPLOYMENT['SITE_URL']}"
                                 "menetelmat/asiakasraati/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    block = page.locator(".record-cite pre")
    assert block.evaluate("element => element.scrollWidth <= element.clientWidth")
    page.close()


def renamed_project(project):
    """A method renamed from testimenetelma to uusi-nimi after its address was published."""
    write_record(project, "method", "testimenetelma", fixture_text("method.md"))
    write_record(project, "case", "testiesimerkki", fixture_text("case.md"))
    assert run_cli(project, "permalinks").returncode == 0
    (project.methods_dir / "testimenetelma.md").unlink()
    write_record(project, "case", "testiesimerkki", fixture_text("case.md").replace("- testimenetelma", "- uusi-nimi"))
    return fixture_text("method.md").replace("id: testimenetelma", "id: uusi-nimi")


def test_rename_without_redirect_fails_with_the_fix(empty_project):
    write_record(empty_project, "method", "uusi-nimi", renamed_project(empty_project))
    result = run_cli(empty_project, "validate")
    assert result.returncode == 1
    assert re.search(r"data/published-urls.txt:\d+: osoite: julkaistu osoite /menetelmat/testimenetelma/ ei enää "
                     r"vie mihinkään\. .*`redirect_from: \[testimenetelma\]`", result.stderr), result.stderr


def test_renamed_record_leaves_a_working_redirect(empty_project, tmp_path, browser):
    method = renamed_project(empty_project).replace("updated: 2026-11-22", "updated: 2026-11-22\nredirect_from: [testimenetelma]")
    write_record(empty_project, "method", "uusi-nimi", method)
    site = tmp_path / "site"
    result = run_cli(empty_project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    old = soup(site / "menetelmat" / "testimenetelma" / "index.html")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../../menetelmat/uusi-nimi/"
    with served(site) as url:
        page = browser.new_page()
        page.goto(url + "menetelmat/testimenetelma/#nain-toteutat")
        expect(page).to_have_url(url + "menetelmat/uusi-nimi/#nain-toteutat")
        expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Testimenetelmä")
        page.close()


def test_printed_method_is_a_clean_handout(browser, site_url):
    """Asiakasraati, the longest method, as Chromium prints it on A4: no navigation or icons, the
    permanent address once (in the closing citation), at most five pages, none nearly empty."""
    page = browser.new_page()
    page.goto(site_url + "menetelmat/asiakasraati/")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.close()
    sheets = [sheet.extract_text() for sheet in pdf.pages]
    text = "\n".join(sheets)
    assert "Asiakasraati" in text and "Näin toteutat" in text and "Viittaa tähän sivuun" in text
    for chrome in ("Tietoa palvelusta", "Avainsanat", "Sisällysluettelo", "Made with", "Hae", "Pysyvä osoite"):
        assert chrome not in text
    assert "".join(text.split()).count("menetelmat/asiakasraati/") == 1
    assert len(sheets) <= 5
    assert len(sheets[-1].split()) >= 60, sheets[-1]
