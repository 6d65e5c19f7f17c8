"""The page contract: what the browser scripts read from the build, in every page.

``scripts/site/contract.py`` writes ``<script type="application/json" id="site-contract">``
into the theme partial; ``docs/javascripts/`` spell out no kind label or filter name but
read them from it (their unit tests in ``tests/js/`` feed them a contract of their own).
Checked in the real records' built site, against the Python tables it comes from.
"""

from __future__ import annotations

import json

import yaml
from bs4 import BeautifulSoup

from scripts.rules.kinds import KINDS


def contract_of(html_file) -> dict:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    scripts = soup.find_all("script", id="site-contract")
    assert len(scripts) == 1, html_file
    assert scripts[0].get("type") == "application/json"  # data: the CSP lets no inline JavaScript run
    return json.loads(scripts[0].string)


def test_front_page_carries_the_contract(built_site, real_project):
    front = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<script type="application/json" id="site-contract">' in front
    contract = contract_of(built_site / "index.html")
    assert contract["kinds"] == {kind.id: {"label": kind.label, "plural": kind.plural, "one": kind.one,
                                           "many": kind.many} for kind in KINDS.values()}
    assert list(contract["kinds"]) == ["method", "case"]
    facets = yaml.safe_load(real_project.facets_file.read_text(encoding="utf-8"))
    assert [facet["param"] for facet in contract["facets"]] == [facet["param"] for facet in facets]
    assert contract["facets"] == [{"param": facet["param"], "field": facet["field"]} for facet in facets]
    params = {facet["param"] for facet in facets}
    assert contract["kindParam"] not in params
    assert set(contract["guide"].values()) <= params


def test_every_page_carries_the_same_contract(built_site):
    """Pages the scripts run on (finder, search everywhere, sortable lists) get the same contract."""
    first = contract_of(built_site / "index.html")
    for path in ("loyda", "menetelmat", "esimerkit", "menetelmat/bikva", "tasot/arviointiosallisuus", "tietoa"):
        assert contract_of(built_site / path / "index.html") == first, path
