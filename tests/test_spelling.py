"""Content test: record text is spelled right, checked with Voikko (Finnish morphology).

Every word of every record's prose (free-text fields and the body; not ids, vocabulary values,
URLs, code or the cited sources) must be a Finnish word Voikko knows, or be in the project word
list ``data/wordlists/words.txt``: names of organisations, projects and places, and terms of the
field (deliberaatio, sadutus, raatilainen). A compound with a hyphen is checked part by part,
and an abbreviation's case ending after a colon (THL:n) is not a word of its own.
"""

from __future__ import annotations

import re

import pytest

from scripts.project import REPO_ROOT
from scripts.rules.schemas import vocabulary_of

WORDS = REPO_ROOT / "data" / "wordlists" / "words.txt"
TOKEN = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü0-9]+(?:[-:’'][A-Za-zÅÄÖåäöÉéÜü0-9]+)*-?")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def word_list() -> tuple[set[str], tuple[str, ...]]:
    """Whole words, and word beginnings (entries ending in *), lower-cased."""
    entries = [line.strip().lower() for line in WORDS.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    return {e for e in entries if not e.endswith("*")}, tuple(e[:-1] for e in entries if e.endswith("*"))


def free_text(record, schemas) -> str:
    """The record's own prose: fields that are not ids, vocabulary values, enums, dates or sources."""
    def strings(value, schema):
        if isinstance(value, str):
            if not (vocabulary_of(schema) or "enum" in schema or ID.match(value) or schema.get("format")):
                yield value
        elif isinstance(value, list):
            for item in value:
                yield from strings(item, schema.get("items", {}))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from strings(item, schema.get("properties", {}).get(key, {}))
    properties = schemas.properties(record.kind)
    texts = [text for name, value in record.data.items() if name not in ("sources", "id", "redirect_from")
             for text in strings(value, properties.get(name, {}))]
    return "\n".join([*texts, record.body])


def unknown_words(text: str, voikko, known: set[str], beginnings: tuple[str, ...]) -> set[str]:
    text = re.sub(r"https?://\S+|<[^>]+>|`[^`]*`|\]\([^)]*\)|§:[a-zåäö]+", " ", text)
    found = set()
    for token in TOKEN.findall(text):
        if voikko.spell(token):
            continue
        word = re.sub(r"[:’'][a-zåäö]+$", "", token)  # THL:n, NHS:stä
        for part in filter(None, word.split("-")):
            lower = part.lower()
            if part.isdigit() or lower in known or lower.startswith(beginnings) or voikko.spell(part):
                continue
            if voikko.spell(part + "-"):  # the first part of a coordinated compound: "aikuis- ja"
                continue
            found.add(part)
    return found


@pytest.fixture(scope="module")
def voikko():
    libvoikko = pytest.importorskip("libvoikko")
    checker = libvoikko.Voikko("fi")
    yield checker
    checker.terminate()


def test_every_record_is_spelled_right(real_catalogue, voikko):
    known, beginnings = word_list()
    misspelled = {}
    for record in real_catalogue.records:
        words = unknown_words(free_text(record, real_catalogue.schemas), voikko, known, beginnings)
        if words:
            misspelled[record.source] = sorted(words)
    assert not misspelled, "\n".join(f"{path}: {', '.join(words)}" for path, words in misspelled.items())


def test_the_spelling_test_finds_a_typo_and_accepts_names(voikko):
    known, beginnings = word_list()
    assert unknown_words("Asiakasraati kokoontui kuukausittain Kelan tiloissa.", voikko, known, beginnings) == set()
    assert unknown_words("Asiakasraati kokoontui kuukasittain.", voikko, known, beginnings) == {"kuukasittain"}
    assert unknown_words("THL:n ja Aspa-säätiön aikuis- ja lapsiperheet", voikko, known, beginnings) == set()
