"""Shared fixtures: a throw-away copy of the project, record builders and a built site.

Tests never write into the checkout: the pipeline runs on a copy with the real scripts,
schemas, vocabularies, templates and hand-written pages, and with the records a test
chooses.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scripts.project import REPO_ROOT, Project, copy_project  # noqa: F401 (tests import it from here)

FIXTURES = Path(__file__).parent / "fixtures"
def run_cli(project: Project, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", "--project", str(project.root), *args],
                          cwd=REPO_ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "", **env})


@pytest.fixture
def empty_project(tmp_path) -> Project:
    """A project copy with no records; tests add the ones they need."""
    return copy_project(tmp_path / "project", with_records=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real records built into a site, once per test session."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project", with_records=True)
    site = project.root / "site"
    result = run_cli(project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@contextlib.contextmanager
def serve_directory(directory: Path, headers: dict[str, str] | None = None):
    """Serve a built site on a free loopback port, with extra response headers; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory), extra_headers=headers or {})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up early (LinkChecker does) is not a test failure


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, extra_headers: dict[str, str], **kwargs) -> None:
        self.extra_headers = extra_headers
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        # LinkChecker throttles every host to about three requests a second unless the
        # server answers with this header; these are our own files on loopback.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless; Playwright downloads no browser."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_directory(built_site) as url:
        yield url


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def write_record(project: Project, kind: str, record_id: str, text: str | bytes) -> Path:
    folder = project.methods_dir if kind == "method" else project.cases_dir
    path = folder / f"{record_id}.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def answer_guide(page, level: str, group: str, resources: str) -> None:
    """Answer the three questions of /loyda/ by their labels (level and resources by their start)."""
    guide = page.locator("#guide-form")
    guide.get_by_label(level, exact=False).check()
    guide.get_by_label(group).check()
    guide.get_by_label(resources, exact=False).check()
    guide.get_by_role("button", name="Ehdota menetelmiä").click()
