"""The README's two commands work: `make serve` shows the site and follows record edits.

`make test` is what runs this suite (through `.ci/run`), so here it is only checked that
the README gives it; `make serve` is started for real on a copy of the project.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from scripts.project import REPO_ROOT
from scripts.tools.serving import free_port, wait_until

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_commands():
    assert re.search(r"^make serve$", README, re.MULTILINE)
    assert re.search(r"^make test$", README, re.MULTILINE)
    assert "http://127.0.0.1:8000" in README
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


@pytest.fixture
def preview(tmp_path):
    """`make serve` on a copy with the real records; yields the copy, the preview's URL and its log."""
    project = copy_project(tmp_path / "project", with_records=True)
    port = free_port()
    venv = Path(sys.executable).parent.parent
    log = tmp_path / "serve.log"
    with open(log, "wb") as output:  # a file, not a pipe nobody reads: a full pipe would stall the server
        process = subprocess.Popen(["make", "serve", f"VENV={venv}", f"ADDR=127.0.0.1:{port}"], cwd=project.root,
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield project, f"http://127.0.0.1:{port}/", log
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)


def test_make_serve_shows_the_site_and_follows_record_edits(preview):
    project, url, log = preview

    def shows(page: str, text: str, seconds: float) -> None:
        try:
            wait_until(url + page, text, seconds)
        except TimeoutError as error:
            pytest.fail(f"{error}\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")

    shows("", "Osallisuuden menetelmäpankki", 120)
    shows("menetelmat/bikva/", "<h1", 10)
    shows("pagefind/pagefind-entry.json", '"languages"', 30)  # the preview searches too
    record = project.methods_dir / "bikva.md"
    record.write_text(record.read_text(encoding="utf-8").replace("title: Bikva", "title: Bikva-arviointimalli"),
                      encoding="utf-8")
    shows("menetelmat/bikva/", 'id="bikva-arviointimalli">Bikva-arviointimalli<', 30)
