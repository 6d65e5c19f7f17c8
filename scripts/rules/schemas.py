"""The JSON Schemas of records (``data/schemas/``), compiled once.

The schemas are the single definition of a record's fields: validation checks against them,
the page templates take field labels (``title``) and vocabularies (``x-vocabulary``) from
them, and editors' tools read them for completion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from scripts.project import Project
from scripts.rules.kinds import KINDS

def vocabulary_of(field: dict[str, Any]) -> str | None:
    """The vocabulary a field's value, or each item of a list field, must come from."""
    return field.get("x-vocabulary") or field.get("items", {}).get("x-vocabulary")


def _vocabularies_in(schema: Any) -> Iterator[str]:
    """Every ``x-vocabulary`` named anywhere inside an (inlined) schema."""
    if isinstance(schema, dict):
        if "x-vocabulary" in schema:
            yield schema["x-vocabulary"]
        for value in schema.values():
            yield from _vocabularies_in(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _vocabularies_in(item)


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
        return {kind: Draft202012Validator(self.inlined[kind], format_checker=FormatChecker()) for kind in KINDS}

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
                for vocabulary in _vocabularies_in(schema):
                    usage[kind].setdefault(vocabulary, set()).add(name)
        return {kind: {vocabulary: frozenset(names) for vocabulary, names in found.items()} for kind, found in usage.items()}

    def vocabulary_fields(self, kind: str, data: Any, subschema: dict | None = None,
                          path: tuple = ()) -> Iterator[tuple[tuple, str, Any]]:
        """Every (path, vocabulary, value) in ``data`` whose schema names an ``x-vocabulary``."""
        subschema = subschema or self.inlined[kind]
        vocabulary = subschema.get("x-vocabulary")
        if vocabulary and isinstance(data, str):
            yield path, vocabulary, data
        elif isinstance(data, list) and "items" in subschema:
            for index, item in enumerate(data):
                yield from self.vocabulary_fields(kind, item, subschema["items"], path + (index,))
        elif isinstance(data, dict):
            for name, prop in subschema.get("properties", {}).items():
                if name in data:
                    yield from self.vocabulary_fields(kind, data[name], prop, path + (name,))
