"""Published addresses are a contract: they resolve, survive a rename, and can be cited.

Covers the register of published URLs, redirects left by a renamed record, stable section
anchors, the "Viittaa tähän sivuun" block with its link-preview metadata, and printing.
The register and the built pages of the real records are content tests; renaming is a code
test on fixture records.
"""

from __future__ import annotations

import io
import re

from bs4 import BeautifulSoup
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import fixture_text, run_cli, write_record
from scripts.pipeline.config import site_identity
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


def test_record_page_can_be_cited_and_previewed(built_site, real_project, real_catalogue):
    site = site_identity(real_project)
    for record in real_catalogue.records:
        html = soup(built_site / record.url / "index.html")
        permanent = site["url"] + record.url
        cite = html.select_one("#viittaa-tahan-sivuun ~ div.record-cite")
        assert permanent in cite.get_text(" ", strip=True)
        citation = html.select_one("#viittaa-tahan-sivuun ~ div .highlight code").get_text()
        assert citation.startswith(f"{site['name']}: {record.title}. Päivitetty ") and citation.strip().endswith(permanent)
        assert html.find("meta", property="og:title")["content"] == record.title
        assert html.find("meta", property="og:description")["content"] == record.data["summary"]
        assert html.find("meta", property="og:url")["content"] == permanent


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


def test_printed_record_has_no_navigation_chrome(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "menetelmat/bikva/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.close()
    text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
    assert "Bikva" in text and "Näin toteutat" in text and "Viittaa tähän sivuun" in text
    for chrome in ("Tietoa palvelusta", "Avainsanat", "Sisällysluettelo", "Made with"):
        assert chrome not in text
    assert len(pdf.pages) <= 4
