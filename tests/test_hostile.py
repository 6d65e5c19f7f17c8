"""Contributed text that passes validation is still inert in the browser.

Hostile records the validator refuses are in ``test_validate.py``; these are the ones it
lets through (template syntax, Markdown and HTML look-alikes, links out), built into a site
and opened in Chromium: nothing runs, nothing is fetched from elsewhere, links out are
``noopener``.
"""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import fixture_text, run_cli, write_record
from scripts.tools.serving import served

TITLE = "{{ 7 * 7 }} {% raw %} *ei* [linkki](x) | & <3"
BODY = ("Teksti {{ config.site_name }} ja {% include 'x' %} sekä 1 < 2 ja `<script>` koodina? "
        "Lisää: [THL](https://thl.fi/) ja ![kuva]")


def test_accepted_text_is_shown_literally_and_runs_nothing(empty_project, tmp_path, browser):
    method = fixture_text("method.md").replace("title: Testimenetelmä", f"title: '{TITLE}'").replace(
        "Menetelmän kuvaus.", BODY)
    write_record(empty_project, "method", "testimenetelma", method.replace("`<script>`", "`script`"))
    write_record(empty_project, "case", "testiesimerkki", fixture_text("case.md"))
    site = tmp_path / "site"
    result = run_cli(empty_project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    with served(site) as url:
        page = browser.new_page()
        dialogs, errors, requests = [], [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url + "menetelmat/testimenetelma/")
        expect(page.get_by_role("heading", level=1)).to_have_accessible_name(TITLE)
        expect(page.locator("#mika-se-on + p")).to_contain_text("Teksti {{ config.site_name }} ja {% include 'x' %}")
        link = page.get_by_role("link", name="THL")
        expect(link).to_have_attribute("rel", "noopener noreferrer")
        page.close()
    assert dialogs == [] and errors == []
    assert all(request.startswith(url) for request in requests), requests
