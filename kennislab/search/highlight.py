"""Snippets: the passage of a document's text with the most query words, words marked."""

from __future__ import annotations

import bisect
import re
import unicodedata
from html import escape

from .analysis.text import fold

WORD = re.compile(r"[^\W_]+", re.UNICODE)
WINDOW = 32  # words
SCAN_CHARS = 5000  # the passage is looked for in the first part of long texts
MAX_CHARS = 320


class WordMatcher:
    """Whether a word of a document matches the query terms (its stem or one of its compound
    parts); remembers its verdicts for the whole search, across snippets."""

    def __init__(self, terms: set[str], analyzer):
        self.terms = terms
        self.analyzer = analyzer
        self.verdicts: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        verdict = self.verdicts.get(word)
        if verdict is None:
            folded = fold(word)
            if len(folded) < 2 and not folded.isdigit():
                verdict = False
            else:
                analysis = self.analyzer.word(folded)
                verdict = analysis.stem in self.terms or any(
                    p in self.terms for p in analysis.parts
                )
            self.verdicts[word] = verdict
        return verdict


def snippet(text: str, matches: WordMatcher, window: int = WINDOW) -> str:
    """HTML: about `window` words around the densest cluster of matching words, each match in
    <mark>, with an ellipsis where text was left out."""
    text = unicodedata.normalize("NFKC", text or "")[:SCAN_CHARS]
    if not text:
        return ""
    words = list(WORD.finditer(text))
    if not words:
        return escape(text[:MAX_CHARS])
    hits = [i for i, match in enumerate(words) if matches(match.group(0))]
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
    hit_set = set(hits)
    parts = ["…" if start > 0 else ""]
    cursor = words[start].start()
    for i in range(start, end):
        if i in hit_set:  # text between marks is escaped in one piece
            match = words[i]
            parts.append(escape(text[cursor : match.start()], quote=False))
            parts.append(f"<mark>{escape(match.group(0), quote=False)}</mark>")
            cursor = match.end()
    parts.append(escape(text[cursor : words[end - 1].end()], quote=False))
    if end < len(words):
        parts.append("…")
    return "".join(parts).strip()
