"""Snippets: the passage of a document's text with the most query words, words marked.

A query's phrases (a synonym of several words, such as "gemeentelijke gezondheidsdienst" for
GGD) are marked only where the whole phrase stands, as one mark; their words on their own are
not marked (a search for GGD does not mark "gemeenten")."""

from __future__ import annotations

import bisect
import re
import unicodedata
from html import escape

from .analysis.text import fold
from .analysis.wordlists import STOPWORDS

WORD = re.compile(r"[^\W_]+", re.UNICODE)
WINDOW = 32  # words
SCAN_CHARS = 5000  # the passage is looked for in the first part of long texts
MAX_CHARS = 320


class WordMatcher:
    """Whether a word of a document matches the query terms (its stem or one of its compound
    parts), and its stem for finding the query's phrases; remembers its verdicts for the whole
    search, across snippets."""

    def __init__(self, terms: set[str], analyzer, phrases: set[tuple[str, ...]] = frozenset()):
        self.terms = terms
        self.analyzer = analyzer
        self.verdicts: dict[str, tuple[bool, str | None]] = {}
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            self.phrases.setdefault(phrase[0], []).append(phrase)

    def _verdict(self, word: str) -> tuple[bool, str | None]:
        verdict = self.verdicts.get(word)
        if verdict is None:
            folded = fold(word)
            if len(folded) < 2 and not folded.isdigit():
                verdict = (False, None)
            else:
                analysis = self.analyzer.word(folded)
                matches = analysis.stem in self.terms or any(
                    p in self.terms for p in analysis.parts
                )
                verdict = (matches, None if folded in STOPWORDS else analysis.stem)
            self.verdicts[word] = verdict
        return verdict

    def __call__(self, word: str) -> bool:
        return self._verdict(word)[0]

    def stem(self, word: str) -> str | None:
        """The word's stem, or None for a word that search skips (stopwords, single letters)."""
        return self._verdict(word)[1]

    def spans(self, words: list[str]) -> list[tuple[int, int]]:
        """(first, last) word indexes of every match, in order: single words, and whole
        phrases (stopwords inside a phrase are skipped, as in the index)."""
        singles = [(i, i) for i, word in enumerate(words) if self(word)]
        if not self.phrases:
            return singles
        meaningful = [(i, stem) for i, word in enumerate(words) if (stem := self.stem(word))]
        stems = [stem for _, stem in meaningful]
        phrases = []
        for k, stem in enumerate(stems):
            for phrase in self.phrases.get(stem, ()):
                if tuple(stems[k : k + len(phrase)]) == phrase:
                    phrases.append((meaningful[k][0], meaningful[k + len(phrase) - 1][0]))
        if not phrases:
            return singles
        spans, last = [], -1
        for first, end in sorted(phrases + singles, key=lambda span: (span[0], -span[1])):
            if first > last:  # words inside a phrase already marked are left alone
                spans.append((first, end))
                last = end
        return spans


def snippet(text: str, matches: WordMatcher, window: int = WINDOW) -> str:
    """HTML: about `window` words around the densest cluster of matching words, each match in
    <mark>, with an ellipsis where text was left out."""
    text = unicodedata.normalize("NFKC", text or "")[:SCAN_CHARS]
    if not text:
        return ""
    words = list(WORD.finditer(text))
    if not words:
        return escape(text[:MAX_CHARS])
    spans = matches.spans([match.group(0) for match in words])
    hits = [first for first, _ in spans]
    start = 0
    if hits:
        best, best_count, first = hits[0], 0, 0
        for i in hits:  # the window starting a little before hit i with the most hits in it
            begin = max(0, i - 4)
            while hits[first] < begin:
                first += 1
            last = bisect.bisect_left(hits, begin + window)
            if last - first > best_count:
                best, best_count = begin, last - first
        start = best
    end = min(len(words), start + window)
    parts = ["…" if start > 0 else ""]
    cursor = words[start].start()
    for first, last in spans:
        if first < start or first >= end:
            continue
        last = min(last, end - 1)  # text between marks is escaped in one piece
        parts.append(escape(text[cursor : words[first].start()], quote=False))
        marked = text[words[first].start() : words[last].end()]
        parts.append(f"<mark>{escape(marked, quote=False)}</mark>")
        cursor = words[last].end()
    parts.append(escape(text[cursor : words[end - 1].end()], quote=False))
    if end < len(words):
        parts.append("…")
    return "".join(parts).strip()
