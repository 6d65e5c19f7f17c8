"""The browser editor (/muokkaa/): Decap CMS configured from the schemas, served by the site itself.

Code tests on project copies: the configuration follows the schemas (a new field appears), the
record format keeps every real record as the validator and the page see it, the page has its own
Content-Security-Policy and fetches nothing from other servers, and, in Chromium against the
local backend (decap-server in git mode, as ``make muokkain`` runs it), a new case saved in the
editor lands on its own branch and passes ``python -m scripts validate``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import REPO_ROOT, fixture_text, run_cli, write_record
from scripts.editors import cms
from scripts.pipeline.config import load_rules
from scripts.pipeline.records import load_record
from scripts.project import GENERATED, Project
from scripts.site.csp import EDITOR_POLICY
from scripts.site.editor_bundle import EditorMissing, install, node_modules
from scripts.tools.serving import free_port, served

EDITOR = REPO_ROOT / "docs" / "muokkaa"


def rules_of(project: Project):
    rules, problems = load_rules(project)
    assert problems == []
    return rules


def collection(config: dict, name: str) -> dict:
    return next(item for item in config["collections"] if item["name"] == name)


def test_configuration_follows_the_schemas(real_project):
    """Content test: the committed configuration is current, and each field is asked as its schema says."""
    assert run_cli(real_project, "editor-files", "--check").returncode == 0
    rules = rules_of(real_project)
    config = yaml.safe_load((EDITOR / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "fi"
    assert "repo" not in config["backend"]  # the deployment's, written by the build
    for kind, name in cms.COLLECTIONS.items():
        fields = {field["name"]: field for field in collection(config, name)["fields"]}
        for field_name in rules.schemas.inlined[kind]["properties"]:
            assert field_name in fields or field_name in cms.NOT_SHOWN, (kind, field_name)
        sections = [fields[f"osio-{number}"]["label"] for number in range(1, len(rules.sections[kind]) + 1)]
        assert sections == [section.heading for section in rules.sections[kind]]
        assert all(fields[f"osio-{n}"]["modes"] == ["raw"] for n in range(1, len(sections) + 1))
    case = {field["name"]: field for field in collection(config, "esimerkit")["fields"]}
    assert case["methods"]["widget"] == "relation" and case["methods"]["value_field"] == "id"
    assert case["methods"]["display_fields"] == ["title"] and case["methods"]["multiple"] is True
    assert case["municipalities"]["widget"] == "select" and case["municipalities"]["multiple"] is True
    assert len(case["municipalities"]["options"]) == len(rules.vocabularies["municipalities"])
    assert {"label": "Kasvokkain ja verkossa", "value": "molemmat"} in case["setting"]["options"]
    assert case["target_groups"]["options"][0] == {"label": "Kuntalaiset ja asukkaat", "value": "asukkaat"}
    assert case["id"]["widget"] == case["added"]["widget"] == case["updated"]["widget"] == "hidden"
    hints = " ".join(field.get("hint", "") for field in case.values())
    assert "data/vocabularies" not in hints and "null" not in hints


def test_a_new_schema_field_appears_in_the_editor(empty_project):
    schema_path = empty_project.schemas_dir / "case.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["budget"] = {"title": "Budjetti", "description": "Käytetty raha euroina.",
                                      "type": ["integer", "null"], "minimum": 0}
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    stale = run_cli(empty_project, "editor-files", "--check")
    assert stale.returncode == 1 and "docs/muokkaa/config.yml" in stale.stderr and "docs/muokkaa/kentat.js" in stale.stderr
    assert run_cli(empty_project, "editor-files").returncode == 0
    config = yaml.safe_load((empty_project.docs_dir / "muokkaa" / "config.yml").read_text(encoding="utf-8"))
    budget = next(field for field in collection(config, "esimerkit")["fields"] if field["name"] == "budget")
    assert budget == {"name": "budget", "label": "Budjetti", "hint": "Käytetty raha euroina.", "required": False,
                      "widget": "number", "value_type": "int", "min": 0}
    assert '"name": "budget"' in (empty_project.docs_dir / "muokkaa" / "kentat.js").read_text(encoding="utf-8")


def sections_of(body: str) -> list[tuple[str, str]]:
    parts = re.split(r"^## (.+)$", body, flags=re.MULTILINE)
    return [(heading, text.strip()) for heading, text in zip(parts[1::2], parts[2::2])]


def test_opening_and_saving_changes_nothing_the_validator_or_the_page_sees(real_project, tmp_path):
    """Content test: every real record, opened and saved in the editor without edits, has the same
    fields, values and body sections when the validator reads it."""
    files = sorted(str(path) for folder in ("methods", "cases") for path in (real_project.root / folder).glob("*.md"))
    result = subprocess.run(["node", str(REPO_ROOT / "tests" / "editor_roundtrip.mjs"), str(tmp_path), *files],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    saved_project = Project(tmp_path)
    for file in files:
        original_path = Path(file)
        kind = "method" if original_path.parent.name == "methods" else "case"
        original, problems = load_record(original_path, kind, real_project)
        assert original is not None, problems
        saved, problems = load_record(tmp_path / original_path.parent.name / original_path.name, kind, saved_project)
        assert problems == [] and saved is not None, (file, problems)
        assert saved.data == original.data, file  # fields are written in the schema's order
        assert sections_of(saved.body) == sections_of(original.body), file


def test_editor_page_has_its_own_policy_and_loads_only_the_sites_files():
    """Content test: the page's CSP is the editor's, its scripts are the site's own files."""
    page = (EDITOR / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{EDITOR_POLICY}">' in page
    assert "<script>" not in page and "style=" not in page
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(not urlsplit(source).netloc for source in sources), sources
    for script in EDITOR.glob("*.js"):
        assert not re.search(r"https?://(?!localhost|127\.0\.0\.1)", script.read_text(encoding="utf-8")), script
    assert "'unsafe-eval'" in EDITOR_POLICY and "'unsafe-eval'" not in (REPO_ROOT / "scripts" / "site" / "csp.py"
                                                                            ).read_text(encoding="utf-8").split("FIXED")[1][:300]


# --- The editor in Chromium against the local backend ---------------------------------------------

def project_repository(project: Project) -> None:
    """The project copy as a git repository with a clean work tree, as decap-server needs it."""
    (project.root / ".gitignore").write_text("".join(f"/{name}\n" for name in GENERATED) + "/issue.md\n",
                                             encoding="utf-8")
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=project.root, check=True)
    for key, value in (("user.name", "Testaaja"), ("user.email", "testaaja@example.invalid")):
        subprocess.run(["git", "config", key, value], cwd=project.root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project.root, check=True)
    subprocess.run(["git", "commit", "-qm", "Records"], cwd=project.root, check=True)


@pytest.fixture
def editor(empty_project, tmp_path, browser):
    """The built site's editor, its local backend on the project copy's repository, and a browser page."""
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    write_record(empty_project, "case", "testiesimerkki", fixture_text("case.md"))
    site = tmp_path / "site"
    built = run_cli(empty_project, "build", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr
    project_repository(empty_project)
    port = free_port()
    settings = site / "muokkaa" / "config.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(cms.LOCAL_BACKEND, f"http://localhost:{port}/api/v1"),
                        encoding="utf-8")
    server = subprocess.Popen(["node", str(node_modules(empty_project) / "decap-server" / "dist" / "index.js")],
                              env={**os.environ, "GIT_REPO_DIRECTORY": str(empty_project.root), "MODE": "git",
                                   "PORT": str(port), "BIND_HOST": "127.0.0.1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with served(site) as url:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            errors: list[str] = []
            page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text
                    else None)
            page.goto(url + "muokkaa/")
            page.get_by_role("button", name="Kirjaudu").click()
            page.get_by_text("Tietuelajit").wait_for(timeout=30000)
            yield empty_project, page, url, requests, errors
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def field(page, name: str):
    return page.locator(f'[id^="{name}-field-"]').first


def choose(page, name: str, text: str) -> None:
    """Pick an option of a choice list (react-select) by typing its start, as a person does."""
    field(page, name).click()
    page.keyboard.type(text)
    page.get_by_role("option", name=re.compile(re.escape(text))).first.wait_for(timeout=15000)
    page.keyboard.press("Enter")


def section(page, number: int):
    return (page.locator(f"label[for^='osio-{number}-field']").locator("xpath=../..")
            .locator("[contenteditable=true]").first)


def branch_file(project: Project, branch: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{branch}:{path}"], cwd=project.root, capture_output=True, text=True,
                          check=True).stdout


def wait_for_branch(project: Project, branch: str, seconds: float = 30) -> None:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        listed = subprocess.run(["git", "branch", "--list", branch], cwd=project.root, capture_output=True, text=True)
        if listed.stdout.strip():
            log = subprocess.run(["git", "log", "--format=%s", f"main..{branch}"], cwd=project.root,
                                 capture_output=True, text=True).stdout
            if log.strip():
                return
        time.sleep(0.3)
    raise TimeoutError(f"haaraa {branch} ei syntynyt")


def test_new_case_is_saved_on_its_own_branch_and_validates(editor, tmp_path):
    project, page, url, requests, csp_errors = editor
    page.goto(url + "muokkaa/#/collections/esimerkit/new")
    field(page, "title").fill("Ylöjärven lähiökävely")
    field(page, "summary").fill("Asukkaat kiersivät lähiön ja kirjasivat korjattavat paikat.")
    choose(page, "municipalities", "Ylöjärvi")
    page.get_by_role("button", name=re.compile("Lisää: entiset kunnat")).click()
    page.locator("[id^='historical_places-field-'] input, [id^='historical_places-field-'] textarea").first.fill(
        "Kiiminki")  # a former municipality brings its current one (municipal_mergers.yml)
    field(page, "organisation").fill("Ylöjärven kaupunki, kaupunkisuunnittelu")
    field(page, "start").fill("2024")
    choose(page, "status", "Käynnissä")
    choose(page, "methods", "Testimenetelmä")  # shown by title, stored by id
    choose(page, "levels", "Suunnitteluosallisuus")
    choose(page, "target_groups", "Kuntalaiset ja asukkaat")
    choose(page, "service_areas", "Asuinalueet")
    choose(page, "setting", "Kasvokkain")
    choose(page, "arena", "Palvelujen kehittäminen")
    choose(page, "evidence", "Kuvaus")
    field(page, "evidence_note").fill("Raportti kuvaa kävelyt; tuloksia ei ole arvioitu.")
    page.get_by_role("button", name=re.compile("Lisää: lähteet")).click()
    page.locator(f"#{page.locator('label', has_text='Lähteen nimi').first.get_attribute('for')}").fill(
        "Lähiökävelyn raportti")
    page.locator("[id^='publisher-field-']").first.fill("Ylöjärven kaupunki")
    page.locator("[id^='year-field-']").first.fill("2024")
    for number in range(1, 6):
        section(page, number).click()
        page.keyboard.type(f"Osion {number} teksti.")
    page.get_by_role("button", name="Tallenna").click()

    branch = "cms/esimerkit/ylojarven-lahiokavely"
    wait_for_branch(project, branch)
    text = branch_file(project, branch, "cases/ylojarven-lahiokavely.md")
    on_main = subprocess.run(["git", "cat-file", "-e", "main:cases/ylojarven-lahiokavely.md"], cwd=project.root)
    assert on_main.returncode != 0  # only on its own branch until a maintainer merges it
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["id"] == "ylojarven-lahiokavely" and front["methods"] == ["testimenetelma"]
    assert front["municipalities"] == ["Ylöjärvi", "Oulu"] and front["historical_places"] == ["Kiiminki"]
    assert front["setting"] == "kasvokkain"
    assert front["outcomes"] == [] and front["reached"] is None
    assert "## Vinkit soveltajille\n\nOsion 5 teksti.\n" in text

    write_record(project, "case", "ylojarven-lahiokavely", text)
    result = run_cli(project, "validate")
    assert result.returncode == 0, result.stderr
    assert {urlsplit(request).hostname for request in requests} <= {"127.0.0.1", "localhost"}
    assert csp_errors == []


def test_editing_a_record_changes_only_what_was_edited(editor):
    project, page, url, requests, csp_errors = editor
    page.goto(url + "muokkaa/#/collections/esimerkit/entries/testiesimerkki")
    summary = field(page, "summary")
    summary.wait_for(timeout=30000)
    assert summary.input_value() == "Lyhyt kuvaus esimerkistä."
    summary.fill("Uusi tiivistelmä.")
    page.get_by_role("button", name="Tallenna").click()
    branch = "cms/esimerkit/testiesimerkki"
    wait_for_branch(project, branch)
    # decap-server works in the repository's own work tree and checks its branches out there, so
    # both versions are read from git, not from the work tree.
    versions = {}
    for name, ref in (("original", "main"), ("saved", branch)):
        path = project.root.parent / name / "cases" / "testiesimerkki.md"
        path.parent.mkdir(parents=True)
        path.write_text(branch_file(project, ref, "cases/testiesimerkki.md"), encoding="utf-8")
        versions[name], problems = load_record(path, "case", Project(project.root.parent / name))
        assert problems == []
    original, saved = versions["original"], versions["saved"]
    changed = {name for name in {**original.data, **saved.data} if original.data.get(name) != saved.data.get(name)}
    assert changed <= {"summary", "updated"} and "summary" in changed
    assert saved.data["sources"][0]["seed"] == "001"  # a field the editor does not show is kept
    assert sections_of(saved.body) == sections_of(original.body)
    assert csp_errors == []


def test_build_step_copies_the_bundle_and_sets_the_deployments_repository(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "muokkaa").mkdir(parents=True)
    (site / "muokkaa" / "config.yml").write_text((EDITOR / "config.yml").read_text(encoding="utf-8"), encoding="utf-8")
    copied = install(Project(), site, "https://github.com/kunta/menetelmapankki", "https://kirjautuminen.kunta.fi/")
    assert copied > 2 and (site / "muokkaa" / "vendor" / "decap-cms.js").is_file()
    assert (site / "muokkaa" / "vendor" / "js-yaml.mjs").is_file()
    assert not list((site / "muokkaa" / "vendor").glob("*.map"))
    backend = yaml.safe_load((site / "muokkaa" / "config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend["repo"] == "kunta/menetelmapankki" and backend["base_url"] == "https://kirjautuminen.kunta.fi"
    assert install(Project(), site, "https://github.com/kunta/menetelmapankki", "") == 0  # unchanged: nothing copied
    monkeypatch.setattr("scripts.site.editor_bundle.REPO_ROOT", tmp_path)
    with pytest.raises(EditorMissing, match="Asenna npm-paketit: make build"):
        install(Project(tmp_path), site)
