"""Dead source links are found by a separate command and marked on the page; the build stays offline."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from conftest import fixture_text, run_cli, write_record
from scripts.pipeline.catalogue import load_catalogue
from scripts.tools.serving import served
from scripts.tools.source_links import check, write_status


def test_check_reports_live_and_dead_urls(tmp_path):
    (tmp_path / "raportti.pdf").write_bytes(b"%PDF-1.4")
    with served(tmp_path) as url:
        status = check([url + "raportti.pdf", url + "poistettu.pdf"], dt.date(2026, 11, 22), timeout=5)
    assert status[url + "raportti.pdf"] == {"ok": True, "status": 200, "checked": "2026-11-22"}
    assert status[url + "poistettu.pdf"] == {"ok": False, "status": 404, "checked": "2026-11-22"}
    unreachable = check(["http://127.0.0.1:9/ei-palvelinta"], dt.date(2026, 11, 22), timeout=2)
    assert unreachable["http://127.0.0.1:9/ei-palvelinta"]["ok"] is False


def test_dead_source_is_marked_with_an_archive_link(empty_project, tmp_path):
    method = fixture_text("method.md")
    write_record(empty_project, "method", "testimenetelma", method)
    dead_url = "https://example.org/julkaisu"
    write_status(empty_project.link_status_file, {dead_url: {"ok": False, "status": 404, "checked": "2026-11-20"}})
    catalogue, problems = load_catalogue(empty_project)  # the written file passes its schema and is read back
    assert problems == []
    assert catalogue.config.link_status[dead_url] == {"ok": False, "status": 404, "checked": "2026-11-20"}
    assert catalogue.dead_link(dead_url)["checked"] == "2026-11-20"
    site = tmp_path / "site"
    result = run_cli(empty_project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    html = BeautifulSoup((site / "menetelmat" / "testimenetelma" / "index.html").read_text(encoding="utf-8"), "html.parser")
    sources = html.select_one("#lahteet + ol").get_text(" ", strip=True)
    assert "Linkki ei toiminut 20.11.2026 tarkistettaessa" in sources
    archive = html.find("a", string="arkistokopiota")
    assert archive["href"] == "https://web.archive.org/web/*/" + dead_url


def test_live_or_unchecked_sources_are_not_marked(empty_project, tmp_path):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    live_url = "https://example.org/julkaisu"
    write_status(empty_project.link_status_file, {live_url: {"ok": True, "status": 200, "checked": "2026-11-20"}})
    site = tmp_path / "site"
    assert run_cli(empty_project, "build", "--site-dir", str(site)).returncode == 0
    text = (site / "menetelmat" / "testimenetelma" / "index.html").read_text(encoding="utf-8")
    assert live_url in text and "arkistokopiota" not in text and "Linkki ei toiminut" not in text


def test_broken_link_status_file_is_a_problem_not_a_crash(empty_project):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    empty_project.link_status_file.write_text("https://example.org/julkaisu:\n  ok: ehkä\n  status: 404\n"
                                              "  checked: 2026-11-20\n", encoding="utf-8")
    result = run_cli(empty_project, "validate")
    assert result.returncode == 1
    assert "data/link-status.yml:2: https://example.org/julkaisu.ok: arvon pitää olla totuusarvo" in result.stderr
    assert "Traceback" not in result.stderr
