"""The issue form never loses a submission: every submission becomes a valid record or a Finnish
list of what to fix.

Code tests on a project of fixture records (``empty_project`` with four methods). Each messy
submission is the realistic base submission (``tests/fixtures/issues/raisio.md``, as GitHub
writes a submitted form) with the answers people really give: empty optional answers,
"ei tiedossa" or "null", wrapped lines, headings inside answers, bare addresses, national and
regional cases, names instead of ids, former municipalities, duplicate titles.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from conftest import REPO_ROOT, fixture_text, run_cli, write_record
from scripts.editors import issue_form
from scripts.editors.issue_form import questions, submit
from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.config import load_rules

TODAY = dt.date(2026, 11, 22)
METHODS = {  # id: (title, aliases)
    "asiakasraati": ("Asiakasraati", ["Asukasraati", "Kehittäjäasiakasraati"]),
    "bikva": ("Bikva", ["Bikva-menetelmä", "Brugerinddragelse i kvalitetsudvikling"]),
    "kokemusasiantuntijuus": ("Kokemusasiantuntijuus", ["Kokemusasiantuntijatoiminta"]),
    "osallistuva-budjetointi": ("Osallistuva budjetointi", ["OB"]),
}


def method_text(method_id: str, title: str, aliases: list[str]) -> str:
    text = fixture_text("method.md").replace("id: testimenetelma", f"id: {method_id}")
    text = text.replace("title: Testimenetelmä", f"title: {title}")
    return text.replace("aliases:\n  - TM\n", "aliases:\n" + "".join(f"  - {alias}\n" for alias in aliases))


@pytest.fixture
def project(empty_project):
    for method_id, (title, aliases) in METHODS.items():
        write_record(empty_project, "method", method_id, method_text(method_id, title, aliases))
    return empty_project


@pytest.fixture
def rules(project):
    rules, problems = load_rules(project)
    assert problems == []
    return rules


def parse(body: str, rules) -> dict[str, str]:
    labels = [question.label for question in questions(rules.schemas, rules.vocabularies, rules.sections["case"])]
    return issue_form.answers(body, labels)


def body_of(answers: dict[str, str], rules) -> str:
    """A submission as GitHub writes it: every question's label as ``###`` and the answer below."""
    parts = []
    for question in questions(rules.schemas, rules.vocabularies, rules.sections["case"]):
        answer = answers.get(question.label, "").strip()
        parts.append(f"### {question.label}\n\n{answer or '_No response_'}\n")
    return "\n".join(parts)


BASE = fixture_text("issues/raisio.md")


def submitted(project, rules, changes: dict[str, str | None], title_case: str | None = None):
    answers = parse(BASE, rules)
    for label, answer in changes.items():
        answers[label] = answer or ""
    conversion = submit(project, rules, body_of(answers, rules), TODAY)
    return conversion


def test_base_submission_is_a_valid_record(project, rules):
    answers = parse(BASE, rules)
    assert len(answers) == BASE.count("\n### ") + 1  # every answer found under its question
    conversion = submit(project, rules, BASE, TODAY)
    assert conversion.problems == []
    assert conversion.record_id == "raision-kirjaston-asukasraati"
    catalogue, problems = load_catalogue(project)
    assert problems == []
    case = catalogue.cases[0]
    assert case.data["methods"] == ["asiakasraati"]
    assert case.data["levels"] == ["suunnitteluosallisuus", "arviointiosallisuus"]
    assert case.data["target_groups"] == ["asukkaat", "omaiset-ja-laheiset"]
    assert case.data["service_areas"] == ["kulttuuri-ja-vapaa-aika"]
    assert case.data["setting"] == "molemmat"
    assert case.data["years"] == {"start": 2023, "end": None}
    assert case.data["sources"] == [{"title": "Asukasraadin toimintakertomus", "publisher": "Raision kaupunki",
                                     "year": 2024, "url": "https://www.raisio.fi/raati"}]
    assert case.data["added"] == case.data["updated"] == "2026-11-22"
    # The record keeps the schema's field order and the standard body headings.
    text = (project.cases_dir / "raision-kirjaston-asukasraati.md").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        f"## {section.heading}" for section in rules.sections["case"]]


# (name, changed answers by label, fields of the valid record) — each must become a valid record.
VALID = [
    ("optional answers left empty",
     {"Entiset kunnat ja paikat": "", "Yhteystaho": "", "Päättymisvuosi": "", "Muut osallisuuden tasot": "",
      "Tavoitetut osallistujat": "", "Palaute osallistujille": "", "Tulokset": ""},
     {"outcomes": [], "reached": None, "feedback_to_participants": None, "levels": ["suunnitteluosallisuus"]}),
    ("null and ei tiedossa as answers",
     {"Päättymisvuosi": "null", "Alkamisvuosi": "ei tiedossa", "Tavoitetut osallistujat": "Ei tiedossa.",
      "Palaute osallistujille": "null", "Tulokset": "en tiedä"},
     {"years": {"start": None, "end": None}, "reached": None, "feedback_to_participants": None, "outcomes": []}),
    ("wrapped lines inside one outcome",
     {"Tulokset": "- Aukioloajat muuttuivat asukkaiden toiveiden\n  mukaisiksi\n- Lastenosasto kalustettiin uudelleen"},
     {"outcomes": ["Aukioloajat muuttuivat asukkaiden toiveiden mukaisiksi", "Lastenosasto kalustettiin uudelleen"]}),
    ("outcomes without list markers, one wrapped",
     {"Tulokset": "Aukioloajat muuttuivat asukkaiden\ntoiveiden mukaisiksi.\nLastenosasto kalustettiin uudelleen."},
     {"outcomes": ["Aukioloajat muuttuivat asukkaiden toiveiden mukaisiksi.", "Lastenosasto kalustettiin uudelleen."]}),
    ("numbered outcomes",
     {"Tulokset": "1. Aukioloajat muuttuivat\n2) Kävijämäärä kasvoi"},
     {"outcomes": ["Aukioloajat muuttuivat", "Kävijämäärä kasvoi"]}),
    ("national case",
     {"Missä esimerkki toteutettiin?": "Koko Suomi", "Kunnat": ""},
     {"scope": "valtakunnallinen", "municipalities": []}),
    ("regional case by region",
     {"Missä esimerkki toteutettiin?": "Maakunta, hyvinvointialue tai muu alue", "Kunnat": "", "Maakunnat": "Kainuu"},
     {"scope": "alueellinen", "scope_regions": ["Kainuu"], "municipalities": []}),
    ("region written as a municipality",
     {"Missä esimerkki toteutettiin?": "", "Kunnat": "Pohjois-Karjala"},
     {"scope": "alueellinen", "scope_regions": ["Pohjois-Karjala"], "municipalities": []}),
    ("sources name no municipality",
     {"Missä esimerkki toteutettiin?": "Lähteet eivät nimeä kuntaa", "Kunnat": ""},
     {"scope": "ei-tiedossa", "municipalities": []}),
    ("former municipalities",
     {"Kunnat": "Kiiminki, Haukipudas", "Entiset kunnat ja paikat": ""},
     {"municipalities": ["Oulu"], "historical_places": ["Kiiminki", "Haukipudas"]}),
    ("Vammala and Maaninka",
     {"Kunnat": "Vammala ja Maaninka"},
     {"municipalities": ["Sastamala", "Kuopio"], "historical_places": ["Vammala", "Maaninka"]}),
    ("municipality names in any case, without ä and in Swedish",
     {"Kunnat": "raisio; Hameenlinna\nHelsingfors"},
     {"municipalities": ["Raisio", "Hämeenlinna", "Helsinki"]}),
    ("method names and aliases instead of ids",
     {"Käytetyt menetelmät": "asukasraati, Bikva-menetelmä ja Kokemusasiantuntijatoiminta"},
     {"methods": ["asiakasraati", "bikva", "kokemusasiantuntijuus"]}),
    ("method ids as in files",
     {"Käytetyt menetelmät": "osallistuva-budjetointi\nasiakasraati"},
     {"methods": ["osallistuva-budjetointi", "asiakasraati"]}),
    ("source as title, publisher, year and address",
     {"Lähteet": "Asukasraadin loppuraportti, Raision kaupunki, 2024, https://www.raisio.fi/loppuraportti.pdf"},
     {"sources": [{"title": "Asukasraadin loppuraportti", "publisher": "Raision kaupunki", "year": 2024,
                   "url": "https://www.raisio.fi/loppuraportti.pdf"}]}),
    ("source address on its own line after the title",
     {"Lähteet": "- Asukasraadin loppuraportti (Raision kaupunki 2024)\n  https://www.raisio.fi/raportti.pdf\n"
                 "- Kirjaston toimintakertomus, Raision kaupunki, 2023"},
     {"sources": [{"title": "Asukasraadin loppuraportti", "publisher": "Raision kaupunki",
                   "year": 2024, "url": "https://www.raisio.fi/raportti.pdf"},
                  {"title": "Kirjaston toimintakertomus", "publisher": "Raision kaupunki", "year": 2023}]}),
    ("source without publisher takes the organisation",
     {"Lähteet": "Asukasraadin muistiot 2023 https://www.raisio.fi/muistiot"},
     {"sources": [{"title": "Asukasraadin muistiot", "publisher": "Raision kaupunki, kirjastopalvelut", "year": 2023,
                   "url": "https://www.raisio.fi/muistiot"}]}),
    ("headings typed inside answers",
     {"Toteutus": "### Ensimmäinen vuosi\nRaati kokoontui kuusi kertaa.\n\n## Toinen vuosi\nRaati jatkoi.",
      "Tausta ja tarve": "# Tausta\nKirjaston käyttö oli vähentynyt."},
     {}),
    ("years written in words",
     {"Alkamisvuosi": "vuonna 2019", "Päättymisvuosi": "syksyllä 2021"},
     {"years": {"start": 2019, "end": 2021}}),
    ("ids typed instead of choices",
     {"Kohderyhmät": "nuoret, lapsiperheet", "Palvelualueet": "nuorisotyo", "Osallisuuden päätaso": "paatososallisuus"},
     {"target_groups": ["nuoret", "lapsiperheet"], "service_areas": ["nuorisotyo"], "levels":
      ["paatososallisuus", "arviointiosallisuus"]}),
    ("Windows line ends and trailing spaces",
     {"Tiivistelmä": "Asukkaat kokoontuivat kuukausittain.   \r\nRaati kehitti kirjastoa.  "},
     {"summary": "Asukkaat kokoontuivat kuukausittain. Raati kehitti kirjastoa."}),
]


@pytest.mark.parametrize("changes, expected", [case[1:] for case in VALID], ids=[case[0] for case in VALID])
def test_messy_submission_becomes_a_valid_record(project, rules, changes, expected):
    conversion = submitted(project, rules, changes)
    assert conversion.problems == [], conversion.problems
    catalogue, problems = load_catalogue(project)
    assert problems == [], [str(problem) for problem in problems]
    [case] = catalogue.cases
    for name, value in expected.items():
        assert case.data.get(name, [] if name in ("municipalities", "scope_regions") else None) == value, name
    assert "_No response_" not in (project.cases_dir / f"{case.id}.md").read_text(encoding="utf-8")


def test_headings_inside_answers_keep_their_text(project, rules):
    conversion = submitted(project, rules, VALID[[case[0] for case in VALID].index("headings typed inside answers")][1])
    text = (project.cases_dir / f"{conversion.record_id}.md").read_text(encoding="utf-8")
    assert "### Ensimmäinen vuosi\nRaati kokoontui kuusi kertaa.\n\n### Toinen vuosi\nRaati jatkoi." in text
    assert "### Tausta\nKirjaston käyttö oli vähentynyt." in text


def test_duplicate_title_gets_its_own_id_and_a_note(project, rules):
    first = submit(project, rules, BASE, TODAY)
    second = submit(project, rules, BASE, TODAY)
    assert first.record_id == "raision-kirjaston-asukasraati"
    assert second.problems == [] and second.record_id == "raision-kirjaston-asukasraati-2023"
    assert any("Samanniminen esimerkki on jo olemassa (cases/raision-kirjaston-asukasraati.md)" in note
               for note in second.notes)
    catalogue, problems = load_catalogue(project)
    assert problems == [] and len(catalogue.cases) == 2


def test_edited_issue_keeps_its_record_id(project, rules):
    first = submit(project, rules, BASE, TODAY)
    edited = submit(project, rules, BASE.replace("Raision kirjaston asukasraati", "Raision kirjaston asukasraati 2.0"),
                    TODAY, record_id=first.record_id)
    assert edited.problems == [] and edited.record_id == first.record_id
    assert "title: Raision kirjaston asukasraati 2.0" in (project.cases_dir / f"{first.record_id}.md").read_text(encoding="utf-8")


# (name, changed answers, what the Finnish comment must say) — no record, a list of what to fix.
TO_FIX = [
    ("source only a bare address", {"Lähteet": "https://www.raisio.fi/raati"},
     "Lähde 1 (https://www.raisio.fi/raati): kirjoita myös julkaisun tai verkkosivun nimi ja julkaisija"),
    ("no municipality and no scope", {"Kunnat": "", "Missä esimerkki toteutettiin?": ""},
     "Kerro, missä esimerkki toteutettiin: kirjoita kunnat kohtaan ”Kunnat”"),
    ("unknown municipality without a guess", {"Kunnat": "Oulun seutu"},
     "Kuntaa 'Oulun seutu' ei ole kuntaluettelossa. Kirjoita nykyisen kunnan virallinen nimi"),
    ("a typo is asked, not guessed", {"Kunnat": "Raisioo"},
     "Kuntaa 'Raisioo' ei ole kuntaluettelossa. Tarkoititko 'Raisio'?"),
    ("unknown method", {"Käytetyt menetelmät": "Lego Serious Play"},
     "Menetelmää 'Lego Serious Play' ei löytynyt menetelmäpankista."),
    ("no status", {"Tilanne nyt": ""}, "Valitse kohdassa ”Tilanne nyt” yksi vaihtoehdoista"),
    ("empty section", {"Tavoitteet": ""}, "Kohta ”Tavoitteet” on tyhjä: Mitä toiminnalla tavoiteltiin."),
    ("year that is not a year", {"Alkamisvuosi": "2019–2020"},
     "Kohdassa ”Alkamisvuosi” pitää olla vuosi, esim. 2019"),
    ("email address in the text", {"Toteutus": "Lisätietoja: maija.meikalainen@raisio.fi"},
     "Kohta ”Toteutus”: sähköpostiosoitteita ei julkaista."),
    ("end before start", {"Alkamisvuosi": "2023", "Päättymisvuosi": "2020"},
     "Kohta ”Alkamisvuosi”: päättymisvuosi 2020 on ennen aloitusvuotta 2023."),
]


@pytest.mark.parametrize("changes, expected", [case[1:] for case in TO_FIX], ids=[case[0] for case in TO_FIX])
def test_submission_that_cannot_be_a_record_gets_a_finnish_list(project, rules, changes, expected):
    conversion = submitted(project, rules, changes)
    assert conversion.problems, "a record was made"
    comment = issue_form.report(conversion)
    assert expected in comment, comment
    assert comment.startswith("Kiitos ehdotuksesta! Siitä ei vielä voitu tehdä tietuetta")
    assert list(project.cases_dir.glob("*.md")) == []  # nothing half-made is left behind


def test_text_that_is_not_a_form_is_explained(project, rules):
    conversion = submit(project, rules, "Hei, meillä on hyvä esimerkki asukasraadista. Soitelkaa!", TODAY)
    assert conversion.problems == ["Issuen tekstistä ei löytynyt lomakkeen kysymyksiä (### Esimerkin nimi ja muut). "
                                   "Tee ehdotus lomakkeella Ehdota uutta esimerkkiä, äläkä poista kysymysten "
                                   "otsikoita, kun muokkaat issueta."]


def test_every_case_field_is_asked_or_filled_in_by_the_tools(rules):
    """A field added to the case schema appears in the form (or is declared internal)."""
    asked = {question.id for question in questions(rules.schemas, rules.vocabularies, rules.sections["case"])}
    for name in rules.schemas.inlined["case"]["properties"]:
        assert name in asked or name in issue_form.INTERNAL_FIELDS or name == "years", name
    assert {"start", "end", "levels_more"} <= asked


def test_form_speaks_plain_finnish(rules):
    """Content test: choices are Finnish names, the main level is its own question, no null or ids."""
    form = yaml.safe_load(issue_form.render_form(rules.schemas, rules.vocabularies, rules.sections["case"]))
    items = {item["id"]: item for item in form["body"] if "id" in item}
    text = yaml.safe_dump(form, allow_unicode=True)
    assert "null" not in text and "tunniste" not in text.lower() and ".md" not in text
    assert items["levels"]["attributes"]["multiple"] is False
    assert items["levels"]["attributes"]["options"][0] == "Tieto-osallisuus"
    assert items["levels_more"]["attributes"]["multiple"] is True
    assert "Kuntalaiset ja asukkaat" in items["target_groups"]["attributes"]["options"]
    assert items["setting"]["attributes"]["options"] == ["Kasvokkain", "Verkossa", "Kasvokkain ja verkossa"]
    assert items["municipalities"]["validations"]["required"] is False
    assert items["start"]["validations"]["required"] is False


def test_cli_writes_the_record_or_the_comment(project, tmp_path):
    body = tmp_path / "issue.md"
    report = tmp_path / "report.md"
    body.write_text(BASE.replace("Kiiminki", "Kiiminki"), encoding="utf-8")
    result = run_cli(project, "from-issue", str(body), "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "cases/raision-kirjaston-asukasraati.md"
    assert report.read_text(encoding="utf-8").startswith("Ehdotuksesta tehtiin tietue `cases/raision-kirjaston-asukasraati.md`.")
    body.write_text(re.sub(r"(### Lähteet\n\n).*?\n", r"\1https://www.raisio.fi/raati\n", BASE, flags=re.S), encoding="utf-8")
    result = run_cli(project, "from-issue", str(body), "--report", str(report))
    assert result.returncode == 1
    assert "Lähde 1 (https://www.raisio.fi/raati)" in report.read_text(encoding="utf-8")


def test_workflow_never_loses_a_submission():
    """Content test: the form's workflow triggers checks, runs one at a time per issue, creates its
    label, never overwrites a maintainer's commits and comments on the issue whatever happens."""
    workflow = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "issue-to-pr.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["record"]
    steps = {step.get("name", step.get("uses", "")): step for step in job["steps"]}
    assert workflow["concurrency"]["group"] == "lomake-${{ github.event.issue.number }}"
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert "startsWith(github.event.issue.title, 'Uusi esimerkki:')" in job["if"]  # also without the label
    assert "gh label create uusi-esimerkki" in steps["Luo tunniste uusi-esimerkki tarvittaessa ja liitä se issueen"]["run"]
    pull_request = steps["Avaa tai päivitä muutospyyntö"]
    assert pull_request["with"]["token"] == "${{ secrets.LOMAKE_TOKEN }}"  # GITHUB_TOKEN would not start the checks
    assert "--not \"$MAIN\" | grep -v -x -F \"$BOT_EMAIL\"" in steps["Onko ehdotuksesta jo muutospyyntö?"]["run"]
    assert steps["Tee tietue lomakkeen vastauksista ja tarkista se"]["if"] == "steps.branch.outputs.maintainer != 'true'"
    assert "--report" in steps["Tee tietue lomakkeen vastauksista ja tarkista se"]["run"]
    assert steps["Kerro tulos issuessa"]["if"].startswith("always()")
    assert steps["Kerro teknisestä virheestä issuessa"]["if"] == "failure()"
    header = (REPO_ROOT / ".github" / "workflows" / "issue-to-pr.yml").read_text(encoding="utf-8").split("name:")[0]
    assert "LOMAKE_TOKEN" in header and "Workflow permissions" in header
