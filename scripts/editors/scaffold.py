"""Start a new record from its schema: every field present, each with a Finnish comment.

The template is built from the JSON Schema (field order, titles, descriptions, allowed
values) and the body sections from ``data/schemas/sections.yml``, so a field added to a
schema appears in new records without touching this module. The new record is meant to
fail validation until the editor has filled it in: the validator then says, field by
field, what is still missing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
import unicodedata
from typing import Any

from scripts.pipeline.config import Rules
from scripts.pipeline.permalinks import read_register
from scripts.pipeline.records import load_all
from scripts.project import Project
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import Schemas, vocabulary_of
from scripts.rules.sections import Section
from scripts.rules.vocabularies import Vocabularies

MAX_ID_LENGTH = 80
# Fields the tools or maintainers fill in, left out of a new record: old ids and the seed document of a source.
NOT_IN_TEMPLATE = ("redirect_from", "seed")
COMMAND = {"case": "uusi-esimerkki", "method": "uusi-menetelma"}


class ScaffoldError(Exception):
    """A record cannot be created; the message says why in Finnish."""


def slugify(title: str) -> str:
    """"Lähiöiden Kävelykierros" -> "lahioiden-kavelykierros": ä→a, ö→o, å→a, other marks dropped."""
    folded = unicodedata.normalize("NFKD", title.casefold())
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-")


def taken_ids(project: Project, kind: str) -> set[str]:
    """Ids in use or ever published for this kind: a new record may not take over an old address."""
    taken = {path.stem for path in project.records_dir(kind).glob("*.md")}
    prefix = f"/{KINDS[kind].url_prefix}/"
    taken |= {url[len(prefix):].strip("/") for _, url in read_register(project.register_file) if url.startswith(prefix)}
    return taken


def new_record(project: Project, rules: Rules, kind: str, title: str, record_id: str | None = None,
               today: dt.date | None = None) -> str:
    """Write ``<folder>/<id>.md`` for a new record and return its path relative to the project."""
    record_id = record_id or slugify(title)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", record_id or ""):
        raise ScaffoldError(f"otsikosta {title!r} ei saa tunnistetta. Anna tunniste itse: make {COMMAND[kind]} "
                            f"OTSIKKO=\"{title}\" TUNNISTE=oma-tunniste")
    path = project.records_dir(kind) / f"{record_id}.md"
    if path.exists() or record_id in taken_ids(project, kind):
        raise ScaffoldError(f"tunniste {record_id!r} on jo käytössä ({KINDS[kind].folder}/{record_id}.md tai aiemmin "
                            "julkaistu osoite). Tarkenna otsikkoa tai anna tunniste: "
                            f"make {COMMAND[kind]} OTSIKKO=\"{title}\" TUNNISTE=toinen-tunniste")
    sources, _ = load_all(project)
    methods = {source.stem: str(source.data.get("title", source.stem)) for source in sources if source.kind == "method"}
    text = render(kind, title, record_id, rules.schemas, rules.vocabularies, rules.sections[kind],
                  today or dt.date.today(), methods)
    path.write_text(text, encoding="utf-8")
    return project.relative(path)


def render(kind: str, title: str, record_id: str, schemas: Schemas, vocabularies: Vocabularies,
           sections: list[Section], today: dt.date, methods: dict[str, str] | None = None) -> str:
    """The template. ``methods``: id -> title of the project's methods, listed where a field refers to them."""
    schema = schemas.inlined[kind]
    values = {"id": record_id, "title": title, "added": today.isoformat(), "updated": today.isoformat()}
    lines = ["---", *_comment(f"{schema['title']}: {schema['description']} Pakolliset kentät on merkitty "
                              "(pakollinen); täytä ne ja poista tarpeettomat valinnaiset kentät. Tarkista lopuksi: "
                              "make validate")]
    for name, field in schema["properties"].items():
        if name in NOT_IN_TEMPLATE:
            continue
        lines.append("")
        if vocabulary_of(field) == "methods":
            lines += _method_list(methods or {})
        lines += _field(name, field, name in schema.get("required", []), values.get(name), vocabularies, 0)
    lines += ["", *_comment("Leipäteksti: kirjoita jokaisen alla olevan otsikon alle tekstiä. Lähteet-osiota ei "
                            "kirjoiteta, vaan se tehdään kentästä sources.")]
    for section in sections:
        lines += _comment(f"{section.heading}: {section.hint}")
    lines += ["---", ""]
    for section in sections:
        lines += [f"## {section.heading}", ""]
    return "\n".join(lines)


def _field(name: str, field: dict[str, Any], required: bool, value: Any, vocabularies: Vocabularies,
           indent: int) -> list[str]:
    pad = " " * indent
    note = f"{field.get('title', name)}{' (pakollinen)' if required else ''}: {field.get('description', '')}"
    note += _allowed(field, vocabularies)
    lines = [pad + line for line in _comment(note.strip())]
    if field.get("type") == "object" and "properties" in field:
        lines.append(f"{pad}{name}:")
        for sub_name, sub_field in field["properties"].items():
            lines += _field(sub_name, sub_field, sub_name in field.get("required", []), None, vocabularies, indent + 2)
        return lines
    if field.get("type") == "array" and field.get("items", {}).get("type") == "object":
        lines.append(f"{pad}{name}:")
        item = field["items"]
        shown = [(sub_name, sub_field) for sub_name, sub_field in item["properties"].items()
                 if sub_name not in NOT_IN_TEMPLATE]
        for position, (sub_name, sub_field) in enumerate(shown):
            marker = "- " if position == 0 else "  "
            lines += [f"{pad}  {line}" for line in _comment(f"{sub_field.get('title', sub_name)}: "
                                                            f"{sub_field.get('description', '')}".strip())]
            lines.append(f"{pad}  {marker}{sub_name}: {_empty(sub_field)}")
        return lines
    lines.append(f"{pad}{name}: {json.dumps(value, ensure_ascii=False) if value is not None else _empty(field)}")
    return lines


def _method_list(methods: dict[str, str]) -> list[str]:
    """The methods to refer to, id = title, and what to do when none fits."""
    lines = _comment("Menetelmät (tunniste = nimi); kirjoita tunniste. Jos mikään ei sovi, valitse lähin ja kerro "
                     "leipätekstissä, miten menettelitte, tai tee ensin uusi menetelmä: make uusi-menetelma "
                     "OTSIKKO=\"Menetelmän nimi\".")
    return lines + [f"#   {method_id} = {title}" for method_id, title in sorted(methods.items())]


def _allowed(field: dict[str, Any], vocabularies: Vocabularies) -> str:
    vocabulary = vocabulary_of(field)
    if "enum" in field:
        return " Sallitut arvot: " + ", ".join(field["enum"]) + "."
    if vocabulary == "municipalities":
        return (" Entinen kunta kuuluu kenttään historical_places, esim. Kiiminki (kuntaliitos 2013, nykyään Oulu); "
                "kuntaliitokset ovat tiedostossa data/vocabularies/municipal_mergers.yml.")
    if vocabulary and vocabulary not in ("methods", "regions") and vocabulary in vocabularies.entries:
        return " Sallitut arvot: " + ", ".join(vocabularies[vocabulary]) + "."
    return ""


def _empty(field: dict[str, Any]) -> str:
    kinds = field.get("type", "string")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "array" in kinds:
        return "[]"
    if "boolean" in kinds:
        return "false"
    if "null" in kinds or "integer" in kinds:
        return "null"
    return '""'


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, width=96)]
