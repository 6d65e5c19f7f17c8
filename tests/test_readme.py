"""The README's two commands work: `make serve` shows the site and follows record edits.

`make test` is what runs this suite (through `.ci/run`), so here it is only checked that
the README gives it; `make serve` is started for real on a copy of the project.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project
from scripts.project import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_commands():
    assert re.search(r"^make serve$", README, re.MULTILINE)
    assert re.search(r"^make test$", README, re.MULTILINE)
    assert "http://127.0.0.1:8000" in README
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if text in fetch(url):
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} did not show {text!r} within {seconds} s")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project", with_records=True)
    port = free_port()
    venv = Path(sys.executable).parent.parent
    process = subprocess.Popen(["make", "serve", f"VENV={venv}", f"ADDR=127.0.0.1:{port}"], cwd=project.root,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)


def test_make_serve_shows_the_site_and_follows_record_edits(served):
    project, url = served
    wait_for(url, "Osallisuuden menetelmäpankki", 120)
    wait_for(url + "menetelmat/bikva/", "<h1", 10)
    wait_for(url + "pagefind/pagefind-entry.json", '"languages"', 30)  # the preview searches too
    record = project.methods_dir / "bikva.md"
    record.write_text(record.read_text(encoding="utf-8").replace("title: Bikva", "title: Bikva-arviointimalli"),
                      encoding="utf-8")
    wait_for(url + "menetelmat/bikva/", 'id="bikva-arviointimalli">Bikva-arviointimalli<', 30)
