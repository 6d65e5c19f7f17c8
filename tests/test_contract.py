"""The page contract: what the browser scripts read from the build, one file for the site.

``scripts/site/contract.py`` writes ``javascripts/site-contract.json``; ``docs/javascripts/``
spell out no kind label, kind filter name, citation words or search settings but load them from
it (``lib/contract.js`` ``loadContract``; their unit tests in ``tests/js/`` feed them a contract
of their own).
Checked in the real records' built site, against the Python tables it comes from, and in
Chromium: pages carry no copy of it, and the scripts on a page fetch it once.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from scripts.rules.kinds import KINDS
from scripts.site.contract import SEARCH_BOX
from scripts.site.facets import KIND_PARAM
from scripts.site.finder import DATA_FILE
from scripts.site.search_index import search_contract
from scripts.site.views import ACCESSED, ACCESSED_LABEL


def contract_of(built_site) -> dict:
    return json.loads((built_site / "javascripts" / "site-contract.json").read_text(encoding="utf-8"))


def test_the_site_carries_the_contract(built_site):
    """Only what the scripts read, each part from the table it comes from. The finder's facets
    and the guide's questions are in their own data files, not here."""
    contract = contract_of(built_site)
    assert set(contract) == {"kinds", "kindParam", "citation", "search", "searchBox"}
    assert contract["kinds"] == {kind.id: {"label": kind.label, "plural": kind.plural, "one": kind.one,
                                           "many": kind.many} for kind in KINDS.values()}
    assert list(contract["kinds"]) == ["method", "case"]
    assert contract["kindParam"] == KIND_PARAM
    assert contract["citation"] == {"accessedMarker": ACCESSED, "accessedLabel": ACCESSED_LABEL}
    assert contract["search"] == search_contract()
    assert contract["searchBox"] == SEARCH_BOX
    assert (built_site / SEARCH_BOX["finderPage"] / "index.html").is_file()


def test_the_kind_parameter_is_the_finder_datas(built_site):
    """The finder counts kinds by the contract's parameter in its own data file's records."""
    data = json.loads((built_site / DATA_FILE).read_text(encoding="utf-8"))
    kinds = {facet["param"]: facet["values"] for facet in data["facets"]}[contract_of(built_site)["kindParam"]]
    assert set(kinds) == set(KINDS)


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
