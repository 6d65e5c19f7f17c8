"""The finder's data and orders (/loyda/): one definition for the script's JSON and the no-JS pages.

At thousands of records the finder cannot carry every record in its HTML (5,000 cases made a
4 MB page). So the build writes what the script needs into one compact JSON file, fetched when
the script starts, and the server-rendered page shows only the first page of results; static
list pages (/loyda/sivu/2/ …) list the rest, so every record stays reachable without
JavaScript. Both read :class:`Finder`: the same facet values (:class:`Facets`), the same
orders and the same short line per result.

Orders are computed here, not in the browser: each sort is a list of record indices, so the
script shows a filtered, sorted view by walking one list, and the Finnish alphabet
(:func:`finnish_sort_key`) and the "unknown last" rule have one definition.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from scripts.pipeline.model import Catalogue, Record, finnish_sort_key, newest_first
from scripts.rules.kinds import KINDS
from scripts.site.facets import KIND_PARAM, Facets
from scripts.site.views import Views, plural

# Under docs/: the script's data, and the no-JS list pages 2, 3, … (page 1 is /loyda/ itself).
DATA_FILE = "loyda/tiedot.json"
LIST_PAGE = "loyda/sivu/{number}.md"
# Records on each server-rendered page, and shown at a time by the script ("Näytä lisää").
PAGE_SIZE = 50
RESULTS_PER_PAGE = 20
SORT_PARAM = "jarjestys"


@dataclass(frozen=True)
class Sort:
    id: str  # the value in the address (?jarjestys=uusimmat); the first is the default
    label: str
    note: str  # one Finnish line saying what the order is

    @property
    def line(self) -> str:
        """"Osuvimmat ensin: ensin menetelmät, …", as the page shows it under the results' count."""
        return f"{self.label}: {self.note[0].lower()}{self.note[1:]}"


SORTS = (
    Sort("osuvimmat", "Osuvimmat ensin", "Ensin menetelmät, joita on käytetty useimmissa esimerkeissä, sitten "
         "esimerkit uusimmasta alkaen. Ne, joiden vuosi ei ole tiedossa, ovat viimeisinä."),
    Sort("uusimmat", "Uusimmat ensin", "Esimerkit alkamisvuoden ja menetelmät pankkiin lisäämisen mukaan, uusin "
         "ensin. Ne, joiden vuosi ei ole tiedossa, ovat viimeisinä."),
    Sort("aakkoset", "Aakkosjärjestys", "Nimen mukaan aakkosjärjestyksessä (å, ä ja ö lopussa)."),
)


def newest(record: Record) -> tuple[bool, int, int]:
    """A case as the catalogue orders the newest (:func:`~scripts.pipeline.model.newest_first`); a
    method by the year it joined the bank, in the same shape, so that the two kinds sort together."""
    if record.kind == "case":
        return newest_first(record)
    added = str(record.data.get("added") or "")  # VVVV-KK-PP
    year = int(added[:4]) if added[:4].isdigit() else None
    return year is None, -(year or 0), -(year or 0)


@dataclass(frozen=True, order=False)
class _Reversed:
    """A sort key in reverse order."""
    text: str

    def __lt__(self, other: _Reversed) -> bool:
        return self.text > other.text


@dataclass(frozen=True)
class ListPage:
    number: int
    url: str  # from the site root: "loyda/", "loyda/sivu/2/"
    records: list[Record]


class Finder:
    """What the finder shows: records with facet values, orders, lines and pages."""

    def __init__(self, catalogue: Catalogue, facets: Facets, views: Views) -> None:
        self.catalogue, self.facets, self.views = catalogue, facets, views
        self.records: list[Record] = catalogue.methods + catalogue.cases
        self.sorts = SORTS
        self.sort_param = SORT_PARAM
        self.results_per_page = RESULTS_PER_PAGE

    def line(self, record: Record) -> str:
        """The short line under a result: what it is and, for a case, where, when and on what evidence."""
        label = KINDS[record.kind].label
        if record.kind == "method":
            used = len(self.catalogue.used_by[record.id])
            return f"{label} · {plural(used, 'esimerkki', 'esimerkkiä') if used else 'ei vielä esimerkkejä'}"
        evidence = self.catalogue.vocabularies.label("evidence", record.data["evidence"])
        return f"{label} · {self.views.places(record)}, {self.views.years(record)} · {evidence}"

    def _key(self, sort: str, record: Record) -> tuple[Any, ...]:
        title = finnish_sort_key(record.title)
        if sort == "osuvimmat":
            if record.kind == "method":
                return (0, -len(self.catalogue.used_by[record.id]), title)
            return (1, *newest(record), title)
        if sort == "uusimmat":
            # Ties by the day of joining the bank, latest first (a negated ISO date does not sort,
            # so the date is compared as text in a second, reversed key below).
            return (*newest(record), _Reversed(str(record.data.get("added") or "")), title)
        return (title, record.kind)

    @cached_property
    def orders(self) -> dict[str, list[Record]]:
        """Each sort's order of all records."""
        return {sort.id: sorted(self.records, key=lambda record: self._key(sort.id, record)) for sort in self.sorts}

    @cached_property
    def value_lists(self) -> list[tuple[str, list[str]]]:
        """(address parameter, value ids) of every filter, the kind first, as the page's check boxes."""
        return [(KIND_PARAM, list(KINDS)), *((facet.param, [value["id"] for value in facet.values])
                                            for facet in self.facets.all)]

    @cached_property
    def data(self) -> dict[str, Any]:
        """The script's data: values as indices into ``facets``, orders as indices into ``records``."""
        positions = [{value: index for index, value in enumerate(values)} for _, values in self.value_lists]
        index_of = {id(record): index for index, record in enumerate(self.records)}

        def values(record: Record) -> list[list[int]]:
            chosen = {KIND_PARAM: [record.kind], **self.facets.values_of(record)}
            return [[position[value] for value in chosen[param] if value in position]
                    for (param, _), position in zip(self.value_lists, positions)]

        return {
            "facets": [{"param": param, "values": ids} for param, ids in self.value_lists],
            "orders": {sort: [index_of[id(record)] for record in order] for sort, order in self.orders.items()},
            "records": [[record.title, record.url, self.line(record), values(record)] for record in self.records],
        }

    @cached_property
    def data_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":"))

    @cached_property
    def data_url(self) -> str:
        """The data file's address from /loyda/, versioned by its content so browsers may cache it."""
        digest = hashlib.sha256(self.data_json.encode("utf-8")).hexdigest()[:12]
        return f"{DATA_FILE.split('/', 1)[1]}?v={digest}"

    @cached_property
    def pages(self) -> list[ListPage]:
        """The default order cut into pages: page 1 is /loyda/, the others /loyda/sivu/n/."""
        order = self.orders[self.sorts[0].id]
        chunks = [order[start:start + PAGE_SIZE] for start in range(0, len(order), PAGE_SIZE)] or [[]]
        return [ListPage(number, "loyda/" if number == 1 else f"loyda/sivu/{number}/", chunk)
                for number, chunk in enumerate(chunks, start=1)]

    def list_pages(self) -> dict[str, ListPage]:
        """The generated pages 2, 3, …: path under docs/ -> page."""
        return {LIST_PAGE.format(number=page.number): page for page in self.pages[1:]}


def root_prefix(url: str) -> str:
    """From a page's address (from the site root, ending in "/") back to the root: "loyda/" -> "../"."""
    return "../" * url.count("/")
