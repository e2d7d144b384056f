"""Splitting Dutch compounds: ``gezondheidszorg`` → ``gezondheid`` + ``zorg``.

The method is Koehn & Knight's (2003): among all ways to cut a word into known words (each at
least MIN_PART letters, linked by nothing or by the Dutch linking morphemes -s-, -e-, -en-), take
the one whose parts have the highest geometric mean frequency, and split only when that beats the
frequency of the word itself. Lexicalised words stay whole that way (``aandacht``: the parts would
be ``aan`` + ``dacht``; ``werkgever`` is more frequent than ``werk`` and ``gever`` together), as
do words on the no-split list. Particles (``aan``, ``uit``, ``onder`` …) are never a part on their
own. Frequencies are Zipf values (log10 per billion words) from the ``wordfreq`` Dutch list, plus
a domain list and the corpus's own vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

MIN_WORD = 8  # shorter words are never split
MIN_PART = 4
MIN_PART_ZIPF = 2.0
LINKS = ("", "s", "e", "en")
# Inflection endings a last part may carry beyond its lexicon form (mantelzorg|ers).
ENDINGS = ("s", "en", "e", "ers", "er", "n")
MAX_PARTS = 4
# A word that is itself common (Zipf ≥ COMMON_WORD) is only split when its parts are clearly more
# common: make|laars (4.0) does not beat makelaars (3.5) by enough; gezondheid|zorg (5.1) does
# beat gezondheidszorg (4.3).
COMMON_WORD = 3.0
COMMON_MARGIN = 0.5


class CompoundSplitter:
    def __init__(
        self,
        lexicon: Mapping[str, float],
        *,
        no_split: frozenset[str] = frozenset(),
        particles: frozenset[str] = frozenset(),
        cache_size: int = 200_000,
    ):
        self.lexicon = lexicon
        self.no_split = no_split
        self.particles = particles
        self.split = lru_cache(maxsize=cache_size)(self._split)

    def zipf(self, word: str) -> float:
        return self.lexicon.get(word, 0.0)

    def _part_zipf(self, part: str, last: bool) -> float:
        """Frequency of a candidate part, 0 when it may not be a part."""
        if len(part) < MIN_PART or part in self.particles:
            return 0.0
        value = self.zipf(part)
        if value < MIN_PART_ZIPF and last:
            for ending in ENDINGS:
                base = part[: -len(ending)]
                if part.endswith(ending) and len(base) >= MIN_PART and base not in self.particles:
                    value = max(value, self.zipf(base) - 0.5)
        return value if value >= MIN_PART_ZIPF else 0.0

    def _best(self, word: str, depth: int, memo: dict) -> tuple[float, tuple[str, ...]]:
        """(mean Zipf frequency of the parts, parts) of the best cut of `word` into ≥ 1 part."""
        if (word, depth) in memo:
            return memo[word, depth]
        best_score, best_parts = -math.inf, ()
        whole = self._part_zipf(word, last=True)
        if whole:
            best_score, best_parts = whole, (word,)
        if depth >= MAX_PARTS:
            memo[word, depth] = best_score, best_parts
            return best_score, best_parts
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[:cut]
            head_zipf = self._part_zipf(head, last=False)
            if not head_zipf:
                continue
            for link in LINKS:
                rest = word[cut:]
                if not rest.startswith(link):
                    continue
                rest = rest[len(link) :]
                if len(rest) < MIN_PART:
                    continue
                rest_score, rest_parts = self._best(rest, depth + 1, memo)
                if not rest_parts:
                    continue
                parts = (head, *rest_parts)
                score = (head_zipf + rest_score * len(rest_parts)) / len(parts)
                if score > best_score or (score == best_score and len(parts) < len(best_parts)):
                    best_score, best_parts = score, parts
        memo[word, depth] = best_score, best_parts
        return best_score, best_parts

    def sub_compounds(self, word: str, parts: tuple[str, ...]) -> tuple[str, ...]:
        """Known words made of two or more neighbouring parts of a 3+-part split:
        huis|arts|praktijk → huisarts."""
        if len(parts) < 3:
            return ()
        spans, position = [], 0
        for part in parts:
            start = word.find(part, position)
            spans.append((start, start + len(part)))
            position = start + len(part)
        found = []
        for i in range(len(parts)):
            for j in range(i + 1, len(parts)):
                if i == 0 and j == len(parts) - 1:
                    continue
                candidate = word[spans[i][0] : spans[j][1]]
                if self.zipf(candidate) >= MIN_PART_ZIPF and candidate not in found:
                    found.append(candidate)
        return tuple(found)

    def _split(self, word: str) -> tuple[str, ...]:
        """The parts of a compound, or () when the word is not split."""
        if len(word) < MIN_WORD or word in self.no_split or not word.isalpha():
            return ()
        score, parts = self._best(word, 1, {})
        if len(parts) < 2:
            return ()
        whole = self.zipf(word)
        margin = COMMON_MARGIN if whole >= COMMON_WORD else 0.0
        if score <= whole + margin:  # the whole word is about as common as its parts
            return ()
        return parts
