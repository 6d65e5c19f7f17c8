"""Validate loaded records: JSON Schema first, then what a schema cannot say.

Every check reports a :class:`~scripts.pipeline.problems.Problem` in Finnish (``path:line: field:
what is wrong and how to fix it``) and all checks run, so one run lists every mistake.
The schema check is the ``jsonschema`` library; the rest are cross-record checks
(ids, references to vocabularies and other records), body sections, URLs, and content
that must never reach the site (HTML, script links, personal contact details).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator
from urllib.parse import urlsplit

from scripts.pipeline.config import Rules
from scripts.pipeline.problems import Problem, explain
from scripts.pipeline.records import SourceFile
from scripts.rules.kinds import KINDS
from scripts.rules.mergers import Merger, close_match, municipality_advice
from scripts.rules.schemas import Schemas
from scripts.rules.sections import Section
from scripts.rules.vocabularies import FILES as VOCABULARY_FILES

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
ORDERED_ITEM = re.compile(r"^\s{0,3}\d+[.)]\s+\S")
RAW_HTML = re.compile(r"<(?!https?://)[A-Za-z/!?]")
# The content checks read every text of every record (25 million characters at 5,000 records).
# Each pattern starts with a fixed character where it can, and a character before it is checked
# by a lookbehind after it, so that the search jumps from one such character to the next: a
# pattern that starts with a class or a lookbehind is tried at every position, thirty times slower.
SCRIPT_LINK = re.compile(r"(?i)\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:")  # [text](javascript:…)
SCRIPT_REFERENCE = re.compile(r"(?i)\]:\s*<?\s*(?:javascript|vbscript|data)\s*:")  # [id]: javascript:… on any line
EMAIL = re.compile(r"@(?<=[A-Za-z0-9._%+-]@)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
IMAGE_PATH = re.compile(r"^\.\./kuvat/[a-z0-9][a-z0-9-]*\.(png|jpe?g|webp)$")
ORGANISATION_WORDS = re.compile(
    r"(?i)(kaupunki|kunta|kunnan|ry\b|oy\b|säätiö|hyvinvointialue|yhtymä|liitto|yhdistys|hanke|keskus|"
    r"palvelu|yksikkö|toimi|virasto|ministeriö|seurakunta|yliopisto|korkeakoulu|kela|thl|osasto|team|tiimi)")
PERSON_NAME = re.compile(r"^[A-ZÅÄÖ][a-zåäöé-]+(\s+[A-ZÅÄÖ][a-zåäöé-]+){1,2}$")
PHONE = re.compile(r"(?:\+(?<![\w/.]\+)358[\s-]?|0(?<![\w/.]0))\d{1,3}[\s-]?\d{3}[\s-]?\d{2,4}(?![\w/])")



def vocabulary_source(vocabulary: str) -> str:
    """Where an editor finds a vocabulary's allowed values: its file, or the method records."""
    if vocabulary == "methods":
        return f"{KINDS['method'].folder}/"
    if vocabulary == "regions":
        return f"maakunnat tiedostossa data/vocabularies/{VOCABULARY_FILES['municipalities'][0]}"
    return f"data/vocabularies/{VOCABULARY_FILES[vocabulary][0]}"


def check_record(source: SourceFile, rules: Rules) -> list[Problem]:
    """The problems a record has on its own, whatever the other records say.

    They depend only on the file, the schemas, vocabularies, body sections and the images
    folder, so ``scripts.pipeline.record_cache`` keeps them between runs for unchanged files."""
    schemas, vocabularies = rules.schemas, rules.vocabularies
    return [*check_schema(source, schemas), *check_identity(source),
            *check_references(source, schemas, vocabularies.__getitem__, set(vocabularies.entries), mergers=rules.mergers),
            *check_years(source), *check_scope(source), *check_urls(source), *check_body(source, rules.sections[source.kind]),
            *check_content(source), *check_images(source), *check_contact(source), *check_facilitation(source)]


def check_across(sources: list[SourceFile], schemas: Schemas, unread_methods: set[str] = frozenset()) -> list[Problem]:
    """The problems that depend on the other records: references to methods and old addresses.

    ``unread_methods``: method files that exist but could not be read; references to them are not
    reported again (the file's own problem says what to fix)."""
    method_ids = {s.stem for s in sources if s.kind == "method"} | set(unread_methods)
    problems = [problem for source in sources
                for problem in check_references(source, schemas, lambda _: method_ids, {"methods"},
                                                 schemas.fields_using(source.kind, "methods"))]
    return problems + list(check_redirects(sources)) + [problem for source in sources for problem in check_dates(source)]


def check_schema(source: SourceFile, schemas: Schemas) -> Iterator[Problem]:
    """The schema's problems; only a record the compiled validator rejects is read by jsonschema."""
    if schemas.is_valid(source.kind, source.data):
        return
    for error in schemas.validators[source.kind].iter_errors(source.data):
        for path, message in explain(error):
            yield source.problem(path, message)


def check_identity(source: SourceFile) -> Iterator[Problem]:
    if not ID_PATTERN.match(source.stem):
        yield Problem(source.rel, 1, "tiedosto", "tiedostonimessä saa olla vain pieniä kirjaimia a–z, "
                      "numeroita ja väliviivoja (ä→a, ö→o), esim. `osallistuva-budjetointi.md`.")
    record_id = source.data.get("id")
    if isinstance(record_id, str) and record_id != source.stem:
        yield source.problem(("id",), f"tunniste {record_id!r} ei vastaa tiedoston nimeä "
                             f"{source.path.name!r}. Tunniste on tiedoston nimi ilman .md-päätettä; "
                             "muuta jompaakumpaa (vanha tunniste säilyy kentässä redirect_from).")


def check_references(source: SourceFile, schemas: Schemas, known_values, only: set[str],
                     fields: frozenset[str] | None = None, mergers: dict[str, Merger] | None = None) -> Iterator[Problem]:
    """Every value from the vocabularies ``only`` is known: ``known_values(vocabulary)`` gives
    the allowed keys. ``fields`` limits the walk to those top-level fields (all when None)."""
    data = source.data if fields is None else {name: value for name, value in source.data.items() if name in fields}
    for path, vocabulary, value in schemas.vocabulary_fields(source.kind, data):
        if vocabulary not in only:
            continue
        known = known_values(vocabulary)
        if value in known or not value.strip():  # an empty value is the schema's to report
            if path[0] == "related_methods" and value == source.stem:
                yield source.problem(path, "menetelmä ei voi olla oma lähimenetelmänsä. Poista arvo.")
            continue
        message = f"tuntematon arvo {value!r} (sanasto {vocabulary_source(vocabulary)})."
        if vocabulary == "municipalities":
            message += " " + municipality_advice(value, known, mergers or {})[1]
        else:
            guess = close_match(value, known)
            if guess:
                message += f" Tarkoititko {guess!r}?"
            if vocabulary == "methods":
                message += " Viittaa menetelmään sen tiedostonimellä ilman .md-päätettä."
        yield source.problem(path, message)


def check_years(source: SourceFile) -> Iterator[Problem]:
    years = source.data.get("years")
    if isinstance(years, dict):
        start, end = years.get("start"), years.get("end")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            yield source.problem(("years", "end"), f"päättymisvuosi {end} on ennen aloitusvuotta {start}.")


def check_dates(source: SourceFile, today: dt.date | None = None) -> Iterator[Problem]:
    """Dates are real (the schema's format), not in the future, and a record is updated after it was added.

    Checked across records, not cached with a record's own problems: "the future" moves."""
    today = today or dt.date.today()
    dates = {}
    for name in ("added", "updated"):
        try:
            dates[name] = dt.date.fromisoformat(source.data.get(name))
        except (TypeError, ValueError):
            continue  # missing or not a date: the schema says so
        if dates[name] > today:
            yield source.problem((name,), f"päivämäärä {dates[name].isoformat()} on tulevaisuudessa. Kirjoita päivä, "
                                 "jona tietue lisättiin tai sitä muutettiin.")
    if len(dates) == 2 and dates["updated"] < dates["added"]:
        yield source.problem(("updated",), f"päivityspäivä {dates['updated'].isoformat()} on ennen lisäyspäivää "
                             f"{dates['added'].isoformat()}. Päivitetty on sama tai myöhempi päivä kuin lisätty.")


SCOPES_WITHOUT_MUNICIPALITIES = ("alueellinen", "valtakunnallinen", "ei-tiedossa")


def check_scope(source: SourceFile) -> Iterator[Problem]:
    """A case says where it happened: its municipalities, or explicitly that it is regional, national
    or that the sources name no municipality. An empty list alone says nothing."""
    if source.kind != "case" or not isinstance(source.data.get("municipalities"), list):
        return
    scope, regions = source.data.get("scope", "paikallinen"), source.data.get("scope_regions") or []
    if not source.data["municipalities"] and scope not in SCOPES_WITHOUT_MUNICIPALITIES:
        yield source.problem(("municipalities",), "kuntia ei ole. Kirjoita kunnat, joissa esimerkki toteutettiin; jos "
                             "esimerkki on alueellinen tai valtakunnallinen tai lähteet eivät nimeä kuntaa, sano se "
                             "kentässä scope: `scope: alueellinen`, `scope: valtakunnallinen` tai `scope: ei-tiedossa`.")
    if regions and scope != "alueellinen":
        yield source.problem(("scope_regions",), "maakunnat kirjoitetaan vain alueelliselle esimerkille. Lisää rivi "
                             "`scope: alueellinen` tai poista kenttä scope_regions.")


# The text says so in its first words; "Ulkopuolista vetäjää ei tarvita" later on still has a leader.
NO_FACILITATOR = re.compile(r"(?i)^(ei\b|(erillistä |omaa )?vetäjää ei\b)")


def check_facilitation(source: SourceFile) -> Iterator[Problem]:
    """Who leads a method (``facilitation``) agrees with how ``resources.facilitator`` describes it,
    where the text says it plainly ("Ei vetäjää …", "Erillistä vetäjää ei ole …")."""
    scale = source.data.get("facilitation")
    resources = source.data.get("resources")
    text = resources.get("facilitator") if isinstance(resources, dict) else None
    if not isinstance(scale, str) or not isinstance(text, str) or not text.strip():
        return
    says_none = NO_FACILITATOR.search(text.strip()) is not None
    if scale == "ei-vetajaa" and not says_none:
        yield source.problem(("facilitation",), "arvo ei-vetajaa, mutta resources.facilitator kuvaa vetäjän "
                             f"({text.strip()[:60]!r}). Valitse oma-tyontekija, koulutettu-vetaja tai "
                             "ulkopuolinen-asiantuntija, tai aloita vetäjäkuvaus sanoilla ”Ei vetäjää”.")
    elif scale != "ei-vetajaa" and says_none:
        yield source.problem(("facilitation",), f"arvo {scale}, mutta resources.facilitator sanoo, ettei vetäjää "
                             "tarvita. Valitse ei-vetajaa tai kuvaa vetäjä kentässä resources.facilitator.")


def check_urls(source: SourceFile) -> Iterator[Problem]:
    for index, item in enumerate(source.data.get("sources") or []):
        url = item.get("url") if isinstance(item, dict) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            continue  # the schema already reports a missing scheme
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or "." not in parts.netloc or re.search(r"[\s<>\"']", url):
            yield source.problem(("sources", index, "url"), f"{url!r} ei ole kelvollinen verkko-osoite. "
                                 "Kirjoita koko osoite muodossa https://palvelin.fi/polku ilman välilyöntejä.")


def check_body(source: SourceFile, sections: list[Section]) -> Iterator[Problem]:
    """The body has exactly the kind's ``## `` sections, in order, each with text."""
    found: list[tuple[str, int, list[str]]] = []
    in_fence = False
    # Most lines are neither a fence nor a heading: the patterns are tried only where they could match.
    fenced = "```" in source.body or "~~~" in source.body
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        if fenced and FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence or not line.startswith("#") else HEADING.match(line)
        if match and len(match.group(1)) <= 2:
            if len(match.group(1)) == 1:
                yield Problem(source.rel, number, "leipäteksti", "pääotsikkoa (`# `) ei kirjoiteta: "
                              "sivun otsikko tulee kentästä title. Käytä osioissa `## `-otsikoita.")
                continue
            found.append((match.group(2), number, []))
        elif found:
            found[-1][2].append(line)
        elif line.strip():
            yield Problem(source.rel, number, "leipäteksti", "tekstiä ennen ensimmäistä osiota. Aloita "
                          f"leipäteksti otsikolla `## {sections[0].heading}`.")
    expected = [section.heading for section in sections]
    headings = [heading for heading, _, _ in found]
    for heading, number, _ in found:
        if heading == "Lähteet":
            yield Problem(source.rel, number, "leipäteksti", "Lähteet-osiota ei kirjoiteta leipätekstiin: "
                          "sivu muodostaa sen kentästä sources. Siirrä lähteet sinne.")
        elif heading not in expected:
            yield Problem(source.rel, number, "leipäteksti", f"tuntematon osio {heading!r}. Sallitut "
                          f"osiot järjestyksessä: {', '.join(expected)}.")
        elif headings.count(heading) > 1:
            yield Problem(source.rel, number, "leipäteksti", f"osio {heading!r} on useammin kuin kerran.")
    for section in sections:
        if section.heading not in headings:
            yield Problem(source.rel, source.body_line, "leipäteksti", f"osio `## {section.heading}` "
                          f"puuttuu. {section.hint}")
    present = [heading for heading in headings if heading in expected]
    if present != [heading for heading in expected if heading in present]:
        yield Problem(source.rel, source.body_line, "leipäteksti", "osiot ovat väärässä järjestyksessä. "
                      f"Järjestys on: {', '.join(expected)}.")
    for heading, number, text in found:
        section = next((s for s in sections if s.heading == heading), None)
        if section is None:
            continue
        if not any(line.strip() for line in text):
            yield Problem(source.rel, number, "leipäteksti", f"osio {heading!r} on tyhjä. {section.hint}")
        elif section.ordered_list and not any(ORDERED_ITEM.match(line) for line in text):
            yield Problem(source.rel, number, "leipäteksti", f"osiossa {heading!r} ei ole numeroitua "
                          "listaa. Kirjoita vaiheet riveinä `1. …`, `2. …`.")


def check_content(source: SourceFile) -> Iterator[Problem]:
    """Nothing in a record may become markup, a script link or someone's contact details.

    Each text is first checked whole; only one that trips a check is read field by field and
    line by line to find where (a match across two lines may turn out to be nothing)."""
    if any(True for _ in _unsafe("\n".join(_texts(source.data, [])))):
        for path, text in _strings(source.data, ()):
            for message in _unsafe(text):
                yield source.problem(path, message)
    if any(True for _ in _unsafe(source.body)):
        for number, line in enumerate(source.body.split("\n"), start=source.body_line):
            for message in _unsafe(line):
                yield Problem(source.rel, number, "leipäteksti", message)


def check_images(source: SourceFile) -> Iterator[Problem]:
    """Images come from the repository's docs/kuvat/ folder, as raster files with alt text."""
    if "![" not in source.body:  # most records have no image; IMAGE starts with these two characters
        return
    images = source.path.parent.parent / "docs" / "kuvat"
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        for alt, target in IMAGE.findall(line):
            if not IMAGE_PATH.match(target) or not (images / target.rsplit("/", 1)[-1]).is_file():
                yield Problem(source.rel, number, "leipäteksti", f"kuva {target!r} ei kelpaa. Tallenna kuva "
                              "kansioon docs/kuvat/ (png, jpg tai webp, nimessä a–z, 0–9 ja väliviivat) ja "
                              "viittaa siihen muodossa ../kuvat/nimi.png; verkosta ei ladata kuvia.")
            if not alt.strip():
                yield Problem(source.rel, number, "leipäteksti", "kuvalta puuttuu vaihtoehtoinen teksti. "
                              "Kirjoita hakasulkeisiin, mitä kuvassa on: ![Kuvaus kuvasta](../kuvat/nimi.png).")


def check_contact(source: SourceFile) -> Iterator[Problem]:
    """Contacts are organisations: a bare personal name is refused."""
    contact = source.data.get("contact")
    name = contact.get("organisation") if isinstance(contact, dict) else None
    if isinstance(name, str) and PERSON_NAME.match(name.strip()) and not ORGANISATION_WORDS.search(name):
        yield source.problem(("contact", "organisation"), f"{name!r} näyttää henkilön nimeltä. Yhteystahoksi "
                             "merkitään organisaatio tai yksikkö, esim. \"Oulun kaupunki, aikuissosiaalityö\".")


def _unsafe(text: str) -> Iterator[str]:
    if RAW_HTML.search(text):
        yield ("HTML-merkinnät eivät ole sallittuja. Käytä Markdownia; jos tarvitset "
               "pienempi kuin -merkin, kirjoita sen perään välilyönti.")
    if SCRIPT_LINK.search(text) or SCRIPT_REFERENCE.search(text):
        yield "javascript:-, vbscript:- ja data:-linkit eivät ole sallittuja. Linkitä vain http- tai https-osoitteisiin."
    if EMAIL.search(text):
        yield "sähköpostiosoitteita ei julkaista. Mainitse organisaatio ja sen julkinen verkkosivu."
    if PHONE.search(text):
        yield "puhelinnumeroita ei julkaista. Mainitse organisaatio ja sen julkinen verkkosivu."


def _texts(value: Any, found: list[str]) -> list[str]:
    """Every text in a value, in the order of :func:`_strings`, without its path: quicker for the whole-record check."""
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, list):
        for item in value:
            _texts(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _texts(item, found)
    return found


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))


def check_redirects(sources: list[SourceFile]) -> Iterator[Problem]:
    """An old id may point to one record only, and never shadow a live record."""
    live = {(s.kind, s.stem) for s in sources}
    claimed: dict[tuple[str, str], str] = {}
    for source in sources:
        old_ids = source.data.get("redirect_from")
        for index, old in enumerate(old_ids if isinstance(old_ids, list) else []):
            if not isinstance(old, str):
                continue
            path = ("redirect_from", index)
            if (source.kind, old) in live:
                yield source.problem(path, f"tunniste {old!r} on voimassa olevan tietueen tunniste. "
                                     "Vanhaksi tunnisteeksi voi merkitä vain poistuneen tunnisteen.")
            elif (source.kind, old) in claimed:
                yield source.problem(path, f"vanha tunniste {old!r} on jo ohjattu tietueeseen "
                                     f"{claimed[(source.kind, old)]}. Sama osoite voi ohjata vain yhteen paikkaan.")
            else:
                claimed[(source.kind, old)] = source.rel

