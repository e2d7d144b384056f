"""The Dutch word list the compound splitter relies on: word → Zipf frequency."""

from __future__ import annotations

import math
from functools import lru_cache

from .wordlists import DOMAIN_WORDS

MIN_ZIPF = 1.5  # rarer entries of the general list are mostly noise (names, typos, English)


@lru_cache(maxsize=1)
def general_lexicon() -> dict[str, float]:
    """wordfreq's Dutch list as Zipf values (about 0.3 s and 20 MB, once per process)."""
    from wordfreq import get_frequency_dict

    lexicon = {}
    for word, frequency in get_frequency_dict("nl").items():
        zipf = math.log10(frequency * 1e9)
        if zipf >= MIN_ZIPF and word.isalpha():
            lexicon[word] = round(zipf, 2)
    return lexicon


def build_lexicon(extra: dict[str, float] | None = None) -> dict[str, float]:
    """The general list, raised by the domain list and by `extra` (for example the corpus)."""
    lexicon = dict(general_lexicon())
    for source in (DOMAIN_WORDS, extra or {}):
        for word, zipf in source.items():
            lexicon[word] = max(lexicon.get(word, 0.0), zipf)
    return lexicon
