"""Unchanged records are not parsed and checked again, and nothing is lost or kept stale by that.

The record cache (``scripts/pipeline/record_cache.py``) is what makes re-validating 5,000
records fast; these code tests on fixture records make sure a cached run reports exactly
what a fresh run would.
"""

from __future__ import annotations

import marshal

from conftest import fixture_text, write_record
from scripts.pipeline import record_cache
from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.config import load_rules

METHOD = fixture_text("method.md")
CASE = fixture_text("case.md")


def messages(project) -> list[str]:
    return [str(problem) for problem in load_catalogue(project)[1]]


def checked_files(project, monkeypatch) -> list[str]:
    """Run a load and return the records that were actually parsed and checked."""
    parsed = []
    original = record_cache.read_record

    def spy(raw, kind, path, rel):
        parsed.append(path.name)
        return original(raw, kind, path, rel)

    monkeypatch.setattr(record_cache, "read_record", spy)
    load_catalogue(project)
    monkeypatch.setattr(record_cache, "read_record", original)
    return parsed


def test_second_run_reuses_unchanged_records_and_gives_the_same_result(empty_project, monkeypatch):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    write_record(empty_project, "case", "testiesimerkki", CASE)
    first, _ = load_catalogue(empty_project)
    assert checked_files(empty_project, monkeypatch) == []
    second, problems = load_catalogue(empty_project)
    assert problems == []
    assert [(r.id, r.data, r.body) for r in second.methods + second.cases] == \
           [(r.id, r.data, r.body) for r in first.methods + first.cases]


def test_an_edit_is_checked_at_once_even_with_the_same_size(empty_project, monkeypatch):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    case = write_record(empty_project, "case", "testiesimerkki", CASE)
    assert messages(empty_project) == []
    broken = CASE.replace("status: päättynyt", "status: päättyny!")  # same length, immediately after
    assert len(broken) == len(CASE) and broken != CASE
    case.write_text(broken, encoding="utf-8")
    assert checked_files(empty_project, monkeypatch) == ["testiesimerkki.md"]
    assert any("status: arvo 'päättyny!' ei ole sallittu" in message for message in messages(empty_project))


def test_problems_of_unchanged_records_are_still_reported(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD.replace("duration: pysyvä", "duration: jatkuva"))
    first = messages(empty_project)
    assert first and messages(empty_project) == first


def test_changed_rules_check_every_record_again(empty_project, monkeypatch):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    load_catalogue(empty_project)
    levels = empty_project.vocabularies_dir / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("id: arviointiosallisuus", "id: arviointi"),
                      encoding="utf-8")
    assert checked_files(empty_project, monkeypatch) == ["testimenetelma.md"]
    assert any("tuntematon arvo 'arviointiosallisuus'" in message for message in messages(empty_project))


def test_a_damaged_cache_is_ignored(empty_project):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    load_catalogue(empty_project)
    assert empty_project.record_cache_file.is_file()
    empty_project.record_cache_file.write_bytes(b"not a cache")
    assert messages(empty_project) == []


def test_a_second_process_checks_half_of_a_large_first_run_with_the_same_result(empty_project, monkeypatch):
    """From ``PARALLEL_FROM`` changed records on, a forked process checks half of them (here
    from two, so that fixture records are enough); records, problems and cache are as from one."""
    write_record(empty_project, "method", "testimenetelma", METHOD)
    for number in range(7):
        text = CASE.replace("status: päättynyt", "status: päättyny!") if number % 3 == 0 else CASE
        write_record(empty_project, "case", f"testiesimerkki-{number}", text.replace("id: testiesimerkki", f"id: testiesimerkki-{number}"))
    rules = load_rules(empty_project)[0]
    monkeypatch.setattr(record_cache, "PARALLEL_FROM", 2)

    def first_run(parallel: bool):
        empty_project.record_cache_file.unlink(missing_ok=True)
        monkeypatch.setattr(record_cache, "_may_fork", lambda: parallel)
        sources, problems = record_cache.load_checked(empty_project, rules)
        return ([(s.rel, s.data, s.body, s.body_line, s.lines) for s in sources], [str(p) for p in problems],
                marshal.loads(empty_project.record_cache_file.read_bytes()))

    together, alone = first_run(True), first_run(False)
    assert together == alone
    assert len(together[0]) == 8 and len([p for p in together[1] if "status: arvo 'päättyny!' ei ole sallittu" in p]) == 3
    empty_project.record_cache_file.unlink()
    monkeypatch.setattr(record_cache, "_may_fork", lambda: True)
    assert len(checked_files(empty_project, monkeypatch)) == 4  # half of eight here, the rest in the child


def test_records_of_a_failed_second_process_are_checked_by_the_first(empty_project, monkeypatch):
    write_record(empty_project, "method", "testimenetelma", METHOD)
    for number in range(5):
        write_record(empty_project, "case", f"testiesimerkki-{number}",
                     CASE.replace("id: testiesimerkki", f"id: testiesimerkki-{number}").replace("status: päättynyt", "status: x"))
    monkeypatch.setattr(record_cache, "PARALLEL_FROM", 2)
    monkeypatch.setattr(record_cache, "_may_fork", lambda: True)
    monkeypatch.setattr(record_cache, "_load_and_send", lambda items, rules, sender: sender.close())
    assert len(checked_files(empty_project, monkeypatch)) == 6
    empty_project.record_cache_file.unlink()
    assert len([message for message in messages(empty_project) if "status: arvo 'x' ei ole sallittu" in message]) == 5
