"""Propose a case without git: a GitHub issue form, and its answers turned into a record.

Both directions come from the case schema, the vocabularies and the body sections.
:func:`questions` walks the schema's fields in order: each becomes a question in plain
Finnish (choices show the vocabularies' Finnish names, never ids), and a field added to the
schema becomes a question without touching this module, unless it is one of
:data:`INTERNAL_FIELDS` (filled in by the tools, not asked). ``render_form`` writes
``.github/ISSUE_TEMPLATE/uusi-esimerkki.yml``.

:func:`convert` reads a submitted issue as people really fill it in: answers left empty or
written "ei tiedossa" or "null", lines wrapped inside one outcome, headings typed inside an
answer, a source given as a bare address, national and regional cases, names instead of ids,
former municipalities. It returns the record, the assumptions it made (for the pull request)
and, when a record cannot be made, what the submitter should fix, in Finnish, for a comment
on the issue. Nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import yaml

from scripts.editors.scaffold import slugify
from scripts.rules.mergers import Merger, close_match, fold, municipality_advice
from scripts.rules.schemas import Schemas, enum_labels, vocabulary_of
from scripts.rules.sections import Section
from scripts.rules.vocabularies import Vocabularies

NO_RESPONSE = "_No response_"
# Case fields the tools fill in, never asked: the id comes from the title, the dates from the day.
INTERNAL_FIELDS = ("id", "added", "updated", "redirect_from")
# Answers that mean "not known".
UNKNOWN = {"", "-", "–", "—", "?", "null", "none", "ei", "ei tiedossa", "ei tietoa", "en tiedä", "en tieda", "tuntematon",
           "ei tiedetä", "ei tiedeta", "ei ole", "ei tiedossa.", "ei tietoa.", "lähteet eivät kerro", "n/a", "ei ole tiedossa"}
URL = re.compile(r"https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?]")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|2100)(?!\d)")
BULLET = re.compile(r"^\s*(?:[-*•+]|\d+[.)])\s+")
FORM_TITLE_PREFIX = "Uusi esimerkki: "
LABEL = "uusi-esimerkki"

# How the form asks a field, where the schema's own description is written for people who edit
# files (ids, null, file names). The label is the question; the description its help text.
WORDING: dict[str, tuple[str, str]] = {
    "title": ("Esimerkin nimi", "Lyhyt nimi, josta näkee mitä ja missä, esim. Raision kirjaston asukasraati."),
    "summary": ("Tiivistelmä", "Yksi tai kaksi virkettä: näkyy listoissa ja hakutuloksissa."),
    "scope": ("Missä esimerkki toteutettiin?", "Valitse, oliko toiminta yhden tai useamman kunnan, alueellinen vai "
              "valtakunnallinen."),
    "municipalities": ("Kunnat", "Nykyiset kunnat pilkuilla eroteltuina, esim. Oulu, Kempele. Jos toiminta oli "
                       "entisen kunnan alueella, voit kirjoittaa entisen kunnan nimen (esim. Kiiminki): se tallennetaan "
                       "entisenä kuntana ja nykyinen kunta lisätään. Jätä tyhjäksi, jos esimerkki on alueellinen tai "
                       "valtakunnallinen."),
    "scope_regions": ("Maakunnat", "Alueellisen esimerkin maakunnat pilkuilla eroteltuina, esim. Kainuu. Jätä tyhjäksi, "
                      "jos kirjoitit kunnat."),
    "historical_places": ("Entiset kunnat ja paikat", "Entisten kuntien, kuntayhtymien tai kylien nimet pilkuilla "
                          "eroteltuina, jos niillä on merkitystä, esim. Kiiminki."),
    "organisation": ("Organisaatio", "Kuka toteutti: organisaatio ja yksikkö, esim. Raision kaupunki, kirjastopalvelut. "
                     "Ei henkilöiden nimiä."),
    "contact": ("Yhteystaho", "Organisaatio, jolta voi kysyä lisää, ja sen julkinen verkkosivu, esim. Raision kaupunki, "
                "https://www.raisio.fi. Ei henkilöiden nimiä eikä sähköpostiosoitteita."),
    "start": ("Alkamisvuosi", "Esim. 2019. Jätä tyhjäksi, jos et tiedä."),
    "end": ("Päättymisvuosi", "Jätä tyhjäksi, jos toiminta jatkuu tai vuotta ei tiedetä."),
    "status": ("Tilanne nyt", "Onko toiminta kokeilu, käynnissä, vakiintunut osaksi perustyötä vai päättynyt?"),
    "methods": ("Käytetyt menetelmät", "Menetelmien nimet pilkuilla eroteltuina sellaisina kuin ne ovat "
                "menetelmäpankin Menetelmät-sivulla, esim. Asiakasraati, Bikva. Jos mikään ei sovi, kirjoita lähin ja "
                "kerro kohdassa Toteutus, miten menettelitte: ylläpitäjä voi lisätä uuden menetelmän."),
    "levels": ("Osallisuuden päätaso", "Mitä osallistujat pääasiassa saivat tehdä? Valitse yksi."),
    "levels_more": ("Muut osallisuuden tasot", "Valitse, jos toiminnassa oli lisäksi muita tasoja."),
    "target_groups": ("Kohderyhmät", "Ketkä osallistuivat? Valitse yksi tai useampi."),
    "service_areas": ("Palvelualueet", "Missä palveluissa toiminta tapahtui? Valitse yksi tai useampi."),
    "setting": ("Toimintaympäristö", "Toimittiinko kasvokkain, verkossa vai molemmin tavoin?"),
    "outcomes": ("Tulokset", "Mitä toiminta sai aikaan? Yksi tulos riviä kohden, esim. - Aukioloajat muuttuivat. Jätä "
                 "tyhjäksi, jos tuloksia ei tiedetä."),
    "status_year": ("Tilanne vuonna", "Minä vuonna tilanne oli se, jonka valitsit kohdassa Tilanne nyt: yleensä "
                    "lähteen julkaisuvuosi. Jätä tyhjäksi, jos lähde ei kerro."),
    "reached": ("Tavoitetut osallistujat", "Ketkä todella osallistuivat verrattuna siihen, keitä tavoiteltiin? Jätä "
                "tyhjäksi, jos et tiedä."),
    "feedback_to_participants": ("Palaute osallistujille", "Miten osallistujat kuulivat, mitä heidän panoksensa muutti? "
                                 "Jätä tyhjäksi, jos et tiedä."),
    "sources": ("Lähteet", "Yksi lähde riviä kohden: julkaisun nimi, julkaisija (organisaatio), vuosi ja verkko-osoite, "
                "esim. Asukasraadin loppuraportti, Raision kaupunki, 2024, https://www.raisio.fi/raati. Vähintään yksi "
                "lähde."),
}
INTRO = ("Kerro esimerkistä omin sanoin. Lomakkeesta tehdään automaattisesti tietue ja muutospyyntö, jonka ylläpitäjä "
         "tarkistaa ennen julkaisua; jos jotain puuttuu, saat tähän issueen suomenkielisen kommentin siitä, mitä "
         "korjata (voit muokata issueta, ja muutospyyntö päivittyy). Kohdat, joita et tiedä, voit jättää tyhjiksi, "
         "ellei niitä ole merkitty pakollisiksi. Älä kirjoita henkilöiden nimiä, sähköpostiosoitteita tai "
         "puhelinnumeroita: mainitse organisaatio.")


@dataclass(frozen=True)
class Question:
    """One question of the form: a schema field (``years.start`` as ``start``), or ``levels_more``."""

    id: str
    kind: str  # input, textarea, dropdown, dropdowns (several), section
    label: str
    description: str
    required: bool
    options: tuple[str, ...] = ()  # Finnish labels, for dropdowns
    values: tuple[str, ...] = ()  # the stored value of each option


@dataclass
class Conversion:
    """A submitted form as a record, or what to fix. ``notes`` are the assumptions made."""

    record_id: str = ""
    text: str = ""
    record: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _choices(field_schema: dict[str, Any], vocabularies: Vocabularies) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Finnish labels, stored values) of an enum or vocabulary field."""
    if "enum" in field_schema:
        labels = enum_labels(field_schema)
        return tuple(labels.values()), tuple(labels)
    vocabulary = vocabulary_of(field_schema)
    values = tuple(vocabularies[vocabulary])
    return tuple(vocabularies.label(vocabulary, value) for value in values), values


def questions(schemas: Schemas, vocabularies: Vocabularies, sections: list[Section]) -> list[Question]:
    """The form's questions, from the case schema's fields in order, then the body sections."""
    schema = schemas.inlined["case"]
    required = set(schema["required"])
    found: list[Question] = []
    for name, field_schema in schema["properties"].items():
        if name in INTERNAL_FIELDS:
            continue
        if name == "years":
            for part in ("start", "end"):
                label, help_text = WORDING[part]
                found.append(Question(part, "input", label, help_text, False))
            continue
        label, help_text = WORDING.get(name, (field_schema.get("title", name), plain(field_schema.get("description", ""))))
        is_list = field_schema.get("type") == "array"
        vocabulary = vocabulary_of(field_schema)
        if name == "levels":
            options, values = _choices(field_schema, vocabularies)
            found.append(Question("levels", "dropdown", label, help_text, True, options, values))
            more_label, more_help = WORDING["levels_more"]
            found.append(Question("levels_more", "dropdowns", more_label, more_help, False, options, values))
        elif "enum" in field_schema or (vocabulary and vocabulary not in ("municipalities", "methods", "regions")):
            options, values = _choices(field_schema, vocabularies)
            found.append(Question(name, "dropdowns" if is_list else "dropdown", label, help_text,
                                  name in required and name != "scope", options, values))
        elif name in ("sources", "outcomes") or (is_list and field_schema.get("items", {}).get("type") == "object"):
            found.append(Question(name, "textarea", label, help_text, name == "sources"))
        elif name in ("reached", "feedback_to_participants", "summary"):
            found.append(Question(name, "textarea", label, help_text, name == "summary"))
        else:
            # Lists of names are written comma-separated; texts on one line. Required only when an
            # answer cannot be "not known" (the title, the organisation).
            must = name in required and not is_list and "null" not in _types(field_schema)
            found.append(Question(name, "input", label, help_text, must))
    found += [Question(slugify(section.heading), "section", section.heading, section.hint, True) for section in sections]
    return found


# Sentences of a schema description written for people who edit files, not for the form or the editor.
TECHNICAL = ("data/", ".md", "null", "tunniste", "true", "false", "VVVV", "front matter")


def plain(description: str) -> str:
    """A schema description without its sentences about ids, file names or null."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", description)
    return " ".join(sentence for sentence in sentences if not any(word in sentence for word in TECHNICAL))


def _types(field_schema: dict[str, Any]) -> list[str]:
    kinds = field_schema.get("type", [])
    return kinds if isinstance(kinds, list) else [kinds]


def render_form(schemas: Schemas, vocabularies: Vocabularies, sections: list[Section]) -> str:
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for question in questions(schemas, vocabularies, sections):
        attributes: dict[str, Any] = {"label": question.label, "description": question.description}
        kind = {"input": "input", "textarea": "textarea", "section": "textarea"}.get(question.kind, "dropdown")
        if kind == "dropdown":
            attributes["options"] = list(question.options)
            attributes["multiple"] = question.kind == "dropdowns"
        body.append({"type": kind, "id": question.id, "attributes": attributes,
                     "validations": {"required": question.required}})
    form = {"name": "Ehdota uutta esimerkkiä", "description": "Kerro, missä osallisuuden menetelmää on käytetty.",
            "title": FORM_TITLE_PREFIX, "labels": [LABEL], "body": body}
    header = "# Generated by `python -m scripts editor-files` from the case schema; do not edit by hand.\n"
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def answers(issue_body: str, labels: Iterable[str]) -> dict[str, str]:
    """Label -> answer, as GitHub writes a submitted form: each answer under ``### Label``.

    Only the form's own labels, in their order, split the text, so a ``###`` heading that someone
    typed inside an answer stays in that answer."""
    text = issue_body.replace("\r\n", "\n")
    found: dict[str, str] = {}
    positions: list[tuple[int, int, str]] = []
    start = 0
    for label in labels:
        match = re.compile(rf"^### +{re.escape(label)}[ \t]*$", re.MULTILINE).search(text, start)
        if match:
            positions.append((match.start(), match.end(), label))
            start = match.end()
    for index, (_, end, label) in enumerate(positions):
        stop = positions[index + 1][0] if index + 1 < len(positions) else len(text)
        answer = text[end:stop].strip()
        found[label] = "" if answer == NO_RESPONSE else answer
    return found


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice (the same date as added and updated) twice, never as an alias,
    which the record loader refuses."""

    def ignore_aliases(self, data) -> bool:
        return True


@dataclass(frozen=True)
class MethodIndex:
    """Methods by every name an editor might use: id, title, aliases (folded)."""

    titles: dict[str, str]  # id -> title
    names: dict[str, str]  # folded name -> id

    @classmethod
    def of(cls, methods: Iterable[tuple[str, str, list[str]]]) -> "MethodIndex":
        titles, names = {}, {}
        for method_id, title, aliases in methods:
            titles[method_id] = title
            for name in (method_id, method_id.replace("-", " "), title, *aliases):
                names.setdefault(fold(name), method_id)
        return cls(titles, names)

    def find(self, name: str) -> str | None:
        cleaned = re.sub(r"\s*\(.*?\)\s*$", "", name).strip()
        for candidate in (name, cleaned, cleaned.removesuffix("-menetelmä"), cleaned.removesuffix(" -menetelmä")):
            if fold(candidate) in self.names:
                return self.names[fold(candidate)]
        guess = close_match(cleaned, self.names)
        return self.names[guess] if guess else None


def convert(issue_body: str, schemas: Schemas, vocabularies: Vocabularies, sections: list[Section],
            mergers: dict[str, Merger], methods: MethodIndex, today: dt.date, taken: set[str] = frozenset(),
            titles: dict[str, str] | None = None, record_id: str | None = None) -> Conversion:
    """A submitted form as a case record (``Conversion.text``) or the Finnish list of what to fix.

    ``taken``: ids in use or ever published; ``titles``: folded title -> file of existing cases, to
    notice a duplicate; ``record_id``: the id to keep (the issue was edited after its record was made)."""
    result = Conversion()
    all_questions = questions(schemas, vocabularies, sections)
    given = answers(issue_body, [question.label for question in all_questions])
    by_id = {question.id: question for question in all_questions}
    value = {question.id: given.get(question.label, "") for question in all_questions}
    fix = result.problems.append
    note = result.notes.append
    if not given:
        fix("Issuen tekstistä ei löytynyt lomakkeen kysymyksiä (### Esimerkin nimi ja muut). Tee ehdotus lomakkeella "
            "Ehdota uutta esimerkkiä, äläkä poista kysymysten otsikoita, kun muokkaat issueta.")
        return result
    record: dict[str, Any] = {}

    title = " ".join(value["title"].split())
    if not title:
        fix(f"Kohta ”{by_id['title'].label}” puuttuu: kirjoita esimerkille nimi.")
    record["id"] = record_id or _free_id(slugify(title), taken, value, note)
    record["title"] = title
    if titles and fold(title) in titles and not record_id:
        note(f"Samanniminen esimerkki on jo olemassa ({titles[fold(title)]}). Tarkista, ettei ehdotus ole sama "
             "esimerkki; tunnisteeksi tuli " + record["id"] + ".")
    record["summary"] = _paragraph(value["summary"])
    if not record["summary"]:
        fix(f"Kohta ”{by_id['summary'].label}” puuttuu: kirjoita yksi tai kaksi virkettä esimerkistä.")

    scope = _choice(by_id.get("scope"), value.get("scope", "")) if "scope" in by_id else None
    municipalities, historical = [], _names(value.get("historical_places", ""))
    for name in _names(value.get("municipalities", "")):
        if name in vocabularies["municipalities"]:
            municipalities.append(name)
            continue
        current, advice = municipality_advice(name, vocabularies["municipalities"], mergers)
        merger = mergers.get(fold(name))
        if merger is not None:
            municipalities.append(merger.current)
            if merger.former not in historical:
                historical.append(merger.former)
            note(f"{merger.former} on entinen kunta (kuntaliitos {merger.year}): kunnaksi merkittiin {merger.current} "
                 f"ja {merger.former} entisiin kuntiin.")
        elif current is not None and (fold(current) == fold(name) or advice.startswith(name)):
            municipalities.append(current)  # case and accents, or the Swedish name
            note(f"Kunta {name!r} kirjoitettiin muotoon {current}.")
        elif current is not None:
            fix(f"Kuntaa {name!r} ei ole kuntaluettelossa. {advice} Korjaa kohta ”{by_id['municipalities'].label}”.")
        else:
            region = close_match(name, vocabularies["regions"])
            if region is not None and fold(region) == fold(name):
                note(f"{name} on maakunta: se merkittiin maakunnaksi ja esimerkki alueelliseksi.")
                scope = scope or "alueellinen"
                value["scope_regions"] = ", ".join(filter(None, [value.get("scope_regions", ""), region]))
            else:
                fix(f"Kuntaa {name!r} ei ole kuntaluettelossa. {advice} Korjaa kohta ”{by_id['municipalities'].label}”.")
    record["municipalities"] = list(dict.fromkeys(municipalities))
    regions = []
    for name in _names(value.get("scope_regions", "")):
        region = close_match(name, vocabularies["regions"])
        if region is None:
            fix(f"Maakuntaa {name!r} ei tunnistettu. Kirjoita maakunnan nimi, esim. Pohjois-Pohjanmaa, kohtaan "
                f"”{by_id['scope_regions'].label}”.")
        else:
            regions.append(region)
    if scope == "paikallinen":
        scope = None
    if not record["municipalities"] and scope is None:
        if regions:
            scope = "alueellinen"
        else:
            fix(f"Kerro, missä esimerkki toteutettiin: kirjoita kunnat kohtaan ”{by_id['municipalities'].label}” tai "
                f"valitse kohdassa ”{by_id['scope'].label}”, että esimerkki on alueellinen, valtakunnallinen tai ettei "
                "lähteissä nimetä kuntaa.")
    if regions and scope not in (None, "alueellinen"):
        note("Maakunnat annettiin, joten esimerkki merkittiin alueelliseksi.")
    if regions:
        scope = "alueellinen"
    if scope:
        record["scope"] = scope
    if regions:
        record["scope_regions"] = list(dict.fromkeys(regions))
    if historical:
        record["historical_places"] = historical
    record["organisation"] = " ".join(value.get("organisation", "").split())
    if not record["organisation"]:
        fix(f"Kohta ”{by_id['organisation'].label}” puuttuu: kirjoita toteuttajaorganisaatio ja yksikkö.")
    contact = _contact(value.get("contact", ""))
    if contact:
        record["contact"] = contact

    years = {"start": _year(value.get("start", ""), by_id["start"].label, fix),
             "end": _year(value.get("end", ""), by_id["end"].label, fix)}
    record["years"] = years
    record["status"] = _choice(by_id["status"], value.get("status", ""))
    if record["status"] is None:
        fix(f"Valitse kohdassa ”{by_id['status'].label}” yksi vaihtoehdoista: {', '.join(by_id['status'].options)}.")

    record["methods"] = []
    for name in _names(value.get("methods", "")):
        method_id = methods.find(name)
        if method_id is None:
            fix(f"Menetelmää {name!r} ei löytynyt menetelmäpankista. Kirjoita menetelmän nimi sellaisena kuin se on "
                "Menetelmät-sivulla (esim. Asiakasraati) tai lähin sopiva menetelmä; jos mikään ei sovi, kerro se "
                "kommentissa, niin ylläpitäjä lisää menetelmän.")
        elif method_id not in record["methods"]:
            record["methods"].append(method_id)
            if fold(name) not in (fold(method_id), fold(methods.titles[method_id])):
                note(f"Menetelmä {name!r} tulkittiin menetelmäksi {methods.titles[method_id]} ({method_id}).")
    if not _names(value.get("methods", "")):
        fix(f"Kohta ”{by_id['methods'].label}” puuttuu: kirjoita vähintään yksi menetelmä.")

    main_level = _choice(by_id["levels"], value.get("levels", ""))
    more = _choices_of(by_id["levels_more"], value.get("levels_more", ""), fix)
    if main_level is None:
        fix(f"Valitse kohdassa ”{by_id['levels'].label}” yksi osallisuuden taso.")
    record["levels"] = list(dict.fromkeys([level for level in [main_level, *more] if level]))
    special = {"title", "summary", "scope", "municipalities", "scope_regions", "historical_places", "organisation",
               "contact", "start", "end", "status", "methods", "levels", "levels_more", "outcomes", "reached",
               "feedback_to_participants", "sources"}
    properties = schemas.inlined["case"]["properties"]
    required = set(schemas.inlined["case"]["required"])
    for question in all_questions:
        if question.id in special or question.kind == "section":
            continue
        answer = value.get(question.id, "")
        if question.kind == "dropdowns":
            chosen = _choices_of(question, answer, fix)
        elif question.kind == "dropdown":
            chosen = _choice(question, answer)
        else:  # any other field of the schema, read by its type
            chosen = _typed(properties[question.id], answer, question.label, fix)
        if chosen in (None, []) and question.id not in required:
            continue
        if chosen in (None, []) and "null" not in _types(properties[question.id]):
            fix(f"Kohta ”{question.label}” puuttuu: " + ("valitse vähintään yksi vaihtoehto." if question.options
                                                          else "kirjoita vastaus."))
        record[question.id] = chosen
    record["outcomes"] = _items(value.get("outcomes", ""))
    for name in ("reached", "feedback_to_participants"):
        record[name] = _paragraph(value.get(name, "")) or None
    record["sources"] = []
    for number, line in enumerate(_source_lines(value.get("sources", "")), start=1):
        source, problem = _source(line, record["organisation"], number, note)
        if problem:
            fix(problem)
        else:
            record["sources"].append(source)
    if not _source_lines(value.get("sources", "")):
        fix(f"Kohta ”{by_id['sources'].label}” puuttuu: kerro vähintään yksi julkaisu tai verkkosivu, josta tiedot "
            "voi tarkistaa.")
    record["added"] = record["updated"] = today.isoformat()

    body = []
    for section in sections:
        text = _section_text(value.get(slugify(section.heading), ""))
        if not text:
            fix(f"Kohta ”{section.heading}” on tyhjä: {section.hint}")
        body.append(f"## {section.heading}\n\n{text}\n")
    ordered = {name: record[name] for name in schemas.inlined["case"]["properties"] if name in record}
    result.record = ordered
    result.record_id = ordered["id"]
    front = yaml.dump(ordered, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100)
    result.text = f"---\n{front}---\n\n" + "\n".join(body)
    return result


def _free_id(base: str, taken: set[str], value: dict[str, str], note) -> str:
    """The title's id, or one made unique with the first municipality or the start year, then a number."""
    if not base or base not in taken:
        return base
    place = slugify(_names(value.get("municipalities", ""))[0]) if _names(value.get("municipalities", "")) else ""
    year = YEAR.search(value.get("start", ""))
    for candidate in [f"{base}-{place}" if place and place not in base else "",
                      f"{base}-{year.group(0)}" if year else "", *(f"{base}-{n}" for n in range(2, 100))]:
        if candidate and candidate not in taken:
            note(f"Tunniste {base!r} oli jo käytössä, joten tunnisteeksi tuli {candidate!r}.")
            return candidate
    return base


def _is_unknown(text: str) -> bool:
    return fold(text).strip(" .!") in {fold(word) for word in UNKNOWN}


def _paragraph(text: str) -> str:
    """Free text of one field: lines joined, a "not known" answer empty."""
    text = " ".join(text.split())
    return "" if _is_unknown(text) else text


def _names(text: str) -> list[str]:
    """Comma-, semicolon- or line-separated names; list markers and "ja" between the last two removed."""
    if _is_unknown(text):
        return []
    parts = re.split(r"[,;\n]| ja (?=[A-ZÅÄÖ])", text)
    names = [BULLET.sub("", part).strip().strip(".") for part in parts]
    return [name for name in names if name and not _is_unknown(name)]


def _choice(question: Question | None, text: str) -> str | None:
    if question is None:
        return None
    chosen = _choices_of(question, text, lambda _: None)
    return chosen[0] if chosen else None


def _choices_of(question: Question, text: str, fix) -> list[str]:
    """The stored values of the options chosen in a dropdown answer.

    GitHub joins the chosen labels with ", ", and labels may contain commas themselves
    ("Omaiset, läheiset ja omaishoitajat"), so the answer is matched against the labels,
    longest first; a value typed instead of a label (an id) is accepted too."""
    remaining = text.strip()
    if _is_unknown(remaining):
        return []
    by_label = sorted(zip(question.options, question.values), key=lambda pair: -len(pair[0]))
    chosen: list[str] = []
    while remaining:
        for label, stored in by_label:
            for candidate in (label, stored):
                if fold(remaining).startswith(fold(candidate)) and (len(remaining) == len(candidate)
                                                                    or remaining[len(candidate)] in ",;\n "):
                    chosen.append(stored)
                    remaining = remaining[len(candidate):].lstrip(",;\n ")
                    break
            else:
                continue
            break
        else:
            remaining = ""
            fix(f"Kohdassa ”{question.label}” on vastaus {text.strip()!r}, jota ei ole vaihtoehdoissa. Valitse "
                f"vaihtoehdoista: {', '.join(question.options)}.")
    return list(dict.fromkeys(chosen))


def _typed(field_schema: dict[str, Any], text: str, label: str, fix) -> Any:
    """An answer to a question the form asks generically, as the schema's type."""
    kinds = _types(field_schema)
    if "integer" in kinds:
        if _is_unknown(text):
            return None
        number = re.fullmatch(r"\s*(\d+)\s*", text)
        if number is None:
            fix(f"Kohdassa ”{label}” pitää olla luku, esim. 2019; nyt siinä on {text.strip()!r}.")
            return None
        return int(number.group(1))
    if "array" in kinds:
        return _names(text)
    return _paragraph(text) or None


def _year(text: str, label: str, fix) -> int | None:
    text = text.strip()
    if _is_unknown(text):
        return None
    years = YEAR.findall(text)
    if len(years) == 1:
        return int(years[0])
    fix(f"Kohdassa ”{label}” pitää olla vuosi, esim. 2019, tai ei mitään, jos vuotta ei tiedetä; nyt siinä on "
        f"{text!r}.")
    return None


def _items(text: str) -> list[str]:
    """One item a line; a line that continues the previous one (wrapped text) is joined to it."""
    if _is_unknown(text):
        return []
    lines = [line.rstrip() for line in text.split("\n")]
    bulleted = any(BULLET.match(line) for line in lines)
    items: list[str] = []
    for line in lines:
        if not line.strip():
            if not bulleted and items and items[-1]:
                items.append("")
            continue
        starts = BULLET.match(line)
        stripped = BULLET.sub("", line).strip()
        joins = items and items[-1] and (
            (bulleted and not starts) or
            (not bulleted and not re.search(r"[.!?:;)]$", items[-1]) and stripped[:1].islower()))
        if joins:
            items[-1] += " " + stripped
        else:
            items.append(stripped)
    return [item for item in items if item and not _is_unknown(item)]


def _source_lines(text: str) -> list[str]:
    """One source a line; a bare address on the line after a title belongs to that title."""
    if _is_unknown(text):
        return []
    lines = [BULLET.sub("", line).strip() for line in text.split("\n")]
    joined: list[str] = []
    for line in lines:
        if not line:
            continue
        if joined and URL.fullmatch(line) and not URL.search(joined[-1]):
            joined[-1] += " " + line
        elif joined and not URL.search(joined[-1]) and line[:1].islower():
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def _source(line: str, organisation: str, number: int, note) -> tuple[dict[str, Any], str | None]:
    """"Nimi, Julkaisija, 2024, https://…" (or "Julkaisija | Nimi | vuosi | osoite") as a source."""
    url = URL.search(line)
    rest = URL.sub(" ", line) if url else line
    year = YEAR.search(rest)
    if year:
        rest = rest[: year.start()] + " " + rest[year.end():]
    if "|" in line:
        parts = [part.strip() for part in rest.split("|")]
        parts = [part for part in parts if part.strip(" ,.")]
        publisher, title = (parts + ["", ""])[:2]
    elif re.fullmatch(r"[^,()]+\(([^()]+)\)[\s.,]*", rest):  # "Nimi (Julkaisija 2024)"
        title, publisher = re.fullmatch(r"([^,()]+)\(([^()]+)\)[\s.,]*", rest).groups()
    else:
        parts = [part.strip(" .") for part in re.split(r",|\s[–—-]\s", rest)]
        parts = [part for part in parts if part]
        title, publisher = (parts[0] if parts else ""), ", ".join(parts[1:])
    source: dict[str, Any] = {"title": " ".join(title.split()).strip(" ,."),
                              "publisher": " ".join(publisher.split()).strip(" ,.")}
    source["year"] = int(year.group(0)) if year else None
    if url:
        source["url"] = url.group(0)
    if not source["title"]:
        where = f" ({url.group(0)})" if url else ""
        return source, (f"Lähde {number}{where}: kirjoita myös julkaisun tai verkkosivun nimi ja julkaisija, esim. "
                        "”Asukasraadin loppuraportti, Raision kaupunki, 2024, https://…”. Pelkästä osoitteesta ei "
                        "voi päätellä, mikä julkaisu on.")
    if not source["publisher"]:
        if not organisation:
            return source, f"Lähde {number}: kirjoita julkaisija (organisaatio), esim. ”{source['title']}, Raision kaupunki”."
        source["publisher"] = organisation
        note(f"Lähteen {number} julkaisijaa ei annettu; julkaisijaksi merkittiin organisaatio {organisation}. "
             "Tarkista.")
    return source, None


def _contact(text: str) -> dict[str, str] | None:
    if _is_unknown(text):
        return None
    url = URL.search(text)
    organisation = " ".join((URL.sub(" ", text) if url else text).replace(",", " ").split()).strip(" ,.")
    contact = {"organisation": organisation} if organisation else {}
    if url:
        contact["url"] = url.group(0)
    return contact or None


def _section_text(text: str) -> str:
    """An answer as section text: a heading typed in it becomes a sub-heading (``###``), so it
    neither ends the section nor starts a new one."""
    if _is_unknown(text):
        return ""
    lines = []
    for line in text.strip().split("\n"):
        match = re.match(r"^(#{1,2})(\s+.*)$", line)
        lines.append(f"###{match.group(2)}" if match else line.rstrip())
    return "\n".join(lines).strip()


def report(conversion: Conversion, issue_url: str = "") -> str:
    """The Finnish comment for the issue: what to fix, or what was assumed."""
    if conversion.problems:
        lines = ["Kiitos ehdotuksesta! Siitä ei vielä voitu tehdä tietuetta, koska lomakkeessa on korjattavaa:", ""]
        lines += [f"- {problem}" for problem in conversion.problems]
        lines += ["", "Korjaa vastaukset muokkaamalla tätä issueta (kolme pistettä ylhäällä oikealla → Edit). "
                  "Muutospyyntö tehdään automaattisesti, kun vastaukset ovat kunnossa. Ehdotuksesi on tallessa "
                  "tässä issuessa."]
        return "\n".join(lines) + "\n"
    lines = [f"Ehdotuksesta tehtiin tietue `cases/{conversion.record_id}.md`."]
    if conversion.notes:
        lines += ["", "Tulkinnat, jotka kannattaa tarkistaa:", ""] + [f"- {note}" for note in conversion.notes]
    return "\n".join(lines) + "\n"


def submit(project, rules, issue_body: str, today: dt.date, record_id: str | None = None) -> Conversion:
    """Convert a submitted issue into ``cases/<id>.md`` of ``project`` and validate it with every other
    record. A record the validator rejects is removed again and its problems become the list of what
    to fix, so the workflow either opens a pull request with a valid record or comments on the issue.

    ``record_id``: keep this id (the issue was edited after its record was made)."""
    from scripts.editors.scaffold import taken_ids
    from scripts.pipeline.catalogue import load_catalogue
    from scripts.pipeline.records import load_all

    sources, _ = load_all(project)
    methods = MethodIndex.of((source.stem, str(source.data.get("title", source.stem)),
                              [str(alias) for alias in source.data.get("aliases") or []])
                             for source in sources if source.kind == "method")
    titles = {fold(str(source.data.get("title", ""))): source.rel for source in sources if source.kind == "case"}
    taken = taken_ids(project, "case") - ({record_id} if record_id else set())
    conversion = convert(issue_body, rules.schemas, rules.vocabularies, rules.sections["case"], rules.mergers,
                         methods, today, taken, titles, record_id)
    if conversion.problems:
        return conversion
    path = project.cases_dir / f"{conversion.record_id}.md"
    previous = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(conversion.text, encoding="utf-8")
    _, problems = load_catalogue(project)
    rel = project.relative(path)
    labels = {question.id: question.label for question in questions(rules.schemas, rules.vocabularies,
                                                                     rules.sections["case"])}
    lines = conversion.text.split("\n")
    for problem in problems:
        if problem.path == rel:
            name = re.split(r"[.\[]", problem.field)[0]
            where = labels.get(name) or labels.get("start" if name == "years" else "", "")
            if name == "leipäteksti":  # the section the line is in
                headings = [line[3:] for line in lines[: problem.line] if line.startswith("## ")]
                where = headings[-1] if headings else ""
            conversion.problems.append(f"Kohta ”{where}”: {problem.message}" if where else problem.message)
        else:
            conversion.problems.append(f"Menetelmäpankin tiedostossa on virhe, joka ei johdu lomakkeesta "
                                       f"({problem}); ylläpitäjä korjaa sen.")
    if conversion.problems:
        if previous is None:
            path.unlink()
        else:
            path.write_text(previous, encoding="utf-8")
    return conversion
