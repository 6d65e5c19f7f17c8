"""Child processes of the build (MkDocs or Zensical, Pagefind), each timed with its own memory peak.

They run as child processes rather than in-process so that their time and memory are their
own (the benchmark reports both) and a crash in one cannot leave the build half-written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


class BuildError(RuntimeError):
    """A build step failed; the message says which, in Finnish, with the tool's own output."""


def run_child(command: list[str], cwd: Path, what: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; (wall seconds, its peak memory in MB). Raises :class:`BuildError` with its output."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, unlike RUSAGE_CHILDREN
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            output.seek(0)
            raise BuildError(f"{what} epäonnistui:\n{output.read().decode(errors='replace')[-5000:]}")
    return seconds, usage.ru_maxrss / 1024


def site_generator_command(config: Path, site_dir: Path, generator: str = "mkdocs") -> list[str]:
    """The one command line of the site generator. Zensical writes to ``mkdocs.yml``'s ``site_dir``."""
    if generator == "zensical":  # started with -m so that the project's `scripts` package is importable
        return [sys.executable, "-m", "zensical", "build", "--config-file", str(config), "--clean"]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file", str(config),
            "--site-dir", str(site_dir)]
