"""The search index's Finnish: Voikko's base forms, the word-form table and the synonyms file.

Code tests of scripts/site/lemmas.py and search_index.py, and of the built site's index
(content test in part: the real records' words)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from scripts.pipeline.config import load_synonyms
from scripts.site.lemmas import Lemmatiser, normal, words
from scripts.rules.kinds import KINDS
from scripts.site.search_index import (BUNDLE, WORDS_DIR, WORDS_FILE, bucket, highlight_key, index_site, name_variants,
                                       search_contract, synonym_table)

SHARED = json.loads((Path(__file__).parent / "js" / "search-words.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lemmatiser():
    return Lemmatiser()


@pytest.mark.parametrize(("word", "lemma"), [
    ("kunnissa", "kunta"), ("lasten", "lapsi"), ("Lapissa", "lappi"), ("asiakasraatien", "asiakasraati"),
    ("osallistumisen", "osallistua"), ("Rovaniemellä", "rovaniemi"), ("budjetoinnissa", "budjetointi"),
])
def test_voikko_gives_base_forms(lemmatiser, word, lemma):
    assert lemma in lemmatiser.analyse(word).lemmas


def test_compounds_give_their_parts_and_tails(lemmatiser):
    assert set(lemmatiser.analyse("asiakasraatien").parts) >= {"asiakas", "raati"}
    assert "asiantuntija" in lemmatiser.analyse("kokemusasiantuntijat").parts


def test_kunta_and_kun_lappi_and_lapsi_stay_apart(lemmatiser):
    assert lemmatiser.tokens("kunnissa") == ["kunta"]
    assert "kun" not in lemmatiser.tokens("kunnissa kuntien")
    assert "lapsi" not in lemmatiser.tokens("Lapissa") and "lappi" not in lemmatiser.tokens("lasten")


def test_unknown_words_stand_for_themselves(lemmatiser):
    analysis = lemmatiser.analyse("Bikvan")
    assert analysis.lemmas == ("bikvan",) and not analysis.known


def test_inflected_forms_of_names_are_only_those_voikko_reads_back(lemmatiser):
    forms = lemmatiser.forms_of("rovaniemi", plural=False)
    assert {"rovaniemellä", "rovaniemeltä", "rovaniemen", "rovaniemeen"} <= set(forms)
    assert all("rovaniemi" in lemmatiser.analyse(form).lemmas for form in forms)
    assert {"turussa", "turun"} <= set(lemmatiser.forms_of("turku", plural=False))
    assert "kuntalaisaloitteet" in lemmatiser.forms_of("kuntalaisaloite")


def test_words_normal_forms_and_buckets_match_the_browser():
    """The same examples as tests/js/search-query.test.mjs: both sides find the same bucket."""
    for example in SHARED:
        found = [normal(word) for word in words(example["text"])]
        assert found == example["words"], example["text"]
        for count, buckets in example["buckets"].items():
            assert [bucket(word, int(count)) for word in found] == buckets


def test_highlight_keys_follow_the_shown_words(lemmatiser):
    assert highlight_key(lemmatiser, "Rovaniemen asiakasraati, 2020") .split(" ") == [
        "rovaniemi", "asiakasraati|asiakas|raati", "="]


def test_name_variants_split_parentheses_and_dashes():
    assert name_variants("Alueraati (aluetoimikunta)") == ["Alueraati (aluetoimikunta)", "Alueraati", "aluetoimikunta"]
    assert "Fattaluuta" in name_variants("Fattaluuta – vertaistuettu asiointi")


def test_synonyms_work_both_ways(lemmatiser):
    table = dict(synonym_table(lemmatiser, [{"word": "vanhukset", "also": ["ikääntyneet"]}]))
    assert table == {"vanhus": ["ikääntynyt"], "ikääntynyt": ["vanhus"]}


def test_synonyms_file_is_checked_like_other_configuration(empty_project):
    path = empty_project.data_dir / "synonyms.yml"
    path.write_text("synonyms:\n  - word: vanhukset\n    also: ikääntyneet\nignore: [ja]\n", encoding="utf-8")
    _, problems = load_synonyms(empty_project)
    assert [(problem.line, problem.field) for problem in problems] == [(3, "synonyms[0].also")]
    path.unlink()
    data, problems = load_synonyms(empty_project)
    assert problems == [] and data == {"synonyms": [], "ignore": []}


def test_the_real_synonyms_file_is_valid(real_project):
    data, problems = load_synonyms(real_project)
    assert problems == []
    assert any(entry["word"] == "vanhukset" for entry in data["synonyms"])


def test_built_site_has_the_tables_the_browser_reads(built_site):
    """Content test: the names table and word-form buckets of the real records."""
    contract = search_contract()
    vocabulary = json.loads((built_site / WORDS_DIR / WORDS_FILE).read_text(encoding="utf-8"))
    assert contract["vocabulary"] == WORDS_FILE and contract["folder"] == f"{WORDS_DIR}/"
    methods = {url: title for url, title, _, _ in vocabulary["methods"]}
    assert methods["/menetelmat/asiakasraati/"] == "Asiakasraati"
    places = dict(vocabulary["places"])
    assert places["Rovaniemi"] == "rovaniemi" and places["Keski-Pohjanmaa"] == "keski pohjanmaa"
    folder = built_site / WORDS_DIR / vocabulary["forms"]["folder"]
    count = vocabulary["forms"]["buckets"]
    assert len(list(folder.glob("*.json"))) == count

    def lemmas(form):
        table = json.loads((folder / f"{bucket(form, count)}.json").read_text(encoding="utf-8"))
        return table[form].split(" ") if table[form] else [form]

    assert lemmas("lapissa") == ["lappi"] and "lapsi" in lemmas("lasten")
    assert lemmas("rovaniemeltä") == ["rovaniemi"]  # a generated form of a place name
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["unknown"]  # no stemmer


def test_first_query_files_stay_small(built_site):
    """The names table is fetched with the first query; its compressed size is part of the 200 kB budget."""
    raw = (built_site / WORDS_DIR / WORDS_FILE).read_bytes()
    assert len(gzip.compress(raw)) < 20_000
    folder = next((built_site / WORDS_DIR).glob("muodot-*"))
    assert max(len(gzip.compress(path.read_bytes())) for path in folder.glob("*.json")) < 6_000


def indexed_documents(site: Path) -> dict[str, dict]:
    """Pagefind's documents in a built site by address (its fragments: gzip, a signature, JSON)."""
    documents = {}
    for fragment in (site / BUNDLE / "fragment").glob("*.pf_fragment"):
        document = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        documents[document["url"]] = document
    return documents


def test_index_covers_every_record_and_hand_written_page(built_site, real_catalogue):
    """Every record, and every other built page that marks searchable text, is a search result."""
    record_folders = {kind.url_prefix for kind in KINDS.values()}

    def address(page: Path) -> str:
        folder = page.parent.relative_to(built_site).as_posix()
        return "/" if folder == "." else f"/{folder}/"

    hand_written = {address(page) for page in built_site.rglob("index.html")
                    if not (page.relative_to(built_site).parts[0] in record_folders and len(page.relative_to(built_site).parts) > 2)
                    and "data-pagefind-body" in page.read_text(encoding="utf-8")}
    assert {"/tietoa/", "/saavutettavuusseloste/", "/suorituskyky/"} <= hand_written
    documents = indexed_documents(built_site)
    assert set(documents) == {"/" + record.url for record in real_catalogue.records} | hand_written
    assert documents["/menetelmat/asiakasraati/"]["meta"]["title"] == "Asiakasraati"
    assert "suorituskyky_" in documents["/suorituskyky/"]["content"]


def test_index_built_beside_the_site_is_the_index_made_in_one_go(built_site, real_catalogue, tmp_path):
    """The build makes the records' half while MkDocs runs (scripts/site/index_beside.py); the live
    preview makes the whole index after the site (index_site). Both give the same documents and tables."""
    again = tmp_path / "site"
    shutil.copytree(built_site, again, ignore=shutil.ignore_patterns(BUNDLE, WORDS_DIR))
    index_site(again, real_catalogue)
    assert indexed_documents(again) == indexed_documents(built_site)
    for folder in (BUNDLE + "/fragment", BUNDLE + "/index", WORDS_DIR):  # Pagefind orders its filter files as it likes
        files = {path.relative_to(built_site): path.read_bytes() for path in (built_site / folder).rglob("*") if path.is_file()}
        assert files == {path.relative_to(again): path.read_bytes() for path in (again / folder).rglob("*") if path.is_file()}
