"""Files for editors that restate the schema: the field guide in CONTRIBUTING.md and the
issue form. Generated, so they never drift from ``data/``; ``--check`` (run by the tests)
fails when someone changed a schema or vocabulary without regenerating them."""

from __future__ import annotations

from pathlib import Path

from scripts.issue_form import render_form
from scripts.project import Project
from scripts.schemas import Schemas
from scripts.validate import load_sections
from scripts.vocabularies import Vocabularies

BEGIN, END = "<!-- BEGIN GENERATED: python -m scripts editor-files -->", "<!-- END GENERATED -->"
KIND_NAMES = {"method": "Menetelmän kentät (methods/)", "case": "Esimerkin kentät (cases/)"}


def field_guide(schemas: Schemas, vocabularies: Vocabularies, project: Project) -> str:
    lines = []
    sections = load_sections(project)
    for kind, heading in KIND_NAMES.items():
        schema = schemas.inlined[kind]
        lines += [f"### {heading}", "", "| Kenttä | Nimi | Pakollinen | Ohje |", "| --- | --- | --- | --- |"]
        for name, field in schema["properties"].items():
            hint = field.get("description", "")
            if "enum" in field:
                hint += " Sallitut arvot: " + ", ".join(f"`{value}`" for value in field["enum"]) + "."
            lines.append(f"| `{name}` | {field.get('title', name)} | {'kyllä' if name in schema['required'] else 'ei'} "
                         f"| {hint.replace('|', '/')} |")
        lines += ["", "Leipätekstin osiot järjestyksessä: " + ", ".join(f"`## {s.heading}`" for s in sections[kind])
                  + ". Lähteet-osio tehdään kentästä `sources`.", ""]
    for vocabulary, heading in (("levels", "Osallisuuden tasot (`levels`)"),
                                ("target_groups", "Kohderyhmät (`target_groups`)"),
                                ("service_areas", "Palvelualueet (`service_areas`)")):
        lines += [f"### {heading}", "", "| Tunniste | Nimi |", "| --- | --- |"]
        lines += [f"| `{key}` | {entry['name']} |" for key, entry in vocabularies[vocabulary].items()]
        lines.append("")
    count = len(vocabularies["municipalities"])
    lines.append(f"Kunnat (`municipalities`): {count} kunnan viralliset nimet tiedostossa "
                 "`data/vocabularies/municipalities.yml`.")
    return "\n".join(lines)


def outputs(project: Project) -> dict[Path, str]:
    schemas, vocabularies = Schemas.load(project), Vocabularies.load(project)
    guide_path = project.root / "CONTRIBUTING.md"
    guide = guide_path.read_text(encoding="utf-8")
    start, end = guide.index(BEGIN) + len(BEGIN), guide.index(END)
    guide = guide[:start] + "\n" + field_guide(schemas, vocabularies, project) + "\n" + guide[end:]
    form = render_form(schemas, vocabularies, load_sections(project)["case"])
    return {guide_path: guide, project.root / ".github" / "ISSUE_TEMPLATE" / "uusi-esimerkki.yml": form}


def stale(project: Project) -> list[str]:
    return [project.relative(path) for path, text in outputs(project).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def write(project: Project) -> list[str]:
    changed = stale(project)
    for path, text in outputs(project).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return changed
