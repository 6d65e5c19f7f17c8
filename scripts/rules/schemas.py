"""The JSON Schemas of records (``data/schemas/``), compiled once.

The schemas are the single definition of a record's fields: validation checks against them,
the page templates take field labels (``title``) and vocabularies (``x-vocabulary``) from
them, and editors' tools read them for completion.

Each schema is compiled twice. ``jsonschema`` explains every error, which the Finnish messages
(:func:`scripts.pipeline.problems.explain`) are made from, but it took 1.6 s of a first
validation of 5,000 records. ``jsonschema-rs`` (Rust) only answers valid or not, fifty times
quicker (0.03 s; ``fastjsonschema`` took 0.12 s and knows no Draft 2020-12). A record goes through
the compiled one only; one it rejects is validated again with ``jsonschema`` for the messages.
Where the two differ, the compiled one is the stricter (its ``$`` does not match before a final
newline), so such a record is only validated twice; tests/test_validate_fast.py holds them to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Iterator

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from scripts.project import Project
from scripts.rules.kinds import KINDS

# The formats jsonschema checks, for both validators (see Schemas.compiled).
FORMATS = FormatChecker()


def vocabulary_of(field: dict[str, Any]) -> str | None:
    """The vocabulary a field's value, or each item of a list field, must come from."""
    return field.get("x-vocabulary") or field.get("items", {}).get("x-vocabulary")


def enum_labels(field: dict[str, Any]) -> dict[str, str]:
    """A closed field's values and their Finnish labels (``x-enum-labels``; else the value with a capital
    first letter): the one labelling of the pages, the guide, the issue form and the browser editor."""
    labels = field.get("x-enum-labels", {})
    return {value: labels.get(value, value[:1].upper() + value[1:]) for value in field.get("enum", [])}


def _values_of(keyword: str, schema: Any) -> Iterator[str]:
    """Every value of a keyword (``x-vocabulary``, ``format``) anywhere inside an (inlined) schema."""
    if isinstance(schema, dict):
        if isinstance(schema.get(keyword), str):
            yield schema[keyword]
        for value in schema.values():
            yield from _values_of(keyword, value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _values_of(keyword, item)


# The schemas' own base address; published copies carry the site's address instead
# (scripts/site/pages.py), so a schema's $id says where it can be fetched.
SCHEMA_BASE = "https://menetelmapankki.invalid/schemas/"
# Keywords that describe rather than constrain: a field's own title overrides its definition's.
ANNOTATIONS = {"title", "description", "examples", "default", "$comment"}


@dataclass
class Schemas:
    documents: dict[str, dict[str, Any]]
    registry: Registry

    @classmethod
    def load(cls, project: Project) -> "Schemas":
        registry = Registry()
        documents = {}
        for path in sorted(project.schemas_dir.glob("*.schema.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            registry = registry.with_resource(document["$id"], Resource.from_contents(document))
            documents[path.name] = document
        return cls(documents, registry.crawl())

    def schema(self, kind: str) -> dict[str, Any]:
        return self.documents[KINDS[kind].schema_file]

    @cached_property
    def validators(self) -> dict[str, Draft202012Validator]:
        """Validators of the inlined schemas: resolving ``$ref`` took two thirds of validation time."""
        return {kind: Draft202012Validator(self.inlined[kind], format_checker=FORMATS) for kind in KINDS}

    @cached_property
    def compiled(self) -> dict[str, jsonschema_rs.Draft202012Validator]:
        """The same schemas compiled in Rust, for :meth:`is_valid`.

        Formats are checked by ``jsonschema``'s own checker (``date`` is, ``uri`` is not), so
        both validators draw the line between a valid and an invalid value in the same place."""
        formats = {name: partial(FORMATS.conforms, format=name) for kind in KINDS for name in _values_of("format", self.inlined[kind])}
        return {kind: jsonschema_rs.Draft202012Validator(self.inlined[kind], formats=formats, validate_formats=True,
                                                         offline=True) for kind in KINDS}

    def is_valid(self, kind: str, data: Any) -> bool:
        """Whether a record's front matter is valid; :attr:`validators` says why one is not."""
        return self.compiled[kind].is_valid(data)

    @cached_property
    def inlined(self) -> dict[str, dict[str, Any]]:
        """Each kind's schema with every ``$ref`` replaced by its target, for reading fields."""
        return {kind: self._inline(self.schema(kind), self.registry.resolver(self.schema(kind)["$id"]))
                for kind in KINDS}

    def _inline(self, node: Any, resolver) -> Any:
        if isinstance(node, list):
            return [self._inline(item, resolver) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target = resolver.lookup(node["$ref"])
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            clash = {key for key in siblings.keys() & target.contents.keys() if key not in ANNOTATIONS}
            if clash:  # both constraints must hold, as with $ref beside them
                return {"allOf": [self._inline(target.contents, target.resolver), self._inline(siblings, resolver)]}
            return self._inline({**target.contents, **siblings}, target.resolver)
        return {key: self._inline(value, resolver) for key, value in node.items()}

    def properties(self, kind: str, subschema: dict[str, Any] | None = None) -> dict[str, dict]:
        """Field name -> subschema (``$ref`` resolved), in the order the schema lists them."""
        return (subschema or self.inlined[kind]).get("properties", {})

    def field(self, kind: str, dotted: str) -> dict[str, Any] | None:
        """The schema of a field (``resources.level`` for a sub-field), or None if the kind lacks it."""
        schema: dict[str, Any] | None = self.inlined[kind]
        for name in dotted.split("."):
            schema = self.properties(kind, schema).get(name) if schema else None
        return schema

    def fields_using(self, kind: str, vocabulary: str) -> frozenset[str]:
        """Top-level fields of a kind whose values, or values within them, come from a vocabulary."""
        return self._vocabulary_usage[kind].get(vocabulary, frozenset())

    @cached_property
    def _vocabulary_usage(self) -> dict[str, dict[str, frozenset[str]]]:
        usage: dict[str, dict[str, set[str]]] = {}
        for kind in KINDS:
            usage[kind] = {}
            for name, schema in self.properties(kind).items():
                for vocabulary in _values_of("x-vocabulary", schema):
                    usage[kind].setdefault(vocabulary, set()).add(name)
        return {kind: {vocabulary: frozenset(names) for vocabulary, names in found.items()} for kind, found in usage.items()}

    def vocabulary_fields(self, kind: str, data: Any) -> Iterator[tuple[tuple, str, Any]]:
        """Every (path, vocabulary, value) in ``data`` whose schema names an ``x-vocabulary``."""
        return _vocabulary_values(data, self._vocabulary_branches[kind], ())

    @cached_property
    def _vocabulary_branches(self) -> dict[str, dict[str, Any]]:
        """Each kind's schema cut down to the branches that lead to an ``x-vocabulary``, so that the
        walk of every record skips the fields that have none (most of them)."""
        return {kind: _branches_to_vocabularies(self.inlined[kind]) for kind in KINDS}


def _branches_to_vocabularies(schema: dict[str, Any]) -> dict[str, Any]:
    branches: dict[str, Any] = {}
    if "x-vocabulary" in schema:
        branches["x-vocabulary"] = schema["x-vocabulary"]
    items = _branches_to_vocabularies(schema["items"]) if isinstance(schema.get("items"), dict) else {}
    if items:
        branches["items"] = items
    properties = {name: kept for name, field in schema.get("properties", {}).items()
                  if (kept := _branches_to_vocabularies(field))}
    if properties:
        branches["properties"] = properties
    return branches


def _vocabulary_values(data: Any, branches: dict[str, Any], path: tuple) -> Iterator[tuple[tuple, str, Any]]:
    vocabulary = branches.get("x-vocabulary")
    if vocabulary and isinstance(data, str):
        yield path, vocabulary, data
    elif isinstance(data, list) and "items" in branches:
        for index, item in enumerate(data):
            yield from _vocabulary_values(item, branches["items"], path + (index,))
    elif isinstance(data, dict):
        for name, field in branches.get("properties", {}).items():
            if name in data:
                yield from _vocabulary_values(data[name], field, path + (name,))
