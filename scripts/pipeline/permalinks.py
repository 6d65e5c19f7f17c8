"""Permanent addresses: the URL scheme and the committed register of published URLs.

A record's address is ``/menetelmat/<id>/`` or ``/esimerkit/<id>/``: no level or other
classification, so links in project plans survive reclassification. Every address that
has ever been published is kept in ``data/published-urls.txt``; an address in the register
must always resolve, to its record or, through ``redirect_from``, to the record that
replaced it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from scripts.pipeline.problems import Problem
from scripts.pipeline.records import SourceFile
from scripts.rules.kinds import KIND_OF_PREFIX, record_url
HEADER = ("# Kaikki koskaan julkaistut tietueiden osoitteet. Osoite ei saa kadota: jos tietue nimetään\n"
          "# uudelleen tai yhdistetään, vanha tunniste merkitään uuteen tietueeseen kenttään redirect_from.\n"
          "# Päivitä komennolla `python -m scripts permalinks` (lisää uudet, ei poista vanhoja).\n")


def read_register(path: Path) -> list[tuple[int, str]]:
    """(line, URL) for each address in the register file; none if it does not exist yet."""
    if not path.exists():
        return []
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            entries.append((number, line.strip()))
    return entries


def write_register(path: Path, urls: Iterable[str]) -> int:
    """Add ``urls`` to the register, keeping every address already in it; return how many were added."""
    known = {url for _, url in read_register(path)}
    merged = sorted(known | set(urls))
    path.write_text(HEADER + "".join(f"{url}\n" for url in merged), encoding="utf-8")
    return len(merged) - len(known)


def check_register(sources: list[SourceFile], path: Path, rel: str,
                   unread: Iterable[str] = ()) -> Iterator[Problem]:
    """Every published address still resolves to a record or to a record's redirect.

    ``unread`` are the addresses of records that exist but could not be read (their own problem
    is reported): they count as resolving, so a broken file gives one error, not two."""
    resolving = {record_url(s.kind, s.stem) for s in sources} | set(unread)
    for source in sources:
        old_ids = source.data.get("redirect_from")
        resolving |= {record_url(source.kind, old) for old in (old_ids if isinstance(old_ids, list) else [])
                      if isinstance(old, str)}
    for line, url in read_register(path):
        parts = url.strip("/").split("/")
        if len(parts) != 2 or parts[0] not in KIND_OF_PREFIX:
            yield Problem(rel, line, "osoite", f"{url!r} ei ole tietueen osoite (muoto /menetelmat/<tunniste>/ "
                          "tai /esimerkit/<tunniste>/).")
        elif url not in resolving:
            yield Problem(rel, line, "osoite", f"julkaistu osoite {url} ei enää vie mihinkään. Jos tietue "
                          f"nimettiin uudelleen tai yhdistettiin toiseen, lisää uuteen tietueeseen "
                          f"`redirect_from: [{parts[1]}]`; julkaistu osoite ei saa kadota.")
