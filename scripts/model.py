"""The catalogue: validated records, their links to each other and to the vocabularies.

Built once per build from the records that passed validation; the page generator, the
mkdocs-macros functions (through ``build/catalogue.json``) and later exports all read it,
so nothing derives a relation (which cases used a method, which region a case is in)
twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from scripts.comparisons import Comparison, check_comparisons, load_comparisons
from scripts.facets import Facet, FacetConfig, build_facets, check_facets, load_facet_config, record_values
from scripts.permalinks import URL_PREFIX, check_register
from scripts.project import Project
from scripts.record_cache import load_checked
from scripts.records import Problem
from scripts.schemas import Schemas, vocabulary_of
from scripts.source_links import read_status
from scripts.validate import check_across, load_sections
from scripts.vocabularies import Vocabularies

LEVEL_PREFIX = "tasot"
# Fields a record page shows in its own place, not in the facts list.
SHOWN_ELSEWHERE = {"id", "title", "aliases", "summary", "sources", "updated", "redirect_from"}
_FINNISH_ORDER = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03", "w": "v"})


def finnish_sort_key(text: str) -> str:
    """Alphabetical order as in Finnish: å, ä and ö come after z."""
    return text.casefold().translate(_FINNISH_ORDER)


@dataclass
class Record:
    kind: str
    data: dict[str, Any]
    body: str
    source: str

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def page(self) -> str:
        """Path of the generated page under ``docs/``; its URL is ``<prefix>/<id>/``."""
        return f"{URL_PREFIX[self.kind]}/{self.id}.md"

    @property
    def url(self) -> str:
        return f"{URL_PREFIX[self.kind]}/{self.id}/"

    @property
    def levels(self) -> list[str]:
        return self.data["levels"]


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


@dataclass
class Catalogue:
    methods: list[Record]
    cases: list[Record]
    vocabularies: Vocabularies
    schemas: Schemas
    comparisons: list[Comparison] = field(default_factory=list)
    link_status: dict[str, dict] = field(default_factory=dict)
    facet_configs: list[FacetConfig] = field(default_factory=list)
    used_by: dict[str, list[Record]] = field(default_factory=dict)
    related_to: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, records: list[Record], vocabularies: Vocabularies, schemas: Schemas, comparisons: list[Comparison],
              link_status: dict[str, dict], facet_configs: list[FacetConfig]) -> "Catalogue":
        by_title = sorted(records, key=lambda record: finnish_sort_key(record.title))
        catalogue = cls([r for r in by_title if r.kind == "method"], [r for r in by_title if r.kind == "case"],
                        vocabularies, schemas, comparisons, link_status, facet_configs)
        catalogue.used_by = {method.id: [] for method in catalogue.methods}
        for case in catalogue.cases:
            for method_id in case.data["methods"]:
                catalogue.used_by[method_id].append(case)
        catalogue.related_to = {method.id: list(method.data.get("related_methods", [])) for method in catalogue.methods}
        for method in catalogue.methods:
            for other in method.data.get("related_methods", []):
                if method.id not in catalogue.related_to[other]:
                    catalogue.related_to[other].append(method.id)
        return catalogue

    @cached_property
    def methods_by_id(self) -> dict[str, Record]:
        return {method.id: method for method in self.methods}

    @property
    def levels(self) -> list[dict[str, Any]]:
        return self.vocabularies.levels

    def source_urls(self) -> list[str]:
        """Every distinct URL the records cite as a source."""
        urls = {source["url"] for record in self.methods + self.cases for source in record.data["sources"] if "url" in source}
        return sorted(urls)

    def dead_link(self, url: str) -> dict | None:
        """The last check of a source URL if it failed, else None (alive or never checked)."""
        status = self.link_status.get(url)
        return status if status and not status["ok"] else None

    def level_names(self, level_ids: list[str]) -> list[str]:
        return [self.vocabularies.label("levels", level_id) for level_id in level_ids]

    def level_page(self, level_id: str) -> str:
        return f"{LEVEL_PREFIX}/{level_id}.md"

    def at_level(self, records: list[Record], level_id: str) -> list[Record]:
        """Records at a level, those whose primary level it is first."""
        matching = [record for record in records if level_id in record.levels]
        return sorted(matching, key=lambda record: record.levels[0] != level_id)

    def related(self, method: Record) -> list[str]:
        """Related methods both ways: a method also lists those that name it as related."""
        return self.related_to.get(method.id, [])

    def regions(self, case: Record) -> list[str]:
        """Regions (maakunnat) of a case, derived from its municipalities, never typed."""
        regions = {self.vocabularies.region_of(name) for name in case.data["municipalities"]}
        return sorted(regions, key=finnish_sort_key)

    def regions_used(self, record: Record) -> list[str]:
        """A case's regions; for a method, the regions of the cases that used it."""
        if record.kind == "case":
            return self.regions(record)
        return sorted({region for case in self.used_by[record.id] for region in self.regions(case)}, key=finnish_sort_key)

    def facet_values(self, record: Record) -> dict[str, list[str]]:
        """The record's values for each facet of the "Löydä menetelmä" page, by URL parameter."""
        regions = self.regions_used(record)
        return {config.param: record_values(record, config.field, regions) for config in self.facet_configs}

    @cached_property
    def facets(self) -> list[Facet]:
        """The facets with the values that at least one record has."""
        present: dict[str, set[str]] = {config.param: set() for config in self.facet_configs}
        for record in self.methods + self.cases:
            for param, values in self.facet_values(record).items():
                present[param].update(values)
        return build_facets(self.facet_configs, self.schemas, self.vocabulary_entries, present, finnish_sort_key)

    def vocabulary_entries(self, vocabulary: str) -> list[tuple[str, str]]:
        """(key, label) of a vocabulary in its order; the methods vocabulary is the method records."""
        if vocabulary == "methods":
            return [(method.id, method.title) for method in self.methods]
        return [(key, self.vocabularies.label(vocabulary, key)) for key in self.vocabularies[vocabulary]]

    def latest_cases(self, method: Record, count: int) -> list[Record]:
        """The cases of a method updated most recently: a method page lists these, not thousands."""
        return sorted(self.used_by[method.id], key=lambda case: case.data["updated"], reverse=True)[:count]

    def places(self, case: Record) -> str:
        """Municipalities for lists; national or unnamed when the case names none."""
        return ", ".join(case.data["municipalities"]) or "ei tiettyä kuntaa"

    def years(self, case: Record) -> str:
        start, end = case.data["years"].get("start"), case.data["years"].get("end")
        if start is None:
            return "vuodet ei tiedossa"
        if end is None:
            return f"{start}–" if case.data["status"] != "päättynyt" else f"{start}–?"
        return str(start) if start == end else f"{start}–{end}"

    def facts(self, record: Record) -> list[Fact]:
        """The record's fields as labelled values, in schema order, labels from the schema."""
        facts = []
        required = self.schemas.inlined[record.kind]["required"]
        for name, schema in self.schemas.properties(record.kind).items():
            value = self.related(record) if name == "related_methods" else record.data.get(name)
            if name in SHOWN_ELSEWHERE or (name not in required and not value):
                continue
            free_text_list = isinstance(value, list) and not vocabulary_of(schema)
            facts.append(Fact(schema.get("title", name), self._items(schema, value),
                              itemised=isinstance(value, dict) or free_text_list))
            if name == "municipalities" and record.data[name]:
                facts.append(Fact("Maakunta", [Item(region) for region in self.regions(record)]))
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
            method = self.methods_by_id[key]
            return Item(method.title, method.page)
        if vocabulary == "levels":
            return Item(self.vocabularies.label(vocabulary, key), self.level_page(key))
        return Item(self.vocabularies.label(vocabulary, key))

    def field_docs(self, kind: str) -> list[dict[str, Any]]:
        """Each record field's name, Finnish title and description, from the schema."""
        required = self.schemas.inlined[kind]["required"]
        return [{"name": name, "title": schema.get("title", name), "description": schema.get("description", ""),
                 "required": name in required} for name, schema in self.schemas.properties(kind).items()]

    def to_json(self) -> dict[str, Any]:
        """The model as plain data: what the hand-written pages' macros read."""
        return {
            "fields": {kind: self.field_docs(kind) for kind in URL_PREFIX},
            "levels": [
                {**level, "page": self.level_page(level["id"]),
                 "methods": [m.id for m in self.at_level(self.methods, level["id"])],
                 "primary_methods": [m.id for m in self.methods if m.levels[0] == level["id"]],
                 "cases": [c.id for c in self.at_level(self.cases, level["id"])]}
                for level in self.levels
            ],
            "methods": [{**m.data, "page": m.page, "url": m.url, "cases": [c.id for c in self.used_by[m.id]]}
                        for m in self.methods],
            "cases": [{**c.data, "page": c.page, "url": c.url, "regions": self.regions(c), "places": self.places(c),
                       "years_text": self.years(c)}
                      for c in self.cases],
        }


def load_catalogue(project: Project) -> tuple[Catalogue | None, list[Problem]]:
    """Files -> load -> validate -> model. ``None`` and the problems if any record is invalid."""
    schemas, vocabularies = Schemas.load(project), Vocabularies.load(project)
    sources, problems = load_checked(project, schemas, vocabularies, load_sections(project))
    problems += check_across(sources, schemas)
    problems += check_register(sources, project.register_file, project.relative(project.register_file))
    comparisons = load_comparisons(project.comparisons_file)
    problems += check_comparisons(comparisons, {s.stem for s in sources if s.kind == "method"},
                                  project.relative(project.comparisons_file))
    facet_configs = load_facet_config(project.facets_file)
    problems += check_facets(facet_configs, schemas, project.relative(project.facets_file))
    problems = sorted(set(problems))
    if problems:
        return None, problems
    records = [Record(source.kind, source.data, source.body, source.rel) for source in sources]
    return Catalogue.build(records, vocabularies, schemas, comparisons, read_status(project.link_status_file),
                           facet_configs), []
