"""Files for editors that restate the schema: the field guide in CONTRIBUTING.md, the
issue form and the browser editor's configuration (:mod:`scripts.editors.cms`). Generated, so they never drift from ``data/``; ``--check`` (run by the tests)
fails when someone changed a schema or vocabulary without regenerating them."""

from __future__ import annotations

from pathlib import Path

from scripts.editors import cms
from scripts.editors.issue_form import render_form
from scripts.pipeline.config import Rules
from scripts.project import Project
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import vocabulary_of

BEGIN, END = "<!-- BEGIN GENERATED: python -m scripts editor-files -->", "<!-- END GENERATED -->"


def field_guide(rules: Rules) -> str:
    lines = []
    schemas, vocabularies, sections = rules.schemas, rules.vocabularies, rules.sections
    for kind in KINDS.values():
        schema = schemas.inlined[kind.id]
        lines += [f"### {kind.plural}: kentät ({kind.folder}/)", "", "| Kenttä | Nimi | Pakollinen | Ohje |", "| --- | --- | --- | --- |"]
        for name, field in schema["properties"].items():
            hint = field.get("description", "")
            if "enum" in field:
                hint += " Sallitut arvot: " + ", ".join(f"`{value}`" for value in field["enum"]) + "."
            lines.append(f"| `{name}` | {field.get('title', name)} | {'kyllä' if name in schema['required'] else 'ei'} "
                         f"| {hint.replace('|', '/')} |")
        lines += ["", "Leipätekstin osiot järjestyksessä: " + ", ".join(f"`## {s.heading}`" for s in sections[kind.id])
                  + ". Lähteet-osio tehdään kentästä `sources`.", ""]
    # Every vocabulary a record field uses, under the field's title (municipalities, methods and
    # regions are long or are records themselves: named below).
    listed: dict[str, str] = {}
    for kind in KINDS:
        for name, field in schemas.inlined[kind]["properties"].items():
            vocabulary = vocabulary_of(field)
            if vocabulary and vocabulary not in ("municipalities", "methods", "regions", "seeds"):
                listed.setdefault(vocabulary, f"{field.get('title', name)} (`{name}`)")
    for vocabulary, heading in listed.items():
        lines += [f"### {heading}", "", "| Tunniste | Nimi |", "| --- | --- |"]
        lines += [f"| `{key}` | {entry['name']} |" for key, entry in vocabularies[vocabulary].items()]
        lines.append("")
    count = len(vocabularies["municipalities"])
    lines.append(f"Kunnat (`municipalities`): {count} kunnan viralliset nimet tiedostossa "
                 "`data/vocabularies/municipalities.yml`. Maakunnat (`scope_regions`) ovat saman tiedoston "
                 f"maakuntia ({len(vocabularies['regions'])}).")
    lines += ["", f"Kuntaliitokset: {len(rules.mergers)} entistä kuntaa nykyisine kuntineen ja liitosvuosineen "
                  "tiedostossa `data/vocabularies/municipal_mergers.yml`. Kirjoita kenttään `municipalities` "
                  "nykyinen kunta ja entinen kenttään `historical_places`."]
    return "\n".join(lines)


def outputs(project: Project, rules: Rules) -> dict[Path, str]:
    guide_path = project.root / "CONTRIBUTING.md"
    guide = guide_path.read_text(encoding="utf-8")
    start, end = guide.index(BEGIN) + len(BEGIN), guide.index(END)
    guide = guide[:start] + "\n" + field_guide(rules) + "\n" + guide[end:]
    form = render_form(rules.schemas, rules.vocabularies, rules.sections["case"])
    return {guide_path: guide, project.root / ".github" / "ISSUE_TEMPLATE" / "uusi-esimerkki.yml": form,
            **cms.outputs(project, rules)}


def stale(project: Project, rules: Rules) -> list[str]:
    return [project.relative(path) for path, text in outputs(project, rules).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def write(project: Project, rules: Rules) -> list[str]:
    changed = stale(project, rules)
    for path, text in outputs(project, rules).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return changed
