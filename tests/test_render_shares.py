"""Under ``build_site`` MkDocs renders the record pages in two processes (scripts/adapters/render_shares.py),
each with one Markdown parser for all its pages (scripts/adapters/one_parser.py).

Neither may show: the pages of the real records' build are byte for byte those of a plain
one-process MkDocs build of the same generated pages, with a new parser for each page (the
browser editor's files, which the build adds afterwards, aside), and a problem on a page
either process renders stops the build with its message.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import DEPLOYMENT, fixture_text, run_cli, write_record

from scripts.adapters.lean_pages import VARIABLE as LEAN_PAGES
from scripts.adapters.render_shares import VARIABLE as RENDER_SHARES


def test_pages_of_two_processes_with_one_parser_each_are_those_of_plain_mkdocs(built_site, real_project, tmp_path):
    alone = tmp_path / "one-process"
    environment = {key: value for key, value in os.environ.items() if key not in (RENDER_SHARES, LEAN_PAGES)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(alone)],
                            cwd=real_project.root, capture_output=True, text=True,
                            env={**environment, **DEPLOYMENT, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    pages = sorted(path.relative_to(alone) for path in alone.rglob("*.html"))
    assert len([path for path in pages if path.parts[0] in ("menetelmat", "esimerkit")]) > 150
    assert [str(path) for path in pages if (built_site / path).read_bytes() != (alone / path).read_bytes()] == []
    # The search index's hook puts the hand-written pages first: the sitemap lists the same pages in another order.
    entries = [sorted(re.findall(r"<url>.*?</url>", (site / "sitemap.xml").read_text(encoding="utf-8"), re.S))
               for site in (built_site, alone)]
    assert entries[0] == entries[1] and len(entries[0]) > 150


def test_a_broken_link_on_any_record_page_stops_the_build_with_its_message(empty_project, tmp_path):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    case = fixture_text("case.md")
    for number in range(6):  # both processes get some of these pages
        text = case.replace("id: testiesimerkki", f"id: testiesimerkki-{number}")
        write_record(empty_project, "case", f"testiesimerkki-{number}", text + "\nKatso [kohta](#ei-ole-tallaista).\n")
    result = run_cli(empty_project, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    for number in range(6):
        assert f"esimerkit/testiesimerkki-{number}.md" in output and "#ei-ole-tallaista" in output, output
    assert "Traceback" not in output


def test_a_missing_anchor_in_a_link_between_the_two_processes_pages_stops_the_build(empty_project, tmp_path):
    """The record pages alternate between the processes (every third is the first's): the cases
    link to an anchor missing from the method page and the method to one missing from a case."""
    method = fixture_text("method.md") + "\nKatso [esimerkki](../esimerkit/testiesimerkki-1.md#ei-kohtaa).\n"
    write_record(empty_project, "method", "testimenetelma", method)
    case = fixture_text("case.md")
    for number in range(6):
        text = case.replace("id: testiesimerkki", f"id: testiesimerkki-{number}")
        write_record(empty_project, "case", f"testiesimerkki-{number}",
                     text + "\nKatso [menetelmä](../menetelmat/testimenetelma.md#ei-kohtaa).\n")
    result = run_cli(empty_project, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    for number in range(6):
        assert f"'esimerkit/testiesimerkki-{number}.md' contains a link '../menetelmat/testimenetelma.md#ei-kohtaa'" in output, output
    assert "'menetelmat/testimenetelma.md' contains a link '../esimerkit/testiesimerkki-1.md#ei-kohtaa'" in output, output
    assert "Traceback" not in output
