"""Files -> load -> validate -> model: the one function that reads and checks everything.

Every command that needs the records (validate, generate, build, the live preview, the
benchmark, editors' tools) calls :func:`load_catalogue`. It returns the catalogue, or
``None`` and every problem found in records and configuration files, so one run lists all
mistakes and nothing is built from invalid input.
"""

from __future__ import annotations

import gc
import re

from scripts.pipeline.config import load_rules, load_site_config
from scripts.pipeline.model import Catalogue, Record
from scripts.pipeline.permalinks import check_register
from scripts.pipeline.problems import Problem
from scripts.pipeline.record_cache import load_checked
from scripts.pipeline.records import record_files
from scripts.rules.kinds import record_url
from scripts.pipeline.validate import check_across
from scripts.project import Project


def load_catalogue(project: Project) -> tuple[Catalogue | None, list[Problem]]:
    """The catalogue of valid records, or None and the sorted problems."""
    # Loading makes some hundred thousand small containers that all live on as the catalogue;
    # the cyclic garbage collector would walk them again and again for nothing (a fifth of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_catalogue(project)
    finally:
        if collecting:
            gc.enable()


def _load_catalogue(project: Project) -> tuple[Catalogue | None, list[Problem]]:
    rules, problems = load_rules(project)
    if rules is None:
        return None, problems
    sources, problems = load_checked(project, rules)
    # A record file that could not be read has its own problem; the checks across records treat it
    # as present, so that one broken file is one error, not a trail of misleading ones.
    read = {(source.kind, source.stem) for source in sources}
    unread = [(kind, path) for kind, path in record_files(project) if (kind, path.stem) not in read]
    unread_methods = {path.stem for kind, path in unread if kind == "method"}
    problems += check_across(sources, rules.schemas, unread_methods)
    problems += check_register(sources, project.register_file, project.relative(project.register_file),
                               [url for kind, path in unread for url in _addresses(kind, path)])
    config, found = load_site_config(project, rules, {s.stem for s in sources if s.kind == "method"} | unread_methods)
    problems = sorted(set(problems + found))
    if problems:
        return None, problems
    records = [Record(source.kind, source.data, source.body, source.rel) for source in sources]
    return Catalogue.build(records, rules, config), []


REDIRECT_IDS = re.compile(r"^redirect_from:[ \t]*(\[[^\]\n]*\]|(?:\n[ \t]+-[ \t]*\S+)+)", re.MULTILINE)
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _addresses(kind: str, path) -> list[str]:
    """Addresses a record that could not be read would answer: its own, and old ids read from the raw text."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    match = REDIRECT_IDS.search(text)
    old_ids = ID.findall(match.group(1)) if match else []
    return [record_url(kind, record_id) for record_id in [path.stem, *old_ids]]
