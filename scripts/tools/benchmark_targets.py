"""The benchmark's targets and the rows of its results table, in Finnish.

Apart from :mod:`scripts.tools.benchmark` so that the results page (``docs/suorituskyky.md``,
through :mod:`scripts.adapters.macros`) shows the current targets against the last
measurement without importing the benchmark's machinery into every MkDocs build. A target
added after the last measurement shows as not yet measured.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    limit: float
    unit: str


# Issues 9, 15 and 19's targets, checked at the largest size; a missed target is a design problem, not a number to move.
TARGETS = (
    Target("ratio", "Koko ketju enintään yhtä kauan kuin pelkkä Material samoilla sivuilla (sama ajo)", 1.0, "×"),
    Target("growth", "Kasvu lineaarista: aika 5 000 tietueella enintään 5,5 × aika 1 000 tietueella", 5.5, "×"),
    Target("validation_s", "Ensimmäinen tarkistus (kaikki tietueet luetaan) enintään 1,5 s", 1.5, "s"),
    Target("revalidation_s", "Kaikkien tietueiden tarkistus enintään 1,5 s, kun yksi tietue on muuttunut", 1.5, "s"),
    Target("record_page_max_kb", "Tietuesivun HTML enintään 30 kt", 30, "kt"),
    Target("finder_page_kb", "Löydä menetelmä -sivun HTML enintään 300 kt", 300, "kt"),
    Target("finder_update_ms", "Löydä menetelmä -sivun tulokset päivittyvät ensimmäisestä suodattimesta 100 ms:ssa", 100, "ms"),
    Target("search_kb", "Ensimmäinen haku siirtää enintään 200 kt", 200, "kt"),
    Target("search_ms", "Ensimmäisen haun tulokset alle 300 ms:ssa", 300, "ms"),
    Target("preview_s", "Esikatselu näyttää muokatun tietueen 2 sekunnissa (oikea sisältö)", 2.0, "s"),
)
# Rows of the results table: key in a size's measurements, Finnish label, unit.
ROWS = (
    ("records", "Tietueita", ""),
    ("rounds", "Kierroksia: koko ketju ja pelkkä Material vuorotellen, ajat kierrosten mediaaneja", ""),
    ("validation_s", "Tarkistus (lataus, validointi, malli), ensimmäinen kerta", "s"),
    ("revalidation_s", "Tarkistus uudelleen, kun yksi tietue on muuttunut", "s"),
    ("generation_s", "Sivujen luonti", "s"),
    ("mkdocs_s", "mkdocs build (kahdessa prosessissa, sivujen sisennysten poisto mukana)", "s"),
    ("search_index_s", "Hakuindeksin odotus MkDocsin jälkeen (indeksi tehdään MkDocsin rinnalla)", "s"),
    ("total_s", "Koko ketju yhteensä", "s"),
    ("peak_mb", "Muistin huippu (suurin kierroksista)", "Mt"),
    ("baseline_s", "Pelkkä Material (samat sivut, Materialin haku)", "s"),
    ("ratio", "Koko ketju / pelkkä Material (kierrosten suhdelukujen mediaani)", "×"),
    ("ratio_max", "Koko ketju / pelkkä Material, suurin kierroksen suhdeluku", "×"),
    ("record_page_max_kb", "Tietuesivun HTML, suurin", "kt"),
    ("record_page_median_kb", "Tietuesivun HTML, mediaani", "kt"),
    ("finder_page_kb", "Löydä menetelmä -sivun HTML", "kt"),
    ("finder_first_filter_kb", "Löydä menetelmä -sivun tiedot ensimmäiseen suodattimeen (siirto)", "kt"),
    ("finder_update_ms", "Löydä menetelmä -sivu: suodattimen napsautuksesta päivittyneisiin tuloksiin", "ms"),
    ("site_mb", "Sivuston koko", "Mt"),
    ("search_kb", "Ensimmäisen haun siirto (Pagefind)", "kt"),
    ("search_ms", "Ensimmäisen haun aika, kun haku avattiin ensin", "ms"),
    ("search_cold_ms", "Ensimmäisen haun aika kylmiltään", "ms"),
    ("baseline_search_kb", "Materialin hakuindeksi search_index.json", "kt"),
)


def target_results(values: dict[str, float | None]) -> list[dict]:
    """Each target with the value measured (None when not measured) and whether it is met."""
    return [{"label": target.label, "limit": target.limit, "unit": target.unit, "value": values.get(target.key),
             "met": values.get(target.key) is not None and values[target.key] <= target.limit} for target in TARGETS]
