"""Check the external URLs that records cite, and remember which are dead.

Run on a machine with internet (a scheduled GitHub Actions workflow), never as part of the
build: the result goes to ``data/link-status.yml``, which the build reads to mark a dead
source on its page with a pointer to a web archive copy. A missing file means "not checked".
"""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

USER_AGENT = "Osallisuuden-menetelmapankki-linkkitarkistus/1.0"


def status_of(url: str, timeout: float) -> int | str:
    """HTTP status of ``url`` (HEAD, then GET for servers that refuse HEAD), or the error's name."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if method == "GET" or error.code not in (403, 405, 501):
                return error.code
        except (urllib.error.URLError, OSError, ValueError) as error:
            return type(getattr(error, "reason", error)).__name__
    return "tuntematon"


def check(urls: list[str], today: dt.date, timeout: float = 15, workers: int = 8) -> dict[str, dict]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = dict(zip(urls, pool.map(lambda url: status_of(url, timeout), urls)))
    return {url: {"ok": isinstance(code, int) and code < 400, "status": code, "checked": today.isoformat()}
            for url, code in sorted(statuses.items())}


def write_status(path: Path, status: dict[str, dict]) -> None:
    header = ("# Lähteiden verkko-osoitteiden tila. Älä muokkaa käsin: päivittyy komennolla\n"
              "# `python -m scripts check-sources` (ajastettu työnkulku). Rakentaminen ei hae verkosta.\n")
    path.write_text(header + yaml.safe_dump(status, allow_unicode=True, sort_keys=True), encoding="utf-8")

