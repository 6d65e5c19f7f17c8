"""Record dates from the repository history: ``added`` (first published) and ``updated``.

Run once to give every existing record honest dates (``python -m scripts dates``): ``added``
is the day the file first appeared in git history (following renames) and ``updated`` the
day of its last commit. Afterwards the editors' tools set both for new records, and an editor
moves ``updated`` when changing a record's facts or text. Only the two date lines change;
the rest of a file is left as the editor wrote it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from scripts.pipeline.records import record_files
from scripts.project import Project

DATE_LINE = re.compile(r"^(added|updated): .*\n", re.MULTILINE)


def history_dates(project: Project, path: Path) -> tuple[str, str] | None:
    """(first, last) commit day of a file, or None if git does not know it."""
    log = subprocess.run(["git", "log", "--follow", "--format=%ad", "--date=short", "--", str(path)],
                         cwd=project.root, capture_output=True, text=True).stdout.split()
    return (log[-1], log[0]) if log else None


def with_dates(text: str, added: str, updated: str) -> str:
    """The record text with its date lines set, where ``updated:`` stood (end of the front matter)."""
    without = DATE_LINE.sub("", text)
    closing = without.index("\n---", 3) + 1
    return f"{without[:closing]}added: {added}\nupdated: {updated}\n{without[closing:]}"


def set_from_history(project: Project) -> int:
    """Set ``added`` and ``updated`` of every record git knows; how many files changed."""
    changed = 0
    for _, path in record_files(project):
        dates = history_dates(project, path)
        if dates is None:
            continue
        text = path.read_text(encoding="utf-8")
        new = with_dates(text, *dates)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed
