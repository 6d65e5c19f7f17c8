"""How the catalogue reads on a page: Finnish wording of values, and the templates' filters.

The model says which cases used a method; this module says it in Finnish ("ei tiedossa",
"kyllä", "ei tiettyä kuntaa", "2019–"), so every page, list and the finder word a value the
same way. Templates in ``overrides/records/`` get a :class:`Views` as ``views`` and the
filters of :func:`filters`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

from scripts.pipeline.model import Catalogue, Record
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import vocabulary_of

LEVEL_PREFIX = "tasot"
# Fields a record page shows in its own place, not in the facts list.
SHOWN_ELSEWHERE = {"id", "title", "aliases", "summary", "sources", "added", "updated", "redirect_from",
                   "status_year", "evidence_note"}
# A case's status is flagged when what the source says is older than this many years.
STATUS_AGE_YEARS = 3
ARCHIVE = "https://web.archive.org/web/*/"
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.fi"}
MONTHS_FI = ("tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
             "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta")
# In a citation, where the browser writes the day the reader viewed the page (docs/javascripts/citation.js).
ACCESSED_LABEL = "Viitattu"
ACCESSED = f"{ACCESSED_LABEL} [lukupäivä]"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~-])")


@dataclass
class Item:
    """One value in a facts list: text, optionally linking to a page of the site."""

    text: str
    page: str | None = None


@dataclass
class Fact:
    label: str
    items: list[Item]
    itemised: bool = False  # one value per line (sub-fields, free-text lists) instead of a comma list


def level_page(level_id: str) -> str:
    return f"{LEVEL_PREFIX}/{level_id}.md"


# Cases in one table (the case list, a level page). A table of thousands is unreadable and
# slow to open; beyond this the newest are listed and the finder's pages list them all.
CASE_TABLE_LIMIT = 200


class Views:
    """The catalogue's values as a reader sees them."""

    case_table_limit = CASE_TABLE_LIMIT

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def case_table(self, cases: list[Record]) -> list[Record]:
        """The cases a table lists, in their own order: all of them, or the newest :data:`CASE_TABLE_LIMIT`."""
        if len(cases) <= self.case_table_limit:
            return cases
        newest = {id(case) for case in self.catalogue.newest_cases(self.case_table_limit, among=cases)}
        return [case for case in cases if id(case) in newest]

    def level_names(self, level_ids: list[str]) -> list[str]:
        return [self.catalogue.vocabularies.label("levels", level_id) for level_id in level_ids]

    level_page = staticmethod(level_page)

    def places(self, case: Record) -> str:
        """Municipalities for lists; else what the case says of its scope (regional, national, unnamed)."""
        if case.data["municipalities"]:
            return ", ".join(case.data["municipalities"])
        scope = case.data.get("scope")
        labels = self.catalogue.schemas.properties("case").get("scope", {}).get("x-enum-labels", {})
        return ", ".join(case.data.get("scope_regions", [])) or labels.get(scope, "ei tiettyä kuntaa")

    def years(self, case: Record) -> str:
        start, end = case.data["years"].get("start"), case.data["years"].get("end")
        if start is None:
            return "vuodet ei tiedossa"
        if end is None:
            return f"{start}–" if case.data["status"] != "päättynyt" else f"{start}–?"
        return str(start) if start == end else f"{start}–{end}"

    def years_in_full(self, case: Record) -> str:
        """The years for a case page: an ongoing case "jatkuu", an unknown end said so."""
        start, end = case.data["years"].get("start"), case.data["years"].get("end")
        if start is None:
            return "ei tiedossa"
        if end is None:
            return f"alkoi {start}, jatkuu" if case.data["status"] != "päättynyt" else f"alkoi {start}, päättymisvuosi ei tiedossa"
        return str(start) if start == end else f"{start}–{end}"

    def status(self, case: Record, this_year: int | None = None) -> str:
        """"Tilanne vuonna 2016 lähteen mukaan: käynnissä", flagged when that is years ago."""
        label = self.catalogue.schemas.field("case", "status").get("x-enum-labels", {}).get(case.data["status"],
                                                                                          case.data["status"])
        year = case.data.get("status_year")
        if year is None:
            return f"{label} (vuosi, jota tieto koskee, ei tiedossa)"
        text = f"Tilanne vuonna {year} lähteen mukaan: {label}"
        if (this_year or dt.date.today().year) - year > STATUS_AGE_YEARS:
            text += f". Tieto on yli {STATUS_AGE_YEARS} vuotta vanha; tilanne voi olla nyt toinen."
        return text

    def evidence(self, case: Record) -> str:
        label = self.catalogue.vocabularies.label("evidence", case.data["evidence"])
        note = case.data.get("evidence_note")
        return f"{label}: {note}" if note else label

    def facts(self, record: Record) -> list[Fact]:
        """The record's fields as labelled values, in schema order, labels from the schema."""
        schemas = self.catalogue.schemas
        facts = []
        required = schemas.inlined[record.kind]["required"]
        for name, schema in schemas.properties(record.kind).items():
            value = self.catalogue.related(record) if name == "related_methods" else record.data.get(name)
            if name in SHOWN_ELSEWHERE or (name not in required and not value):
                continue
            if name == "municipalities" and not value and record.data.get("scope"):
                continue  # the scope says where: regional, national or not named
            special = {"years": self.years_in_full, "status": self.status, "evidence": self.evidence}
            if name in special and record.kind == "case":
                facts.append(Fact(schema.get("title", name), [Item(special[name](record))]))
                continue
            free_text_list = isinstance(value, list) and not vocabulary_of(schema)
            facts.append(Fact(schema.get("title", name), self._items(schema, value),
                              itemised=isinstance(value, dict) or free_text_list))
            if name == "municipalities" and record.data[name]:
                facts.append(Fact("Maakunta", [Item(region) for region in self.catalogue.regions(record)]))
        return facts

    def _items(self, schema: dict, value: Any) -> list[Item]:
        if value is None:
            return [Item("ei tiedossa")]
        if isinstance(value, bool):
            return [Item("kyllä" if value else "ei")]
        if isinstance(value, list):
            vocabulary = vocabulary_of(schema)
            items = [self._vocabulary_item(vocabulary, item) if vocabulary else Item(str(item)) for item in value]
            return items or [Item("ei tiedossa")]
        if isinstance(value, dict):
            fields = schema.get("properties", {})
            return [Item(f"{fields.get(key, {}).get('title', key)}: {self._items(fields.get(key, {}), item)[0].text}")
                    for key, item in value.items()]
        return [Item(schema.get("x-enum-labels", {}).get(value, str(value)))]

    def _vocabulary_item(self, vocabulary: str, key: str) -> Item:
        if vocabulary == "methods":
            method = self.catalogue.methods_by_id[key]
            return Item(method.title, method.page)
        if vocabulary == "levels":
            return Item(self.catalogue.vocabularies.label(vocabulary, key), level_page(key))
        return Item(self.catalogue.vocabularies.label(vocabulary, key))

    def apa_citation(self, record: Record, site) -> str:
        """The page as an APA 7 reference in Finnish; :data:`ACCESSED` is replaced by the reader's date."""
        year, month, day = (int(part) for part in record.data["updated"].split("-"))
        return (f"{site.name}. ({year}, {day}. {MONTHS_FI[month - 1]}). {record.title}. "
                f"{ACCESSED}. {site.url}{record.url}")

    def citation_meta(self, record: Record, site) -> dict[str, Any]:
        """What reference managers (Highwire Press ``citation_*`` tags, read by Zotero and Mendeley)
        and link previews (schema.org JSON-LD) read from a record page; ``overrides/main.html`` prints it."""
        url = site.url + record.url
        levels = self.level_names(record.levels)
        highwire = [("citation_title", record.title), ("citation_publisher", site.name),
                    ("citation_publication_date", record.data["added"].replace("-", "/")),
                    ("citation_online_date", record.data["updated"].replace("-", "/")),
                    ("citation_language", "fi"), ("citation_abstract_html_url", url),
                    ("citation_keywords", "; ".join(levels))]
        # The summary is already the page's meta description, which search engines read too.
        json_ld = {"@context": "https://schema.org", "@type": "Article", "headline": record.title, "url": url,
                   "inLanguage": "fi", "datePublished": record.data["added"], "dateModified": record.data["updated"],
                   "genre": KINDS[record.kind].label,
                   "publisher": {"@type": "Organization", "name": site.name, "url": site.url},
                   "license": LICENCE["url"]}
        return {"highwire": [{"name": name, "content": content} for name, content in highwire], "json_ld": json_ld}

    def field_docs(self, kind: str) -> list[dict[str, Any]]:
        """Each record field's name, Finnish title and description, from the schema."""
        schemas = self.catalogue.schemas
        required = schemas.inlined[kind]["required"]
        return [{"name": name, "title": schema.get("title", name), "description": schema.get("description", ""),
                 "required": name in required} for name, schema in schemas.properties(kind).items()]


def html_text(value: object) -> str:
    """Plain text inside HTML that Markdown leaves as it is, on one line."""
    return html.escape(" ".join(str(value).split()), quote=False)


def plural(count: int, one: str, many: str) -> str:
    """"1 menetelmä", "7 menetelmää"."""
    return f"{count} {one if count == 1 else many}"


def breakable(level_name: str) -> str:
    """A level name that may wrap before "osallisuus" in a narrow box or column
    ("Suunnittelu-/osallisuus"); one with a hyphen of its own already may."""
    head, found, _ = level_name.rpartition("osallisuus")
    return level_name if not found or not head or head.endswith("-") else f"{head}\u00ad{found}"


def text(value: object) -> str:
    """Plain text for inline Markdown: no markup, no links, safe inside a table cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html_text(value))


def attribute(value: object) -> str:
    """Text for page metadata: the theme puts it into HTML attributes without escaping."""
    return html.escape(" ".join(str(value).split()), quote=True)


def date_fi(value: str) -> str:
    year, month, day = value[:10].split("-")
    return f"{int(day)}.{int(month)}.{year}"


def archive_url(url: str) -> str:
    """The web archive's list of copies of ``url`` (parentheses escaped for a Markdown link)."""
    return ARCHIVE + url.replace("(", "%28").replace(")", "%29")


def relative(target: str, current: str) -> str:
    """Link from page ``current`` to ``target``, both paths under ``docs/``.

    String arithmetic, not ``posixpath.relpath``, which asks the file system for the working
    directory on every call (a quarter of generation time at 5,000 records)."""
    here, there = current.split("/")[:-1], target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def page_url(path: str) -> str:
    """The address, relative to the site root, of the page MkDocs makes from ``path`` under ``docs/``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(target: str, current: str) -> str:
    """Link in HTML from page ``current`` to page ``target`` (paths under ``docs/``), as MkDocs
    writes the links it converts from Markdown: relative to the page's own address."""
    return relative(page_url(target), page_url(current) + "index.html")


def number(value: float | None, unit: str = "") -> str:
    """A measurement in Finnish: decimal comma, thin grouping, whole numbers from 100 up."""
    if value is None:
        return "–"
    if unit == "" or value >= 100:
        formatted = f"{value:,.0f}".replace(",", " ")
    else:
        formatted = f"{value:.2f}"
    return formatted.replace(".", ",")


def filters() -> dict[str, Any]:
    return {"text": text, "html_text": html_text, "attribute": attribute, "date_fi": date_fi, "archive_url": archive_url,
            "rel": relative, "href": href, "fi_number": number, "breakable": breakable, "plural": plural}
