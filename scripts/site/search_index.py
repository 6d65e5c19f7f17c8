"""Search index of the built site: Pagefind, run on the HTML after MkDocs.

Pagefind stems Finnish (Snowball), folds ä/ö and splits its index into chunks, so a browser
fetches about a hundred kilobytes for a query however many records there are, where
Material's built-in index is downloaded whole on every page load and matches word
beginnings only. It indexes what the pages mark with ``data-pagefind-body`` (page content,
see ``overrides/main.html``) but not the headings' "¶" permalinks, weighs record names and
aliases above body text, and keeps a record's summary to show in the results.

Run by :func:`scripts.site.build.build_site` after the site generator and by the
live-preview hook after each rebuild, so the local preview searches the same way as the
published site.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.site.commands import run_child

BUNDLE = "pagefind"


def index_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
            "--force-language", "fi", "--exclude-selectors", ".headerlink", "--silent"]


def index_site(site_dir: Path) -> tuple[float, float]:
    """Write the Pagefind bundle into ``<site_dir>/pagefind/``; (seconds, peak MB)."""
    return run_child(index_command(site_dir), site_dir, "Hakuhakemiston luominen")
