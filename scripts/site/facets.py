"""Facets of the page "Löydä menetelmä": the record fields people filter methods and cases by.

Which fields are facets is data (``data/facets.yml``, read by :mod:`scripts.pipeline.config`);
a facet's label and its values come from the record schemas and vocabularies, so a new
vocabulary or enum field becomes a facet with one line there. Two facets are derived, never
typed: regions (a case's from its municipalities, a method's from the cases that used it) and
the decade a case started in (from ``years.start``, so a start year is filterable without a
check box per year).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from scripts.pipeline.config import DERIVED_FIELDS, FacetConfig
from scripts.pipeline.model import Catalogue, Record, finnish_sort_key
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import enum_labels, vocabulary_of

DERIVED_LABELS = {"regions": "Maakunta", "start_decade": "Alkamisvuosi"}
# The filter by kind (methods, cases) comes first on the page and is not a record field.
KIND_PARAM = "tyyppi"


@dataclass
class Facet:
    param: str
    field: str
    label: str
    values: list[dict[str, str]]  # id and label, in vocabulary or schema order


def start_decade(record: Record) -> list[str]:
    """The decade a case started in ("2010"), none if the start year is unknown or for a method."""
    start = (record.data.get("years") or {}).get("start")
    return [str(start - start % 10)] if isinstance(start, int) else []


def decade_label(decade: str) -> str:
    return f"{decade}-luku"


def record_values(record: Record, field: str, regions: list[str]) -> list[str]:
    """The values a record has for a facet's field, as a list (empty if it lacks the field)."""
    if field == "regions":
        return regions
    if field == "start_decade":
        return start_decade(record)
    value: Any = record.data
    for name in field.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


class Facets:
    """The catalogue's facets and each record's values in them."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.configs: list[FacetConfig] = catalogue.config.facets

    def param_of(self, field: str) -> str | None:
        """The address parameter of the facet over a field, if there is one."""
        return next((config.param for config in self.configs if config.field == field), None)

    def values_of(self, record: Record) -> dict[str, list[str]]:
        """The record's values for each facet, by URL parameter."""
        regions = self.catalogue.regions_used(record)
        return {config.param: record_values(record, config.field, regions) for config in self.configs}

    @cached_property
    def all(self) -> list[Facet]:
        """The facets with the values that at least one record has."""
        present: dict[str, set[str]] = {config.param: set() for config in self.configs}
        for record in self.catalogue.records:
            for param, values in self.values_of(record).items():
                present[param].update(values)
        return [self._facet(config, present[config.param]) for config in self.configs]

    @cached_property
    def by_param(self) -> dict[str, Facet]:
        return {facet.param: facet for facet in self.all}

    def _facet(self, config: FacetConfig, present: set[str]) -> Facet:
        if config.field == "start_decade":
            values = [{"id": value, "label": decade_label(value)} for value in sorted(present)]
            return Facet(config.param, config.field, DERIVED_LABELS[config.field], values)
        if config.field in DERIVED_FIELDS:
            values = [{"id": value, "label": value} for value in sorted(present, key=finnish_sort_key)]
            return Facet(config.param, config.field, DERIVED_LABELS[config.field], values)
        schemas = self.catalogue.schemas
        schema = next(s for s in (schemas.field(kind, config.field) for kind in KINDS) if s)
        vocabulary = vocabulary_of(schema)
        if vocabulary:
            values = [{"id": key, "label": label} for key, label in self.catalogue.vocabulary_entries(vocabulary)]
        else:
            values = [{"id": value, "label": label} for value, label in enum_labels(schema).items()]
        return Facet(config.param, config.field, schema.get("title", config.field),
                     [value for value in values if value["id"] in present])
