"""What the browser scripts need to know from the build, written into every page as JSON.

The scripts in ``docs/javascripts/`` never spell out a kind label, a filter name or a weight:
they read ``<script type="application/json" id="site-contract">`` (allowed by the CSP, which
only runs scripts with a JavaScript type). The build renders it into the theme partial
``overrides/partials/site-contract.html``, which ``overrides/main.html`` includes.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from scripts.pipeline.config import GUIDE_FIELDS
from scripts.pipeline.model import Catalogue
from scripts.rules.kinds import KINDS
from scripts.site.facets import KIND_PARAM, Facets
from scripts.site.search_index import search_contract
from scripts.site.views import ACCESSED, ACCESSED_LABEL

PARTIAL = "overrides/partials/site-contract.html"
# Record names and aliases weigh this much in search (Pagefind's data-pagefind-weight); a
# method whose name matched at this weight comes first among the results.
NAME_WEIGHT = 10
CASE_COUNT_ATTRIBUTE = "data-esimerkit"


def contract(catalogue: Catalogue, facets: Facets) -> dict:
    resources = catalogue.schemas.field("method", GUIDE_FIELDS["resources"]) or {}
    return {
        "kinds": {kind.id: {key: value for key, value in asdict(kind).items()
                            if key in ("label", "plural", "one", "many")} for kind in KINDS.values()},
        "kindParam": KIND_PARAM,
        "facets": [{"param": config.param, "field": config.field} for config in facets.configs],
        "guide": {question: facets.param_of(field) for question, field in GUIDE_FIELDS.items()},
        "resourceOrder": resources.get("enum", []),
        "nameWeight": NAME_WEIGHT,
        "caseCountAttribute": CASE_COUNT_ATTRIBUTE,
        "citation": {"accessedMarker": ACCESSED, "accessedLabel": ACCESSED_LABEL},
        "search": search_contract(),
    }


def partial(catalogue: Catalogue, facets: Facets) -> str:
    """The theme partial: the contract as JSON, with ``<`` escaped so no text can end the element."""
    data = json.dumps(contract(catalogue, facets), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="site-contract">{data}</script>\n'
