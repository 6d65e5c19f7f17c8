"""The catalogue: validated records and their relations to each other and to the vocabularies.

Built once per build by :func:`scripts.pipeline.catalogue.load_catalogue`; pages, exports,
charts and search read it, so nothing derives a relation (which cases used a method, which
region a case is in) twice. How a value is said in Finnish on a page is not here but in
:mod:`scripts.site.views`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from scripts.pipeline.config import Rules, SiteConfig
from scripts.rules.kinds import KINDS, record_url
from scripts.rules.schemas import Schemas
from scripts.rules.sections import Section
from scripts.rules.vocabularies import Vocabularies

_FINNISH_ORDER = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03", "w": "v"})


def newest_first(case: Record) -> tuple[bool, int, int]:
    """The one order of "newest" cases (front page, case tables, the finder's "Uusimmat ensin"):
    by the case's own start year, then its end year, latest first; cases without a known year last."""
    years = case.data["years"]
    start, end = years.get("start"), years.get("end")
    return start is None, -(start or 0), -(end or start or 0)


def finnish_sort_key(text: str) -> str:
    """Alphabetical order as in Finnish: å, ä and ö come after z."""
    return text.casefold().translate(_FINNISH_ORDER)


@dataclass
class Record:
    kind: str
    data: dict[str, Any]
    body: str
    source: str  # the record file, relative to the project root

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def page(self) -> str:
        """Path of the generated page under ``docs/``; its URL is :attr:`url`."""
        return f"{KINDS[self.kind].url_prefix}/{self.id}.md"

    @property
    def url(self) -> str:
        """Address from the site root without the leading slash: ``menetelmat/bikva/``."""
        return record_url(self.kind, self.id).lstrip("/")

    @property
    def levels(self) -> list[str]:
        return self.data["levels"]

    @property
    def old_ids(self) -> list[str]:
        return self.data.get("redirect_from", [])


@dataclass
class Catalogue:
    methods: list[Record]
    cases: list[Record]
    rules: Rules
    config: SiteConfig = field(default_factory=SiteConfig)
    used_by: dict[str, list[Record]] = field(default_factory=dict)
    related_to: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, records: list[Record], rules: Rules, config: SiteConfig) -> "Catalogue":
        by_title = sorted(records, key=lambda record: finnish_sort_key(record.title))
        catalogue = cls([r for r in by_title if r.kind == "method"], [r for r in by_title if r.kind == "case"],
                        rules, config)
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

    @property
    def records(self) -> list[Record]:
        return self.methods + self.cases

    @property
    def schemas(self) -> Schemas:
        return self.rules.schemas

    @property
    def vocabularies(self) -> Vocabularies:
        return self.rules.vocabularies

    @property
    def sections(self) -> dict[str, list[Section]]:
        return self.rules.sections

    @cached_property
    def methods_by_id(self) -> dict[str, Record]:
        return {method.id: method for method in self.methods}

    @property
    def levels(self) -> list[dict[str, Any]]:
        return self.vocabularies.levels

    def source_urls(self) -> list[str]:
        """Every distinct URL the records cite as a source."""
        return sorted({source["url"] for record in self.records for source in record.data["sources"] if "url" in source})

    def dead_link(self, url: str) -> dict | None:
        """The last check of a source URL if it failed, else None (alive or never checked)."""
        status = self.config.link_status.get(url)
        return status if status and not status["ok"] else None

    def at_level(self, records: list[Record], level_id: str) -> list[Record]:
        """Records at a level, those whose primary level it is first."""
        matching = [record for record in records if level_id in record.levels]
        return sorted(matching, key=lambda record: record.levels[0] != level_id)

    def primary_at(self, level_id: str) -> list[Record]:
        """Methods whose primary (first) level is this one."""
        return [method for method in self.methods if method.levels[0] == level_id]

    def related(self, method: Record) -> list[str]:
        """Related methods both ways: a method also lists those that name it as related."""
        return self.related_to.get(method.id, [])

    def regions(self, case: Record) -> list[str]:
        """Regions (maakunnat) of a case: those of its municipalities, and those a regional case names
        without listing municipalities (``scope_regions``)."""
        regions = {self.vocabularies.region_of(name) for name in case.data["municipalities"]}
        regions.update(case.data.get("scope_regions", []))
        return sorted(regions, key=finnish_sort_key)

    def regions_used(self, record: Record) -> list[str]:
        """A case's regions; for a method, the regions of the cases that used it."""
        if record.kind == "case":
            return self.regions(record)
        return sorted({region for case in self.used_by[record.id] for region in self.regions(case)}, key=finnish_sort_key)

    def vocabulary_entries(self, vocabulary: str) -> list[tuple[str, str]]:
        """(key, label) of a vocabulary in its order; the methods vocabulary is the method records."""
        if vocabulary == "methods":
            return [(method.id, method.title) for method in self.methods]
        return [(key, self.vocabularies.label(vocabulary, key)) for key in self.vocabularies[vocabulary]]

    def latest_cases(self, method: Record | None = None, count: int | None = None) -> list[Record]:
        """Cases updated most recently (of one method, or all): a method page lists ten, not thousands."""
        cases = self.used_by[method.id] if method else self.cases
        return sorted(cases, key=lambda case: case.data["updated"], reverse=True)[:count]

    def newest_cases(self, count: int, among: list[Record] | None = None) -> list[Record]:
        """Cases (all, or ``among``), newest first (:func:`newest_first`)."""
        return sorted(self.cases if among is None else among, key=newest_first)[:count]

    def recently_added(self, count: int) -> list[Record]:
        """Records by the day they were first published, latest first."""
        return sorted(self.records, key=lambda record: record.data["added"], reverse=True)[:count]
