"""Facets of the page "Löydä menetelmä": the record fields people filter methods and cases by.

Which fields are facets is data (``data/facets.yml``); a facet's label and its values come
from the record schemas and vocabularies, so a new vocabulary or enum field becomes a facet
with one line there. Regions are derived, never typed: a case's from its municipalities,
a method's from the cases that used it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from scripts.records import Problem
from scripts.schemas import Schemas, vocabulary_of

DERIVED = {"regions": "Maakunta"}


@dataclass(frozen=True)
class FacetConfig:
    param: str
    field: str
    line: int


@dataclass
class Facet:
    param: str
    label: str
    values: list[dict[str, str]]  # id and label, in vocabulary or schema order


def load_facet_config(path: Path) -> list[FacetConfig]:
    if not path.exists():
        return []
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    configs = []
    for node in root.value if root else []:
        fields = {key.value: value.value for key, value in node.value}
        configs.append(FacetConfig(fields["param"], fields["field"], node.start_mark.line + 1))
    return configs


def field_schema(schemas: Schemas, kind: str, field: str) -> dict[str, Any] | None:
    """The schema of a (dotted) field of a record kind, or None if the kind has no such field."""
    schema: dict[str, Any] | None = schemas.inlined[kind]
    for name in field.split("."):
        schema = schemas.properties(kind, schema).get(name) if schema else None
    return schema


def check_facets(configs: list[FacetConfig], schemas: Schemas, rel: str) -> Iterator[Problem]:
    for index, config in enumerate(configs):
        if config.field not in DERIVED and not any(field_schema(schemas, kind, config.field) for kind in ("method", "case")):
            yield Problem(rel, config.line, f"[{index}].field", f"kenttää {config.field!r} ei ole menetelmien eikä "
                          "esimerkkien skeemassa. Käytä skeeman kentän nimeä, alikentille pisteellä: resources.level.")


def record_values(record, field: str, regions: list[str]) -> list[str]:
    """The values a record has for a facet's field, as a list (empty if it lacks the field)."""
    if field in DERIVED:
        return regions
    value: Any = record.data
    for name in field.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def build_facets(configs: list[FacetConfig], schemas: Schemas, entries, present: dict[str, set[str]],
                 sort_key) -> list[Facet]:
    """Each facet with the values some record has, in vocabulary or schema order (derived: by name).

    ``entries(vocabulary)`` lists a vocabulary's (key, label) pairs in order."""
    facets = []
    for config in configs:
        if config.field in DERIVED:
            values = [{"id": value, "label": value} for value in sorted(present[config.param], key=sort_key)]
            facets.append(Facet(config.param, DERIVED[config.field], values))
            continue
        schema = next(s for s in (field_schema(schemas, kind, config.field) for kind in ("method", "case")) if s)
        vocabulary = vocabulary_of(schema)
        if vocabulary:
            values = [{"id": key, "label": label} for key, label in entries(vocabulary)]
        else:
            labels = schema.get("x-enum-labels", {})
            values = [{"id": value, "label": labels.get(value, value.capitalize())} for value in schema.get("enum", [])]
        facets.append(Facet(config.param, schema.get("title", config.field),
                            [value for value in values if value["id"] in present[config.param]]))
    return facets
