"""Load and check every record, reusing last run's results for files that have not changed.

Reading YAML and checking a record against its schema take about 3 ms a record, which is
15 s at 5,000 records; an editor who changed one file should not wait for all of them. A
record's own problems (``validate.check_record``) depend only on its file and on the rules,
so they are kept in ``build/record-cache.marshal``, keyed by a hash of the file's bytes
(modification times are too coarse for two quick saves). The rules' fingerprint (schemas, vocabularies, body sections, images, the
checking code and the Python version) is stored with them: when any of it changes, every
record is checked again. Checks across records (``validate.check_across``) always run on the
full set. The format is :mod:`marshal`, Python's own format for its bytecode cache: five
times quicker to read than JSON, and the file is only ever read by the build that wrote it.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import sys
from pathlib import Path

from scripts.pipeline.config import Rules
from scripts.pipeline.problems import Problem
from scripts.pipeline.records import MAX_BYTES, SourceFile, load_record, normalised, record_files
from scripts.pipeline.validate import check_record
from scripts.project import Project

SCRIPTS = Path(__file__).resolve().parent.parent
# The code a record's own problems depend on.
RULES_CODE = ("pipeline/records.py", "pipeline/validate.py", "pipeline/problems.py", "pipeline/record_cache.py",
              "rules/schemas.py", "rules/vocabularies.py", "rules/sections.py", "rules/kinds.py", "rules/mergers.py")


def rules_fingerprint(project: Project) -> str:
    """What a record's own problems depend on besides the record."""
    digest = hashlib.sha256(f"{sys.version} {marshal.version}".encode())
    files = [*sorted(project.schemas_dir.glob("*.*")), *sorted(project.vocabularies_dir.iterdir()),
             *(SCRIPTS / name for name in RULES_CODE)]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    images = project.docs_dir / "kuvat"
    digest.update("\0".join(sorted(p.name for p in images.iterdir()) if images.is_dir() else []).encode())
    return digest.hexdigest()


def _encode(source: SourceFile | None, problems: list[Problem]) -> dict:
    """The parts that cost time to make; the body is read again from the file, which is quicker."""
    entry: dict = {"problems": [[p.path, p.line, p.field, p.message] for p in problems]}
    if source is not None:
        entry["source"] = {"data": source.data, "body_line": source.body_line, "lines": source.lines}
    return entry


def _decode(entry: dict, kind: str, path: Path, rel: str, raw: bytes) -> tuple[SourceFile | None, list[Problem]]:
    problems = [Problem(*problem) for problem in entry["problems"]]
    stored = entry.get("source")
    if stored is None:
        return None, problems
    body = "\n".join(normalised(raw.decode("utf-8")).split("\n")[stored["body_line"] - 1:])
    return SourceFile(kind, path, rel, stored["data"], body, stored["body_line"], stored["lines"]), problems


def load_checked(project: Project, rules: Rules) -> tuple[list[SourceFile], list[Problem]]:
    """Every record that could be read, and every record's own problems."""
    # Loading keeps every one of some hundred thousand small containers alive; the cyclic
    # garbage collector would walk them again and again for nothing (a fifth of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_checked(project, rules)
    finally:
        if collecting:
            gc.enable()


def _load_checked(project: Project, rules: Rules) -> tuple[list[SourceFile], list[Problem]]:
    cache_file = project.record_cache_file
    fingerprint = rules_fingerprint(project)
    try:
        cached = marshal.loads(cache_file.read_bytes())
        entries = cached["records"] if cached.get("rules") == fingerprint else {}
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        entries = {}
    fresh: dict[str, dict] = {}
    changed = False
    sources: list[SourceFile] = []
    problems: list[Problem] = []
    for kind, path in record_files(project):
        rel = project.relative(path)
        if path.stat().st_size > MAX_BYTES:  # refused unread by load_record
            problems += load_record(path, kind, project)[1]
            continue
        raw = path.read_bytes()
        stamp = hashlib.blake2b(raw, digest_size=16).digest()
        entry = entries.get(rel)
        if entry is None or entry["stamp"] != stamp:
            source, found = load_record(path, kind, project)
            if source is not None:
                found = found + check_record(source, rules)
            entry = {"stamp": stamp, **_encode(source, found)}
            changed = True
        source, found = _decode(entry, kind, path, rel, raw)
        fresh[rel] = entry
        problems += found
        if source is not None:
            sources.append(source)
    if changed or fresh.keys() != entries.keys():
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(marshal.dumps({"rules": fingerprint, "records": fresh}))
    return sources, problems
