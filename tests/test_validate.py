"""The validator accepts good records and rejects each kind of bad one with a clear message.

Each bad record is a small edit of a valid fixture; the test checks the reported field,
the line (where the problem has one) and the Finnish explanation, through the same
function the build uses. Configuration files (``data/facets.yml`` and the rest) are checked
the same way. All are code tests on fixture records, except the one content test that the
real records are valid.
"""

from __future__ import annotations

import re

import pytest

from conftest import fixture_text, run_cli, write_record
from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.records import MAX_BYTES

METHOD = fixture_text("method.md")
CASE = fixture_text("case.md")


def problems_for(project, kind: str, text, record_id: str | None = None) -> list[str]:
    write_record(project, "method", "testimenetelma", METHOD if kind == "case" else text)
    if kind == "case":
        write_record(project, "case", record_id or "testiesimerkki", text)
    elif record_id:
        (project.methods_dir / "testimenetelma.md").rename(project.methods_dir / f"{record_id}.md")
    catalogue, problems = load_catalogue(project)
    assert (catalogue is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_real_records_are_valid(real_project):
    """Content test: every real record and configuration file passes validation."""
    result = run_cli(real_project, "validate")
    assert result.returncode == 0, result.stderr
    catalogue, problems = load_catalogue(real_project)
    assert problems == []
    assert catalogue.methods and catalogue.cases
    assert result.stdout.strip() == (f"Kaikki tietueet ovat kunnossa: {len(catalogue.methods)} menetelmää ja "
                                     f"{len(catalogue.cases)} esimerkkiä.")


def test_good_fixtures_are_valid(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    write_record(empty_project, "case", "testiesimerkki", CASE)
    catalogue, problems = load_catalogue(empty_project)
    assert problems == []
    assert [case.id for case in catalogue.used_by["testimenetelma"]] == ["testiesimerkki"]
    assert catalogue.regions(catalogue.cases[0]) == ["Pohjois-Pohjanmaa"]


BAD_METHODS = [
    ("missing field", lambda t: t.replace("summary: Lyhyt kuvaus testimenetelmästä.\n", ""),
     "methods/testimenetelma.md:2: summary: pakollinen kenttä puuttuu"),
    ("unknown field", lambda t: t.replace("setting: kasvokkain", "setting: kasvokkain\nsetings: verkossa"),
     "methods/testimenetelma.md:19: setings: tuntematon kenttä"),
    ("yaml boolean", lambda t: t.replace("title: Testimenetelmä", "title: no"),
     "methods/testimenetelma.md:3: title: arvon pitää olla tekstiä, nyt se on totuusarvo (False). YAML lukee"),
    ("wrong enum", lambda t: t.replace("duration: pysyvä", "duration: jatkuva"),
     "methods/testimenetelma.md:19: duration: arvo 'jatkuva' ei ole sallittu. Sallitut arvot: kertaluonteinen"),
    ("unknown level", lambda t: t.replace("  - arviointiosallisuus", "  - arviointi-osallisuus"),
     "methods/testimenetelma.md:9: levels[1]: tuntematon arvo 'arviointi-osallisuus' (sanasto data/vocabularies/levels.yml). Tarkoititko 'arviointiosallisuus'?"),
    ("unknown target group", lambda t: t.replace("  - asukkaat", "  - nuori"),
     "methods/testimenetelma.md:15: target_groups[0]: tuntematon arvo 'nuori'"),
    ("unknown related method", lambda t: t.replace("related_methods: []", "related_methods: [ei-ole]"),
     "methods/testimenetelma.md:28: related_methods[0]: tuntematon arvo 'ei-ole' (sanasto methods/)"),
    ("self as related", lambda t: t.replace("related_methods: []", "related_methods: [testimenetelma]"),
     "related_methods[0]: menetelmä ei voi olla oma lähimenetelmänsä"),
    ("id differs from file name", lambda t: t.replace("id: testimenetelma", "id: toinen"),
     "methods/testimenetelma.md:2: id: tunniste 'toinen' ei vastaa tiedoston nimeä 'testimenetelma.md'"),
    ("impossible date", lambda t: t.replace("updated: 2026-11-22", "updated: 2026-02-30"),
     "methods/testimenetelma.md:36: updated: arvoa ei voi lukea (day is out of range for month)"),
    ("not a date", lambda t: t.replace("updated: 2026-11-22", "updated: eilen"),
     "methods/testimenetelma.md:36: updated: 'eilen' ei ole päivämäärä. Kirjoita se muodossa VVVV-KK-PP"),
    ("updated before added", lambda t: t.replace("added: 2026-11-22", "added: 2026-11-25"),
     "methods/testimenetelma.md:36: updated: päivityspäivä 2026-11-22 on ennen lisäyspäivää 2026-11-25"),
    ("date in the future", lambda t: t.replace("updated: 2026-11-22", "updated: 2999-01-01"),
     "methods/testimenetelma.md:36: updated: päivämäärä 2999-01-01 on tulevaisuudessa"),
    ("no added date", lambda t: t.replace("added: 2026-11-22\n", ""),
     "methods/testimenetelma.md:2: added: pakollinen kenttä puuttuu"),
    ("bad url", lambda t: t.replace("https://example.org/julkaisu", "https://example org/julkaisu"),
     "methods/testimenetelma.md:33: sources[0].url: 'https://example org/julkaisu' ei ole kelvollinen verkko-osoite"),
    ("not http url", lambda t: t.replace("https://example.org/julkaisu", "ftp://example.org/julkaisu"),
     "methods/testimenetelma.md:33: sources[0].url: arvo 'ftp://example.org/julkaisu' ei ole oikeaa muotoa. http- tai https-osoite"),
    ("empty text", lambda t: t.replace("purpose: Testata validointia.", "purpose: '  '"),
     "methods/testimenetelma.md:13: purpose: ei saa olla tyhjä"),
    ("text instead of list", lambda t: t.replace("target_groups:\n  - asukkaat", "target_groups: asukkaat"),
     "methods/testimenetelma.md:14: target_groups: arvon pitää olla lista, nyt se on tekstiä. Kirjoita lista"),
    ("duplicate key", lambda t: t.replace("setting: kasvokkain", "setting: kasvokkain\nsetting: verkossa"),
     "methods/testimenetelma.md:19: setting: kenttä on kahdesti (ensin rivillä 18)"),
    ("missing section", lambda t: t.replace("## Milloin se sopii\n\nSopii testaamiseen.\n\n", ""),
     "methods/testimenetelma.md:38: leipäteksti: osio `## Milloin se sopii` puuttuu"),
    ("empty section", lambda t: t.replace("Vähän aikaa.\n", ""),
     "leipäteksti: osio 'Edellytykset ja resurssit' on tyhjä"),
    ("steps not numbered", lambda t: t.replace("1. Ensimmäinen vaihe.\n2. Toinen vaihe.", "Tee jotain."),
     "methods/testimenetelma.md:47: leipäteksti: osiossa 'Näin toteutat' ei ole numeroitua listaa"),
    ("unknown section", lambda t: t + "\n## Muuta\n\nTekstiä.\n",
     "leipäteksti: tuntematon osio 'Muuta'"),
    ("sources in body", lambda t: t + "\n## Lähteet\n\nJokin kirja.\n",
     "leipäteksti: Lähteet-osiota ei kirjoiteta leipätekstiin"),
    ("page title in body", lambda t: t.replace("## Mikä se on", "# Testimenetelmä\n\n## Mikä se on"),
     "methods/testimenetelma.md:39: leipäteksti: pääotsikkoa (`# `) ei kirjoiteta"),
    ("sections out of order", lambda t: t.replace("## Mikä se on\n\nMenetelmän kuvaus.\n\n", "") + "\n## Mikä se on\n\nKuvaus.\n",
     "leipäteksti: osiot ovat väärässä järjestyksessä"),
    ("only front matter", lambda t: t[: t.index("## Mikä se on")],
     "leipäteksti: osio `## Mikä se on` puuttuu"),
    ("malformed yaml", lambda t: t.replace("title: Testimenetelmä", "title: [Testimenetelmä"),
     "methods/testimenetelma.md:3: etuliite: YAML-virhe: hakasulkeissa [ ] tai aaltosulkeissa { } alkava arvo jää "
     "sulkematta."),
    ("yaml anchors", lambda t: t.replace("purpose: Testata validointia.", "purpose: &a Testata\nextra: *a"),
     "etuliite: YAML-ankkurit ja -viittaukset (& ja *) eivät ole sallittuja"),
    ("no front matter", lambda t: t[t.index("## Mikä se on"):],
     "methods/testimenetelma.md:1: tiedosto: tiedoston pitää alkaa etuliitteellä"),
    ("unclosed front matter", lambda t: t.replace("---\n\n## Mikä", "\n## Mikä"),
     "methods/testimenetelma.md:1: tiedosto: etuliitteen (front matter) loppumerkki `---` puuttuu"),
    ("empty file", lambda t: "", "methods/testimenetelma.md:1: tiedosto: tiedosto on tyhjä"),
    ("not utf-8", lambda t: t.replace("Menetelmän kuvaus", "Menetelmän kuvaus ÄÖ").encode().replace("ÄÖ".encode(), b"\xc4\xd6"),
     "methods/testimenetelma.md:41: tiedosto: tiedosto ei ole UTF-8-merkistössä"),
    ("huge file", lambda t: t + "x" * (MAX_BYTES + 1), "methods/testimenetelma.md:1: tiedosto: tiedosto on liian suuri"),
    ("raw html in body", lambda t: t.replace("Menetelmän kuvaus.", "Menetelmän <script>alert(1)</script> kuvaus."),
     "methods/testimenetelma.md:41: leipäteksti: HTML-merkinnät eivät ole sallittuja"),
    ("html in a field", lambda t: t.replace("purpose: Testata validointia.", "purpose: <img src=x onerror=alert(1)>"),
     "methods/testimenetelma.md:13: purpose: HTML-merkinnät eivät ole sallittuja"),
    ("javascript link", lambda t: t.replace("Menetelmän kuvaus.", "[Klikkaa](javascript:alert(1))"),
     "methods/testimenetelma.md:41: leipäteksti: javascript:-, vbscript:- ja data:-linkit eivät ole sallittuja"),
    ("javascript reference on a later line", lambda t: t.replace("Menetelmän kuvaus.", "Menetelmän [kuvaus][x].\n\n[x]: javascript:alert(1)"),
     "methods/testimenetelma.md:43: leipäteksti: javascript:-, vbscript:- ja data:-linkit eivät ole sallittuja"),
    ("path traversal image", lambda t: t.replace("Menetelmän kuvaus.", "![Salasanat](../../../../etc/passwd)"),
     "methods/testimenetelma.md:41: leipäteksti: kuva '../../../../etc/passwd' ei kelpaa. Tallenna kuva kansioon docs/kuvat/"),
    ("image from the web", lambda t: t.replace("Menetelmän kuvaus.", "![Logo](https://example.org/seuranta.png)"),
     "methods/testimenetelma.md:41: leipäteksti: kuva 'https://example.org/seuranta.png' ei kelpaa"),
    ("svg image", lambda t: t.replace("Menetelmän kuvaus.", "![Kaavio](../kuvat/kaavio.svg)"),
     "methods/testimenetelma.md:41: leipäteksti: kuva '../kuvat/kaavio.svg' ei kelpaa"),
    ("image without alt text", lambda t: t.replace("Menetelmän kuvaus.", "![](../kuvat/ei-ole.png)"),
     "methods/testimenetelma.md:41: leipäteksti: kuvalta puuttuu vaihtoehtoinen teksti"),
    ("event handler attribute", lambda t: t.replace("Menetelmän kuvaus.", '<a href="#" onclick="alert(1)">x</a>'),
     "methods/testimenetelma.md:41: leipäteksti: HTML-merkinnät eivät ole sallittuja"),
    ("html in a yaml string", lambda t: t.replace("group_size: 6–12 henkilöä", "group_size: '<svg onload=alert(1)>'"),
     "methods/testimenetelma.md:20: group_size: HTML-merkinnät eivät ole sallittuja"),
    ("50 MB file", lambda t: t + "a" * 50 * 1024 * 1024,
     "methods/testimenetelma.md:1: tiedosto: tiedosto on liian suuri (51201 kt, enintään 256 kt)"),
    ("e-mail address", lambda t: t.replace("Menetelmän kuvaus.", "Lisätietoja: etunimi.sukunimi@kunta.fi"),
     "methods/testimenetelma.md:41: leipäteksti: sähköpostiosoitteita ei julkaista"),
    ("phone number", lambda t: t.replace("Menetelmän kuvaus.", "Soita 040 123 4567."),
     "methods/testimenetelma.md:41: leipäteksti: puhelinnumeroita ei julkaista"),
]


@pytest.mark.parametrize("mutate, expected", [case[1:] for case in BAD_METHODS], ids=[case[0] for case in BAD_METHODS])
def test_bad_method_is_rejected(empty_project, mutate, expected):
    problems = problems_for(empty_project, "method", mutate(METHOD))
    assert any(expected in problem for problem in problems), "\n".join(problems)


def test_anchor_bomb_is_rejected_quickly(empty_project):
    bomb = "\n".join([f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 30)])
    text = METHOD.replace("purpose: Testata validointia.", "purpose: Testi.\nl0: &l0 [x]\n" + bomb)
    problems = problems_for(empty_project, "method", text)
    assert any("YAML-ankkurit" in problem for problem in problems)


BAD_CASES = [
    ("former municipality", lambda t: t.replace("  - Oulu", "  - Kiiminki"),
     "cases/testiesimerkki.md:6: municipalities[0]: tuntematon arvo 'Kiiminki'"),
    ("former municipality hint", lambda t: t.replace("  - Oulu", "  - Kiiminki"),
     "Kiiminki on entinen kunta: se liitettiin kuntaliitoksessa vuonna 2013 kuntaan Oulu. Kirjoita Oulu ja lisää "
     "Kiiminki kenttään historical_places."),
    ("merged into Sastamala", lambda t: t.replace("  - Oulu", "  - Vammala"),
     "Vammala on entinen kunta: se liitettiin kuntaliitoksessa vuonna 2009 kuntaan Sastamala."),
    ("merged into Kuopio", lambda t: t.replace("  - Oulu", "  - maaninka"),
     "Maaninka on entinen kunta: se liitettiin kuntaliitoksessa vuonna 2015 kuntaan Kuopio."),
    ("Swedish name", lambda t: t.replace("  - Oulu", "  - Helsingfors"),
     "Helsingfors on kunnan ruotsinkielinen nimi. Kirjoita suomenkielinen nimi Helsinki."),
    ("municipality without ä", lambda t: t.replace("  - Oulu", "  - Jyvaskyla"), "Tarkoititko 'Jyväskylä'?"),
    ("empty municipalities without scope", lambda t: t.replace("  - Oulu\n", "").replace("municipalities:\n", "municipalities: []\n"),
     "cases/testiesimerkki.md:5: municipalities: kuntia ei ole. Kirjoita kunnat, joissa esimerkki toteutettiin; jos "
     "esimerkki on alueellinen tai valtakunnallinen tai lähteet eivät nimeä kuntaa, sano se kentässä scope"),
    ("regions of a local case", lambda t: t.replace("historical_places:", "scope_regions: [Kainuu]\nhistorical_places:"),
     "scope_regions: maakunnat kirjoitetaan vain alueelliselle esimerkille. Lisää rivi `scope: alueellinen`"),
    ("unknown region", lambda t: t.replace("historical_places:", "scope: alueellinen\nscope_regions: [Kainu]\nhistorical_places:"),
     "scope_regions[0]: tuntematon arvo 'Kainu' (sanasto maakunnat tiedostossa data/vocabularies/municipalities.yml). "
     "Tarkoititko 'Kainuu'?"),
    ("missing method", lambda t: t.replace("  - testimenetelma", "  - asiakasraati-x"),
     "cases/testiesimerkki.md:21: methods[0]: tuntematon arvo 'asiakasraati-x' (sanasto methods/)"),
    ("end before start", lambda t: t.replace("end: 2016", "end: 2012"),
     "cases/testiesimerkki.md:15: years.end: päättymisvuosi 2012 on ennen aloitusvuotta 2014"),
    ("year as text", lambda t: t.replace("start: 2014", "start: vuonna 2014"),
     "cases/testiesimerkki.md:14: years.start: arvon pitää olla kokonaisluku tai tyhjä (null), nyt se on tekstiä"),
    ("wrong status", lambda t: t.replace("status: päättynyt", "status: valmis"),
     "cases/testiesimerkki.md:16: status: arvo 'valmis' ei ole sallittu"),
    ("unknown seed", lambda t: t.replace('seed: "001"', 'seed: "009"'),
     "sources[0].seed: tuntematon arvo '009' (sanasto data/vocabularies/seeds.yml)"),
    ("seed as number", lambda t: t.replace('seed: "001"', "seed: 1"),
     "sources[0].seed: arvon pitää olla tekstiä, nyt se on luku (1)"),
    ("missing case section", lambda t: t.replace("## Toteutus\n\nToteutus.\n\n", ""),
     "leipäteksti: osio `## Toteutus` puuttuu. Miten toteutettiin"),
    ("person as contact", lambda t: t.replace("organisation: Oulun kaupunki, aikuissosiaalityö", "organisation: Maija Meikäläinen"),
     "cases/testiesimerkki.md:11: contact.organisation: 'Maija Meikäläinen' näyttää henkilön nimeltä"),
    ("contact web page without scheme", lambda t: t.replace("url: https://www.ouka.fi", "url: www.ouka.fi"),
     "cases/testiesimerkki.md:12: contact.url: arvo 'www.ouka.fi' ei ole oikeaa muotoa. Organisaation julkinen verkkosivu"),
    ("redirect to a live id", lambda t: t.replace("updated: 2026-11-20", "updated: 2026-11-20\nredirect_from: [testiesimerkki]"),
     "redirect_from[0]: tunniste 'testiesimerkki' on voimassa olevan tietueen tunniste"),
]


@pytest.mark.parametrize("mutate, expected", [case[1:] for case in BAD_CASES], ids=[case[0] for case in BAD_CASES])
def test_bad_case_is_rejected(empty_project, mutate, expected):
    problems = problems_for(empty_project, "case", mutate(CASE))
    assert any(expected in problem for problem in problems), "\n".join(problems)


def test_file_name_must_be_an_id(empty_project):
    problems = problems_for(empty_project, "case", CASE.replace("id: testiesimerkki", "id: Testi_Esimerkki"),
                            record_id="Testi_Esimerkki")
    assert any(p.startswith("cases/Testi_Esimerkki.md:1: tiedosto: tiedostonimessä saa olla vain pieniä kirjaimia")
               for p in problems), problems


def test_cli_reports_every_problem_in_one_run(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    write_record(empty_project, "case", "testiesimerkki", CASE.replace("  - Oulu", "  - Kiiminki")
                 .replace("status: päättynyt", "status: valmis"))
    write_record(empty_project, "case", "rikki", "---\ntitle: [\n---\n")
    result = run_cli(empty_project, "validate")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    pattern = re.compile(r"^(methods|cases)/[a-z0-9-]+\.md:\d+: [\w.\[\]-]+: .+")
    errors = [line for line in lines if pattern.match(line)]
    assert len(errors) == 3, result.stderr
    assert {error.split(":")[0] for error in errors} == {"cases/testiesimerkki.md", "cases/rikki.md"}
    assert "3 virhettä 2 tiedostossa" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_accepts_valid_records(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    result = run_cli(empty_project, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Kaikki tietueet ovat kunnossa: 1 menetelmä ja 0 esimerkkiä."


def test_comparison_groups_must_name_existing_methods(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    empty_project.comparisons_file.write_text(
        "- title: Ryhmä\n  intro: Johdanto.\n  methods:\n    - testimenetelma\n    - ei-ole\n", encoding="utf-8")
    _, problems = load_catalogue(empty_project)
    assert [str(p) for p in problems] == [
        "data/comparisons.yml:5: [0].methods[1]: tuntematon menetelmä 'ei-ole'. Käytä menetelmän tiedostonimeä "
        "ilman .md-päätettä tai poista se vertailusta."]


# Configuration files people edit: each is checked against its JSON Schema in
# data/schemas/config/ and reported like a record, "path:line: field: message", never a traceback.
FACETS = ("- param: taso\n  field: levels\n- param: palvelualue\n  field: service_areas\n"
          "- param: kohderyhma\n  field: target_groups\n- param: resurssit\n  field: resources.level\n")
COMPARISON = "- title: Ryhmä\n  intro: Johdanto.\n  methods: [testimenetelma, toinen]\n"
BAD_CONFIG = [
    ("facet without field", "facets.yml", FACETS.replace("  field: service_areas\n", ""),
     "data/facets.yml:3: [1].field: pakollinen kenttä puuttuu. Lisää rivi `field: …`."),
    ("facets yaml syntax", "facets.yml", FACETS.replace("field: levels", "field: [levels"),
     "data/facets.yml:2: tiedosto: YAML-virhe: hakasulkeissa"),
    ("facet over no field", "facets.yml", FACETS.replace("service_areas", "service_area"),
     "data/facets.yml:3: [1].field: kenttää 'service_area' ei ole menetelmien eikä esimerkkien skeemassa"),
    ("facet param twice", "facets.yml", FACETS.replace("palvelualue", "taso"),
     "data/facets.yml:3: [1].param: suodatin 'taso' on jo aiemmin tiedostossa"),
    ("facets not a list", "facets.yml", "param: taso\nfield: levels\n",
     "data/facets.yml:1: tiedosto: arvon pitää olla lista, nyt se on kenttäryhmä."),
    ("comparison unknown key", "comparisons.yml", COMPARISON + "  otsikko: Toinen\n",
     "data/comparisons.yml:4: [0].otsikko: tuntematon kenttä. Tarkista kirjoitusasu; sallitut kentät ovat: "
     "title, intro, methods."),
    ("comparison of one method", "comparisons.yml", COMPARISON.replace(", toinen", ""),
     "data/comparisons.yml:3: [0].methods: listassa pitää olla vähintään 2 arvo."),
    ("comparisons yaml syntax", "comparisons.yml", COMPARISON.replace("intro: Johdanto.", "intro: Johdanto: \"x"),
     "data/comparisons.yml:2: tiedosto: YAML-virhe"),
    ("vocabulary entry without name", "vocabularies/target_groups.yml", "- id: asukkaat\n  name: Asukkaat\n- id: nuoret\n",
     "data/vocabularies/target_groups.yml:3: [1].name: pakollinen kenttä puuttuu."),
    ("section without hint", "schemas/sections.yml", None,
     "data/schemas/sections.yml:5: method[0].hint: pakollinen kenttä puuttuu."),
]


@pytest.mark.parametrize("name, text, expected", [case[1:] for case in BAD_CONFIG], ids=[case[0] for case in BAD_CONFIG])
def test_broken_configuration_file_is_reported_at_its_line(empty_project, name, text, expected):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    write_record(empty_project, "method", "toinen", METHOD.replace("id: testimenetelma", "id: toinen"))
    path = empty_project.data_dir / name
    if text is None:  # an edit of the real file: its first section loses its hint
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        first_hint = next(index for index, line in enumerate(lines) if line.startswith("    hint:"))
        text = "".join(lines[:first_hint] + lines[first_hint + 1:])
    path.write_text(text, encoding="utf-8")
    result = run_cli(empty_project, "validate")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stderr.splitlines() if re.match(r"^[\w./-]+:\d+: ", line)]
    assert len(problems) == 1, result.stderr  # the one mistake, reported once


def test_valid_configuration_files_are_accepted(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    write_record(empty_project, "method", "toinen", METHOD.replace("id: testimenetelma", "id: toinen"))
    empty_project.facets_file.write_text(FACETS, encoding="utf-8")
    empty_project.comparisons_file.write_text(COMPARISON, encoding="utf-8")
    catalogue, problems = load_catalogue(empty_project)
    assert problems == []
    assert [(facet.param, facet.field) for facet in catalogue.config.facets] == [
        ("taso", "levels"), ("palvelualue", "service_areas"), ("kohderyhma", "target_groups"),
        ("resurssit", "resources.level")]
    assert [(group.title, group.methods) for group in catalogue.config.comparisons] == [
        ("Ryhmä", ["testimenetelma", "toinen"])]


def test_facets_without_a_guide_field_are_a_problem_not_a_traceback(empty_project, tmp_path):
    """The guide on /loyda/ asks about levels, target groups and resources through their facets:
    a facets.yml without one of them is reported like any other mistake."""
    write_record(empty_project, "method", "testimenetelma", METHOD)
    empty_project.facets_file.write_text("- param: taso\n  field: levels\n- param: resurssit\n  field: resources.level\n",
                                         encoding="utf-8")
    result = run_cli(empty_project, "build", "--site-dir", str(tmp_path / "site"))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert "data/facets.yml:1: tiedosto: suodatin kentälle 'target_groups' puuttuu" in result.stderr, result.stderr


@pytest.mark.parametrize("scope, regions", [("valtakunnallinen", []), ("alueellinen", ["Kainuu"]), ("ei-tiedossa", [])])
def test_national_regional_and_unnamed_cases_are_said_explicitly(empty_project, scope, regions):
    text = CASE.replace("municipalities:\n  - Oulu\n", f"municipalities: []\nscope: {scope}\n"
                        + (f"scope_regions: [{', '.join(regions)}]\n" if regions else ""))
    assert problems_for(empty_project, "case", text) == []
    catalogue, _ = load_catalogue(empty_project)
    assert catalogue.regions(catalogue.cases[0]) == regions


@pytest.mark.parametrize("written", ["Kiiminki", "Vammala", "Maaninka", "Haukipudas", "Nastola", "Pohjois-Pohjanmaa",
                                     "Oulun seutu", "Kuopion kaupunki"])
def test_suggestions_never_offer_a_dissimilar_municipality(empty_project, written):
    """Kiiminki is not Liminka, Vammala not Vaala, Maaninka not Maarianhamina: a former municipality
    names its current one (from data/vocabularies/municipal_mergers.yml), anything else no guess."""
    problems = problems_for(empty_project, "case", CASE.replace("  - Oulu", f"  - {written}"))
    [message] = [problem for problem in problems if "municipalities[0]" in problem]
    for wrong in ("Liminka", "Vaala", "Maarianhamina"):
        assert wrong not in message
    assert "Tarkoititko" not in message


def test_merger_table_is_checked_against_the_municipality_list(empty_project):
    path = empty_project.vocabularies_dir / "municipal_mergers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("{current: Oulu, year: 2013, former: [Haukipudas,",
                                                             "{current: Ouluu, year: 2013, former: [Liminka, Haukipudas,"),
                    encoding="utf-8")
    line = next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "Ouluu" in text)
    result = run_cli(empty_project, "validate")
    assert result.returncode == 1
    assert (f"data/vocabularies/municipal_mergers.yml:{line}: mergers[47].current: 'Ouluu' ei ole kuntaluettelossa"
            in result.stderr)
    assert f"data/vocabularies/municipal_mergers.yml:{line}: mergers[47].former[0]: 'Liminka' on nykyinen kunta" in result.stderr


YAML_MISTAKES = [
    ("tab", lambda t: t.replace("levels:\n  - suunnitteluosallisuus", "levels:\n\t- suunnitteluosallisuus"),
     "levels:", 1, "YAML-virhe: rivillä on sarkainmerkki (tab)."),
    ("unquoted colon", lambda t: t.replace("title: Testiesimerkki Oulussa", "title: Testiesimerkki: Oulu"),
     "title: Testiesimerkki: Oulu", 0, "YAML-virhe: arvossa on kaksoispiste ja välilyönti (`: `)"),
    ("unclosed quote", lambda t: t.replace("summary: Lyhyt kuvaus esimerkistä.", 'summary: "Lyhyt kuvaus esimerkistä.'),
     'summary: "Lyhyt', 0, "YAML-virhe: lainausmerkki jää sulkematta"),
    ("missing colon", lambda t: t.replace("organisation: Oulun kaupunki, sosiaalipalvelut", "organisation Oulun kaupunki"),
     "organisation Oulun kaupunki", 0, "YAML-virhe: riviltä puuttuu kaksoispiste"),
    ("bad indentation", lambda t: t.replace("  - asukkaat", "  - asukkaat\n - nuoret"),
     " - nuoret", 0, "YAML-virhe: sisennys ei täsmää"),
]


@pytest.mark.parametrize("mutate, marker, below, expected", [case[1:] for case in YAML_MISTAKES],
                         ids=[case[0] for case in YAML_MISTAKES])
def test_yaml_mistakes_are_explained_in_finnish_once(empty_project, mutate, marker, below, expected):
    """The cause and line in Finnish, and nothing else: a record that failed to load is not also a
    missing published address or an unknown method."""
    text = mutate(CASE)
    line = text.splitlines().index(next(row for row in text.splitlines() if row.startswith(marker))) + 1 + below
    empty_project.register_file.write_text("/menetelmat/testimenetelma/\n/esimerkit/testiesimerkki/\n/esimerkit/vanha/\n",
                                           encoding="utf-8")
    text = text.replace("updated:", "redirect_from:\n  - vanha\nupdated:")
    problems = problems_for(empty_project, "case", text)
    assert problems == [f"cases/testiesimerkki.md:{line}: etuliite: {expected}"] or (
        len(problems) == 1 and problems[0].startswith(f"cases/testiesimerkki.md:{line}: etuliite: {expected}")), problems


def test_unreadable_method_gives_no_follow_on_errors(empty_project):
    write_record(empty_project, "case", "testiesimerkki", CASE)
    write_record(empty_project, "method", "testimenetelma", METHOD.replace("  - TM", "\t- TM"))
    empty_project.register_file.write_text("/menetelmat/testimenetelma/\n/esimerkit/testiesimerkki/\n", encoding="utf-8")
    _, problems = load_catalogue(empty_project)
    assert [str(problem) for problem in problems] == [
        "methods/testimenetelma.md:5: etuliite: YAML-virhe: rivillä on sarkainmerkki (tab). YAML sallii sisennyksiksi "
        "ja välistyksiksi vain välilyönnit: korvaa sarkain välilyönneillä (sisennys kaksi välilyöntiä tasoa kohden)."]
