"""Benchmark: the whole pipeline on thousands of synthetic cases, against a plain Material build.

The knowledge base has to stay fast to build, preview and search once the community has
added thousands of cases (issue 9). That growth cannot be waited for, so this writes
synthetic but realistic cases into a copy of the project: the real cases' front-matter
values and Finnish body sections recombined, linked to real methods and municipalities,
seeded so that every run writes the same records, and judged by the pipeline's own
validator. The pipeline then runs step by step through the functions ``python -m scripts
build`` uses (MkDocs and Pagefind as child processes, so each one's time and memory are its
own); the same generated pages are built once more with a plain Material configuration
as the baseline; Chromium runs a first search query against the built site; and a live
preview (``make serve``) on the real records is timed from a record edit to the changed page.

    python -m scripts.benchmark [--sizes 1000 5000] [--write-results]

``--write-results`` stores the numbers, the targets and the machine in
``data/benchmark.json``; the page ``docs/suorituskyky.md`` renders that file.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import functools
import gzip
import http.server
import importlib.metadata
import json
import os
import platform
import random
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.__main__ import page_mismatches
from scripts.compact_html import compact_site
from scripts.csp import write_policy
from scripts.generate import generate
from scripts.model import load_catalogue
from scripts.permalinks import URL_PREFIX, record_url, write_register
from scripts.project import REPO_ROOT, Project, copy_project
from scripts.records import SourceFile, load_all
from scripts.validate import load_sections
from scripts.vocabularies import Vocabularies

RESULTS_FILE = REPO_ROOT / "data" / "benchmark.json"
SEED = 9
QUERY = "asiakasraati"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
KB, MB = 1000, 1000 * 1000


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    limit: float
    unit: str


# Issue 9's targets, checked at the largest size; a missed target is a design problem, not a number to move.
TARGETS = (
    Target("ratio", "Koko ketju enintään 1,3 × pelkän Materialin rakennusaika", 1.3, "×"),
    Target("growth", "Kasvu lineaarista: aika 5 000 tietueella enintään 5,5 × aika 1 000 tietueella", 5.5, "×"),
    Target("record_page_max_kb", "Tietuesivun HTML enintään 30 kt", 30, "kt"),
    Target("search_kb", "Ensimmäinen haku siirtää enintään 200 kt", 200, "kt"),
    Target("search_ms", "Ensimmäisen haun tulokset alle 300 ms:ssa", 300, "ms"),
    Target("revalidation_s", "Kaikkien tietueiden tarkistus enintään 1,5 s, kun yksi tietue on muuttunut", 1.5, "s"),
    Target("preview_s", "Esikatselu näyttää muokatun tietueen 2 sekunnissa (oikea sisältö)", 2.0, "s"),
)
# Rows of the results table: key in a size's measurements, Finnish label, unit.
ROWS = (
    ("records", "Tietueita", ""),
    ("validation_s", "Tarkistus (lataus, validointi, malli), ensimmäinen kerta", "s"),
    ("revalidation_s", "Tarkistus uudelleen, kun yksi tietue on muuttunut", "s"),
    ("generation_s", "Sivujen luonti", "s"),
    ("mkdocs_s", "mkdocs build", "s"),
    ("compact_s", "Sivujen sisennysten poisto", "s"),
    ("search_index_s", "Hakuindeksi (Pagefind)", "s"),
    ("total_s", "Koko ketju yhteensä", "s"),
    ("peak_mb", "Muistin huippu", "Mt"),
    ("baseline_s", "Pelkkä Material (samat sivut, Materialin haku)", "s"),
    ("ratio", "Koko ketju / pelkkä Material", "×"),
    ("record_page_max_kb", "Tietuesivun HTML, suurin", "kt"),
    ("record_page_median_kb", "Tietuesivun HTML, mediaani", "kt"),
    ("site_mb", "Sivuston koko", "Mt"),
    ("search_kb", "Ensimmäisen haun siirto (Pagefind)", "kt"),
    ("search_ms", "Ensimmäisen haun aika, kun haku avattiin ensin", "ms"),
    ("search_cold_ms", "Ensimmäisen haun aika kylmiltään", "ms"),
    ("baseline_search_kb", "Materialin hakuindeksi search_index.json", "kt"),
)


def sections_of(body: str) -> dict[str, list[str]]:
    """A record body as ``## heading`` -> its paragraphs."""
    parts = re.split(r"^## (.+?)\s*$", body, flags=re.MULTILINE)
    return {heading: [p.strip() for p in text.split("\n\n") if p.strip()] for heading, text in zip(parts[1::2], parts[2::2])}


def synthetic_case(number: int, cases: list[SourceFile], methods: list[str], municipalities: list[str],
                   levels: list[str], headings: list[str], rng: random.Random) -> tuple[str, str]:
    """One new case from pieces of real ones; returns (id, file text)."""
    data = copy.deepcopy(rng.choice(cases).data)  # years, status, sources and groups stay consistent
    places = rng.sample(municipalities, rng.choice((1, 1, 1, 2, 3)))
    data.pop("historical_places", None)
    data.pop("redirect_from", None)
    data.update(
        id=f"{data['id'][:60].rstrip('-')}-{number}",
        title=f"{rng.choice(cases).data['title'][:100]} ({places[0]})",
        summary=rng.choice(cases).data["summary"],
        municipalities=places,
        methods=rng.sample(methods, rng.randint(1, 4)),
        levels=rng.sample(levels, rng.randint(1, 3)),
        outcomes=[rng.choice(rng.choice(cases).data["outcomes"] or ["Tuloksia ei ole arvioitu."]) for _ in range(rng.randint(1, 5))],
        updated=(dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2500))).isoformat(),
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
    vocabularies = Vocabularies.load(project)
    municipalities, levels = sorted(vocabularies["municipalities"]), sorted(vocabularies["levels"])
    headings = [section.heading for section in load_sections(project)["case"]]
    rng = random.Random(SEED)
    urls = []
    for number in range(1, count + 1):
        record_id, text = synthetic_case(number, cases, methods, municipalities, levels, headings, rng)
        (project.cases_dir / f"{record_id}.md").write_text(text, encoding="utf-8")
        urls.append(record_url("case", record_id))
    write_register(project.register_file, urls)


def run_child(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; (wall seconds, its peak memory in MB). Fails loudly with its output."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, unlike RUSAGE_CHILDREN
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise RuntimeError(f"{' '.join(command)} epäonnistui:\n{output.read().decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def index_command(site_dir: Path) -> list[str]:
    """The build's search-indexing step, in a child process so its time and memory are its own."""
    return [sys.executable, "-c", "import sys, pathlib; from scripts.search_index import index_site; "
            "index_site(pathlib.Path(sys.argv[1]))", str(site_dir)]


def run_pipeline(project: Project, site_dir: Path) -> dict[str, float]:
    """``python -m scripts build`` step by step, in the same order and through the same functions."""
    start = time.perf_counter()
    catalogue, problems = load_catalogue(project)
    validated = time.perf_counter()
    if problems:
        raise RuntimeError("Synteettiset tietueet eivät läpäisseet tarkistusta:\n" + "\n".join(map(str, problems[:20])))
    generate(catalogue, project)
    generated = time.perf_counter()
    python_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mkdocs_s, mkdocs_mb = run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
                                     "--config-file", str(project.mkdocs_config), "--site-dir", str(site_dir)], project.root)
    mismatches = page_mismatches(catalogue, site_dir)
    if mismatches:
        raise RuntimeError(f"Sivuja ja tietueita on eri määrä: {mismatches[:5]}")
    compacting = time.perf_counter()
    compact_site(site_dir)
    compact_s = time.perf_counter() - compacting
    index_s, index_mb = run_child(index_command(site_dir), project.root)
    write_policy(site_dir)
    return {"records": len(catalogue.methods) + len(catalogue.cases), "cases": len(catalogue.cases),
            "validation_s": validated - start, "generation_s": generated - validated, "mkdocs_s": mkdocs_s,
            "compact_s": compact_s, "search_index_s": index_s, "total_s": time.perf_counter() - start,
            "peak_mb": max(python_peak, mkdocs_mb, index_mb)}


# Times load_catalogue in a process of its own, as `python -m scripts validate` runs it.
REVALIDATE = ("import sys, time, pathlib; from scripts.model import load_catalogue; from scripts.project import Project; "
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
    config = yaml.safe_load(project.mkdocs_config.read_text(encoding="utf-8"))
    plain = {"site_name": config["site_name"], "docs_dir": str(project.docs_dir), "nav": config["nav"],
             "theme": {"name": "material", "language": "fi", "font": False}, "plugins": ["search"],
             "markdown_extensions": [e for e in config["markdown_extensions"] if not str(e).startswith("scripts.")],
             "validation": config["validation"]}
    config_file = project.root.parent / "mkdocs-material.yml"
    config_file.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    seconds, _ = run_child([sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "--config-file",
                            str(config_file), "--site-dir", str(site_dir)], project.root)
    return seconds


def site_sizes(site_dir: Path) -> dict[str, float]:
    pages = [page.stat().st_size for prefix in URL_PREFIX.values() for page in (site_dir / prefix).glob("*/index.html")]
    total = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
    return {"record_page_max_kb": max(pages) / KB, "record_page_median_kb": statistics.median(pages) / KB,
            "site_mb": total / MB}


COMPRESSED_TYPES = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static host as the site would have one: text files gzip-compressed when the browser
    accepts it (Pagefind's index files are compressed already), and no request log."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED_TYPES or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def served(directory: Path):
    """A built site on a free loopback port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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

    with served(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            fetched = []  # Pagefind fetches from a Web Worker too, which the page's resource timings miss
            page.context.on("requestfinished", lambda request: fetched.append(request))
            page.goto(url)
            page.get_by_role("searchbox", name="Hae").click()
            page.wait_for_load_state("networkidle")
            warm = page.evaluate(TYPE_QUERY, QUERY)
            page.wait_for_load_state("networkidle")
            sizes = [request.sizes() for request in fetched if "/pagefind/" in request.url]
            transferred = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
            cold_page = browser.new_page()
            cold_page.goto(url)
            cold = cold_page.evaluate(TYPE_QUERY, QUERY)
        finally:
            browser.close()
    if not warm["results"]:
        raise RuntimeError(f"Haku {QUERY!r} ei löytänyt mitään.")
    return {"search_kb": transferred / KB, "search_ms": warm["ms"], "search_cold_ms": cold["ms"]}


def measure_size(workdir: Path, count: int) -> dict[str, float]:
    """Every measurement for one size, in a fresh project copy."""
    project = copy_project(workdir / "project", with_records=True)
    add_synthetic_cases(project, count)
    site_dir, baseline_dir = workdir / "site", workdir / "material-site"
    row = run_pipeline(project, site_dir)
    row["revalidation_s"] = revalidation_seconds(project)
    row["baseline_s"] = baseline_build(project, baseline_dir)
    row["ratio"] = row["total_s"] / row["baseline_s"]
    row["baseline_search_kb"] = (baseline_dir / "search" / "search_index.json").stat().st_size / KB
    return {**row, **site_sizes(site_dir), **first_search(site_dir)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(url: str, text: str, seconds: float) -> float:
    """Poll a page until it contains ``text``; the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if text in page_text(url):
            return time.monotonic() - start
        time.sleep(0.05)
    raise RuntimeError(f"{url} ei näyttänyt tekstiä {text!r} {seconds} sekunnissa.")


def preview_seconds(workdir: Path) -> float:
    """``make serve`` on the real records: seconds from saving an edited record to the changed page."""
    project = copy_project(workdir / "preview", with_records=True)
    port = free_port()
    venv = Path(sys.executable).parent.parent
    server = subprocess.Popen(["make", "serve", f"VENV={venv}", f"ADDR=127.0.0.1:{port}"], cwd=project.root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        record = sorted(project.cases_dir.glob("*.md"))[0]
        url = f"http://127.0.0.1:{port}/{URL_PREFIX['case']}/{record.stem}/"
        wait_until(url, "<h1", 180)
        time.sleep(1)  # let the file watcher settle after the first build
        marker = "Muokattu esikatselua varten"
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("summary: >-\n", f"summary: >-\n  {marker}.\n", 1), encoding="utf-8")
        return wait_until(url, marker, 60)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


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
    values = {**largest, "growth": growth, "preview_s": preview_s}
    targets = [{"label": target.label, "limit": target.limit, "unit": target.unit, "value": values[target.key],
                "met": values[target.key] is not None and values[target.key] <= target.limit} for target in TARGETS]
    return growth, targets


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "" or value >= 100:
        text = f"{value:,.0f}".replace(",", " ")
    else:
        text = f"{value:.2f}"
    return text.replace(".", ",")


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


def run(sizes: list[int]) -> dict:
    """Measure every size (smallest first, so the in-process memory peak is each size's own) and the preview."""
    measured = []
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        for count in sorted(sizes):
            print(f"Mitataan {count} synteettistä esimerkkiä…", file=sys.stderr)
            measured.append(measure_size(Path(tmp) / str(count), count))
        print("Mitataan esikatselua…", file=sys.stderr)
        preview_s = preview_seconds(Path(tmp))
    growth, targets = evaluate(measured, preview_s)
    return {"date": dt.date.today().isoformat(), "machine": machine(), "query": QUERY, "sizes": measured,
            "growth": growth, "preview_s": preview_s, "targets": targets,
            "rows": [{"key": key, "label": label, "unit": unit} for key, label, unit in ROWS]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="synteettisten esimerkkien määrät")
    parser.add_argument("--write-results", action="store_true", help=f"tallenna tulokset tiedostoon {RESULTS_FILE.name}")
    args = parser.parse_args(argv)
    results = run(args.sizes)
    print(table(results))
    if args.write_results:
        RESULTS_FILE.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nTulokset tallennettu: {RESULTS_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
