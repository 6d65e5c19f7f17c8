"""Content tests: the real records meet their quality bar: own words, linked, and complete.

These check what editors wrote, not the code; a failure here is fixed in ``methods/``,
``cases/`` or ``data/``. The copy test compares each record's prose (fields and body,
without URLs and without the cited publication titles) with the source documents in
``../shared/seeds/``: a run of ten consecutive words in common means a sentence was copied
rather than written anew.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from scripts.project import REPO_ROOT

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
def catalogue(real_catalogue):
    return real_catalogue


@pytest.fixture(scope="module")
def seed_runs() -> set[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"lähdeaineistoa ei ole kansiossa {SEEDS}; kopiointitestiä ei voi ajaa")
    found: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= runs(path.read_text(encoding="utf-8", errors="replace"))
    return found


def test_no_record_copies_ten_words_from_the_sources(catalogue, seed_runs):
    """Content test: every record is written in its own words."""
    copied = {}
    for record in catalogue.methods + catalogue.cases:
        shared = runs(prose(record)) & seed_runs
        if shared:
            copied[record.source] = sorted(shared)[:3]
    assert not copied, "\n".join(f"{path}: {hits}" for path, hits in copied.items())


def test_copy_test_detects_a_copied_sentence(seed_runs):
    """The copy test itself: a sentence from a seed document, shouted, is still found."""
    sentence = " ".join(sorted(seed_runs)[0].split()[:RUN])
    assert runs(f"Johdanto. {sentence.upper()} ja jatkoa.") & seed_runs


def cases_section(html: BeautifulSoup) -> tuple[str, set[str]]:
    """Text and links of a method page's section "Esimerkit käytöstä"."""
    heading = html.select_one("article h2#esimerkit-kaytosta")
    text, links = [], set()
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        text.append(element.get_text(" ", strip=True))
        links |= {a["href"] for a in element.find_all("a", href=True)}
    return " ".join(text), links


def test_every_case_is_reachable_from_the_methods_it_used(built_site, catalogue):
    """Content test on the built site: each method page shows the cases that name the method,
    counted here from the case records themselves (not from the catalogue's relations)."""
    named_by: dict[str, set[str]] = {method.id: set() for method in catalogue.methods}
    for case in catalogue.cases:
        for method_id in case.data["methods"]:
            named_by[method_id].add(case.id)
    for method in catalogue.methods:
        html = BeautifulSoup((built_site / method.url / "index.html").read_text(encoding="utf-8"), "html.parser")
        text, links = cases_section(html)
        case_links = {link for link in links if link.startswith("../../esimerkit/")}
        expected = {f"../../esimerkit/{case_id}/" for case_id in named_by[method.id]}
        if not expected:
            assert "ei vielä ole esimerkkejä" in text, method.id
        elif len(expected) <= 10:
            assert case_links == expected, method.id
        else:  # the latest ten, and a link to all of them in the finder
            assert len(case_links) == 10 and case_links <= expected, method.id
            assert f"Menetelmää on käytetty {len(expected)} esimerkissä" in text, method.id
            assert f"../../loyda/?tyyppi=case&menetelma={method.id}" in links, method.id


def test_every_case_cites_a_seed_document_and_every_level_has_methods(catalogue):
    """Content test: cases are traceable to the seed documents, and no level is empty."""
    for case in catalogue.cases:
        assert any(source.get("seed") for source in case.data["sources"]), case.source
    for level in catalogue.levels:
        assert catalogue.at_level(catalogue.methods, level["id"]), level["id"]
