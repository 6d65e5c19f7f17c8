"""The fixed body sections of each kind of record (``data/schemas/sections.yml``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    heading: str
    hint: str
    ordered_list: bool = False


def sections_from(spec: dict[str, list[dict]]) -> dict[str, list[Section]]:
    """The validated ``sections.yml`` as sections per kind."""
    return {kind: [Section(**item) for item in items] for kind, items in spec.items()}
