"""Snippets from the index stored at indexing time give exactly what analysing every word of the
text at search time gave (the reference below is that earlier implementation, kept verbatim);
pure, no database."""

import bisect
import re
import unicodedata
from html import escape

import pytest

from kennislab.content.demo import data
from kennislab.search.analysis.analyzer import Analyzer
from kennislab.search.analysis.text import fold
from kennislab.search.analysis.wordlists import STOPWORDS
from kennislab.search.highlight import SCAN_CHARS, SnippetQuery, snippet, snippet_index

# --- the reference: every word analysed for every snippet ------------------------------------

WORD = re.compile(r"[^\W_]+", re.UNICODE)


class ReferenceMatcher:
    def __init__(self, terms, analyzer, phrases=frozenset()):
        self.terms = terms
        self.analyzer = analyzer
        self.verdicts = {}
        self.phrases = {}
        for phrase in phrases:
            self.phrases.setdefault(phrase[0], []).append(phrase)

    def _verdict(self, word):
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

    def __call__(self, word):
        return self._verdict(word)[0]

    def stem(self, word):
        return self._verdict(word)[1]

    def spans(self, words):
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
            if first > last:
                spans.append((first, end))
                last = end
        return spans


def reference_snippet(text, matches, window=32):
    text = unicodedata.normalize("NFKC", text or "")[:SCAN_CHARS]
    if not text:
        return ""
    words = list(WORD.finditer(text))
    if not words:
        return escape(text[:320])
    spans = matches.spans([match.group(0) for match in words])
    hits = [first for first, _ in spans]
    start = 0
    if hits:
        best, best_count, first = hits[0], 0, 0
        for i in hits:
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
        last = min(last, end - 1)
        parts.append(escape(text[cursor : words[first].start()], quote=False))
        marked = text[words[first].start() : words[last].end()]
        parts.append(f"<mark>{escape(marked, quote=False)}</mark>")
        cursor = words[last].end()
    parts.append(escape(text[cursor : words[end - 1].end()], quote=False))
    if end < len(words):
        parts.append("…")
    return "".join(parts).strip()


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(
        synonyms=[
            ["GGD", "gemeentelijke gezondheidsdienst"],
            ["GGZ", "geestelijke gezondheidszorg"],
            ["IZA", "Integraal Zorgakkoord"],
            ["dokter", "arts"],
        ]
    )


def demo_texts():
    texts = []
    for article in data.ARTICLES:
        parts = [article["intro"]]
        for kind, value in article["body"]:
            if kind == "paragraph":
                parts.append(value)
            elif kind in ("list", "numbered"):
                parts.append(" ".join(value))
            elif kind == "quote":
                parts.append(value["text"])
        texts.append("\n\n".join(parts))
    return texts


EDGE_TEXTS = [
    "",
    " — … ",
    "Eén woord.",
    "De GGD en de gemeentelijke gezondheidsdienst: de gemeentelijke, en de gezondheidsdienst.",
    "Veertig gemeenten en de GGD.",
    "Gemeentelijke <b>gezondheidsdienst</b> & de wijk > de stad; ﬁets en ½ appel.",
    "In de wijk " + "niets bijzonders hier. " * 400 + "De moestuin in de wijk aan het eind.",
    "moestuin " * 40,
    "Wijkbewoners beginnen een moestuin; bewoners van de wijk doen mee met de mantelzorgers.",
    "De geestelijke gezondheidszorg (GGZ) en de huisarts: 2024 was een jaar van 3 x 4 stappen.",
    "a b c d e f g moestuin h i j",
]

QUERIES = [
    "moestuin",
    "wijkbewoners",
    "ggd",
    "gemeentelijke gezondheidsdienst",
    "ggz huisarts",
    "gezondheid wijk",
    "hoe kan ik eenzaamheid in de wijk verminderen?",
    "de het een",
    "2024",
    "mantelzorg preventie jongeren school",
    "zorg",
]


def snippet_pair(text, query_text, analyzer, extra_terms=()):
    query = analyzer.query(query_text)
    terms = query.all_terms() | set(extra_terms)
    expected = reference_snippet(text, ReferenceMatcher(terms, analyzer, query.phrases()))
    found = snippet(text, snippet_index(text, analyzer), SnippetQuery(terms, query.phrases()))
    return expected, found


# --- tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query_text", QUERIES)
def test_snippets_are_those_of_analysing_every_word(analyzer, query_text):
    marked = 0
    for text in demo_texts() + EDGE_TEXTS:
        expected, found = snippet_pair(text, query_text, analyzer)
        assert found == expected, text[:80]
        marked += "<mark>" in expected
    assert marked  # the comparison covers marked snippets, not only plain ones


def test_prefix_completions_and_corrections_mark_like_query_words(analyzer):
    # The reader adds such terms to a query's clauses; they count like any other term.
    for text in demo_texts()[:10]:
        expected, found = snippet_pair(text, "gezond", analyzer, extra_terms={"gezondheid"})
        assert found == expected


def test_phrases_are_marked_whole_and_their_words_alone_are_not(analyzer):
    query = analyzer.query("ggd")
    wanted = SnippetQuery(query.all_terms(), query.phrases())
    text = "De gemeentelijke gezondheidsdienst meet; gemeentelijke zaken en de GGD."
    assert snippet(text, snippet_index(text, analyzer), wanted) == (
        "De <mark>gemeentelijke gezondheidsdienst</mark> meet; gemeentelijke zaken en de "
        "<mark>GGD</mark>"  # up to the last word of the window
    )
    # A stopword inside the phrase is skipped, as in the index.
    text = "Zij belden de gemeentelijke, de gezondheidsdienst."
    assert "<mark>gemeentelijke, de gezondheidsdienst</mark>" in snippet(
        text, snippet_index(text, analyzer), wanted
    )


def test_the_window_far_into_a_long_text(analyzer):
    text = "Begin. " + "Vulling zonder treffers hier. " * 100 + "Een moestuin met een moestuin."
    query = analyzer.query("moestuin")
    found = snippet(text, snippet_index(text, analyzer), SnippetQuery(query.all_terms()))
    assert found.startswith("…") and "<mark>moestuin</mark> met een <mark>moestuin</mark>" in found
    assert found == reference_snippet(text, ReferenceMatcher(query.all_terms(), analyzer))


def test_the_index_records_stems_parts_and_skipped_words(analyzer):
    index = snippet_index("De wijkbewoners en de moestuin", analyzer)
    lines = dict(line.split("\t", 1) for line in index.strip("\n").split("\n"))
    assert lines["#5"] == "0"  # five words, the first at offset 0
    assert lines["-"] == "0,2,3"  # de, en, de
    assert lines["moestuin"] == "4\t"
    assert lines["wijk"] == "\t1"  # a part of word 1
    assert snippet_index("", analyzer) == ""
