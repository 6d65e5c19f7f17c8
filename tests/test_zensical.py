"""The same mkdocs.yml and generated pages build with Zensical, Material for MkDocs' successor.

Material for MkDocs reaches end of life on 2027-05-05. Zensical reads ``mkdocs.yml`` as it
is, runs the macros and tags plugins, the Markdown extensions (ours too, when started with
``python -m`` so that ``scripts`` is importable) and the ``overrides/`` templates; it
ignores hooks, which a build never needs because the pages come from ``python -m scripts
generate``. ``strict: true`` in ``mkdocs.yml`` makes any Zensical warning fail this test.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import copy_project, run_cli
from scripts.__main__ import page_mismatches
from scripts.model import load_catalogue


def test_zensical_builds_a_page_for_every_record(tmp_path):
    project = copy_project(tmp_path / "project", with_records=True)
    assert run_cli(project, "generate").returncode == 0
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", "mkdocs.yml", "--clean"],
                            cwd=project.root, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = project.root / "site"
    catalogue, _ = load_catalogue(project)
    assert page_mismatches(catalogue, site) == []
    front_page = (site / "index.html").read_text(encoding="utf-8")
    assert "{{" not in front_page and f"{len(catalogue.cases)} esimerkkiä" in front_page  # macros ran
