"""The browser editor at ``/muokkaa/``: Decap CMS configured from the schemas, and its files in the site.

Decap CMS (npm ``decap-cms``, pinned in ``package.json``) edits records in the browser and, with
the editorial workflow, saves each change as a branch and a pull request whose checks run as for
any other. Everything it needs is generated here from the same rules the validator uses, so a
field, vocabulary value or body section added to ``data/`` appears in the editor:

- ``docs/muokkaa/config.yml``: Decap's configuration. Each schema field becomes a widget (text,
  choice with the vocabulary's Finnish names, number, list, group), methods a relation that shows
  titles and stores ids, municipalities a searchable list, help texts from the schema (or the
  form's plainer wording), and each body section its own field.
- ``docs/muokkaa/kentat.js``: the fields' order, types and which may be empty, read by
  ``record-format.js`` to write a record back as the validator expects it.
- ``docs/muokkaa/index.html``: the page, with its own Content-Security-Policy (scripts/site/csp.py).

They are written by ``python -m scripts editor-files`` and committed; ``--check`` (run by the
tests) fails when they are stale. :func:`scripts.site.editor_bundle.install` copies Decap's bundle
from ``node_modules`` into the built site (``build_site`` and the preview call it) and writes the
deployment's repository into the site's copy of ``config.yml``: nothing is fetched from other
servers at run time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from scripts.editors.issue_form import WORDING, plain
from scripts.pipeline.config import Rules
from scripts.project import Project
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import enum_labels, vocabulary_of
from scripts.site.csp import EDITOR_POLICY
from scripts.site.editor_bundle import EDITOR_DIR

# Filled in by the tools, never typed: the id (from the title, when saving a new record) and the dates.
HIDDEN = ("id", "added", "updated")
# Kept in the file as they are but not shown: old ids (a maintainer's rename) and the seed document.
NOT_SHOWN = ("redirect_from", "seed")
COLLECTIONS = {"case": "esimerkit", "method": "menetelmat"}
# The local backend (decap-server, `make muokkain`); Decap tries it only when the page is on localhost.
LOCAL_BACKEND = "http://localhost:8081/api/v1"


# Where the editor asks differently from the issue form (a choice list instead of typed names).
EDITOR_WORDING = {
    "municipalities": "Valitse nykyiset kunnat; kirjoita alkua, niin luettelo rajautuu. Entisen kunnan (esim. "
                      "Kiiminki) nimi kuuluu kohtaan Entiset kunnat ja paikat: valitse silloin nykyinen kunta "
                      "(Kiiminki → Oulu). Jätä tyhjäksi, jos esimerkki on alueellinen tai valtakunnallinen.",
    "scope_regions": "Alueellisen esimerkin maakunnat, jos et valitse kuntia.",
    "historical_places": "Entisten kuntien, kuntayhtymien tai kylien nimet, jos niillä on merkitystä (esim. Kiiminki).",
    "methods": "Valitse menetelmät nimen perusteella; kirjoita alkua, niin luettelo rajautuu. Jos mikään ei sovi, "
               "valitse lähin ja kerro kohdassa Toteutus, miten menettelitte: ylläpitäjä voi lisätä menetelmän.",
    "outcomes": "Yksi tulos kohtaa kohden. Jätä tyhjäksi, jos tuloksia ei tiedetä.",
    "sources": "Julkaisut ja verkkosivut, joista tiedot voi tarkistaa: nimi, julkaisija (organisaatio), vuosi ja "
               "verkko-osoite. Vähintään yksi.",
    "levels": "Ensimmäinen valittu on päätaso: mitä osallistujat pääasiassa saivat tehdä.",
}


def _hint(kind: str, name: str, field: dict[str, Any], top: bool = True) -> str:
    """The help text under a field: plain wording for the editor or the form, or the schema's
    description without the sentences written for people who edit files (ids, file names, null)."""
    if top and name in EDITOR_WORDING:
        return EDITOR_WORDING[name]
    if kind == "case" and name in WORDING and (top or name in ("start", "end")):
        return WORDING[name][1]
    return plain(field.get("description", ""))


def _label(kind: str, name: str, field: dict[str, Any], top: bool = True) -> str:
    if kind == "case" and name in WORDING and (top or name in ("start", "end")) and name not in ("levels", "status"):
        return WORDING[name][0]
    return field.get("title", name)


def _types(field: dict[str, Any]) -> list[str]:
    kinds = field.get("type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if not kinds and "enum" in field:
        kinds = ["string"]
    if not kinds and "allOf" in field:
        kinds = [kind for part in field["allOf"] for kind in _types(part)]
    return kinds


def _merged(field: dict[str, Any]) -> dict[str, Any]:
    """A field whose schema is split in ``allOf`` (a $ref with constraints beside it), as one dict."""
    if "allOf" not in field:
        return field
    merged: dict[str, Any] = {}
    for part in field["allOf"]:
        merged.update(_merged(part))
    merged.update({key: value for key, value in field.items() if key != "allOf"})
    return merged


def _options(field: dict[str, Any], rules: Rules) -> list[dict[str, str]]:
    if "enum" in field:
        return [{"label": label, "value": value} for value, label in enum_labels(field).items()]
    vocabulary = vocabulary_of(field)
    return [{"label": rules.vocabularies.label(vocabulary, key), "value": key} for key in rules.vocabularies[vocabulary]]


def widget(kind: str, name: str, field: dict[str, Any], required: bool, rules: Rules,
           top: bool = True) -> dict[str, Any] | None:
    """The Decap widget of one schema field, or None if it is not shown."""
    field = _merged(field)
    if name in NOT_SHOWN:
        return None
    kinds = _types(field)
    is_list = "array" in kinds
    items = _merged(field.get("items", {}))
    vocabulary = vocabulary_of(field)
    spec: dict[str, Any] = {"name": name, "label": _label(kind, name, field, top)}
    hint = _hint(kind, name, field, top)
    if hint:
        spec["hint"] = hint
    may_be_empty = "null" in kinds or (is_list and not field.get("minItems"))
    spec["required"] = required and not may_be_empty
    if name in HIDDEN:
        return {"name": name, "label": spec["label"], "widget": "hidden", "required": False}
    if vocabulary == "methods":
        spec.update(widget="relation", collection=COLLECTIONS["method"], value_field="id",
                    search_fields=["title", "aliases.*", "id"], display_fields=["title"], options_length=500,
                    multiple=is_list)
    elif "enum" in field or "enum" in items or (vocabulary and vocabulary in rules.vocabularies.entries):
        spec.update(widget="select", options=_options(items if is_list else field, rules), multiple=is_list)
    elif "boolean" in kinds:
        spec.update(widget="boolean", default=False)
    elif "integer" in kinds or "number" in kinds:
        spec.update(widget="number", value_type="int" if "integer" in kinds else "float")
        for keyword in ("minimum", "maximum"):
            if keyword in field:
                spec["min" if keyword == "minimum" else "max"] = field[keyword]
    elif "object" in kinds:
        # Decap would demand a required sub-field of an optional group even when the group is left
        # empty; the validator checks it when the group is filled in.
        spec.update(widget="object", collapsed=False, fields=_fields(kind, field, rules, optional=not spec["required"]))
    elif is_list and "object" in _types(items):
        spec.update(widget="list", fields=_fields(kind, items, rules), collapsed=False,
                    summary="{{fields.title}}" if "title" in items.get("properties", {}) else None)
        spec = {key: value for key, value in spec.items() if value is not None}
    elif is_list:
        spec.update(widget="list", field={"name": "arvo", "label": spec["label"], "widget": "string"})
    else:
        short = not top or field.get("format") == "uri" or field.get("maxLength", 1000) <= 200
        spec.update(widget="string" if short and "null" not in kinds else "text")
    if is_list and field.get("minItems"):
        spec["min"] = field["minItems"]
    return spec


def _fields(kind: str, schema: dict[str, Any], rules: Rules, top: bool = False,
            optional: bool = False) -> list[dict[str, Any]]:
    required = set() if optional else set(schema.get("required", []))
    found = [widget(kind, name, field, name in required, rules, top)
             for name, field in schema.get("properties", {}).items()]
    return [spec for spec in found if spec is not None]


def config(rules: Rules) -> dict[str, Any]:
    """Decap CMS's configuration (without the repository, which the deployment sets)."""
    collections = []
    for kind_id, kind in KINDS.items():
        fields = _fields(kind_id, rules.schemas.inlined[kind_id], rules, top=True)
        for number, section in enumerate(rules.sections[kind_id], start=1):
            fields.append({"name": f"osio-{number}", "label": section.heading, "hint": section.hint,
                           # Markdown as written: the rich-text mode would rewrite a section's Markdown
                           # (lists, {: lang=…} marks) whenever it is edited.
                           "widget": "markdown", "modes": ["raw"], "buttons": [], "editor_components": [],
                           "required": True})
        collections.append({
            "name": COLLECTIONS[kind_id], "label": kind.plural, "label_singular": kind.label,
            "description": f"Tiedostot kansiossa {kind.folder}/. Tallennus tekee muutospyynnön, jonka tarkistukset "
                           "ajetaan ja ylläpitäjä hyväksyy ennen julkaisua.",
            "folder": kind.folder, "extension": "md", "format": "menetelmapankki-" + kind_id, "create": True,
            "delete": False, "slug": "{{fields.id}}", "identifier_field": "title", "summary": "{{title}}",
            "sortable_fields": ["title"], "fields": fields,
        })
    return {
        "locale": "fi",
        "backend": {"name": "github", "branch": "main", "squash_merges": True,
                    "commit_messages": {"create": "Add {{collection}} record {{slug}} (browser editor)",
                                        "update": "Update {{collection}} record {{slug}} (browser editor)",
                                        "delete": "Delete {{collection}} record {{slug}} (browser editor)",
                                        "uploadMedia": "Add image {{path}} (browser editor)",
                                        "deleteMedia": "Delete image {{path}} (browser editor)"}},
        "local_backend": {"url": LOCAL_BACKEND, "allowed_hosts": ["localhost", "127.0.0.1"]},
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/kuvat", "public_folder": "../kuvat",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "search": False,
        "collections": collections,
    }


def shape(name: str, field: dict[str, Any], required: bool) -> dict[str, Any]:
    """What ``record-format.js`` needs of a field to write it as the validator expects."""
    field = _merged(field)
    kinds = _types(field)
    found: dict[str, Any] = {"name": name, "type": next((kind for kind in kinds if kind != "null"), "string"),
                             "nullable": "null" in kinds, "required": required}
    if "object" in kinds:
        found["properties"] = [shape(sub, sub_field, sub in field.get("required", []))
                               for sub, sub_field in field.get("properties", {}).items()]
    if "array" in kinds:
        found["items"] = shape("", field.get("items", {}), False)
    return found


def fields_script(rules: Rules) -> str:
    kinds = {kind_id: {"sections": [section.heading for section in rules.sections[kind_id]],
                                    "shape": shape("", rules.schemas.inlined[kind_id], True)}
             for kind_id in KINDS}
    # Former municipality -> [current one, year] (data/vocabularies/municipal_mergers.yml): a former
    # municipality written in historical_places brings its current one into municipalities.
    mergers = {merger.former: [merger.current, merger.year] for merger in rules.mergers.values()}
    return ("// Generated by `python -m scripts editor-files` from the record schemas and sections; do not edit.\n"
            f"export const KINDS = {json.dumps(kinds, ensure_ascii=False, indent=1)};\n"
            f"export const MERGERS = {json.dumps(mergers, ensure_ascii=False, sort_keys=True)};\n")


PAGE = """<!doctype html>
<!-- Generated by `python -m scripts editor-files` (scripts/editors/cms.py); do not edit by hand. -->
<html lang="fi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Muokkaa menetelmäpankkia</title>
<link rel="stylesheet" href="muokkaa.css">
<script src="alku.js"></script>
<script src="vendor/decap-cms.js"></script>
<script type="module" src="muokkaa.js"></script>
</head>
<body data-pagefind-ignore="all">
<noscript><p>Selaineditori tarvitsee JavaScriptin. Voit ehdottaa esimerkkiä myös lomakkeella; ohjeet ovat
tiedostossa CONTRIBUTING.md.</p></noscript>
<div id="muokkain-ilmoitus" class="muokkain-ilmoitus" role="status" hidden></div>
</body>
</html>
"""


def outputs(project: Project, rules: Rules) -> dict[Path, str]:
    folder = project.docs_dir / EDITOR_DIR
    header = "# Generated by `python -m scripts editor-files` from the record schemas; do not edit by hand.\n"
    return {
        folder / "config.yml": header + yaml.safe_dump(config(rules), allow_unicode=True, sort_keys=False, width=100),
        folder / "kentat.js": fields_script(rules),
        folder / "index.html": PAGE.format(policy=EDITOR_POLICY),
    }
