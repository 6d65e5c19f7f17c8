"""The same mkdocs.yml and generated pages build with Zensical, Material for MkDocs' successor.

Material for MkDocs reaches end of life on 2027-05-05. Zensical reads ``mkdocs.yml`` as it
is, runs the macros plugin, the Markdown extensions (ours too, when started with
``python -m`` so that ``scripts`` is importable) and the ``overrides/`` templates; it
ignores hooks, which a build never needs because the pages come from
:func:`scripts.site.build.load_and_generate`. ``strict: true`` in ``mkdocs.yml`` makes any
Zensical warning fail this test. The build runs on its own copy of the real records, since
Zensical writes into ``mkdocs.yml``'s ``site_dir`` of that copy.
"""

from __future__ import annotations

from conftest import copy_project, run_cli
from scripts.site.build import page_mismatches
from scripts.tools.benchmark_targets import TARGETS


def test_zensical_builds_a_page_for_every_record(tmp_path, real_catalogue):
    project = copy_project(tmp_path / "project", with_records=True)
    result = run_cli(project, "build", "--generator", "zensical")  # what `make zensical` runs
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = project.site_dir
    assert page_mismatches(real_catalogue, site) == []  # the same records as the copy's
    front_page = (site / "index.html").read_text(encoding="utf-8")
    assert f"{len(real_catalogue.methods)} menetelmää ja {len(real_catalogue.cases)} esimerkkiä" in front_page
    results = (site / "suorituskyky" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in results and "{%" not in results  # the macros plugin ran
    assert all(target.label in results for target in TARGETS)
    assert (site / "pagefind" / "pagefind-entry.json").is_file() and (site / "csp.txt").is_file()
