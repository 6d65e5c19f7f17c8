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
from scripts.pipeline.records import MAX_BYTES, SourceFile, load_record, normalised, read_record, record_files
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
    body = stored.get("body")  # sent by a forked process (_check_and_send); the cache file has none
    if body is None:
        body = "\n".join(normalised(raw.decode("utf-8")).split("\n")[stored["body_line"] - 1:])
    return SourceFile(kind, path, rel, stored["data"], body, stored["body_line"], stored["lines"]), problems


def load_checked(project: Project, rules: Rules) -> tuple[list[SourceFile], list[Problem]]:
    """Every record that could be read, and every record's own problems."""
    cache_file = project.record_cache_file
    fingerprint = rules_fingerprint(project)
    try:
        cached = marshal.loads(cache_file.read_bytes())
        entries = cached["records"] if cached.get("rules") == fingerprint else {}
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        entries = {}
    problems: list[Problem] = []
    files = []  # (kind, path, rel, raw, stamp, the cached entry if the file has not changed)
    for kind, path in record_files(project):
        if path.stat().st_size > MAX_BYTES:  # refused unread by load_record
            problems += load_record(path, kind, project)[1]
            continue
        raw = path.read_bytes()
        rel = project.relative(path)
        stamp = hashlib.blake2b(raw, digest_size=16).digest()
        entry = entries.get(rel)
        files.append((kind, path, rel, raw, stamp, entry if entry is not None and entry["stamp"] == stamp else None))
    changed = [(kind, path, rel, raw) for kind, path, rel, raw, _, entry in files if entry is None]
    checked = iter(_check_files(changed, rules))
    fresh: dict[str, dict] = {}
    sources: list[SourceFile] = []
    for kind, path, rel, raw, stamp, entry in files:
        if entry is None:
            source, found = next(checked)
            entry = {"stamp": stamp, **_encode(source, found)}
        else:
            source, found = _decode(entry, kind, path, rel, raw)
        fresh[rel] = entry
        problems += found
        if source is not None:
            sources.append(source)
    if changed or fresh.keys() != entries.keys():
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(marshal.dumps({"rules": fingerprint, "records": fresh}))
    return sources, problems


# From this many changed records on, a second process checks half of them: a first validation
# of 5,000 records then takes about 0.8 s of processor time in each of two processes instead of
# 1.6 s in one, which nearly halves the wait where the second core is free (where other jobs keep
# both cores busy, it saves only a little). Below it, starting the process and sending the
# results back would cost more than it saves.
PARALLEL_FROM = 400


def _check_files(files: list[tuple[str, Path, str, bytes]], rules: Rules) -> list[tuple[SourceFile | None, list[Problem]]]:
    """Load and check records, in order; half of them in a forked process when that pays."""
    if len(files) < PARALLEL_FROM or not _may_fork():
        return [_check(*file, rules) for file in files]
    # This process has read and hashed every file before, and decodes the other's share, writes
    # the cache and checks across records after: while checking, both only check, a half each.
    share = len(files) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_check_and_send, args=(files[share:], rules, sender), daemon=True)
    child.start()
    sender.close()
    try:
        mine = [_check(*file, rules) for file in files[:share]]
        try:
            entries = marshal.loads(receiver.recv_bytes())
            theirs = [_decode(entry, *file) for entry, file in zip(entries, files[share:], strict=True)]
        except (EOFError, OSError, ValueError):  # the child failed: its share is checked here
            theirs = [_check(*file, rules) for file in files[share:]]
    finally:
        receiver.close()
        child.join()
    return mine + theirs


def _check(kind: str, path: Path, rel: str, raw: bytes, rules: Rules) -> tuple[SourceFile | None, list[Problem]]:
    source, found = read_record(raw, kind, path, rel)
    if source is not None:
        found = found + check_record(source, rules)
    return source, found


def _check_and_send(files: list[tuple[str, Path, str, bytes]], rules: Rules, sender) -> None:
    """The forked process's share, sent back in the cache's own format with each body."""
    with sender:
        try:
            entries = []
            for file in files:
                source, found = _check(*file, rules)
                entries.append(_encode(source, found))
                if source is not None:
                    entries[-1]["source"]["body"] = source.body
            sender.send_bytes(marshal.dumps(entries))
        except BaseException:  # the parent checks these files itself and reports what goes wrong
            pass  # (and is interrupted by a Ctrl-C of its own, without this process's traceback)


def _may_fork() -> bool:
    """A second process only with a second core, and only from a process with one thread (a
    fork copies the calling thread alone, so a lock another thread held, in the live preview's
    server say, would never be released in the copy) that may have children at all."""
    return ((os.cpu_count() or 1) > 1 and threading.active_count() == 1 and not multiprocessing.current_process().daemon
            and "fork" in multiprocessing.get_all_start_methods())
