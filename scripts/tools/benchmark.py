"""Benchmark: the whole pipeline on thousands of synthetic cases, against a plain Material build.

The knowledge base has to stay fast to build, preview and search once the community has
added thousands of cases (issue 9). That growth cannot be waited for, so this writes
synthetic but realistic cases into a copy of the project: the real cases' front-matter
values and Finnish body sections recombined, linked to real methods and municipalities,
seeded so that every run writes the same records, and judged by the pipeline's own
validator. The pipeline then runs step by step through the functions ``python -m scripts
build`` uses, in a process of its own (MkDocs and Pagefind as its child processes, so each
one's time and memory are its own), and the same generated pages are built once more with
a plain Material configuration as the baseline: the two take turns for a few rounds and the
medians are reported, as the load of a shared machine varies from minute to minute.
Chromium runs a first search query against the built site; and a live
preview (``make serve``) on the real records is timed from a record edit to the changed page.

    python -m scripts.tools.benchmark [--sizes 1000 5000] [--rounds 3] [--write-results]

``--write-results`` stores the numbers, the targets and the machine in
``data/benchmark.json``; the page ``docs/suorituskyky.md`` renders that file.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import importlib.metadata
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from scripts.pipeline.config import load_rules, mkdocs_config, site_identity
from scripts.pipeline.permalinks import write_register
from scripts.pipeline.records import SourceFile, load_all
from scripts.project import REPO_ROOT, Project, copy_project, remove
from scripts.rules.kinds import KINDS, record_url
from scripts.site.build import Step, build_site
from scripts.site.commands import run_child
from scripts.site.views import number
from scripts.tools.benchmark_targets import ROWS, target_results
from scripts.tools.finder_benchmark import measure as finder_figures
from scripts.tools.serving import CHROMIUM, preview, served, wait_until
from scripts.site.search_index import BUNDLE, WORDS_DIR

# What the first search fetches: Pagefind's bundle and the search's word tables.
SEARCH_FOLDERS = (BUNDLE, WORDS_DIR)

RESULTS_FILE = REPO_ROOT / "data" / "benchmark.json"
SEED = 9
QUERY = "asiakasraati"
KB, MB = 1000, 1000 * 1000


def sections_of(body: str) -> dict[str, list[str]]:
    """A record body as ``## heading`` -> its paragraphs."""
    parts = re.split(r"^## (.+?)\s*$", body, flags=re.MULTILINE)
    return {heading: [p.strip() for p in text.split("\n\n") if p.strip()] for heading, text in zip(parts[1::2], parts[2::2])}


def synthetic_case(serial: int, cases: list[SourceFile], methods: list[str], municipalities: list[str],
                   levels: list[str], headings: list[str], rng: random.Random) -> tuple[str, str]:
    """One new case from pieces of real ones; returns (id, file text)."""
    data = copy.deepcopy(rng.choice(cases).data)  # years, status, sources and groups stay consistent
    places = rng.sample(municipalities, rng.choice((1, 1, 1, 2, 3)))
    data.pop("historical_places", None)
    data.pop("redirect_from", None)
    data.update(
        id=f"{data['id'][:60].rstrip('-')}-{serial}",
        title=f"{rng.choice(cases).data['title'][:100]} ({places[0]})",
        summary=rng.choice(cases).data["summary"],
        municipalities=places,
        methods=rng.sample(methods, rng.randint(1, 4)),
        levels=rng.sample(levels, rng.randint(1, 3)),
        outcomes=[rng.choice(rng.choice(cases).data["outcomes"] or ["Tuloksia ei ole arvioitu."]) for _ in range(rng.randint(1, 5))],
        added=(added := dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))).isoformat(),
        updated=(added + dt.timedelta(days=rng.randrange(300))).isoformat(),
    )
    data["outcomes"] = list(dict.fromkeys(data["outcomes"]))
    body = ""
    for heading in headings:  # each section recombines paragraphs of the same section of two real cases
        pool = [p for case in rng.sample(cases, 2) for p in sections_of(case.body).get(heading, [])]
        body += f"## {heading}\n\n" + "\n\n".join(rng.sample(pool, max(1, len(pool) // 2))) + "\n\n"
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return data["id"], f"---\n{front}---\n\n{body}"


def add_synthetic_cases(project: Project, count: int) -> None:
    """Write ``count`` synthetic cases next to the real records and register their addresses."""
    sources, problems = load_all(project)
    cases = [s for s in sources if s.kind == "case"]
    methods = sorted(s.stem for s in sources if s.kind == "method")
    rules, _ = load_rules(project)
    municipalities, levels = sorted(rules.vocabularies["municipalities"]), sorted(rules.vocabularies["levels"])
    headings = [section.heading for section in rules.sections["case"]]
    rng = random.Random(SEED)
    urls = []
    for serial in range(1, count + 1):
        record_id, text = synthetic_case(serial, cases, methods, municipalities, levels, headings, rng)
        (project.cases_dir / f"{record_id}.md").write_text(text, encoding="utf-8")
        urls.append(record_url("case", record_id))
    write_register(project.register_file, urls)


# Benchmark rows fed by each step of build_site.
STEP_ROWS = {"validation": "validation_s", "generation": "generation_s", "site": "mkdocs_s",
             "search-index": "search_index_s"}


def run_pipeline(project: Project, site_dir: Path) -> dict[str, float]:
    """``python -m scripts build``: the same :func:`build_site`, its steps timed through ``on_step``."""
    steps: list[Step] = []
    start = time.perf_counter()
    local = site_identity(project, environ={"SITE_URL": "http://127.0.0.1:8000/"})
    catalogue = build_site(project, local, site_dir, on_step=steps.append)
    row = {"records": len(catalogue.records), "cases": len(catalogue.cases), "total_s": time.perf_counter() - start,
           "peak_mb": max(step.peak_mb for step in steps)}
    row.update({STEP_ROWS[step.name]: step.seconds for step in steps if step.name in STEP_ROWS})
    return row


# Runs run_pipeline in a process of its own, as `python -m scripts build` runs build_site: a
# fresh process, not one grown by the earlier rounds and sizes (a fork copies a larger process
# more slowly, and the first validation forks).
PIPELINE = ("import json, pathlib, sys; from scripts.project import Project; from scripts.tools.benchmark import run_pipeline; "
            "print(json.dumps(run_pipeline(Project(pathlib.Path(sys.argv[1])), pathlib.Path(sys.argv[2]))))")


def run_pipeline_alone(project: Project, site_dir: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", PIPELINE, str(project.root), str(site_dir)], cwd=REPO_ROOT,
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"Koko ketju epäonnistui:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# Times load_catalogue in a process of its own, as `python -m scripts validate` runs it.
REVALIDATE = ("import sys, time, pathlib; from scripts.pipeline.catalogue import load_catalogue; from scripts.project import Project; "
              "start = time.perf_counter(); catalogue, problems = load_catalogue(Project(pathlib.Path(sys.argv[1]))); "
              "print(time.perf_counter() - start if not problems else -1)")


def revalidation_seconds(project: Project) -> float:
    """All records checked again after an editor changed one (the others come from the record
    cache); the median of three edits, as one short run on a busy machine says little."""
    times = []
    for record in sorted(project.cases_dir.glob("*.md"))[:3]:
        record.write_text(record.read_text(encoding="utf-8") + "\nMuokattu.\n", encoding="utf-8")
        result = subprocess.run([sys.executable, "-c", REVALIDATE, str(project.root)], cwd=REPO_ROOT,
                                capture_output=True, text=True, check=True)
        seconds = float(result.stdout.strip())
        if seconds < 0:
            raise RuntimeError(f"Muokattu tietue {record.name} ei läpäissyt tarkistusta.")
        times.append(seconds)
    return statistics.median(times)


def baseline_build(project: Project, site_dir: Path) -> float:
    """The same generated pages with plain Material: its own search, no hooks, macros, overrides or own extensions."""
    config = mkdocs_config(project)
    plain = {"site_name": config["site_name"], "docs_dir": str(project.docs_dir), "nav": config["nav"],
             "theme": {"name": "material", "language": "fi", "font": False}, "plugins": ["search"],
             "markdown_extensions": [e for e in config["markdown_extensions"] if not str(e).startswith("scripts.")],
             "validation": config["validation"]}
    config_file = project.root.parent / "mkdocs-material.yml"
    config_file.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    seconds, _ = run_child([sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "--config-file",
                            str(config_file), "--site-dir", str(site_dir)], project.root, "Pelkän Materialin rakentaminen")
    return seconds


def site_sizes(site_dir: Path) -> dict[str, float]:
    """Bytes of HTML as served before compression: record pages and the whole site (the finder
    page: :mod:`scripts.tools.finder_benchmark`)."""
    pages = [page.stat().st_size for kind in KINDS.values() for page in (site_dir / kind.url_prefix).glob("*/index.html")]
    total = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
    return {"record_page_max_kb": max(pages) / KB, "record_page_median_kb": statistics.median(pages) / KB,
            "site_mb": total / MB}


# Types the query into the header search box and times it from the input event to the results
# on screen (the status line names the query once its results are shown).
TYPE_QUERY = """async query => {
  const box = document.querySelector('input.md-search__input');
  const status = document.getElementById('site-search-status');
  const shown = new Promise(resolve => new MutationObserver((_, observer) => {
    if (status.textContent.includes('haulla ”' + query + '”')) { observer.disconnect(); resolve(); }
  }).observe(status, {childList: true, characterData: true, subtree: true}));
  const start = performance.now();
  box.value = query;
  box.dispatchEvent(new Event('input'));
  await shown;
  return {ms: performance.now() - start, results: document.querySelectorAll('#site-search-results > li').length};
}"""


def first_search(site_dir: Path) -> dict[str, float]:
    """A first search as a visitor makes it, in Chromium on the front page.

    Warm: the visitor opens the search box (Pagefind starts loading) and then types; the time
    runs from the typed query to its results on screen. Cold: the query arrives with nothing
    loaded. Bytes: everything the warm search fetched from ``/pagefind/``, as transferred."""
    from playwright.sync_api import sync_playwright

    with served(site_dir, compress=True) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            fetched = []  # Pagefind fetches from a Web Worker too, which the page's resource timings miss
            page.context.on("requestfinished", lambda request: fetched.append(request))
            page.goto(url)
            page.wait_for_selector("#site-search-status", state="attached")
            page.get_by_role("searchbox", name="Hae").click()
            page.wait_for_load_state("networkidle")
            warm = page.evaluate(TYPE_QUERY, QUERY)
            page.wait_for_load_state("networkidle")
            sizes = [request.sizes() for request in fetched if any(f"/{folder}/" in request.url for folder in SEARCH_FOLDERS)]
            transferred = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
            cold_page = browser.new_page()
            cold_page.goto(url)
            cold_page.wait_for_selector("#site-search-status", state="attached")  # built by search.js
            cold = cold_page.evaluate(TYPE_QUERY, QUERY)
        finally:
            browser.close()
    if not warm["results"]:
        raise RuntimeError(f"Haku {QUERY!r} ei löytänyt mitään.")
    return {"search_kb": transferred / KB, "search_ms": warm["ms"], "search_cold_ms": cold["ms"]}


# What a visitor waits for in Chromium on the built site, each a function (site_dir) -> its rows'
# values (rows and targets in scripts/tools/benchmark_targets.py).
BROWSER_MEASUREMENTS = (first_search, finder_figures)


def measure_size(workdir: Path, count: int, rounds: int) -> dict[str, float]:
    """Every measurement for one size, in a fresh project copy.

    The pipeline and the plain Material build take turns, ``rounds`` times, each from a clean
    checkout (no generated pages, no record cache, no earlier site: the validation is a first one);
    each time is the median of its runs, and the ratio the median of each round's own ratio, so
    that a moment of load on the machine moves one round, not the result."""
    project = copy_project(workdir / "project", with_records=True)
    add_synthetic_cases(project, count)
    site_dir, baseline_dir = workdir / "site", workdir / "material-site"
    runs = []
    for _ in range(rounds):
        remove([*project.generated(), site_dir, baseline_dir])  # as `make clean`, and no site for MkDocs to empty first
        run = run_pipeline_alone(project, site_dir)
        run["baseline_s"] = baseline_build(project, baseline_dir)
        run["ratio"] = run["total_s"] / run["baseline_s"]
        runs.append(run)
    row = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    row.update(rounds=rounds, peak_mb=max(run["peak_mb"] for run in runs), ratio_max=max(run["ratio"] for run in runs))
    row["revalidation_s"] = revalidation_seconds(project)
    row["baseline_search_kb"] = (baseline_dir / "search" / "search_index.json").stat().st_size / KB
    row.update(site_sizes(site_dir))
    for measure in BROWSER_MEASUREMENTS:
        row.update(measure(site_dir))
    return row


def preview_seconds(workdir: Path) -> float:
    """``make serve`` on the real records: seconds from saving an edited record to the changed page."""
    project = copy_project(workdir / "preview", with_records=True)
    with preview(project.root) as base:
        record = sorted(project.cases_dir.glob("*.md"))[0]
        url = base + record_url("case", record.stem).lstrip("/")
        wait_until(url, "<h1", 180)
        time.sleep(1)  # let the file watcher settle after the first build
        marker = "Muokattu esikatselua varten"
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("summary: >-\n", f"summary: >-\n  {marker}.\n", 1), encoding="utf-8")
        return wait_until(url, marker, 60)


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    packages = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pagefind", "zensical")
    try:
        system = platform.freedesktop_os_release()["PRETTY_NAME"]
    except (OSError, KeyError):
        system = platform.platform()
    return {"cpu": cpu.group(1) if cpu else platform.processor(), "cores": str(os.cpu_count()),
            "memory": f"{memory:.0f} Gt", "os": system, "python": platform.python_version(),
            **{package: importlib.metadata.version(package) for package in packages}}


def evaluate(sizes: list[dict[str, float]], preview_s: float) -> tuple[float | None, list[dict]]:
    """Growth between the smallest and largest size, and each target met or not at the largest size."""
    largest = sizes[-1]
    growth = largest["total_s"] / sizes[0]["total_s"] if len(sizes) > 1 else None
    return growth, target_results({**largest, "growth": growth, "preview_s": preview_s})


def table(results: dict) -> str:
    """The results as a Markdown table in Finnish: a row per measurement, a column per size."""
    sizes = results["sizes"]
    lines = ["| Mittari | " + " | ".join(f"{number(size['cases'])} esimerkkiä" for size in sizes) + " |",
             "| --- |" + " ---: |" * len(sizes)]
    for key, label, unit in ROWS:
        lines.append(f"| {label}{f' ({unit})' if unit else ''} | " + " | ".join(number(size[key], unit) for size in sizes) + " |")
    lines.append(f"| Kasvu suurimman ja pienimmän koon välillä (×) | {number(results['growth'], '×')} |" + " |" * (len(sizes) - 1))
    lines.append(f"| Esikatselun päivitys, oikea sisältö (s) | {number(results['preview_s'], 's')} |" + " |" * (len(sizes) - 1))
    lines += ["", "| Tavoite | Tulos | Täyttyy |", "| --- | ---: | --- |"]
    lines += [f"| {t['label']} | {number(t['value'], t['unit'])} {t['unit']} | {'kyllä' if t['met'] else 'ei'} |"
              for t in results["targets"]]
    return "\n".join(lines)


def run(sizes: list[int], rounds: int) -> dict:
    """Measure every size (smallest first, so the in-process memory peak is each size's own) and the preview."""
    measured = []
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        for count in sorted(sizes):
            print(f"Mitataan {count} synteettistä esimerkkiä…", file=sys.stderr)
            measured.append(measure_size(Path(tmp) / str(count), count, rounds))
        print("Mitataan esikatselua…", file=sys.stderr)
        preview_s = preview_seconds(Path(tmp))
    growth, targets = evaluate(measured, preview_s)
    return {"date": dt.date.today().isoformat(), "machine": machine(), "query": QUERY, "sizes": measured,
            "growth": growth, "preview_s": preview_s, "targets": targets,
            "rows": [{"key": key, "label": label, "unit": unit} for key, label, unit in ROWS]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="synteettisten esimerkkien määrät")
    parser.add_argument("--rounds", type=int, default=3, help="vuorottaisia ajoja koon mittaamiseen (mediaani)")
    parser.add_argument("--write-results", action="store_true", help=f"tallenna tulokset tiedostoon {RESULTS_FILE.name}")
    args = parser.parse_args(argv)
    results = run(args.sizes, args.rounds)
    print(table(results))
    if args.write_results:
        RESULTS_FILE.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nTulokset tallennettu: {RESULTS_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
