"""What the browser scripts need to know from the build, as one static JSON file.

The scripts in ``docs/javascripts/`` never spell out a kind label, the kind filter's name, the
citation's access-date words or the search's settings and texts: they load
``javascripts/site-contract.json`` (``docs/javascripts/lib/contract.js`` ``loadContract``). The
finder's facets and the guide's questions are not in it: those scripts read their own data files
(``scripts/site/finder.py``, ``scripts/site/guide_data.py``).

One file rather than a copy in every page: it was 1.6 KB of each page's HTML (issue 16), and
as a file the browser fetches it once and then answers it from its cache.
It comes from the same site, so search and the finder work wherever the site itself does.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from scripts.rules.kinds import KINDS
from scripts.site.facets import KIND_PARAM
from scripts.site.search_index import search_contract
from scripts.site.views import ACCESSED, ACCESSED_LABEL

FILE = "docs/javascripts/site-contract.json"
# Record names and aliases weigh this much in search (Pagefind's data-pagefind-weight, written by
# the record templates as `name_weight`); a method whose name matched at this weight comes first
# among the results. Not part of the contract: no script reads it.
NAME_WEIGHT = 10
# The header search's results area, which docs/javascripts/search.js builds when the page has
# loaded (it is hidden until the search opens, so no page carries its markup). {link} is the
# link to the finder page, shown when a search finds nothing.
SEARCH_BOX = {
    "results": "Hakutulokset",
    "more": "Näytä lisää tuloksia",
    "finder": "Etkö löytänyt etsimääsi? {link} -sivulla voit valita tason, kohderyhmän ja palvelualueen, "
              "ja sivu ehdottaa sopivia menetelmiä.",
    "finderLink": "Löydä menetelmä",
    "finderPage": "loyda/",
}


def contract() -> dict:
    """What the scripts read: the kinds' words, the kind filter's name, the citation's access
    date words, the search's settings and its results area's words."""
    return {
        "kinds": {kind.id: {key: value for key, value in asdict(kind).items()
                            if key in ("label", "plural", "one", "many")} for kind in KINDS.values()},
        "kindParam": KIND_PARAM,
        "citation": {"accessedMarker": ACCESSED, "accessedLabel": ACCESSED_LABEL},
        "search": search_contract(),
        "searchBox": SEARCH_BOX,
    }


def contract_file() -> str:
    """The contract file's text: compact JSON."""
    return json.dumps(contract(), ensure_ascii=False, separators=(",", ":")) + "\n"
