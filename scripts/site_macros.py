"""mkdocs-macros functions for hand-written pages that list records (front page, levels).

They read ``build/catalogue.json``, which the generate step writes from the same catalogue
as the record pages, so records are parsed once per build. Loaded by mkdocs-macros from
its file path, so it puts the project root on ``sys.path`` to reuse the page filters.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.benchmark import number  # noqa: E402
from scripts.generate import text  # noqa: E402

CATALOGUE = ROOT / "build" / "catalogue.json"
BENCHMARK = ROOT / "data" / "benchmark.json"


def define_env(env) -> None:
    @env.macro
    def catalogue() -> dict:
        """The catalogue as plain data: levels, methods and cases, sorted by title."""
        if not CATALOGUE.exists():
            raise FileNotFoundError(f"{CATALOGUE} puuttuu: aja ensin `python -m scripts generate`.")
        return json.loads(CATALOGUE.read_text(encoding="utf-8"))

    @env.macro
    def benchmark() -> dict | None:
        """The latest benchmark (``python -m scripts.benchmark --write-results``); None before the first run."""
        return json.loads(BENCHMARK.read_text(encoding="utf-8")) if BENCHMARK.exists() else None

    env.filter(text)
    env.filter(number, "fi_number")
