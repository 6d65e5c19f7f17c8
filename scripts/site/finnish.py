"""Finnish word forms that the search engine's stemmer does not connect.

Pagefind's Snowball stemmer strips Finnish endings but does not undo consonant gradation
("raati" stems to "raat", "raadit" and "asiakasraadissa" to "raad"), and it matches word
beginnings only, so "raati" never finds "asiakasraati". A record's names are therefore also
indexed as their compound parts ("raati") and in weak grade ("asiakasraadi", "raadi").
Only the regular, productive patterns are covered; a wrong guess only adds a search term
that no one types.
"""

from __future__ import annotations

import re

# Strong grade -> weak grade, for the consonants before a word's final vowel.
_GRADATION = (("kk", "k"), ("pp", "p"), ("tt", "t"), ("nt", "nn"), ("nk", "ng"), ("mp", "mm"),
              ("lt", "ll"), ("rt", "rr"), ("ht", "hd"), ("t", "d"), ("p", "v"))
_VOWELS = "aeiouyäö"
_FINAL_VOWELS = "aiouyäö"  # not -e: nouns in -e (palaute) grade the other way round
_WORD = re.compile(r"[a-zåäö]+")


def weak_grade(word: str) -> str | None:
    """The weak-grade stem of a word ending in strong consonant + vowel, else None."""
    if len(word) < 4 or word[-1] not in _FINAL_VOWELS or word[-2] in _VOWELS:
        return None
    for strong, weak in _GRADATION:
        start = len(word) - 1 - len(strong)
        if word[start:-1] == strong and word[start - 1] in _VOWELS:
            return word[:start] + weak + word[-1]
    return None


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def lexicon(texts) -> set[str]:
    """Every word in the texts: what a compound may be split into."""
    found: set[str] = set()
    for text in texts:
        found.update(words(text))
    return found


def compound_parts(word: str, lexicon: set[str]) -> list[str]:
    """Trailing parts of a compound that are words of their own: asiakasraati -> raati."""
    return [word[start:] for start in range(3, len(word) - 4) if word[start:] in lexicon]


def search_variants(names: list[str], lexicon: set[str]) -> list[str]:
    """Compound parts and weak-grade forms of the words in a record's names, each once."""
    variants: list[str] = []
    for word in (word for name in names for word in words(name)):
        parts = compound_parts(word, lexicon)
        for form in [*parts, *(weak_grade(w) for w in (word, *parts))]:
            if form and form != word and form not in variants:
                variants.append(form)
    return variants
