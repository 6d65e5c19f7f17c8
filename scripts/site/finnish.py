"""Finnish consonant gradation: the weak-grade stem of a word, for guessing its inflected forms.

"raati" is "raadi-" in "raadit" and "asiakasraadissa", "budjetointi" is "budjetoinni-". The
search (:mod:`scripts.site.lemmas`) guesses the forms of the names in the vocabularies from
such stems and keeps only the forms Voikko reads back as the name, so a wrong guess costs
nothing. Only the regular, productive patterns are covered.
"""

from __future__ import annotations

# Strong grade -> weak grade, for the consonants before a word's final vowel.
_GRADATION = (("kk", "k"), ("pp", "p"), ("tt", "t"), ("nt", "nn"), ("nk", "ng"), ("mp", "mm"),
              ("lt", "ll"), ("rt", "rr"), ("ht", "hd"), ("t", "d"), ("p", "v"))
_VOWELS = "aeiouyäö"
_FINAL_VOWELS = "aiouyäö"  # not -e: nouns in -e (palaute) grade the other way round


def weak_grade(word: str) -> str | None:
    """The weak-grade stem of a word ending in strong consonant + vowel, else None."""
    if len(word) < 4 or word[-1] not in _FINAL_VOWELS or word[-2] in _VOWELS:
        return None
    for strong, weak in _GRADATION:
        start = len(word) - 1 - len(strong)
        if word[start:-1] == strong and word[start - 1] in _VOWELS:
            return word[:start] + weak + word[-1]
    return None
