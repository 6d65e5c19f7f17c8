"""Search-quality benchmark: a graded query set, run on three search engines over the same pages.

The query set (``data/search-queries.yml``, written before the search was tuned) holds queries
of five kinds: exact names, inflected names, typos, situations in plain Finnish and places.
Each names the records that answer it and the rank the best of them must reach. The real
records are built into a project copy with :func:`scripts.site.build.build_site`, and every
query runs in Chromium on three engines:

- this site's search, typed into the header search box of the built site (the page's own
  scripts and index: base forms, names first, typo correction, synonyms);
- Pagefind with its default configuration (``pagefind --site``: Finnish stemming from the
  pages' language) over the same built HTML, called through its own JavaScript API;
- Material for MkDocs' built-in search (lunr, the ``search`` plugin) over the same generated
  pages built with a plain Material configuration, typed into Material's search box.

For each engine and kind it reports top-1, top-3 (the share of queries whose first answer is
at rank 1 or within 3), mean reciprocal rank over the first ten results, and the share that
reached its required rank. ``--write-results`` stores the table in ``data/search-benchmark.json``,
from which the Suorituskyky page renders it.

    python -m scripts.tools.search_benchmark [--write-results] [--engines site pagefind material]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.pipeline.config import site_identity
from scripts.project import REPO_ROOT, Project, copy_project
from scripts.rules.kinds import KINDS, record_url
from scripts.site.build import build_site
from scripts.tools.serving import CHROMIUM, served

QUERIES_FILE = REPO_ROOT / "data" / "search-queries.yml"
RESULTS_FILE = REPO_ROOT / "data" / "search-benchmark.json"
DEPTH = 10  # results read per query; an answer further down counts as not found
DEFAULT_BUNDLE = "pagefind-oletus"
# Where the benchmark's build says it is published (scripts/pipeline/config.py SiteIdentity).
LOCAL_DEPLOYMENT = {"SITE_URL": "http://127.0.0.1:8000/", "REPO_URL": "https://github.com/kunta/menetelmapankki",
                    "FEEDBACK_ADDRESS": "mailto:osallisuus@kunta.fi"}
KINDS_OF_QUERY = {"nimi": "Nimet sellaisinaan", "taivutus": "Taivutetut nimet", "kirjoitusvirhe": "Kirjoitusvirheet",
                  "tilanne": "Tilanteet omin sanoin", "paikka": "Paikat"}
ENGINES = {"site": "Tämän sivuston haku", "pagefind": "Pagefind oletusasetuksin", "material": "Materialin oma haku (lunr)"}
# Issue 14's targets for this site's search; a missed target is a design problem, not a number to move.
TARGETS = (
    ("nimi", "top1", 1.0, "Nimet sellaisinaan: ensimmäisenä 100 %"),
    ("taivutus", "top1", 1.0, "Taivutetut nimet: ensimmäisenä 100 %"),
    ("kaikki", "top3", 0.95, "Kaikki kyselyt: kolmen joukossa vähintään 95 %"),
    ("kaikki", "mrr", 0.9, "Kaikki kyselyt: MRR vähintään 0,9"),
)


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    expect: tuple[str, ...]  # record ids
    rank: int

    def urls(self, ids_to_kind: dict[str, str]) -> set[str]:
        return {record_url(ids_to_kind[record_id], record_id) for record_id in self.expect}


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["query"]), item["kind"], tuple(item["expect"]), int(item["rank"])) for item in items]


def record_kinds(project_root: Path) -> dict[str, str]:
    """Record id -> kind, from the record files."""
    return {path.stem: kind.id for kind in KINDS.values() for path in (project_root / kind.folder).glob("*.md")}


def page_path(href: str) -> str:
    """A result link as a site path: "/menetelmat/bikva/" (scheme, host, query and anchor dropped)."""
    path = href.split("://", 1)[-1]
    path = "/" + path.split("/", 1)[1] if "://" in href else path
    path = path.split("#")[0].split("?")[0]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path if path.endswith("/") else path + "/"


def first_rank(results: list[str], expected: set[str]) -> int | None:
    for rank, path in enumerate(results[:DEPTH], start=1):
        if path in expected:
            return rank
    return None


# The header search box: type, wait for the status line to name the query, read the links;
# "Näytä lisää tuloksia" once for results 6-10.
SITE_QUERY = """async ([query, depth]) => {
  const box = document.querySelector('form[data-site-search] input[name=query]');
  const status = document.getElementById('site-search-status');
  const list = document.getElementById('site-search-results');
  const more = document.getElementById('site-search-more');
  const named = () => status.textContent.includes('”' + query + '”');
  box.value = query;
  box.dispatchEvent(new Event('input'));
  const start = performance.now();
  while (!named()) {
    if (performance.now() - start > 15000) throw new Error('no answer for ' + query);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  const links = () => Array.from(list.querySelectorAll(':scope > li a')).map(a => a.href);
  if (!more.hidden && links().length < depth) {
    const before = links().length;
    more.click();
    while (links().length === before) await new Promise(resolve => setTimeout(resolve, 10));
  }
  return links();
}"""

PAGEFIND_QUERY = """async ([bundle, queries, depth]) => {
  const pagefind = await import(bundle + 'pagefind.js');
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  const answers = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    answers.push(await Promise.all(search.results.slice(0, depth).map(result => result.data().then(data => data.url))));
  }
  return answers;
}"""

# Material's search box: its worker answers after a pause in typing; the list is read once it
# has not changed for 400 ms after the query was typed.
MATERIAL_QUERY = """async ([query, depth]) => {
  const box = document.querySelector('input[data-md-component=search-query]');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  box.focus();
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
  const read = () => meta.textContent + '|' + Array.from(list.querySelectorAll('a')).map(a => a.href).join(' ');
  let last = read(), since = performance.now(), start = performance.now();
  while (performance.now() - since < 400 && performance.now() - start < 15000) {
    await new Promise(resolve => setTimeout(resolve, 25));
    const now = read();
    if (now !== last) { last = now; since = performance.now(); }
  }
  return Array.from(list.querySelectorAll(':scope > li > a')).map(a => a.href);
}"""


def _unique_pages(hrefs: list[str]) -> list[str]:
    return list(dict.fromkeys(page_path(href) for href in hrefs))


def run_site(browser, site_dir: Path, queries: list[Query]) -> list[list[str]]:
    with served(site_dir) as url:
        page = browser.new_page(locale="fi-FI")
        page.goto(url)
        page.get_by_role("searchbox", name="Hae").click()
        answers = [_unique_pages(page.evaluate(SITE_QUERY, [query.text, DEPTH])) for query in queries]
        page.close()
    return answers


def run_pagefind_default(browser, site_dir: Path, queries: list[Query]) -> list[list[str]]:
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", DEFAULT_BUNDLE,
                    "--silent"], check=True, cwd=REPO_ROOT)
    with served(site_dir) as url:
        page = browser.new_page()
        page.goto(url)
        answers = page.evaluate(PAGEFIND_QUERY, [f"/{DEFAULT_BUNDLE}/", [query.text for query in queries], DEPTH])
        page.close()
    return [_unique_pages(answer) for answer in answers]


def run_material(browser, material_dir: Path, queries: list[Query]) -> list[list[str]]:
    with served(material_dir) as url:
        page = browser.new_page(locale="fi-FI")
        page.goto(url)
        page.locator("input[data-md-component=search-query]").click()
        # Ready once the worker has answered a first query (its index is loaded whole).
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
        page.evaluate(MATERIAL_QUERY, [queries[0].text, DEPTH])
        time.sleep(2)
        answers = [_unique_pages(page.evaluate(MATERIAL_QUERY, [query.text, DEPTH])) for query in queries]
        page.close()
    return answers


def score(queries: list[Query], answers: list[list[str]], kinds: dict[str, str]) -> dict:
    """Per query its rank; per kind (and "kaikki") top-1, top-3, MRR and the share at the required rank."""
    rows = []
    for query, answer in zip(queries, answers):
        rank = first_rank(answer, query.urls(kinds))
        rows.append({"query": query.text, "kind": query.kind, "rank": rank, "required": query.rank,
                     "passed": rank is not None and rank <= query.rank, "top": answer[:3]})
    summary = {}
    for kind in [*KINDS_OF_QUERY, "kaikki"]:
        chosen = [row for row in rows if kind == "kaikki" or row["kind"] == kind]
        count = len(chosen) or 1
        summary[kind] = {"queries": len(chosen),
                         "top1": sum(row["rank"] == 1 for row in chosen) / count,
                         "top3": sum(row["rank"] is not None and row["rank"] <= 3 for row in chosen) / count,
                         "mrr": sum(1 / row["rank"] for row in chosen if row["rank"]) / count,
                         "passed": sum(row["passed"] for row in chosen) / count}
    return {"summary": summary, "queries": rows}


def build_sites(workdir: Path, source: Path | None = None) -> tuple[Path, Path, dict[str, str]]:
    """The real records built into a project copy (the site) and with plain Material (its search).

    ``source``: a project copy to build instead of a fresh copy of the checkout."""
    from scripts.tools.benchmark import baseline_build

    project = Project(source) if source else copy_project(workdir / "project", with_records=True)
    site_dir, material_dir = workdir / "site", workdir / "material-site"
    local = site_identity(project, environ=LOCAL_DEPLOYMENT)
    build_site(project, local, site_dir)
    baseline_build(project, material_dir)
    return site_dir, material_dir, record_kinds(project.root)


def run(engines: list[str], queries: list[Query], source: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    results = {}
    with tempfile.TemporaryDirectory(prefix="search-benchmark-") as tmp:
        print("Rakennetaan sivusto ja pelkkä Material-sivusto…", file=sys.stderr)
        site_dir, material_dir, kinds = build_sites(Path(tmp), source)
        runners = {"site": lambda browser: run_site(browser, site_dir, queries),
                   "pagefind": lambda browser: run_pagefind_default(browser, site_dir, queries),
                   "material": lambda browser: run_material(browser, material_dir, queries)}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            try:
                for engine in engines:
                    print(f"Ajetaan {len(queries)} kyselyä: {ENGINES[engine]}…", file=sys.stderr)
                    start = time.perf_counter()
                    answers = runners[engine](browser)
                    results[engine] = {**score(queries, answers, kinds), "seconds": time.perf_counter() - start}
            finally:
                browser.close()
    targets = []
    if "site" in results:
        for kind, metric, limit, label in TARGETS:
            value = results["site"]["summary"][kind][metric]
            targets.append({"label": label, "value": value, "limit": limit, "met": value >= limit})
    return {"date": dt.date.today().isoformat(), "queries": len(queries),
            "kinds": [{"id": kind, "label": label, "count": sum(q.kind == kind for q in queries)}
                      for kind, label in KINDS_OF_QUERY.items()],
            "engines": [{"id": engine, "label": ENGINES[engine], **results[engine]} for engine in engines],
            "targets": targets}


def percent(value: float) -> str:
    return f"{value * 100:.0f} %".replace(".", ",")


def table(results: dict) -> str:
    lines = ["| Haku | Kyselyt | Top-1 | Top-3 | MRR | Vaadittu sija |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    labels = {kind["id"]: kind["label"] for kind in results["kinds"]} | {"kaikki": "Kaikki"}
    for engine in results["engines"]:
        for kind, values in engine["summary"].items():
            lines.append(f"| {engine['label']} | {labels[kind]} ({values['queries']}) | {percent(values['top1'])} | "
                         f"{percent(values['top3'])} | {values['mrr']:.2f} | {percent(values['passed'])} |")
    lines += ["", "| Tavoite | Tulos | Täyttyy |", "| --- | ---: | --- |"]
    lines += [f"| {t['label']} | {t['value']:.2f} | {'kyllä' if t['met'] else 'ei'} |" for t in results["targets"]]
    misses = [f"- {engine['id']}: ”{row['query']}” sija {row['rank'] or '–'} (vaadittu {row['required']}): {', '.join(row['top'])}"
              for engine in results["engines"] for row in engine["queries"] if not row["passed"]]
    return "\n".join(lines + ["", "Vaadittua sijaa ei saavutettu:", *misses])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.search_benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", nargs="+", choices=list(ENGINES), default=list(ENGINES))
    parser.add_argument("--write-results", action="store_true", help=f"tallenna tulokset tiedostoon {RESULTS_FILE.name}")
    parser.add_argument("--project", type=Path, help="rakenna tämä projektin kopio (oletus: uusi kopio tästä)")
    args = parser.parse_args(argv)
    results = run(args.engines, load_queries(), args.project)
    print(table(results))
    if args.write_results:
        RESULTS_FILE.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nTulokset tallennettu: {RESULTS_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
