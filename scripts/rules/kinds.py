"""The two kinds of record, method and case: the one table every step reads.

A kind fixes where its files live, the schema they follow, the permanent address prefix
of its pages and the Finnish words the site uses for it. Python, the page templates and
(through the page contract, :mod:`scripts.site.contract`) the browser scripts all read this
table, so nothing else spells out "menetelmat" or "Menetelmä".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    id: str
    folder: str  # record files: <folder>/<id>.md
    schema_file: str  # under data/schemas/
    url_prefix: str  # pages: /<url_prefix>/<id>/; part of every published address, never changed
    label: str  # "Menetelmä": one record, capitalised
    plural: str  # "Menetelmät": a list heading
    one: str  # "1 menetelmä"
    many: str  # "3 menetelmää" (Finnish partitive after a number)


KINDS: dict[str, Kind] = {kind.id: kind for kind in (
    Kind("method", "methods", "method.schema.json", "menetelmat", "Menetelmä", "Menetelmät", "menetelmä", "menetelmää"),
    Kind("case", "cases", "case.schema.json", "esimerkit", "Esimerkki", "Esimerkit", "esimerkki", "esimerkkiä"),
)}
KIND_OF_PREFIX = {kind.url_prefix: kind.id for kind in KINDS.values()}


def record_url(kind: str, record_id: str) -> str:
    """The permanent address of a record page, from the site root."""
    return f"/{KINDS[kind].url_prefix}/{record_id}/"


def count(kind: str, number: int) -> str:
    """``3 menetelmää``, ``1 esimerkki``."""
    return f"{number} {KINDS[kind].one if number == 1 else KINDS[kind].many}"
