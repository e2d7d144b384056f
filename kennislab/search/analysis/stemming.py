"""Stemming: Snowball's "dutch_porter" (pinned: Snowball 3's new "dutch" stemmer maps
``gezondheid`` to ``zon`` and ``gezin`` to ``zin``), with an override list for known bad pairs,
protected acronyms, plurals in -s after a vowel (``organisaties``, ``regios``), and the Dutch
z/s and v/f alternation that dutch_porter leaves alone: ``huizen`` → ``huiz`` → ``huis``,
``positieve`` → ``positiev`` → ``positief``, ``brieven`` → ``brief``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import Stemmer

from .wordlists import KEEP_ENDINGS, PROTECTED, STEM_OVERRIDES, VOWEL_PLURAL_MIN_STEM

ALGORITHM = "dutch_porter"
VOWELS = frozenset("aeiouy")
ALTERNATION = {"z": "s", "v": "f"}


class DutchStemmer:
    def __init__(self, lexicon: Mapping[str, float], cache_size: int = 200_000):
        self.lexicon = lexicon
        self._snowball = Stemmer.Stemmer(ALGORITHM)
        self.stem = lru_cache(maxsize=cache_size)(self._stem)

    @staticmethod
    def protected(word: str) -> str | None:
        """The protected form of an acronym (GGD, GGD's → ggd), else None."""
        if word in PROTECTED:
            return word
        if word.endswith("s") and word[:-1] in PROTECTED:
            return word[:-1]
        return None

    def _stem(self, word: str) -> str:
        if (protected := self.protected(word)) is not None:
            return protected
        if word in STEM_OVERRIDES:
            return STEM_OVERRIDES[word]
        if not word.isalpha() or word.endswith(KEEP_ENDINGS):
            return word
        stem = self._snowball.stemWord(word)
        if len(stem) > 3 and stem[-1] in ALTERNATION:
            stem = stem[:-1] + ALTERNATION[stem[-1]]
        if (
            stem == word
            and word.endswith("s")
            and word[-2] in VOWELS
            and len(word) - 1 >= VOWEL_PLURAL_MIN_STEM
            and self.lexicon.get(word[:-1], 0.0) >= self.lexicon.get(word, 0.0)
        ):
            return self._stem(word[:-1])
        return stem
