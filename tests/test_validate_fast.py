"""The compiled validator never passes what jsonschema rejects, and the messages stay jsonschema's.

Records go through the compiled (Rust) validator only; one it rejects is validated again with
``jsonschema`` for the Finnish messages (``scripts/rules/schemas.py``). If the compiled one
passed a record jsonschema rejects, a mistake would reach the site. So thousands of broken
copies of the fixture records (each field and each item in turn given a wrong type, an
empty, overlong, duplicated, impossible or otherwise bad value, removed, or joined by an
unknown field) and every real record must get the same problems from the validation the
build runs as from jsonschema alone.
"""

from __future__ import annotations

import copy
from typing import Any, Iterator

import pytest

from conftest import fixture_text, write_record
from scripts.pipeline.catalogue import load_catalogue
from scripts.pipeline.config import load_rules
from scripts.pipeline.problems import explain
from scripts.pipeline.records import load_all
from scripts.pipeline.validate import check_schema

# Values that break some schema keyword somewhere: type, enum, minLength and the `\S` pattern,
# maxLength, minItems, uniqueItems, pattern (`$` before a final newline), the date format
# (impossible and unpadded dates), integers written as 1.0 or true, bounds, numbers too big for a machine word.
BAD_VALUES: list[Any] = [
    None, "", " ", "\n", "x" * 2000, "ei-sanastossa", "Ei Sanastossa", "123\n", "12", "2024-02-30", "2024-2-3",
    "2024-05-01T10:00:00", "ftp://palvelin.fi", "https://", 0, -1, 1.0, 1.5, 10**6, 10**400, -10**400, float("inf"),
    float("-inf"), float("nan"), True, False, [], [""],
    ["a", "a"], [1], [None], {}, {"tuntematon": 1},
]


def variants(value: Any) -> Iterator[Any]:
    """Copies of a front matter value with one thing broken, down to the items of lists and groups."""
    for bad in BAD_VALUES:
        yield bad
    if isinstance(value, dict):
        for key in value:
            for broken in variants(value[key]):
                yield {**value, key: broken}
            yield {name: item for name, item in value.items() if name != key}
        yield {**value, "tuntematon_kentta": "x"}
    elif isinstance(value, list) and value:
        for broken in variants(value[0]):
            yield [broken, *value[1:]]
        yield [*value, value[0]]


@pytest.fixture(scope="module")
def fixture_sources(tmp_path_factory):
    from scripts.project import copy_project

    project = copy_project(tmp_path_factory.mktemp("fast") / "project", with_records=False)
    write_record(project, "method", "testimenetelma", fixture_text("method.md"))
    write_record(project, "case", "testiesimerkki", fixture_text("case.md"))
    sources, problems = load_all(project)
    assert problems == [] and len(sources) == 2
    return project, sources


def jsonschema_problems(source, schemas) -> list[str]:
    return [str(source.problem(path, message)) for error in schemas.validators[source.kind].iter_errors(source.data)
            for path, message in explain(error)]


def test_the_build_reports_what_jsonschema_reports_on_every_broken_copy(fixture_sources):
    """check_schema (compiled first, jsonschema only for a record it rejects) gives jsonschema's own
    problems. The compiled validator may be stricter (its `$` does not match before a final
    newline), which costs only time; it must never pass what jsonschema rejects."""
    project, sources = fixture_sources
    schemas = load_rules(project)[0].schemas
    checked = invalid = 0
    for source in sources:
        assert list(check_schema(source, schemas)) == []
        for broken in variants(source.data):
            copy_of = copy.copy(source)
            copy_of.data = broken
            expected = jsonschema_problems(copy_of, schemas)
            if schemas.is_valid(source.kind, broken):
                assert expected == [], broken
            assert [str(problem) for problem in check_schema(copy_of, schemas)] == expected
            checked += 1
            invalid += bool(expected)
    assert invalid > 1000 and checked - invalid > 50  # both sides of the line were tried


def test_real_records_are_valid_for_both(real_project):
    sources, problems = load_all(real_project)
    schemas = load_rules(real_project)[0].schemas
    assert problems == [] and sources
    for source in sources:
        assert schemas.is_valid(source.kind, source.data), source.rel
        assert jsonschema_problems(source, schemas) == [], source.rel


def test_a_broken_record_is_reported_with_its_line_through_the_fallback(empty_project):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    write_record(empty_project, "case", "testiesimerkki",
                 fixture_text("case.md").replace("added: 2026-11-20", "added: \"2026-02-30\""))
    catalogue, problems = load_catalogue(empty_project)
    assert catalogue is None
    assert [problem.field for problem in problems] == ["added"]
    assert "'2026-02-30' ei ole päivämäärä. Kirjoita se muodossa VVVV-KK-PP" in problems[0].message
