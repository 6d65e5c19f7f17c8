"""mkdocs-macros functions for hand-written pages: the benchmark results (pipeline and search quality) and the page filters.

Pages that show catalogue data are generated from templates (:mod:`scripts.site.pages`);
macros serve only ``docs/suorituskyky.md``, whose data is the benchmark's result file, not
the records. Loaded by mkdocs-macros from its file path, so it puts the project root on
``sys.path``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from scripts.project import Project  # noqa: E402
from scripts.site.views import filters  # noqa: E402
from scripts.tools.benchmark_targets import ROWS, target_results  # noqa: E402


def define_env(env) -> None:
    benchmark_file = Project().benchmark_file

    @env.macro
    def benchmark() -> dict | None:
        """The latest benchmark (``python -m scripts.tools.benchmark --write-results``) against today's
        rows and targets (one measured later shows as not yet measured); None before the first run."""
        if not benchmark_file.exists():
            return None
        result = json.loads(benchmark_file.read_text(encoding="utf-8"))
        result["rows"] = [{"key": key, "label": label, "unit": unit} for key, label, unit in ROWS]
        result["targets"] = target_results({**result["sizes"][-1], "growth": result["growth"],
                                            "preview_s": result["preview_s"]})
        return result

    search_file = Project().data_dir / "search-benchmark.json"

    @env.macro
    def search_benchmark() -> dict | None:
        """The latest search-quality benchmark (``python -m scripts.tools.search_benchmark --write-results``)."""
        return json.loads(search_file.read_text(encoding="utf-8")) if search_file.exists() else None

    for name, function in filters().items():
        env.filter(function, name)
