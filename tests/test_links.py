"""LinkChecker finds no broken internal link or anchor in the built site.

The built site is the real records'; the broken site is a one-page fixture that shows both
kinds of breakage are seen: a missing page is an error, a missing anchor a warning.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from scripts.tools.serving import served

CONFIG = Path(__file__).parent / "linkcheckerrc"


def linkcheck(url: str) -> subprocess.CompletedProcess:
    linkchecker = Path(sys.executable).parent / "linkchecker"
    return subprocess.run([str(linkchecker), "--config", str(CONFIG), "--no-status", url],
                          capture_output=True, text=True, timeout=600)


def test_built_site_has_no_broken_links(site_url):
    result = linkcheck(site_url)
    assert result.returncode == 0, result.stdout[-5000:]
    assert "0 warnings found. 0 errors found." in result.stdout


def test_linkchecker_catches_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<html lang="fi"><body><a href="puuttuu/">x</a>'
                                         '<a href="#ei-ole">y</a></body></html>', encoding="utf-8")
    with served(tmp_path) as url:
        result = linkcheck(url)
    assert result.returncode == 1
    assert "1 warning found. 1 error found." in result.stdout, result.stdout
    assert re.search(r"URL +`puuttuu/'.*?Result +Error: 404", result.stdout, re.S), result.stdout
    assert "Anchor `ei-ole' (decoded: `ei-ole') not found." in result.stdout
