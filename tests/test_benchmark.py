"""`python -m scripts.tools.benchmark` keeps working end to end on a small size.

Only that it runs and reports every measurement and target: the timed targets are checked
by the benchmark itself (`make bench`), on a quiet machine, not by tests.
"""

from __future__ import annotations

import subprocess
import sys

from scripts.tools.benchmark_targets import ROWS, TARGETS
from scripts.project import REPO_ROOT


def test_small_benchmark_reports_every_measurement_and_target():
    result = subprocess.run([sys.executable, "-m", "scripts.tools.benchmark", "--sizes", "150", "--rounds", "2"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    for _, label, unit in ROWS:
        assert f"| {label}{f' ({unit})' if unit else ''} | " in result.stdout
    for target in TARGETS:
        assert f"| {target.label} | " in result.stdout
    assert "| Esikatselun päivitys, oikea sisältö (s) | " in result.stdout


def test_results_page_shows_the_targets(built_site):
    """The hand-written results page renders the committed data/benchmark.json (mkdocs-macros)."""
    page = (built_site / "suorituskyky" / "index.html").read_text(encoding="utf-8")
    assert "Suorituskyky ja ylläpidettävyys" in page and "{{" not in page
    for target in TARGETS:  # rendered from the committed data/benchmark.json
        assert target.label in page
