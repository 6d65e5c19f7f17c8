"""Turn the catalogue into the site's generated files under ``docs/`` (records -> pages).

A standalone step, not a MkDocs hook, so any builder that reads ``docs/`` (MkDocs today,
Zensical tomorrow) gets the same pages. Every page that shows catalogue data comes from
here, rendered from a Jinja template in ``overrides/records/`` with the catalogue, its
:class:`~scripts.site.views.Views` and :class:`~scripts.site.facets.Facets`; hand-written
pages in ``docs/`` carry no catalogue data. This module only chooses which template renders
which page.

Files are rewritten only when their content changes, so ``mkdocs serve`` (whose hook calls
:func:`generate` on every rebuild) does not loop on its own output, and generated files
that no longer have a source are deleted.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from scripts.pipeline.config import SiteIdentity
from scripts.pipeline.model import Catalogue
from scripts.project import GENERATED_PAGES, Project
from scripts.rules.kinds import KINDS
from scripts.rules.schemas import SCHEMA_BASE
from scripts.site import contract, guide_data
from scripts.site.charts import case_charts, chart_files
from scripts.site.exports import export_files
from scripts.site.facets import KIND_PARAM, Facets
from scripts.site.finder import DATA_FILE, Finder
from scripts.site.region_map import RegionMap
from scripts.site.views import Views, filters, level_page

# Generated pages that are not one per record: path under docs/ -> template.
SINGLE_PAGES = {
    "index.md": "home.md",
    "loyda.md": "finder.md",
    "vertailu.md": "comparison.md",
    "avoin-data.md": "open-data.md",
    "naytto.md": "evidence.md",
    "avainsanat.md": "keywords.md",
    "osallistu.md": "contribute.md",
    "saavutettavuusseloste.md": "accessibility.md",
    "tasot/index.md": "levels.md",
    **{f"{kind.url_prefix}/index.md": f"{kind.folder}.md" for kind in KINDS.values()},
}


def front_matter(**fields: object) -> str:
    """Page metadata as a JSON object, which is also YAML: ten times faster to write than YAML."""
    return "---\n" + json.dumps(fields, ensure_ascii=False) + "\n---\n"


def environment(project: Project) -> Environment:
    env = Environment(loader=FileSystemLoader(project.templates_dir), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(filters())
    return env


def render_pages(catalogue: Catalogue, project: Project, site: SiteIdentity, views: Views, facets: Facets,
                 finder: Finder) -> dict[str, str]:
    """Every generated page: path under ``docs/`` -> Markdown."""
    env = environment(project)
    common = {"catalogue": catalogue, "views": views, "facets": facets, "kinds": KINDS, "finder": finder,
              "kind_param": KIND_PARAM, "name_weight": contract.NAME_WEIGHT, "front_matter": front_matter,
              "site": site, "charts": case_charts(catalogue), "region_map": RegionMap.of(catalogue, facets),
              "guide_address": guide_data.guide_address, "guide_file": guide_data.FILE}
    pages = {page: env.get_template(template).render(page=page, **common) for page, template in SINGLE_PAGES.items()}
    for page, list_page in finder.list_pages().items():
        pages[page] = env.get_template("finder-page.md").render(page=page, list_page=list_page, **common)
    for level in catalogue.levels:
        page = level_page(level["id"])
        pages[page] = env.get_template("level.md").render(page=page, level=level, **common)
    for record in catalogue.records:
        pages[record.page] = env.get_template(f"{record.kind}.md").render(page=record.page, record=record, **common)
        for old_id in record.old_ids:
            old_page = f"{KINDS[record.kind].url_prefix}/{old_id}.md"
            pages[old_page] = env.get_template("redirect.md").render(page=old_page, record=record, **common)
    return pages


def generated_files(project: Project) -> set[Path]:
    """Generated files now on disk under ``docs/`` and ``overrides/`` (see ``GENERATED_PAGES``)."""
    found = set()
    for path in project.generated(GENERATED_PAGES):
        found |= {file for file in path.rglob("*") if file.is_file()} if path.is_dir() else ({path} if path.exists() else set())
    return found


def write_if_changed(path: Path, content: str) -> bool:
    """Bytes, not text, are compared: text mode would read the CSV exports' CRLF as LF."""
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def generate(catalogue: Catalogue, project: Project, site: SiteIdentity) -> int:
    """Write all pages, exports, charts, the guide's data and the page contract; return how many files changed."""
    schemas = {f"schemas/{path.name}": path.read_text(encoding="utf-8").replace(SCHEMA_BASE, f"{site.url}schemas/")
               for path in project.schemas_dir.glob("*.schema.json")}
    # The catalogue's reader-facing views, facet values and finder orders, made once per build.
    views, facets = Views(catalogue), Facets(catalogue)
    finder = Finder(catalogue, facets, views)
    outputs = {project.docs_dir / name: content for name, content in {
        **render_pages(catalogue, project, site, views, facets, finder), **export_files(catalogue, site.url, site.name),
        **schemas, **chart_files(catalogue), **guide_data.guide_file(catalogue, views, facets),
        DATA_FILE: finder.data_json}.items()}
    outputs[project.root / contract.FILE] = contract.contract_file()
    changed = sum(write_if_changed(path, content) for path, content in outputs.items())
    for stale in generated_files(project) - set(outputs):
        stale.unlink()
        changed += 1
    return changed
