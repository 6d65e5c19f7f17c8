"""The real content meets its quality bar: own words, linked, and complete.

The copy test compares each record's prose (fields and body, without URLs and without the
cited publication titles) with the source documents in ``../shared/seeds/``: a run of ten
consecutive words in common means a sentence was copied rather than written anew.
"""

from __future__ import annotations

import re

import pytest

from scripts.model import load_catalogue
from scripts.project import REPO_ROOT, Project

SEEDS = REPO_ROOT.parent / "shared" / "seeds"
RUN = 10
_FOLD = str.maketrans("äöå", "aoa")


def words(text: str) -> list[str]:
    text = re.sub(r"https?://\S+", " ", text).lower().translate(_FOLD)
    return re.findall(r"[a-z0-9]+", text)


def runs(text: str) -> set[str]:
    tokens = words(text)
    return {" ".join(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def prose(record) -> str:
    """Everything an editor wrote in their own words: fields except sources, and the body."""
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
    fields = {key: value for key, value in record.data.items() if key != "sources"}
    return "\n".join([*strings(fields), record.body])


@pytest.fixture(scope="module")
def catalogue():
    catalogue, problems = load_catalogue(Project())
    assert not problems
    return catalogue


@pytest.fixture(scope="module")
def seed_runs() -> set[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"lähdeaineistoa ei ole kansiossa {SEEDS}; kopiointitestiä ei voi ajaa")
    found: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= runs(path.read_text(encoding="utf-8", errors="replace"))
    return found


def test_no_record_copies_ten_words_from_the_sources(catalogue, seed_runs):
    copied = {}
    for record in catalogue.methods + catalogue.cases:
        shared = runs(prose(record)) & seed_runs
        if shared:
            copied[record.source] = sorted(shared)[:3]
    assert not copied, "\n".join(f"{path}: {hits}" for path, hits in copied.items())


def test_copy_test_detects_a_copied_sentence(seed_runs):
    sentence = " ".join(sorted(seed_runs)[0].split()[:RUN])
    assert runs(f"Johdanto. {sentence.upper()} ja jatkoa.") & seed_runs


def test_every_method_page_lists_the_cases_that_used_it(catalogue):
    for case in catalogue.cases:
        for method_id in case.data["methods"]:
            assert case in catalogue.used_by[method_id]


def test_every_case_cites_a_seed_document_and_every_level_has_methods(catalogue):
    for case in catalogue.cases:
        assert any(source.get("seed") for source in case.data["sources"]), case.source
    for level in catalogue.levels:
        assert catalogue.at_level(catalogue.methods, level["id"]), level["id"]
