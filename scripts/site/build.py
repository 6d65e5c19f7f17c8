"""The whole build, once: every step from record files to a site ready to publish.

``python -m scripts build``, the benchmark and the tests call :func:`build_site`; the live
preview hook runs its first steps (:func:`load_and_generate`) and the search index. The search
index is built beside the page generation and MkDocs, in a child process of its own
(:mod:`scripts.site.index_beside`), Pagefind included while MkDocs renders the records,
which it does in two processes (:mod:`scripts.adapters.render_shares`): the build keeps both
cores busy. Each step reports its time (and a child process its memory peak) through
``on_step``, which is how the benchmark measures the same code that publishes the site.
"""

from __future__ import annotations

import gc
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.config import SiteIdentity
from scripts.pipeline.model import Catalogue
from scripts.pipeline.problems import Problem
from scripts.project import Project
from scripts.rules.kinds import KINDS, record_url
from scripts.site.commands import BuildError, run_child, site_generator_command
from scripts.site.compact_html import compact_site
from scripts.site.csp import write_policy
from scripts.site.editor_bundle import EditorMissing, install as install_editor
from scripts.site.pages import generate
from scripts.site.index_beside import IndexBeside
from scripts.adapters.lean_pages import VARIABLE as LEAN_PAGES
from scripts.adapters.render_shares import VARIABLE as RENDER_SHARES


@dataclass(frozen=True)
class Step:
    name: str  # validation, generation, site, page-check, compaction, search-index, editor, csp
    seconds: float
    peak_mb: float  # of the child process, or of this process so far


class InvalidRecords(BuildError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} virhettä tietueissa tai asetustiedostoissa.")
        self.problems = problems


def _own_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_valid(project: Project, on_step: Callable[[Step], None] = lambda step: None) -> Catalogue:
    """The catalogue of valid records. Raises :class:`InvalidRecords`."""
    start = time.perf_counter()
    catalogue, problems = load_catalogue(project)
    if problems:
        raise InvalidRecords(problems)
    on_step(Step("validation", time.perf_counter() - start, _own_peak()))
    return catalogue


def generate_pages(catalogue: Catalogue, project: Project, site: SiteIdentity,
                   on_step: Callable[[Step], None] = lambda step: None) -> int:
    """Write the generated pages; the number of files changed."""
    start = time.perf_counter()
    changed = generate(catalogue, project, site)
    on_step(Step("generation", time.perf_counter() - start, _own_peak()))
    return changed


def load_and_generate(project: Project, site: SiteIdentity,
                      on_step: Callable[[Step], None] = lambda step: None) -> tuple[Catalogue, int]:
    """Validate and write the generated pages; (catalogue, files changed). Raises :class:`InvalidRecords`."""
    catalogue = load_valid(project, on_step)
    return catalogue, generate_pages(catalogue, project, site, on_step)


def page_mismatches(catalogue: Catalogue, site_dir: Path) -> list[str]:
    """Record addresses (and old ids) without a page, and record-folder pages without a record."""
    expected = {record_url(r.kind, old) for r in catalogue.records for old in [r.id, *r.old_ids]}
    built = {f"/{page.parent.relative_to(site_dir).as_posix()}/" for kind in KINDS.values()
             for page in (site_dir / kind.url_prefix).glob("*/index.html")}
    return [f"puuttuu {url}" for url in sorted(expected - built)] + [f"ylimääräinen {url}" for url in sorted(built - expected)]


def build_site(project: Project, site: SiteIdentity, site_dir: Path | None = None, generator: str = "mkdocs",
               on_step: Callable[[Step], None] = lambda step: None) -> Catalogue:
    """Validate, generate, build with MkDocs (or Zensical, then compact), check, index and write the CSP.

    ``site`` is where the site will be published (:func:`scripts.pipeline.config.site_identity`).
    Raises :class:`InvalidRecords` or :class:`BuildError`; the site is complete only on return."""
    site_dir = (site_dir or project.site_dir).resolve()
    if generator == "zensical" and site_dir != project.site_dir.resolve():
        raise BuildError("Zensical kirjoittaa sivuston mkdocs.yml:n site_dir-kansioon; muuta kohdekansio sinne.")
    catalogue = load_valid(project, on_step)
    # The catalogue lives as long as the build: the garbage collector need not walk its objects
    # again, and the search index's forked child shares their memory pages without copying them.
    gc.freeze()
    index = IndexBeside(catalogue, site_dir)  # the records' half of the search index, while the pages are made
    try:
        generate_pages(catalogue, project, site, on_step)
        seconds, peak = run_child(site_generator_command(project.mkdocs_config, site_dir, generator), project.root,
                                  "Sivuston rakentaminen", {**site.environment(), **index.environment(), RENDER_SHARES: "2", LEAN_PAGES: "1"})
        on_step(Step("site", seconds, peak))

        start = time.perf_counter()
        mismatches = page_mismatches(catalogue, site_dir)
        if mismatches:
            raise BuildError(f"Sivuja ja tietueita on eri määrä: {', '.join(mismatches[:10])}")
        on_step(Step("page-check", time.perf_counter() - start, _own_peak()))

        index.site_built(site_dir)  # Pagefind has run or runs while the pages are compacted
        if generator != "mkdocs":  # MkDocs' hook compacts each page as it is written
            start = time.perf_counter()
            compact_site(site_dir)
            on_step(Step("compaction", time.perf_counter() - start, _own_peak()))
        seconds, peak = index.wait()
        on_step(Step("search-index", seconds, peak))
    finally:
        index.close()
        gc.unfreeze()

    start = time.perf_counter()
    try:  # the browser editor's bundle from node_modules (scripts/site/editor_bundle.py)
        install_editor(project, site_dir, site.repo_url)
    except EditorMissing as error:
        raise BuildError(str(error)) from error
    on_step(Step("editor", time.perf_counter() - start, _own_peak()))

    start = time.perf_counter()
    write_policy(site_dir)
    on_step(Step("csp", time.perf_counter() - start, _own_peak()))
    return catalogue
