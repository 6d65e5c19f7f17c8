"""The graded query set in Chromium: a representative part of it, through the real search box.

Content test: data/search-queries.yml names real records. Every fourth query of each kind runs
here (all five kinds); the whole set, against Pagefind's defaults and Material's own search as
well, runs in `make bench-search` (scripts/tools/search_benchmark.py)."""

from __future__ import annotations

import pytest

from scripts.rules.kinds import record_url
from scripts.tools.search_benchmark import DEPTH, SITE_QUERY, first_rank, load_queries, page_path
from conftest import REPO_ROOT, checkout_record_ids

QUERIES = load_queries()
KIND_OF = {**{record_id: "method" for record_id in checkout_record_ids("methods")},
           **{record_id: "case" for record_id in checkout_record_ids("cases")}}
SAMPLE = [query for kind in dict.fromkeys(query.kind for query in QUERIES)
          for query in [each for each in QUERIES if each.kind == kind][::4]]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    page = browser.new_page(locale="fi-FI")
    page.goto(site_url)
    page.get_by_role("searchbox", name="Hae").click()
    yield page
    page.close()


def test_the_set_covers_five_kinds_and_names_existing_records():
    assert len(QUERIES) >= 80
    assert {query.kind for query in QUERIES} == {"nimi", "taivutus", "kirjoitusvirhe", "tilanne", "paikka"}
    assert (REPO_ROOT / "data" / "search-queries.yml").exists()
    missing = [(query.text, record_id) for query in QUERIES for record_id in query.expect if record_id not in KIND_OF]
    assert missing == []


@pytest.mark.parametrize("query", SAMPLE, ids=[f"{query.kind}:{query.text}" for query in SAMPLE])
def test_query_reaches_its_required_rank(search_page, query):
    found = list(dict.fromkeys(page_path(href) for href in search_page.evaluate(SITE_QUERY, [query.text, DEPTH])))
    expected = {record_url(KIND_OF[record_id], record_id) for record_id in query.expect}
    rank = first_rank(found, expected)
    assert rank is not None and rank <= query.rank, f"{query.text}: sija {rank}, vaadittu {query.rank}; {found[:5]}"
