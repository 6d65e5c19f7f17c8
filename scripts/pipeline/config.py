"""Configuration files, read and checked like records.

The rules records are checked against (vocabularies, body sections) and the site's editorial
data (filters of "Löydä menetelmä", comparison groups, the last source-link check) are YAML
files that people edit. Each has a JSON Schema in ``data/schemas/config/``; a file that breaks
it gets the same Finnish ``path:line: field: problem and fix`` messages as a record, never a
traceback.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jsonschema import Draft202012Validator, FormatChecker

from scripts.pipeline.problems import Problem, explain, format_field
from scripts.pipeline.records import parse_yaml
from scripts.project import Project
from scripts.rules.kinds import KINDS
from scripts.rules.mergers import Merger, mergers_from
from scripts.rules.schemas import Schemas, vocabulary_of
from scripts.rules.sections import Section, sections_from
from scripts.rules.vocabularies import FILES as VOCABULARY_FILES, Vocabularies

# Fields of a facet that are not record fields but derived from them.
DERIVED_FIELDS = ("regions", "start_decade")
# The guide of "Löydä menetelmä" asks three questions, each about a field that must be a facet.
GUIDE_FIELDS = {"level": "levels", "group": "target_groups", "resources": "resources.level"}


@dataclass(frozen=True)
class FacetConfig:
    param: str
    field: str
    line: int


@dataclass(frozen=True)
class Comparison:
    title: str
    intro: str
    methods: list[str]
    lines: list[int]


@dataclass(frozen=True)
class RegionTile:
    """A region's square on the map of cases by region: column 0 is the west edge, row 0 the north."""

    region: str
    column: int
    row: int


@dataclass
class Rules:
    """What a record is checked against."""

    schemas: Schemas
    vocabularies: Vocabularies
    sections: dict[str, list[Section]]
    # Former municipality (folded name) -> its merger (data/vocabularies/municipal_mergers.yml).
    mergers: dict[str, Merger] = field(default_factory=dict)


@dataclass
class SiteConfig:
    """Editorial data of the site, beside the records."""

    facets: list[FacetConfig] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    link_status: dict[str, dict] = field(default_factory=dict)
    synonyms: dict[str, list] = field(default_factory=lambda: {"synonyms": [], "ignore": []})
    region_tiles: list[RegionTile] = field(default_factory=list)


@dataclass
class ConfigFile:
    data: Any
    lines: dict[tuple, int]
    rel: str

    def line_of(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_config(project: Project, path: Path, schema: str, default: Any = None) -> tuple[ConfigFile | None, list[Problem]]:
    """A configuration file checked against ``data/schemas/config/<schema>.schema.json``.

    A missing file is ``default`` when the file is optional, else a problem."""
    rel = project.relative(path)
    if not path.exists():
        if default is not None:
            return ConfigFile(default, {}, rel), []
        return None, [Problem(rel, 1, "tiedosto", "tiedosto puuttuu. Palauta se versionhallinnasta (git checkout).")]
    data, lines, problems = parse_yaml(path.read_text(encoding="utf-8"), rel)
    if problems:
        return None, problems
    document = ConfigFile(default if data is None and default is not None else data, lines, rel)
    validator = Draft202012Validator(json.loads((project.config_schemas_dir / f"{schema}.schema.json").read_text(encoding="utf-8")),
                                     format_checker=FormatChecker())
    problems = [Problem(rel, document.line_of(where), format_field(where), message)
                for error in validator.iter_errors(document.data) for where, message in explain(error)]
    return (None if problems else document), sorted(problems)


class DeploymentError(ValueError):
    """The deployment settings are missing or wrong; the message says in Finnish how to set them."""


@dataclass(frozen=True)
class SiteIdentity:
    """Where the site is published and who answers for it.

    One configuration, set by whoever deploys: the environment variables of
    :data:`DEPLOYMENT_VARIABLES`, which ``mkdocs.yml`` also reads (``!ENV``). The Pages
    workflow passes its own address and repository, ``make serve`` the local address; a
    production build without them stops rather than publish a made-up address."""

    name: str
    url: str  # absolute, ends in "/"
    repo_url: str  # "" in a local preview: no edit links
    feedback: str  # mailto: or https: address of the organisation; "" in a local preview

    def environment(self) -> dict[str, str]:
        return {"SITE_URL": self.url, "REPO_URL": self.repo_url, "FEEDBACK_ADDRESS": self.feedback}


DEPLOYMENT_VARIABLES = {
    "SITE_URL": "julkaisuosoite, esim. https://kunta.github.io/menetelmapankki/",
    "REPO_URL": "lähdekoodivaraston osoite, esim. https://github.com/kunta/menetelmapankki",
    "FEEDBACK_ADDRESS": "ylläpitäjäorganisaation palauteosoite, esim. mailto:osallisuus@kunta.fi tai palautelomakkeen https-osoite",
}


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own values; its ``!ENV`` tags are the deployment settings read above."""


_MkDocsLoader.add_constructor("!ENV", lambda loader, node: None)


def mkdocs_config(project: Project) -> dict[str, Any]:
    """``mkdocs.yml`` as written; the deployment settings it reads with ``!ENV`` are None here."""
    with open(project.mkdocs_config, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_MkDocsLoader)


def site_identity(project: Project, production: bool = False, environ: dict[str, str] | None = None) -> SiteIdentity:
    """The site's name (``mkdocs.yml``) and deployment settings (environment). Raises :class:`DeploymentError`."""
    environ = os.environ if environ is None else environ
    name = mkdocs_config(project)["site_name"]
    values = {variable: environ.get(variable, "").strip() for variable in DEPLOYMENT_VARIABLES}
    needed = list(DEPLOYMENT_VARIABLES) if production else ["SITE_URL"]
    missing = [variable for variable in needed if not values[variable]]
    if missing:
        lines = "\n".join(f"  {variable}: {DEPLOYMENT_VARIABLES[variable]}" for variable in missing)
        raise DeploymentError("Julkaisun asetukset puuttuvat. Anna ne ympäristömuuttujina, esimerkiksi "
                              f"`SITE_URL=… REPO_URL=… FEEDBACK_ADDRESS=… make build`:\n{lines}\n"
                              "Paikallinen esikatselu (make serve) asettaa osoitteen itse.")
    for variable, schemes in (("SITE_URL", ("http", "https")), ("REPO_URL", ("https", "http")),
                              ("FEEDBACK_ADDRESS", ("mailto", "https"))):
        if values[variable] and urlsplit(values[variable]).scheme not in schemes:
            raise DeploymentError(f"{variable}={values[variable]!r} ei kelpaa: anna {DEPLOYMENT_VARIABLES[variable]}.")
    return SiteIdentity(name, values["SITE_URL"].rstrip("/") + "/", values["REPO_URL"].rstrip("/"),
                        values["FEEDBACK_ADDRESS"])


def load_rules(project: Project) -> tuple[Rules | None, list[Problem]]:
    """Schemas, vocabularies and body sections; None and the problems if a file is broken."""
    problems: list[Problem] = []
    documents = {}
    for name, (filename, _) in VOCABULARY_FILES.items():
        schema = "municipalities" if name == "municipalities" else "vocabulary"
        document, found = read_config(project, project.vocabularies_dir / filename, schema)
        problems += found
        documents[name] = document and document.data
    sections, found = read_config(project, project.sections_file, "sections")
    problems += found
    mergers, found = read_config(project, project.vocabularies_dir / MERGERS_FILE, "municipal-mergers")
    problems += found
    if mergers and documents["municipalities"]:
        problems += check_mergers(mergers, {item["name"] for item in documents["municipalities"]["municipalities"]})
    if problems:
        return None, problems
    return Rules(Schemas.load(project), Vocabularies.from_documents(documents), sections_from(sections.data),
                 mergers_from(mergers.data)), []


MERGERS_FILE = "municipal_mergers.yml"


def check_mergers(mergers: ConfigFile, municipalities: set[str]) -> list[Problem]:
    """A merger joins former municipalities to a current one; a current municipality is never a former one."""
    problems = []
    for index, entry in enumerate(mergers.data["mergers"]):
        if entry["current"] not in municipalities:
            problems.append(Problem(mergers.rel, mergers.line_of(("mergers", index, "current")), f"mergers[{index}].current",
                                    f"{entry['current']!r} ei ole kuntaluettelossa (data/vocabularies/municipalities.yml). "
                                    "Kirjoita nykyisen kunnan nimi sellaisena kuin se on kuntaluettelossa."))
        for position, former in enumerate(entry["former"]):
            if former in municipalities:
                problems.append(Problem(mergers.rel, mergers.line_of(("mergers", index, "former", position)),
                                        f"mergers[{index}].former[{position}]", f"{former!r} on nykyinen kunta "
                                        "kuntaluettelossa, joten se ei voi olla liitetty kunta. Poista se tai tarkista vuosi."))
    return problems


def load_site_config(project: Project, rules: Rules, method_ids: set[str]) -> tuple[SiteConfig, list[Problem]]:
    """Filters, comparison groups, link status, search synonyms and the region map's tiles, with references to
    fields, methods and regions checked."""
    facets, problems = read_config(project, project.facets_file, "facets")
    comparisons, found = read_config(project, project.comparisons_file, "comparisons", default=[])
    problems += found
    link_status, found = read_config(project, project.link_status_file, "link-status", default={})
    problems += found
    synonyms, found = load_synonyms(project)
    problems += found
    config = SiteConfig(link_status=link_status.data if link_status else {}, synonyms=synonyms)
    if facets:
        config.facets = [FacetConfig(item["param"], item["field"], facets.line_of((index,)))
                         for index, item in enumerate(facets.data)]
        problems += check_facets(config.facets, rules.schemas, facets.rel)
    if comparisons:
        config.comparisons = [Comparison(group["title"], " ".join(group["intro"].split()), group["methods"],
                                         [comparisons.line_of((index, "methods", position))
                                          for position in range(len(group["methods"]))])
                              for index, group in enumerate(comparisons.data)]
        problems += check_comparisons(config.comparisons, method_ids, comparisons.rel)
    tiles, found = read_config(project, project.data_dir / REGION_TILES_FILE, "region-tiles")
    problems += found
    if tiles:
        config.region_tiles = [RegionTile(**item) for item in tiles.data]
        problems += check_region_tiles(tiles, set(rules.vocabularies["regions"]))
    return config, problems


def check_facets(configs: list[FacetConfig], schemas: Schemas, rel: str) -> list[Problem]:
    problems = []
    params = set()
    for index, config in enumerate(configs):
        found = [schemas.field(kind, config.field) for kind in KINDS]
        field = next((schema for schema in found if schema), None)
        if config.field not in DERIVED_FIELDS and field is None:
            problems.append(Problem(rel, config.line, f"[{index}].field", f"kenttää {config.field!r} ei ole menetelmien "
                                    "eikä esimerkkien skeemassa. Käytä skeeman kentän nimeä, alikentille pisteellä: "
                                    "resources.level; johdetut kentät ovat regions ja start_decade."))
        elif field is not None and not (vocabulary_of(field) or "enum" in field):
            problems.append(Problem(rel, config.line, f"[{index}].field", f"kentällä {config.field!r} ei ole sanastoa "
                                    "eikä sallittujen arvojen luetteloa, joten sitä ei voi suodattaa. Valitse kenttä, "
                                    "jonka arvot tulevat sanastosta tai skeeman enum-luettelosta."))
        if config.param in params:
            problems.append(Problem(rel, config.line, f"[{index}].param", f"suodatin {config.param!r} on jo "
                                    "aiemmin tiedostossa. Anna jokaiselle suodattimelle oma nimi."))
        params.add(config.param)
    fields = {config.field for config in configs}
    for question, field in GUIDE_FIELDS.items():
        if field not in fields:
            problems.append(Problem(rel, 1, "tiedosto", f"suodatin kentälle {field!r} puuttuu; sivun kolme kysymystä "
                                    f"käyttävät sitä. Lisää rivit `- param: …` ja `  field: {field}`."))
    return problems


def check_comparisons(groups: list[Comparison], method_ids: set[str], rel: str) -> list[Problem]:
    return [Problem(rel, line, f"[{index}].methods[{position}]", f"tuntematon menetelmä {method_id!r}. Käytä "
                    "menetelmän tiedostonimeä ilman .md-päätettä tai poista se vertailusta.")
            for index, group in enumerate(groups)
            for position, (method_id, line) in enumerate(zip(group.methods, group.lines))
            if method_id not in method_ids]


REGION_TILES_FILE = "region-tiles.yml"


def check_region_tiles(tiles: ConfigFile, regions: set[str]) -> list[Problem]:
    """Every region of the municipality list has one tile, and no two tiles share a place."""
    problems, seen, places = [], set(), {}
    for index, item in enumerate(tiles.data):
        line, region, place = tiles.line_of((index,)), item["region"], (item["column"], item["row"])
        if region not in regions:
            problems.append(Problem(tiles.rel, line, f"[{index}].region", f"{region!r} ei ole maakunta "
                                    "kuntaluettelossa (data/vocabularies/municipalities.yml). Kirjoita maakunnan "
                                    "nimi sellaisena kuin se on kuntaluettelossa."))
        elif region in seen:
            problems.append(Problem(tiles.rel, line, f"[{index}].region", f"maakunnalla {region!r} on jo ruutu "
                                    "aiemmin tiedostossa. Poista toinen niistä."))
        if place in places:
            problems.append(Problem(tiles.rel, line, f"[{index}]", f"sarakkeessa {place[0]} rivillä {place[1]} on jo "
                                    f"maakunta {places[place]!r}. Siirrä ruutu vapaaseen kohtaan."))
        seen.add(region)
        places.setdefault(place, region)
    missing = sorted(regions - seen)
    if missing:
        problems.append(Problem(tiles.rel, 1, "tiedosto", f"maakunnilta {', '.join(missing)} puuttuu ruutu. Lisää "
                                "kullekin rivit `- region: …`, `  column: …` ja `  row: …`."))
    return problems


SYNONYMS_FILE = "synonyms.yml"


def load_synonyms(project: Project) -> tuple[dict[str, list], list[Problem]]:
    """The search's synonyms and ignored words (``data/synonyms.yml``); empty lists if the file is absent."""
    document, problems = read_config(project, project.data_dir / SYNONYMS_FILE, "synonyms",
                                     default={"synonyms": [], "ignore": []})
    data = document.data if document else {}
    return {"synonyms": data.get("synonyms", []), "ignore": data.get("ignore", [])}, problems
