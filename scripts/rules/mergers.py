"""Municipal mergers (``data/vocabularies/municipal_mergers.yml``) and what to suggest for a place name.

Editors write the municipality they know, which is often a former one: "Kiiminki" for a case
in today's Oulu. The validator, the new-record template, the issue form and the browser editor
all ask :func:`municipality_advice` what to say about a name that is not in the municipality
list: a former municipality names its current one and the year; a Swedish name its Finnish
one; a near miss (a typo, missing ä or ö) the one intended. A merely similar name is never
offered: "Kiiminki" is not "Liminka", "Vammala" is not "Vaala".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class Merger:
    former: str
    current: str
    year: int
    source: str


def mergers_from(document: dict[str, Any] | None) -> dict[str, Merger]:
    """The validated mergers file as folded former name -> merger."""
    if not document:
        return {}
    default_source = document["source"]["name"]
    found = {}
    for entry in document["mergers"]:
        for former in entry["former"]:
            found[fold(former)] = Merger(former, entry["current"], entry["year"], entry.get("source", default_source))
    return found


def fold(name: str) -> str:
    """Case, accents and spacing folded: "Hämeenlinna ", "hameenlinna" and "HÄMEENLINNA" are one name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).replace("-", " ").split())


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance with adjacent transpositions (one typo is one edit)."""
    previous_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


def close_match(value: str, candidates: Iterable[str]) -> str | None:
    """The one candidate that is ``value`` mistyped, or None: same letters apart from case and
    accents, or one edit away (two for names of ten letters or more), starting with the same
    letter. Two equally close candidates are not a match: then nothing is suggested."""
    wanted = fold(value)
    if not wanted:
        return None
    best: list[tuple[int, str]] = []
    for candidate in candidates:
        folded = fold(candidate)
        if folded == wanted:
            return candidate
        if folded[:1] != wanted[:1]:
            continue
        allowed = 2 if min(len(folded), len(wanted)) >= 10 else 1
        if abs(len(folded) - len(wanted)) > allowed:
            continue
        distance = edit_distance(wanted, folded)
        if distance <= allowed:
            best.append((distance, candidate))
    best.sort()
    if not best or (len(best) > 1 and best[0][0] == best[1][0]):
        return None
    return best[0][1]


def municipality_advice(value: str, municipalities: dict[str, dict[str, Any]],
                        mergers: dict[str, Merger]) -> tuple[str | None, str]:
    """(the current municipality to write, or None; a Finnish sentence saying why)."""
    merger = mergers.get(fold(value))
    if merger is not None:
        return merger.current, (f"{merger.former} on entinen kunta: se liitettiin kuntaliitoksessa vuonna {merger.year} "
                                f"kuntaan {merger.current}. Kirjoita {merger.current} ja lisää {merger.former} kenttään "
                                "historical_places.")
    swedish = {fold(entry.get("name_sv") or ""): name for name, entry in municipalities.items()
               if entry.get("name_sv") and entry.get("name_sv") != name}
    if fold(value) in swedish:
        name = swedish[fold(value)]
        return name, f"{value} on kunnan ruotsinkielinen nimi. Kirjoita suomenkielinen nimi {name}."
    guess = close_match(value, municipalities)
    if guess is not None:
        return guess, f"Tarkoititko {guess!r}?"
    return None, ("Kirjoita nykyisen kunnan virallinen nimi kuntaluettelosta (esim. Oulu); entisen kunnan tai "
                  "kylän nimi kuuluu kenttään historical_places.")
