"""Load and check every record, reusing last run's results for files that have not changed.

Reading and checking a record takes under half a millisecond, some 2.2 s at 5,000 records
(a first run shares them between two processes, see ``PARALLEL_FROM``); an editor who changed
one file should not wait for all of them. A
record's own problems (``validate.check_record``) depend only on its file and on the rules,
so they are kept in ``build/record-cache.marshal``, keyed by a hash of the file's bytes
(modification times are too coarse for two quick saves). The rules' fingerprint (schemas, vocabularies, body sections, images, the
checking code and the Python version) is stored with them: when any of it changes, every
record is checked again. Checks across records (``validate.check_across``) always run on the
full set. The format is :mod:`marshal`, Python's own format for its bytecode cache: five
times quicker to read than JSON, and the file is only ever read by the build that wrote it.
"""

from __future__ import annotations

import hashlib
import marshal
import multiprocessing
import os
import sys
import threading
from pathlib import Path

from scripts.pipeline.config import Rules
from scripts.pipeline.problems import Problem
from scripts.pipeline.records import MAX_BYTES, SourceFile, normalised, read_record, record_files, too_big
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


def _decode(entry: dict, kind: str, path: Path, rel: str, raw: bytes | None) -> tuple[SourceFile | None, list[Problem]]:
    problems = [Problem(*problem) for problem in entry["problems"]]
    stored = entry.get("source")
    if stored is None:
        return None, problems
    body = stored.pop("body", None)  # sent by a forked process (_load_and_send); the cache file has none
    if body is None:
        body = "\n".join(normalised(raw.decode("utf-8")).split("\n")[stored["body_line"] - 1:])
    return SourceFile(kind, path, rel, stored["data"], body, stored["body_line"], stored["lines"]), problems


# A record file as the loading goes through it: (kind, path, path from the project root, last run's entry or None).
Item = tuple[str, Path, str, "dict | None"]
# What loading one gives: (its cache entry, or None for a file refused unread; the record or None; its problems).
Loaded = tuple["dict | None", "SourceFile | None", list[Problem]]


def load_checked(project: Project, rules: Rules) -> tuple[list[SourceFile], list[Problem]]:
    """Every record that could be read, and every record's own problems."""
    cache_file = project.record_cache_file
    fingerprint = rules_fingerprint(project)
    try:
        cached = marshal.loads(cache_file.read_bytes())
        entries = cached["records"] if cached.get("rules") == fingerprint else {}
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        entries = {}
    items = [(kind, path, rel, entries.get(rel)) for kind, path in record_files(project) for rel in [project.relative(path)]]
    problems: list[Problem] = []
    sources: list[SourceFile] = []
    fresh: dict[str, dict] = {}
    for (_, _, rel, _), (entry, source, found) in zip(items, _load_items(items, rules), strict=True):
        problems += found
        if source is not None:
            sources.append(source)
        if entry is not None:
            fresh[rel] = entry
    if any(fresh.get(rel) is not entry for _, _, rel, entry in items) or fresh.keys() != entries.keys():
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(marshal.dumps({"rules": fingerprint, "records": fresh}))
    return sources, problems


# From this many records without last run's results on (a first run, or changed rules), a second
# process reads and checks half of them: a first validation of 5,000 records then takes about
# 0.7 s of processor time in each of two processes instead of 1.4 s in one, which nearly halves
# the wait where the second core is free (where other jobs keep both cores busy, it saves only a
# little). Below it, starting the process and sending the results back would cost more than it saves.
PARALLEL_FROM = 400


def _load_items(items: list[Item], rules: Rules) -> list[Loaded]:
    """Load (and check, unless unchanged) the records, in order; half of them in a forked process when that pays."""
    if sum(entry is None for *_, entry in items) < PARALLEL_FROM or not _may_fork():
        return [_load(item, rules) for item in items]
    # Each process reads, hashes and checks its half; this one then decodes the other's.
    share = len(items) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_load_and_send, args=(items[share:], rules, sender), daemon=True)
    child.start()
    sender.close()
    try:
        mine = [_load(item, rules) for item in items[:share]]
        try:
            entries = marshal.loads(receiver.recv_bytes())
            theirs = [(entry, *_decode(entry, kind, path, rel, None)) if entry is not None else _load(item, rules)
                      for entry, item in zip(entries, items[share:], strict=True) for kind, path, rel, _ in [item]]
        except (EOFError, OSError, ValueError):  # the child failed: its share is loaded here
            theirs = [_load(item, rules) for item in items[share:]]
    finally:
        receiver.close()
        child.join()
    return mine + theirs


def _load(item: Item, rules: Rules) -> Loaded:
    """One record file: from last run's entry when its bytes are the same, else read and checked."""
    kind, path, rel, entry = item
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, None, [too_big(rel, size)]
    raw = path.read_bytes()
    stamp = hashlib.blake2b(raw, digest_size=16).digest()
    if entry is not None and entry["stamp"] == stamp:
        return (entry, *_decode(entry, kind, path, rel, raw))
    source, found = read_record(raw, kind, path, rel)
    if source is not None:
        found = found + check_record(source, rules)
    return {"stamp": stamp, **_encode(source, found)}, source, found


def _load_and_send(items: list[Item], rules: Rules, sender) -> None:
    """The forked process's share, sent back as cache entries with each body (None for a file refused unread)."""
    with sender:
        try:
            entries = []
            for item in items:
                entry, source, _ = _load(item, rules)
                if entry is not None and source is not None:
                    entry = {**entry, "source": {**entry["source"], "body": source.body}}
                entries.append(entry)
            sender.send_bytes(marshal.dumps(entries))
        except BaseException:  # the parent loads these files itself and reports what goes wrong
            pass  # (and is interrupted by a Ctrl-C of its own, without this process's traceback)


def _may_fork() -> bool:
    """A second process only with a second core, and only from a process with one thread (a
    fork copies the calling thread alone, so a lock another thread held, in the live preview's
    server say, would never be released in the copy) that may have children at all."""
    return ((os.cpu_count() or 1) > 1 and threading.active_count() == 1 and not multiprocessing.current_process().daemon
            and "fork" in multiprocessing.get_all_start_methods())
