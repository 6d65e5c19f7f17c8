"""The controlled vocabularies records refer to, read from ``data/vocabularies/``.

Vocabularies are data: adding a target group or refreshing the municipality list is an edit
of a YAML file, never of code. Schemas name the vocabulary a field uses with the keyword
``x-vocabulary``, so validation and rendering find it without a list kept in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

# Vocabulary names used in `x-vocabulary` -> file under data/vocabularies/, and the key of an entry.
FILES = {
    "levels": ("levels.yml", "id"),
    "target_groups": ("target_groups.yml", "id"),
    "service_areas": ("service_areas.yml", "id"),
    "seeds": ("seeds.yml", "id"),
    "evidence": ("evidence.yml", "id"),
    "arenas": ("arenas.yml", "id"),
    "municipalities": ("municipalities.yml", "name"),
}


@dataclass
class Vocabularies:
    """Each vocabulary as an ordered mapping key -> entry."""

    entries: dict[str, dict[str, dict[str, Any]]]

    @classmethod
    def from_documents(cls, documents: dict[str, Any]) -> "Vocabularies":
        """From each vocabulary file's validated content, by vocabulary name."""
        entries = {}
        for name, (_, key) in FILES.items():
            items = documents[name]["municipalities"] if name == "municipalities" else documents[name]
            entries[name] = {str(item[key]): item for item in items}
        # Derived, no file of its own: the regions (maakunnat) of the municipality list.
        regions = sorted({item["region"] for item in entries["municipalities"].values()})
        entries["regions"] = {region: {"id": region, "name": region} for region in regions}
        return cls(entries)

    def __getitem__(self, name: str) -> dict[str, dict[str, Any]]:
        return self.entries[name]

    def label(self, name: str, key: str) -> str:
        """Finnish display name of an entry (municipalities are their own name)."""
        entry = self.entries[name][key]
        return entry.get("name", key)

    @cached_property
    def levels(self) -> list[dict[str, Any]]:
        return list(self.entries["levels"].values())

    def region_of(self, municipality: str) -> str:
        return self.entries["municipalities"][municipality]["region"]
