"""The three-question guide's own data: every method with the facts its reasons quote.

The guide (``docs/javascripts/guide.js``, ``overrides/records/_guide.md``) explains each
suggestion from the record's fields: its levels, target groups, resource need, who leads it,
time, money, group size, duration and the cases that used it, with where and when. It loads
this compact JSON when it is first needed instead of reading the finder's list, so the
finder can load its own data as it likes. Only methods are in it, and only those fields.

Labels come from the vocabularies and the record schema, as on the record pages; the
finder's filter names (for the guide's radio buttons and its "show all" link) from the
facets, as in the finder's own data file. With those in it the guide needs no other file to
start. The guide's answers live in the page address's fragment under :data:`ADDRESS` names: the
finder keeps the fragment untouched and reads its filters from the query, so the two never
mix (a test checks the names differ from the finder's parameters).
"""

from __future__ import annotations

import json

from scripts.pipeline.config import GUIDE_FIELDS
from scripts.pipeline.model import Catalogue, Record
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import enum_labels
from scripts.site.facets import KIND_PARAM, Facets
from scripts.site.views import Views

# Written under docs/ (listed in scripts.project.GENERATED_PAGES); /opas.json on the site.
FILE = "opas.json"
# The guide's answers in the address fragment: /loyda/#tavoite=…&ryhma=…&varat=…
ADDRESS = {"level": "tavoite", "group": "ryhma", "resources": "varat"}
# Cases named with each suggestion, and municipalities named with each case; the rest are counted.
CASES_NAMED = 3
PLACES_NAMED = 3
# What a method takes, in the order the guide lists it: key in the data -> field in the schema.
NEEDS = {"facilitation": "facilitation", "time": "resources.time", "money": "resources.money",
         "groupSize": "group_size", "duration": "duration"}


def guide_address(answers: dict[str, str]) -> str:
    """The fragment that opens the guide answered, e.g. ``tavoite=toimintaosallisuus``."""
    return "&".join(f"{ADDRESS[question]}={value}" for question, value in answers.items())


def _places(views: Views, case: Record) -> str:
    """Where a case was, short: "Kokkola, Kruunupyy, Halsua ja 9 muuta kuntaa" (no inflection needed)."""
    municipalities = case.data["municipalities"]
    if len(municipalities) <= PLACES_NAMED:
        return views.places(case)
    return f"{', '.join(municipalities[:PLACES_NAMED])} ja {len(municipalities) - PLACES_NAMED} muuta kuntaa"


def _cases(catalogue: Catalogue, views: Views, method: Record) -> list[dict]:
    """The cases that used the method, those that started latest first (unknown years last)."""
    used = catalogue.used_by[method.id]
    return [{"places": _places(views, case), "years": views.years(case), "url": case.url}
            for case in catalogue.newest_cases(len(used), among=used)]


def _method(catalogue: Catalogue, views: Views, method: Record) -> dict:
    data = method.data
    resources = data["resources"]
    cases = _cases(catalogue, views, method)
    return {
        "title": method.title, "url": method.url, "levels": method.levels, "groups": data["target_groups"],
        "resources": resources["level"],
        "facilitation": data.get("facilitation"), "time": resources["time"], "money": resources["money"],
        "groupSize": data.get("group_size"), "duration": data.get("duration"),
        "cases": cases[:CASES_NAMED], "caseCount": len(cases),
    }


def guide_data(catalogue: Catalogue, views: Views, facets: Facets) -> dict:
    field = lambda name: catalogue.schemas.field("method", name) or {}  # noqa: E731
    return {
        "address": ADDRESS,
        "finder": {"kind": KIND_PARAM, **{question: facets.param_of(name) for question, name in GUIDE_FIELDS.items()}},
        "words": {"one": KINDS["method"].one, "many": KINDS["method"].many},
        "resourceOrder": field(GUIDE_FIELDS["resources"]).get("enum", []),
        "labels": {
            "level": {level["id"]: level["name"] for level in catalogue.levels},
            "group": dict(catalogue.vocabulary_entries("target_groups")),
            "resources": enum_labels(field(GUIDE_FIELDS["resources"])),
            "facilitation": enum_labels(field("facilitation")),
            "duration": enum_labels(field("duration")),
        },
        "needs": {key: field(name).get("title", name) for key, name in NEEDS.items()},
        "methods": [_method(catalogue, views, method) for method in catalogue.methods],
    }


def guide_file(catalogue: Catalogue, views: Views, facets: Facets) -> dict[str, str]:
    """The guide's data file: path under ``docs/`` -> JSON without spaces."""
    return {FILE: json.dumps(guide_data(catalogue, views, facets), ensure_ascii=False, separators=(",", ":")) + "\n"}
