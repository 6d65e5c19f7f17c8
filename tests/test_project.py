"""What the build generates is listed once (``scripts.project.GENERATED``), and the checkout stays clean.

``.gitignore`` and ``make clean`` (``python3 -m scripts.project clean``) follow that list,
and collecting the tests writes nothing into the checkout (tests run on project copies).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import fixture_text, run_cli, write_record
from scripts.project import GENERATED, REPO_ROOT, Project

# Caches that Python and pytest write wherever they run; not outputs of the project.
CACHES = ("__pycache__", ".pytest_cache", ".ruff_cache")
needs_git = pytest.mark.skipif(not (REPO_ROOT / ".git").exists(), reason="the checkout is not a git repository")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout


def gitignore_lines() -> list[str]:
    text = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_gitignore_lists_exactly_the_generated_outputs():
    lines = gitignore_lines()
    anchored = [line for line in lines if line.startswith("/")]
    assert sorted(anchored) == sorted(f"/{name}" for name in GENERATED), \
        "Päivitä .gitignore vastaamaan scripts/project.py:n GENERATED-luetteloa"
    assert len(anchored) == len(set(anchored))
    # An unanchored line naming a generated output is a stale one: it would also ignore any
    # source file or folder of that name anywhere (docs/tasot/ once hid hand-written pages).
    generated_names = {name.rstrip("/").rsplit("/", 1)[-1] for name in GENERATED}
    stale = [line for line in lines
             if not line.startswith("/") and line.strip("/").rsplit("/", 1)[-1] in generated_names]
    assert stale == []


@needs_git
def test_git_ignores_each_generated_output_by_its_own_line_and_no_source_file():
    probes = {name: name + "esimerkki.html" if name.endswith("/") else name for name in GENERATED}
    output = git("check-ignore", "--verbose", "--non-matching", "--no-index", *probes.values())
    matched = {}
    for line in output.splitlines():
        source, path = line.split("\t")
        matched[path] = source.split(":", 2)[2] if source != "::" else None
    assert {name: matched[probe] for name, probe in probes.items()} == {name: f"/{name}" for name in GENERATED}
    assert git("ls-files", "--cached", "--ignored", "--exclude-standard") == "", "tracked files are ignored"


def tree(root: Path) -> set[str]:
    """Every file and folder under ``root``, relative, without Python's caches."""
    return {path.relative_to(root).as_posix() for path in root.rglob("*")
            if not any(part in CACHES for part in path.relative_to(root).parts)}


def test_clean_removes_everything_the_build_generated_and_nothing_else(empty_project):
    project = empty_project
    write_record(project, "method", "testimenetelma", fixture_text("method.md"))
    write_record(project, "case", "testiesimerkki", fixture_text("case.md"))
    before = tree(project.root)
    result = run_cli(project, "build")  # into the copy's own site/, as `make build` does
    assert result.returncode == 0, result.stderr
    made = tree(project.root) - before
    assert {"site/index.html", "build/record-cache.marshal", "docs/index.md",
            "docs/javascripts/site-contract.json"} <= made
    outside = sorted(path for path in made if not any(path == name.rstrip("/") or path.startswith(name)
                                                      for name in GENERATED))
    assert outside == [], "the build wrote files that GENERATED (and so .gitignore and make clean) does not list"
    # -S: no site-packages, as `make clean` must work before the virtual environment exists.
    cleaned = subprocess.run([sys.executable, "-S", "-m", "scripts.project", "clean"], cwd=project.root,
                             capture_output=True, text=True)
    assert cleaned.returncode == 0, cleaned.stderr
    assert not [path for path in Project(project.root).generated() if path.exists()]
    assert tree(project.root) == before


def git_state(root: Path) -> dict[str, int | None]:
    """``git status`` of a work tree, every untracked and ignored file listed, with the
    modification time of each listed file (a rewritten build/record-cache.marshal keeps its line)."""
    output = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all", "--", ".",
                             ":!.venv", ":!node_modules"], cwd=root, capture_output=True, text=True, check=True).stdout
    state = {}
    for line in output.splitlines():
        if any(cache in line for cache in CACHES):
            continue
        path = root / line[3:].split(" -> ")[-1].strip('"')
        state[line] = path.stat().st_mtime_ns if path.exists() else None
    return state


@needs_git
def test_collecting_the_tests_writes_nothing_into_the_checkout(tmp_path):
    """``pytest --collect-only`` in a pristine copy of the working tree (the checkout itself may
    already hold what this session or an earlier build wrote) leaves its ``git status`` as it was."""
    checkout = tmp_path / "checkout"
    for name in git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"):
        if name and (REPO_ROOT / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, checkout / name)
    for command in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=checkout, check=True, capture_output=True)
    before = git_state(checkout)
    assert not [line for line in before if line.startswith("!!")], before  # nothing generated to start with
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q"], cwd=checkout,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.match(r"^\d+ tests collected", result.stdout.strip().splitlines()[-1]), result.stdout[-3000:]
    after = git_state(checkout)
    assert {line: after.get(line) for line in set(before) | set(after) if before.get(line) != after.get(line)} == {}
