"""The open data files validate against their schemas and say what the records say.

Read from the real records' built site and compared with the catalogue it was built from.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from conftest import DEPLOYMENT
from scripts.pipeline.config import site_identity

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def catalogue(real_catalogue):
    return real_catalogue


@pytest.fixture(scope="module")
def site(real_project) -> dict[str, str]:
    return site_identity(real_project, environ=DEPLOYMENT)


@pytest.mark.parametrize("kind, name", [("method", "methods"), ("case", "cases")])
def test_json_export_validates_and_matches_the_records(built_site, catalogue, site, kind, name):
    document = json.loads((built_site / "api" / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "api" / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document))
    assert not errors, errors[0].message
    records = catalogue.methods if kind == "method" else catalogue.cases
    assert [item["id"] for item in document["records"]] == [record.id for record in records]
    for item, record in zip(document["records"], records):
        assert {key: item[key] for key in record.data} == record.data
        assert item["url"] == site.url + record.url
        if kind == "method":
            assert item["cases"] == [case.id for case in catalogue.used_by[record.id]]
        else:
            assert item["regions"] == catalogue.regions(record)


@pytest.mark.parametrize("kind, name", [("method", "methods"), ("case", "cases")])
def test_csv_export_opens_in_excel_and_matches_the_records(built_site, catalogue, kind, name):
    raw = (built_site / "api" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    records = catalogue.methods if kind == "method" else catalogue.cases
    assert [row["id"] for row in rows] == [record.id for record in records]
    for row, record in zip(rows, records):
        assert row["title"] == record.title
        assert row["levels"] == "; ".join(record.levels)
    if kind == "method":
        assert rows[0]["resources.level"] in {"kevyt", "kohtalainen", "vaativa"}
    else:
        assert all(row["years.start"] == str(r.data["years"]["start"] or "") for row, r in zip(rows, records))


def test_feed_lists_the_newest_records_first(built_site, catalogue, site):
    root = ElementTree.parse(built_site / "syote.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    records = catalogue.methods + catalogue.cases
    assert len(entries) == min(50, len(records))
    dates = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert dates == sorted(dates, reverse=True)
    newest = max(record.data["updated"] for record in records)
    assert dates[0].startswith(newest)
    urls = {site.url + record.url for record in records}
    assert all(entry.find(f"{ATOM}id").text in urls for entry in entries)
    front = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in front
