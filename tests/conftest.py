"""Shared fixtures: throw-away copies of the project, record builders and a built site.

Tests never write into the checkout: the pipeline runs on a copy with the real scripts,
schemas, vocabularies, templates and hand-written pages, and with the records a test
chooses. Even the real records are read from a copy (``real_project``), because loading
them writes the record cache (``build/record-cache.marshal``) into the project it loads;
nothing is loaded when a test module is imported, so ``pytest --collect-only`` writes
nothing either (``test_project.py`` checks that).

Two kinds of test use these fixtures. Code tests build a small project of their own from
the fixture records (``empty_project`` with ``write_record``); content tests check the real
records and say so in their docstring ("content test: ..."). Tests of the built site read
``built_site``, the real records built once per session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.model import Catalogue
from scripts.project import REPO_ROOT, Project, copy_project  # noqa: F401 (tests import it from here)
from scripts.tools.serving import CHROMIUM, served

FIXTURES = Path(__file__).parent / "fixtures"


# The deployment settings of the test builds: a GitHub Pages site under a sub-path, as the
# Pages workflow sets them (scripts/pipeline/config.py SiteIdentity).
DEPLOYMENT = {"SITE_URL": "https://kunta.github.io/menetelmapankki/",
              "REPO_URL": "https://github.com/kunta/menetelmapankki",
              "FEEDBACK_ADDRESS": "mailto:osallisuus@kunta.fi"}


def run_cli(project: Project, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``python -m scripts --project <copy> ...`` as an editor or CI runs it, with the test deployment's settings."""
    return subprocess.run([sys.executable, "-m", "scripts", "--project", str(project.root), *args],
                          cwd=REPO_ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "", **DEPLOYMENT, **env})


def checkout_record_ids(kind_folder: str) -> list[str]:
    """Record ids of the checkout by file name, for parametrizing at collection time.

    Only lists the folder (read-only): loading the records would write the record cache."""
    return sorted(path.stem for path in (REPO_ROOT / kind_folder).glob("*.md"))


@pytest.fixture
def empty_project(tmp_path) -> Project:
    """A project copy with no records; tests add the ones they need."""
    return copy_project(tmp_path / "project", with_records=False)


@pytest.fixture(scope="session")
def real_project(tmp_path_factory) -> Project:
    """A copy of the project with the real records, once per session. Treat it as read-only
    apart from what the session's build writes; a test that edits files makes its own copy."""
    return copy_project(tmp_path_factory.mktemp("real") / "project", with_records=True)


@pytest.fixture(scope="session")
def real_catalogue(real_project) -> Catalogue:
    """The real records loaded and validated (from the copy)."""
    catalogue, problems = load_catalogue(real_project)
    assert problems == [], "\n".join(map(str, problems))
    return catalogue


@pytest.fixture(scope="session")
def built_site(real_project) -> Path:
    """The real records built into a site inside ``real_project``, once per test session."""
    site = real_project.root / "site"
    result = run_cli(real_project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


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
    """The built site served on loopback (``scripts.tools.serving.served``)."""
    with served(built_site) as url:
        yield url


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def write_record(project: Project, kind: str, record_id: str, text: str | bytes) -> Path:
    path = project.records_dir(kind) / f"{record_id}.md"
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


WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as shown, once its transitions have ended
    (a button caught mid-way through its hover transition would fail contrast for no reader)."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")
    result = Axe().run(page, options=WCAG_21_AA)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['help']}" for v in result.response["violations"]]

