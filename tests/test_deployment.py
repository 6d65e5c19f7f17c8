"""Where the site is published: real addresses from the deployment settings, never a made-up
domain, and the public pages people meet first (front page, footer)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import DEPLOYMENT, run_cli
from scripts.project import REPO_ROOT

# Addresses that are not where anything is published: the old placeholders and the schemas'
# internal base (scripts/rules/schemas.py SCHEMA_BASE), which published copies replace.
PLACEHOLDERS = ("osallisuus.example", "menetelmapankki.invalid", "github.com/osallisuus/")
TEXT_SUFFIXES = {".html", ".xml", ".json", ".csv", ".txt", ".js", ".md"}


def test_a_production_build_without_the_settings_stops_in_finnish(empty_project, tmp_path):
    result = run_cli(empty_project, "build", "--site-dir", str(tmp_path / "site"), SITE_URL="", REPO_URL="",
                     FEEDBACK_ADDRESS="")
    assert result.returncode == 1
    assert "Julkaisun asetukset puuttuvat" in result.stderr
    for variable in ("SITE_URL", "REPO_URL", "FEEDBACK_ADDRESS"):
        assert variable in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_wrong_setting_is_named(empty_project, tmp_path):
    result = run_cli(empty_project, "build", "--site-dir", str(tmp_path / "site"), FEEDBACK_ADDRESS="palaute")
    assert result.returncode == 1
    assert "FEEDBACK_ADDRESS='palaute' ei kelpaa" in result.stderr and "Traceback" not in result.stderr


def test_the_built_site_has_only_the_deployments_addresses(built_site):
    found = []
    for path in built_site.rglob("*"):
        if path.suffix in TEXT_SUFFIXES and "pagefind" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [(path.relative_to(built_site).as_posix(), placeholder) for placeholder in PLACEHOLDERS
                      if placeholder in text]
    assert found == []
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{DEPLOYMENT['SITE_URL']}menetelmat/bikva/</loc>" in sitemap
    feed = (built_site / "syote.xml").read_text(encoding="utf-8")
    assert f'href="{DEPLOYMENT["SITE_URL"]}"' in feed
    schema = (built_site / "schemas" / "case.schema.json").read_text(encoding="utf-8")
    assert f'"$id": "{DEPLOYMENT["SITE_URL"]}schemas/case.schema.json"' in schema


def test_files_in_the_repository_name_no_placeholder_domain():
    for name in ("CONTRIBUTING.md", "README.md", "mkdocs.yml", "overrides/records/accessibility.md", "overrides/records/contribute.md", "docs/tietoa.md"):
        text = (REPO_ROOT / name).read_text(encoding="utf-8")
        assert not [placeholder for placeholder in PLACEHOLDERS if placeholder in text], name


def test_front_page_leads_with_three_ways_in_and_the_footer_names_licences_and_feedback(built_site):
    html = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = [(link.get_text(strip=True), link["href"]) for link in html.select(".home-entries li strong a")]
    assert entries == [("Löydä menetelmä tilanteeseenne", "loyda/"), ("Selaa osallisuuden tasoja", "tasot/"),
                       ("Lisää oma esimerkki", "osallistu/")]
    newest = html.find(id="uusimmat-esimerkit").find_next("ul")
    years = [int(re.search(r", (\d{4})", item.get_text()).group(1)) for item in newest.find_all("li")]
    assert years == sorted(years, reverse=True)
    footer = html.select_one(".md-copyright")
    assert "CC BY 4.0" in footer.get_text() and "MIT" in footer.get_text()
    links = {link.get_text(strip=True): link["href"] for link in footer.find_all("a")}
    assert links["Anna palautetta"] == DEPLOYMENT["FEEDBACK_ADDRESS"]
    assert links["Lähdekoodi"] == DEPLOYMENT["REPO_URL"]
    assert links["Suorituskyky"] == "suorituskyky/"
    assert html.select_one(".md-header .md-source") is None  # the repository is for developers: footer only
    nav = [link.get_text(strip=True) for link in html.select(".md-nav--primary > .md-nav__list > .md-nav__item > a, "
                                                                ".md-nav--primary > .md-nav__list > .md-nav__item > label")]
    assert "Suorituskyky" not in nav


def test_licences_are_in_the_repository_and_named_in_the_readme():
    assert "MIT License" in (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (REPO_ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "LICENSE" in readme and "LICENSE-CONTENT.md" in readme
