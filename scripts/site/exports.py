"""Open data and the feed: the catalogue as JSON, CSV and Atom, written with the pages.

Exports carry every record field as the record schema defines it, plus what the build
derives (address, regions, the cases that used a method). Their JSON Schemas are derived
from the record schemas, so a field added to a record schema appears in the data and its
schema without changes here.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from typing import Any

from scripts.pipeline.model import Catalogue, Record
from scripts.rules.kinds import KINDS
from scripts.site.views import LICENCE


FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"


def derived_fields(catalogue: Catalogue, record: Record, site_url: str) -> dict[str, Any]:
    fields = {"url": site_url + record.url, "body": record.body.strip()}
    if record.kind == "method":
        fields["cases"] = [case.id for case in catalogue.used_by[record.id]]
    else:
        fields["regions"] = catalogue.regions(record)
    return fields


DERIVED_SCHEMA = {
    "url": {"type": "string", "title": "Pysyvä osoite", "description": "Tietueen sivun pysyvä osoite."},
    "body": {"type": "string", "title": "Leipäteksti", "description": "Sivun osiot Markdown-muodossa."},
    "cases": {"type": "array", "items": {"type": "string"}, "title": "Esimerkit",
              "description": "Niiden esimerkkien tunnisteet, joissa menetelmää on käytetty (johdettu)."},
    "regions": {"type": "array", "items": {"type": "string"}, "title": "Maakunnat",
                "description": "Maakunnat, johdettu kunnista."},
}


def export_schema(catalogue: Catalogue, kind: str, site_url: str) -> dict[str, Any]:
    """The export file's schema: the record schema plus the derived fields."""
    item = copy.deepcopy(catalogue.schemas.inlined[kind])
    derived = ["url", "body", "cases" if kind == "method" else "regions"]
    item["properties"].update({name: DERIVED_SCHEMA[name] for name in derived})
    item["required"] = [*item["required"], *derived]
    for key in ("$schema", "$id"):
        item.pop(key, None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{site_url}api/{KINDS[kind].folder}.schema.json",
        "title": f"{item['title']} (avoin data)",
        "type": "object",
        "additionalProperties": False,
        "required": ["licence", "updated", "records"],
        "properties": {
            "licence": {"type": "object"},
            "updated": {"type": "string", "format": "date"},
            "records": {"type": "array", "items": item},
        },
    }


def export_document(catalogue: Catalogue, kind: str, site_url: str) -> dict[str, Any]:
    records = [record for record in catalogue.records if record.kind == kind]
    return {
        "licence": LICENCE,
        "updated": max((record.data["updated"] for record in records), default="1970-01-01"),
        "records": [{**record.data, **derived_fields(catalogue, record, site_url)} for record in records],
    }


def to_csv(document: dict[str, Any]) -> str:
    """One row per record; lists joined with "; ", sub-fields as their own columns. Excel
    reads it as UTF-8 thanks to the byte order mark, and splits columns on the semicolon."""
    rows = [_flatten(record) for record in document["records"]]
    columns = list(dict.fromkeys(column for row in rows for column in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def _flatten(record: dict[str, Any]) -> dict[str, str]:
    flat = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, item in value.items():
                flat[f"{key}.{sub}"] = _cell(item)
        elif key == "sources":
            flat[key] = " | ".join(", ".join(str(v) for v in source.values()) for source in value)
        else:
            flat[key] = _cell(value)
    return flat


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def feed(catalogue: Catalogue, site_url: str, site_name: str) -> str:
    """Atom feed of the most recently added or updated records."""
    records = sorted(catalogue.records, key=lambda r: (r.data["updated"], r.data["added"], r.title), reverse=True)
    ElementTree.register_namespace("", ATOM)
    root = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": "fi"})
    for tag, text in (("title", f"{site_name}: uudet ja päivitetyt"), ("id", site_url + "syote.xml"),
                      ("updated", _timestamp(records[0].data["updated"] if records else "1970-01-01"))):
        ElementTree.SubElement(root, f"{{{ATOM}}}{tag}").text = text
    ElementTree.SubElement(root, f"{{{ATOM}}}rights").text = f"Sisältö {LICENCE['name']}, {LICENCE['url']}"
    ElementTree.SubElement(root, f"{{{ATOM}}}link", {"href": site_url, "rel": "alternate"})
    ElementTree.SubElement(root, f"{{{ATOM}}}link", {"href": site_url + "syote.xml", "rel": "self"})
    ElementTree.SubElement(ElementTree.SubElement(root, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = site_name
    for record in records[:FEED_SIZE]:
        entry = ElementTree.SubElement(root, f"{{{ATOM}}}entry")
        url = site_url + record.url
        for tag, text in (("title", record.title), ("id", url), ("published", _timestamp(record.data["added"])),
                          ("updated", _timestamp(record.data["updated"])), ("summary", record.data["summary"])):
            ElementTree.SubElement(entry, f"{{{ATOM}}}{tag}").text = text
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"href": url, "rel": "alternate"})
        ElementTree.SubElement(entry, f"{{{ATOM}}}category",
                               {"term": record.kind, "label": KINDS[record.kind].label})
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _timestamp(date: str) -> str:
    return f"{date[:10]}T00:00:00Z"


def export_files(catalogue: Catalogue, site_url: str, site_name: str) -> dict[str, str]:
    """Every export: path under ``docs/`` -> content."""
    files = {"syote.xml": feed(catalogue, site_url, site_name)}
    for kind, name in ((kind.id, kind.folder) for kind in KINDS.values()):
        document = export_document(catalogue, kind, site_url)
        files[f"api/{name}.json"] = json.dumps(document, ensure_ascii=False) + "\n"  # no indent: C encoder
        files[f"api/{name}.csv"] = to_csv(document)
        files[f"api/{name}.schema.json"] = json.dumps(export_schema(catalogue, kind, site_url),
                                                      ensure_ascii=False, indent=1) + "\n"
    return files
