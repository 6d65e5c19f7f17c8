"""The page contract: what the browser scripts read from the build, one file for the site.

``scripts/site/contract.py`` writes ``javascripts/site-contract.json``; ``docs/javascripts/``
spell out no kind label or filter name but load them from it (``lib/contract.js``
``loadContract``; their unit tests in ``tests/js/`` feed them a contract of their own).
Checked in the real records' built site, against the Python tables it comes from, and in
Chromium: pages carry no copy of it, and the scripts on a page fetch it once.
"""

from __future__ import annotations

import json
import re

import yaml
from playwright.sync_api import expect

from scripts.rules.kinds import KINDS
from scripts.site.contract import SEARCH_BOX


def contract_of(built_site) -> dict:
    return json.loads((built_site / "javascripts" / "site-contract.json").read_text(encoding="utf-8"))


def test_the_site_carries_the_contract(built_site, real_project):
    contract = contract_of(built_site)
    assert contract["kinds"] == {kind.id: {"label": kind.label, "plural": kind.plural, "one": kind.one,
                                           "many": kind.many} for kind in KINDS.values()}
    assert list(contract["kinds"]) == ["method", "case"]
    facets = yaml.safe_load(real_project.facets_file.read_text(encoding="utf-8"))
    assert [facet["param"] for facet in contract["facets"]] == [facet["param"] for facet in facets]
    assert contract["facets"] == [{"param": facet["param"], "field": facet["field"]} for facet in facets]
    params = {facet["param"] for facet in facets}
    assert contract["kindParam"] not in params
    assert set(contract["guide"].values()) <= params
    assert contract["searchBox"] == SEARCH_BOX
    assert (built_site / SEARCH_BOX["finderPage"] / "index.html").is_file()


def test_no_page_carries_a_copy_of_the_contract(built_site):
    for path in ("", "loyda", "menetelmat", "esimerkit", "menetelmat/bikva", "tasot/arviointiosallisuus", "tietoa"):
        assert 'id="site-contract"' not in (built_site / path / "index.html").read_text(encoding="utf-8"), path


def test_scripts_on_a_page_fetch_the_contract_once(browser, site_url):
    """The citation date and the search's results area both come from the contract."""
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "site-contract" in request.url else None)
    page.goto("esimerkit/kela-asiakasraadit/")
    expect(page.locator(".record-cite code")).not_to_contain_text("[lukupäivä]")
    expect(page.locator(".record-cite code")).to_contain_text(re.compile(r"Viitattu \d{1,2}\.\d{1,2}\.\d{4}\."))
    expect(page.locator("#site-search-finder")).to_be_attached()
    assert fetched == [f"{site_url}javascripts/site-contract.json"]
    context.close()
