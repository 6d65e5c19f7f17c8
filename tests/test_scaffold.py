"""Editors start a record with one command: every field present, nothing overwritten.

Code tests on a project of fixture records (``empty_project``).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import yaml

from conftest import fixture_text, run_cli, write_record
from scripts.editors.scaffold import NOT_IN_TEMPLATE, ScaffoldError, new_record, slugify
from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.config import Rules, load_rules


def rules_of(project) -> Rules:
    rules, problems = load_rules(project)
    assert problems == []
    return rules


@pytest.mark.parametrize("title, expected", [
    ("Ylöjärven lähiökävely 2025", "ylojarven-lahiokavely-2025"),
    ("Ähtärin Åland-yhteistyö: ”Kysy, älä oleta!”", "ahtarin-aland-yhteistyo-kysy-ala-oleta"),
    ("  Café – Crème  ", "cafe-creme"),
])
def test_id_is_derived_from_the_title(title, expected):
    assert slugify(title) == expected


def test_new_case_has_every_schema_field_and_the_body_sections(empty_project):
    rules = rules_of(empty_project)
    path = new_record(empty_project, rules, "case", "Ylöjärven lähiökävely", today=dt.date(2026, 11, 22))
    assert path == "cases/ylojarven-lahiokavely.md"
    text = (empty_project.root / path).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    schema = rules.schemas.inlined["case"]
    assert list(front) == [name for name in schema["properties"] if name not in NOT_IN_TEMPLATE]
    assert "redirect_from" not in text and "seed" not in text  # no fields only maintainers fill in
    assert front["id"] == "ylojarven-lahiokavely" and front["title"] == "Ylöjärven lähiökävely"
    assert str(front["added"]) == str(front["updated"]) == "2026-11-22"
    assert "# Tila (pakollinen): kokeilu, käynnissä, vakiintunut (osa perustyötä) tai päättynyt." in text
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Tausta ja tarve", "## Tavoitteet", "## Toteutus", "## Tulokset ja arviointi", "## Vinkit soveltajille"]


def test_new_record_fails_validation_field_by_field_until_filled_in(empty_project):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    new_record(empty_project, rules_of(empty_project), "case", "Uusi esimerkki")
    _, problems = load_catalogue(empty_project)
    fields = {problem.field for problem in problems}
    assert {"summary", "status", "methods", "levels", "setting", "sources[0].title", "leipäteksti"} <= fields
    assert all(problem.path == "cases/uusi-esimerkki.md" for problem in problems)


def test_new_method_validates_once_filled_in(empty_project):
    path = empty_project.root / new_record(empty_project, rules_of(empty_project), "method", "Testimenetelmä")
    filled = fixture_text("method.md")
    path.write_text(filled, encoding="utf-8")
    _, problems = load_catalogue(empty_project)
    assert problems == []


def test_existing_id_is_refused(empty_project):
    rules = rules_of(empty_project)
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    before = (empty_project.methods_dir / "testimenetelma.md").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="tunniste 'testimenetelma' on jo käytössä"):
        new_record(empty_project, rules, "method", "Testimenetelmä")
    assert (empty_project.methods_dir / "testimenetelma.md").read_text(encoding="utf-8") == before


def test_published_id_is_refused(empty_project):
    rules = rules_of(empty_project)
    empty_project.register_file.write_text("/esimerkit/vanha-esimerkki/\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="aiemmin julkaistu osoite"):
        new_record(empty_project, rules, "case", "Vanha esimerkki")
    assert new_record(empty_project, rules, "case", "Vanha esimerkki", record_id="vanha-esimerkki-2") == \
        "cases/vanha-esimerkki-2.md"


def test_cli_and_make_target(empty_project):
    result = run_cli(empty_project, "new", "case", "Raision raati")
    assert result.returncode == 0 and "cases/raision-raati.md" in result.stdout
    again = run_cli(empty_project, "new", "case", "Raision raati")
    assert again.returncode == 1 and "Tietuetta ei luotu: tunniste 'raision-raati' on jo käytössä" in again.stderr
    venv = os.path.dirname(os.path.dirname(sys.executable))
    made = subprocess.run(["make", "-s", "uusi-menetelma", "OTSIKKO=Kävelykokous", f"VENV={venv}"],
                          cwd=empty_project.root, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert (empty_project.methods_dir / "kavelykokous.md").exists()


def test_template_lists_methods_by_title_and_says_what_to_do_when_none_fits(empty_project):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    path = new_record(empty_project, rules_of(empty_project), "case", "Raision raati")
    text = (empty_project.root / path).read_text(encoding="utf-8")
    before_methods = text[: text.index("\nmethods:")]
    assert "#   testimenetelma = Testimenetelmä" in before_methods
    assert "Jos mikään ei sovi, valitse lähin" in before_methods and "make uusi-menetelma" in before_methods
    assert "Kiiminki (kuntaliitos 2013, nykyään Oulu)" in text
    assert "make validate" in text and "python -m" not in text


def test_refusals_say_the_make_command(empty_project):
    write_record(empty_project, "case", "raision-raati", fixture_text("case.md").replace("testiesimerkki", "raision-raati"))
    with pytest.raises(ScaffoldError, match='make uusi-esimerkki OTSIKKO="Raision raati" TUNNISTE=toinen-tunniste'):
        new_record(empty_project, rules_of(empty_project), "case", "Raision raati")
    with pytest.raises(ScaffoldError, match="make uusi-menetelma OTSIKKO=.* TUNNISTE=oma-tunniste"):
        new_record(empty_project, rules_of(empty_project), "method", "–––")
