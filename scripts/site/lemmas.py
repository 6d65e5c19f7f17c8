"""Finnish base forms (lemmas) and compound parts from Voikko, for the search index and its query table.

Finnish inflects and compounds: "kunnissa" is *kunta*, "lasten" is *lapsi*, "Lapissa" is
*Lappi*, "asiakasraatien" is *asiakasraati*, made of *asiakas* and *raati*. A stemmer that
cuts endings cannot tell *kunta* from *kun* or *Lappi* from *lapsi*; Voikko, the standard
free morphological analyser of Finnish, knows the words. The search index therefore holds
each word's base forms and compound parts (:func:`Lemmatiser.tokens`), and the browser turns
the words of a query into base forms with a table of every word form of the indexed text
and of the names in the vocabularies (:func:`Lemmatiser.forms_of`).

Voikko comes from Debian (``libvoikko1`` and the Finnish morphology ``voikko-fi``, which
``make install`` installs) through the PyPI binding ``libvoikko``. It was chosen by
measurement over the pure-Python ``pyvoikko``: the 16,676 lower-case word forms of the
records analysed in 0.6 s against 23.5 s (2.3 s with its Rust accelerator), with the same
coverage, and Voikko reads capitalised names ("Lapissa") and gives clean base forms.

Words are compared in one normal form on both sides (:func:`normal`, mirrored by
``docs/javascripts/lib/search-words.js``): lower case, accents dropped except from å, ä and ö.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from scripts.site.finnish import weak_grade

# A word: letters and digits (the JavaScript side: /[\p{L}\p{N}]+/gu). Hyphens and
# apostrophes split words, so "Bikva-arvioinnissa" is "bikva" and "arvioinnissa".
WORD = re.compile(r"[^\W_]+")
_FINNISH_LETTERS = "åäöÅÄÖ"
_VOWELS = "aeiouyäö"


class VoikkoMissing(RuntimeError):
    """Voikko or its Finnish morphology is not installed."""


@lru_cache(maxsize=200_000)
def normal(word: str) -> str:
    """Lower case, accents dropped except from å, ä and ö: "Café" -> "cafe", "Ääni" -> "ääni"."""
    if word.isascii():
        return word.lower()
    letters = (char if char in _FINNISH_LETTERS else unicodedata.normalize("NFD", char) for char in word)
    return "".join(char for char in "".join(letters) if not unicodedata.combining(char)).lower()


def words(text: str) -> list[str]:
    """The words of a text as written (not normalised)."""
    return WORD.findall(text)


@dataclass(frozen=True)
class Analysis:
    lemmas: tuple[str, ...]  # base forms, normalised; the word itself when Voikko does not know it
    parts: tuple[str, ...]  # compound parts and tails: asiakasraati -> asiakas, raati
    known: bool


def _segments(wordbases: str) -> list[tuple[str, str]]:
    """Voikko's WORDBASES ("+asiakas(asiakas)+raati(raati)") as compound segments (surface, base).

    Derivational suffixes ("+ti(+ti)") and bare morphemes ("+n") belong to the segment before."""
    segments: list[list[str]] = []
    for surface, base in re.findall(r"\+([^+(]*)(?:\(([^)]*)\))?", wordbases):
        if base and not base.startswith("+") and surface:
            segments.append([surface, base])
        elif segments:
            segments[-1][0] += surface
    return [(surface, base) for surface, base in segments]


class Lemmatiser:
    """Voikko with a cache: one analysis per distinct word form."""

    def __init__(self) -> None:
        try:
            import libvoikko
            self._voikko = libvoikko.Voikko("fi")
        except (ImportError, OSError) as error:
            raise VoikkoMissing(
                "Suomen kielen analysaattori Voikko puuttuu. Asenna se komennolla `make install` "
                "(Debianin paketit libvoikko1 ja voikko-fi sekä PyPI-paketti libvoikko).") from error
        self._cache: dict[str, Analysis] = {}
        self._terms: dict[str, dict[str, None]] = {}  # normal form -> its base forms and parts, for tokens()
        self.seen: set[str] = set()  # normal forms of the words of texts read (tokens, lemma), not of guesses

    def analyse(self, word: str) -> Analysis:
        key = normal(word)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._analyse(key)
        return found

    def _analyse(self, word: str) -> Analysis:
        if word.isdigit():
            return Analysis((word,), (), True)
        analyses = self._voikko.analyze(word)
        if not analyses:
            return Analysis((word,), (), False)
        lemmas: list[str] = []
        parts: list[str] = []
        for analysis in analyses:
            base = normal(analysis.get("BASEFORM", word))
            if base and base not in lemmas:
                lemmas.append(base)
            segments = _segments(analysis.get("WORDBASES", ""))
            if len(segments) < 2:
                continue
            heads = [normal(surface) for surface, _ in segments[:-1]]
            for _, head_base in segments[:-1]:
                parts.append(normal(head_base))
            prefix = "".join(heads)
            if base.startswith(prefix) and len(base) > len(prefix):
                for start in range(1, len(heads) + 1):  # kokemusasiantuntija -> asiantuntija, tuntija
                    parts.append("".join(heads[start:]) + base[len(prefix):])
        parts = [part for part in dict.fromkeys(parts) if part not in lemmas and len(part) > 1]
        return Analysis(tuple(lemmas), tuple(parts), True)

    def tokens(self, text: str) -> list[str]:
        """The index terms of a text: every word's base forms and compound parts, each once, in order.

        Each distinct word once, its terms kept ready as a dict: the search index asks for the
        terms of millions of words at 5,000 records, most of them seen before."""
        keys = dict.fromkeys(map(normal, words(text)))
        self.seen.update(keys)
        found: dict[str, None] = {}
        for key in keys:
            terms = self._terms.get(key)
            if terms is None:
                analysis = self.analyse(key)
                terms = self._terms[key] = dict.fromkeys((*analysis.lemmas, *analysis.parts))
            found.update(terms)
        return list(found)

    def lemma(self, word: str) -> str:
        """One base form for a word of a name (the first analysis)."""
        self.seen.add(normal(word))
        return self.analyse(word).lemmas[0]

    def forms_of(self, lemma: str, plural: bool = True) -> list[str]:
        """Inflected forms of a name's word that Voikko reads back as that word: Rovaniemi -> rovaniemellä, …

        Candidates come from a few regular stem patterns and the common case endings; only those
        Voikko analyses with this base form are kept, so a wrong guess never reaches the table."""
        lemma = normal(lemma)
        found = []
        for candidate in _candidates(lemma, plural):
            if candidate != lemma and lemma in self.analyse(candidate).lemmas:
                found.append(candidate)
        return found


# Weak -> strong grade of the consonant before the final -e of nouns like aloite, side, taive.
_STRONG_E = {"t": "tt", "k": "kk", "p": "pp", "d": "t", "v": "p"}
_SINGULAR = ("n", "a", "ta", "ssa", "sta", "lla", "lta", "lle", "na", "ksi", "seen")
_PLURAL = ("t", "en", "iin", "issa", "ista", "illa", "ille", "ien", "ja", "ihin")


def _both_harmonies(endings: tuple[str, ...]) -> tuple[str, ...]:
    """Back and front vowel forms: a compound takes its last part's (Rovaniemi -> Rovaniemellä)."""
    return tuple(sorted({*endings, *(ending.replace("a", "ä") for ending in endings)}))


_ENDINGS = {False: _both_harmonies(_SINGULAR), True: _both_harmonies(_SINGULAR + _PLURAL)}


@lru_cache(maxsize=None)
def _candidates(lemma: str, plural: bool) -> tuple[str, ...]:
    """Guessed inflected forms of a word: regular stems times common endings, plus illatives."""
    if len(lemma) < 3 or not lemma.isalpha():
        return ()
    last = lemma[-1]
    stems = {lemma}
    weak = weak_grade(lemma)
    if weak:
        stems.add(weak)
    if len(lemma) > 3 and last in _VOWELS and lemma[-2] == "k" and lemma[-3] not in _VOWELS:
        stems.add(lemma[:-2] + last)  # k drops after a consonant: Turku -> Turu-ssa
    if last in _VOWELS and plural:
        stems |= {stem[:-1] for stem in list(stems)}  # before plural i: lapp-eissa
    if last == "i":
        stems |= {lemma[:-1] + "e", (weak or lemma)[:-1] + "e"}  # Rovanieme-llä, Lahde-ssa
    if last == "e":
        stems.add(lemma + "e")  # Tampere-e-lla
        strong = _STRONG_E.get(lemma[-2:-1]) if len(lemma) > 3 and lemma[-3] in _VOWELS else None
        if strong:  # -e words grade the other way: aloite -> aloitte-et, palaute -> palautte-en
            stems |= {lemma[:-2] + strong + "e", lemma[:-2] + strong + "ee"}
    if lemma.endswith("nen"):
        stems |= {lemma[:-3] + "se", lemma[:-3] + "s"}
    if last == "s":
        stems |= {lemma + "e", lemma[:-1] + "kse", lemma[:-1] + "de", lemma[:-1] + "te"}
    forms = {stem + ending for stem in stems for ending in ("", *_ENDINGS[plural])}
    forms |= {stem + stem[-1] + "n" for stem in stems if stem[-1] in _VOWELS}  # illative: Ouluun, Lappiin
    return tuple(sorted(forms))
