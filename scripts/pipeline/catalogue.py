"""Files -> load -> validate -> model: the one function that reads and checks everything.

Every command that needs the records (validate, generate, build, the live preview, the
benchmark, editors' tools) calls :func:`load_catalogue`. It returns the catalogue, or
``None`` and every problem found in records and configuration files, so one run lists all
mistakes and nothing is built from invalid input.
"""

from __future__ import annotations

from scripts.pipeline.config import load_rules, load_site_config
from scripts.pipeline.model import Catalogue, Record
from scripts.pipeline.permalinks import check_register
from scripts.pipeline.problems import Problem
from scripts.pipeline.record_cache import load_checked
from scripts.pipeline.validate import check_across
from scripts.project import Project


def load_catalogue(project: Project) -> tuple[Catalogue | None, list[Problem]]:
    """The catalogue of valid records, or None and the sorted problems."""
    rules, problems = load_rules(project)
    if rules is None:
        return None, problems
    sources, problems = load_checked(project, rules)
    problems += check_across(sources, rules.schemas)
    problems += check_register(sources, project.register_file, project.relative(project.register_file))
    config, found = load_site_config(project, rules, {s.stem for s in sources if s.kind == "method"})
    problems = sorted(set(problems + found))
    if problems:
        return None, problems
    records = [Record(source.kind, source.data, source.body, source.rel) for source in sources]
    return Catalogue.build(records, rules, config), []
