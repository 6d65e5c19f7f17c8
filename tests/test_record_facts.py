"""Code tests with fixture records: how a case's status, years and evidence read on its page,
the facilitation check, and the pages that define levels, arenas and evidence."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import fixture_text, run_cli, write_record
from scripts.pipeline.catalogue import load_catalogue
from scripts.site.views import Views

CASE_FIELDS = ("status: päättynyt\nevidence: kuvaus\nevidence_note: Lähde kuvaa toiminnan; tuloksia ei ole arvioitu.\n",
               "status: käynnissä\nevidence: kokemukset\nevidence_note: Osallistujien palaute koottiin kyselyllä.\n")


def project_with(empty_project, case_text: str, method_text: str | None = None):
    write_record(empty_project, "method", "testimenetelma", method_text or fixture_text("method.md"))
    write_record(empty_project, "case", "testiesimerkki", case_text)
    return empty_project


def test_an_old_status_says_its_year_and_is_flagged_and_an_ongoing_case_continues(empty_project):
    case = fixture_text("case.md").replace(*CASE_FIELDS).replace("  end: 2016\n", "  end: null\n")
    catalogue, problems = load_catalogue(project_with(empty_project, case))
    assert problems == []
    views, record = Views(catalogue), catalogue.cases[0]
    assert views.status(record, this_year=2026) == ("Tilanne vuonna 2016 lähteen mukaan: käynnissä. Tieto on yli 3 "
                                                    "vuotta vanha; tilanne voi olla nyt toinen.")
    assert views.status(record, this_year=2018) == "Tilanne vuonna 2016 lähteen mukaan: käynnissä"
    assert views.years_in_full(record) == "alkoi 2014, jatkuu"
    facts = {fact.label: [item.text for item in fact.items] for fact in views.facts(record)}
    assert facts["Mihin tieto perustuu"] == ["Kokemuksia koottu: Osallistujien palaute koottiin kyselyllä."]
    assert facts["Vuodet"] == ["alkoi 2014, jatkuu"]
    assert "Tilanne vuonna" not in facts and "Tiedon perusta tarkemmin" not in facts


def test_a_status_without_its_year_says_so(empty_project):
    case = fixture_text("case.md").replace("status_year: 2016", "status_year: null")
    catalogue, _ = load_catalogue(project_with(empty_project, case))
    assert Views(catalogue).status(catalogue.cases[0]) == "päättynyt (vuosi, jota tieto koskee, ei tiedossa)"


def test_facilitation_that_contradicts_the_resources_text_is_rejected(empty_project):
    method = fixture_text("method.md").replace("facilitation: oma-tyontekija", "facilitation: ei-vetajaa")
    result = run_cli(project_with(empty_project, fixture_text("case.md"), method), "validate")
    assert result.returncode == 1
    assert "methods/testimenetelma.md:" in result.stderr
    assert "facilitation: arvo ei-vetajaa, mutta resources.facilitator kuvaa vetäjän ('Oma työntekijä.')" in result.stderr
    agreeing = method.replace("facilitator: Oma työntekijä.", "facilitator: Erillistä vetäjää ei ole; ryhmä toimii itse.")
    write_record(empty_project, "method", "testimenetelma", agreeing)
    assert run_cli(empty_project, "validate").returncode == 0
    claims_one = method.replace("facilitation: ei-vetajaa", "facilitation: koulutettu-vetaja").replace(
        "facilitator: Oma työntekijä.", "facilitator: Ei vetäjää.")
    write_record(empty_project, "method", "testimenetelma", claims_one)
    assert "arvo koulutettu-vetaja, mutta resources.facilitator sanoo, ettei vetäjää tarvita" in \
        run_cli(empty_project, "validate").stderr


def test_levels_page_gives_the_rules_and_the_evidence_page_the_definitions(built_site, real_catalogue):
    levels = BeautifulSoup((built_site / "tasot" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rules = levels.find(id="miten-tasot-ja-areenat-valitaan").find_next("ul").get_text(" ", strip=True)
    for level in real_catalogue.levels:
        assert level["rule"].split()[0] in rules and level["name"] in rules
    arenas = levels.find(id="miten-tasot-ja-areenat-valitaan").find_next("ul").find_next("ul").get_text(" ", strip=True)
    for arena in real_catalogue.vocabularies["arenas"].values():
        assert arena["name"] in arenas
    evidence = BeautifulSoup((built_site / "naytto" / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h2.get_text(strip=True).rstrip("¶") for h2 in evidence.select("article h2")]
    assert headings == [entry["name"] for entry in real_catalogue.vocabularies["evidence"].values()]
    counted = sum(int(link.get_text().split()[0]) for link in evidence.select("article h2 + p + p a"))
    assert counted == sum(1 for case in real_catalogue.cases if case.data.get("evidence"))
