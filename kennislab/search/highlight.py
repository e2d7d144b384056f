"""Snippets: the passage of a document's text with the most query words, words marked.

A query's phrases (a synonym of several words, such as "gemeentelijke gezondheidsdienst" for
GGD) are marked only where the whole phrase stands, as one mark; their words on their own are
not marked (a search for GGD does not mark "gemeenten").

Analysing every word of a text for every result cost about 1.3 ms per result. So the analysis is
done once, at indexing time: ``snippet_index(text, analyzer)`` records, for the first SCAN_CHARS
characters of the text, at which word positions each stem and each compound part stands, which
positions a phrase skips (stopwords, single letters), the number of words and the character
offset of every CHECKPOINT-th word. At search time ``snippet(text, index, query)`` looks up the
query's terms in that index (a substring search per term), picks the window and reads just the
words of that window from the text. The result is the same as analysing every word then (with
the analyzer of indexing time; documents are re-analysed when they change)."""

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
CHECKPOINT = 32  # words between two recorded character offsets
HEADER = "#"  # the first line: "#<words>\t<offset>,<offset>,…"
SKIP = "-"  # the line of positions a phrase skips (never a stem: stems are letters and digits)


def scanned_text(text: str) -> str:
    """The part of a document's text that snippets come from."""
    return unicodedata.normalize("NFKC", text or "")[:SCAN_CHARS]


def snippet_index(text: str, analyzer) -> str:
    """What snippet() needs to know about `text`, as one string of lines:

        #<number of words>\t<character offset of word 0, CHECKPOINT, 2 × CHECKPOINT, …>
        -\t<positions of words a phrase skips>
        <stem or part>\t<positions where it is the word's stem>\t<… where it is one of its parts>

    Empty for a text without characters."""
    text = scanned_text(text)
    if not text:
        return ""
    stems: dict[str, list[int]] = {}
    parts: dict[str, list[int]] = {}
    skipped: list[int] = []
    offsets: list[int] = []
    count = 0
    for position, match in enumerate(WORD.finditer(text)):
        count = position + 1
        if position % CHECKPOINT == 0:
            offsets.append(match.start())
        folded = fold(match.group(0))
        if len(folded) < 2 and not folded.isdigit():
            skipped.append(position)
            continue
        if folded in STOPWORDS:
            skipped.append(position)
        analysis = analyzer.word(folded)
        stems.setdefault(analysis.stem, []).append(position)
        for part in analysis.parts:
            positions = parts.setdefault(part, [])
            if not positions or positions[-1] != position:
                positions.append(position)
    lines = [f"{HEADER}{count}\t{_numbers(offsets)}", f"{SKIP}\t{_numbers(skipped)}"]
    for key in sorted(stems.keys() | parts.keys()):
        lines.append(f"{key}\t{_numbers(stems.get(key, ()))}\t{_numbers(parts.get(key, ()))}")
    return "\n" + "\n".join(lines) + "\n"


def _numbers(values) -> str:
    return ",".join(map(str, values))


def _positions(field: str) -> list[int]:
    return [int(value) for value in field.split(",")] if field else []


class SnippetQuery:
    """The query as snippets need it: the terms a word may match (its stem or one of its
    compound parts), and the phrases (stems in order) that are marked only as a whole."""

    def __init__(self, terms, phrases=frozenset()):
        # Only plain stems can be in an index line (not exact forms, title or phrase terms).
        self.terms = tuple(sorted(t for t in terms if t and WORD.fullmatch(t)))
        self.patterns = tuple(f"\n{term}\t" for term in self.terms)
        self.phrases = tuple(sorted(phrases))
        self.key = (self.terms, self.phrases)

    @staticmethod
    def _line(index: str, pattern: str) -> list[str] | None:
        at = index.find(pattern)
        if at < 0:
            return None
        return index[at + 1 : index.index("\n", at + 1)].split("\t")

    def spans(self, index: str) -> list[tuple[int, int]]:
        """(first, last) word positions of every match, in order: single words, and whole
        phrases (stopwords inside a phrase are skipped, as in the index)."""
        found: set[int] = set()
        for pattern in self.patterns:
            line = self._line(index, pattern)
            if line:
                found.update(_positions(line[1]))
                found.update(_positions(line[2]))
        singles = [(i, i) for i in sorted(found)]
        if not self.phrases:
            return singles
        skipped = set(_positions(self._line(index, f"\n{SKIP}\t")[1]))
        count = int(index[2 : index.index("\t")])
        phrases = []
        for phrase in self.phrases:
            at = [self._line(index, f"\n{stem}\t") for stem in phrase]
            if not all(at):
                continue
            places = [set(_positions(line[1])) - skipped for line in at]
            for first in sorted(places[0]):
                last = first
                for following in places[1:]:
                    last += 1
                    while last in skipped:
                        last += 1
                    if last >= count or last not in following:
                        break
                else:
                    phrases.append((first, last))
        if not phrases:
            return singles
        spans, last = [], -1
        for first, end in sorted(phrases + singles, key=lambda span: (span[0], -span[1])):
            if first > last:  # words inside a phrase already marked are left alone
                spans.append((first, end))
                last = end
        return spans


def snippet(text: str, index: str, query: SnippetQuery, window: int = WINDOW) -> str:
    """HTML: about `window` words around the densest cluster of matching words, each match in
    <mark>, with an ellipsis where text was left out. `index` is snippet_index(text)."""
    text = scanned_text(text)
    if not text or not index:
        return ""
    header = index[2 : index.index("\n", 1)].split("\t")
    count = int(header[0])
    if not count:
        return escape(text[:MAX_CHARS])
    spans = query.spans(index)
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
    end = min(count, start + window)
    # Read the window's words from the text, starting at the recorded offset before it.
    checkpoint = start // CHECKPOINT
    offset = int(header[1].split(",")[checkpoint])
    words = {}
    for position, match in enumerate(WORD.finditer(text, offset), checkpoint * CHECKPOINT):
        if position >= end:
            break
        if position >= start:
            words[position] = match
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
    if end < count:
        parts.append("…")
    return "".join(parts).strip()
