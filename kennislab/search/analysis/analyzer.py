"""The Dutch analyzer: one object used at index time and at query time.

Index side, ``document_terms(fields)`` gives weighted term frequencies for a document:

* every word's stem (``wijkbewoners`` → ``wijkbewoner``), weighted by its field;
* the exact folded form as a separate term, prefixed ``=`` (``=wijkbewoners``): the vocabulary
  for spelling suggestions, and (where it differs from the stem) a boost for exact-form matches;
* compound parts' stems (``wijk``, ``bewoner``) and known sub-compounds at PART_WEIGHT;
* the joined form of a hyphenated word (``publiekprivate``) at PART_WEIGHT;
* the title's stems once more, prefixed ``^``: presence in the title, scored without saturation;
* every multi-word synonym expression that occurs as a phrase (its stems adjacent and in order,
  stopwords skipped) as one phrase term, prefixed ``"`` (``"gemeent_gezondheidsdienst``).

Query side, ``query(text)`` gives clauses, one per meaningful query word (stopwords dropped),
each with weighted alternatives: the stem, the compound parts together, synonyms. A synonym of
several words is matched as a phrase (its phrase term), never as any of its words: ``GGD``
finds "gemeentelijke gezondheidsdienst", not every text about "gemeenten". The search engine
adds prefix and typo alternatives from the index vocabulary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .compounds import CompoundSplitter
from .lexicon import build_lexicon
from .stemming import DutchStemmer
from .text import RawToken, tokenise
from .wordlists import NO_SPLIT, PARTICLES, PROTECTED, QUERY_FILLERS, STOPWORDS

EXACT_PREFIX = "="
TITLE_PREFIX = "^"
PHRASE_PREFIX = '"'
PHRASE_JOINER = "_"  # never inside a token (tokens are letters and digits)
MAX_TERM_LENGTH = 100  # the index's term column
PART_WEIGHT = 0.5
MIN_LENGTH = 2

# Query alternatives: how much each kind of match counts relative to the stem itself.
COMPOUND_PARTS_WEIGHT = 0.85
SUB_COMPOUND_WEIGHT = 0.6
JOINED_PARTS_WEIGHT = 0.85
SYNONYM_WEIGHT = 0.8


@dataclass(frozen=True)
class WordAnalysis:
    surface: str
    stem: str
    parts: tuple[str, ...] = ()  # stems of the compound's parts
    sub_compounds: tuple[str, ...] = ()  # stems of known words inside a 3+-part compound

    @property
    def exact(self) -> str | None:
        return EXACT_PREFIX + self.surface if self.surface != self.stem else None


@dataclass(frozen=True)
class Alternative:
    """Index terms that together express a query word, and how much a match counts."""

    terms: tuple[str, ...]
    weight: float = 1.0
    kind: str = "stem"  # stem | parts | synonym | prefix | typo


@dataclass
class Clause:
    """One query word (or phrase) and the ways a document can match it."""

    text: str
    alternatives: list[Alternative] = field(default_factory=list)
    bonus_terms: tuple[str, ...] = ()  # exact forms: extra score when present

    @property
    def primary(self) -> str:
        return self.alternatives[0].terms[0] if self.alternatives else ""

    def add(self, alternative: Alternative) -> None:
        if alternative.terms and all(a.terms != alternative.terms for a in self.alternatives):
            self.alternatives.append(alternative)

    def all_terms(self) -> set[str]:
        terms = {term for alternative in self.alternatives for term in alternative.terms}
        return terms | set(self.bonus_terms)


@dataclass
class ParsedQuery:
    text: str
    clauses: list[Clause]

    @property
    def empty(self) -> bool:
        return not self.clauses

    def all_terms(self) -> set[str]:
        return (
            set().union(*(clause.all_terms() for clause in self.clauses)) if self.clauses else set()
        )

    def phrases(self) -> set[tuple[str, ...]]:
        """The stems of every phrase the query looks for (for highlighting)."""
        return {phrase for term in self.all_terms() if (phrase := phrase_stems(term))}


def phrase_term(stems: tuple[str, ...]) -> str | None:
    """The index term of a phrase of several stems, or None when it would not fit the index."""
    if len(stems) < 2:
        return None
    term = PHRASE_PREFIX + PHRASE_JOINER.join(stems)
    return term if len(TITLE_PREFIX + term) <= MAX_TERM_LENGTH else None


def phrase_stems(term: str) -> tuple[str, ...] | None:
    """The stems of a phrase term (None for any other term)."""
    if not term.startswith(PHRASE_PREFIX):
        return None
    return tuple(term[len(PHRASE_PREFIX) :].split(PHRASE_JOINER))


class Analyzer:
    def __init__(
        self,
        lexicon: Mapping[str, float] | None = None,
        synonyms: Iterable[Iterable[str]] = (),
        cache_size: int = 200_000,
    ):
        self.lexicon = lexicon if lexicon is not None else build_lexicon()
        self.splitter = CompoundSplitter(self.lexicon, no_split=NO_SPLIT, particles=PARTICLES)
        self.stemmer = DutchStemmer(self.lexicon, cache_size=cache_size)
        self.word = lru_cache(maxsize=cache_size)(self._word)
        self.groups = [list(group) for group in synonyms]  # as written, for suggestions
        self.synonyms = self._synonym_table(self.groups)
        # Multi-word expressions, indexed as phrase terms: {first stem: [stems, …]}.
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for stems in self.synonyms:
            if phrase_term(stems):
                self.phrases.setdefault(stems[0], []).append(stems)

    # --- words ------------------------------------------------------------------------------

    def stem(self, word: str) -> str:
        return self.stemmer.stem(word)

    def _word(self, surface: str) -> WordAnalysis:
        stem = self.stem(surface)
        if self.stemmer.protected(surface) or surface in PROTECTED:
            return WordAnalysis(surface, stem)
        parts = self.splitter.split(surface)
        if not parts:
            return WordAnalysis(surface, stem)
        return WordAnalysis(
            surface,
            stem,
            tuple(self.stem(part) for part in parts),
            tuple(self.stem(sub) for sub in self.splitter.sub_compounds(surface, parts)),
        )

    def tokens(self, text: str) -> list[RawToken]:
        return tokenise(text, keep_whole=PROTECTED)

    @staticmethod
    def meaningful(token: RawToken) -> bool:
        text = token.text
        return (len(text) >= MIN_LENGTH or text.isdigit()) and text not in STOPWORDS

    # --- documents --------------------------------------------------------------------------

    def document_terms(self, fields: Iterable[tuple[str, float]]) -> Counter:
        """Weighted term frequencies of a document given as (text, field weight) pairs."""
        return self.document(fields)[0]

    def document(self, fields: Iterable[tuple[str, float]], title: str = "") -> tuple[Counter, int]:
        """(weighted term frequencies, number of meaningful words) of a document given as
        (text, field weight) pairs. The stems of `title` are also recorded as title terms
        (prefixed ^), so that a query word in the title can be rewarded beyond BM25."""
        terms: Counter = Counter()
        title_stems = []
        for token in self.tokens(title):
            if self.meaningful(token):
                terms[TITLE_PREFIX + self.word(token.text).stem] = 1
                if not token.joined:
                    title_stems.append(self.word(token.text).stem)
        for phrase in self.phrases_in(title_stems):
            terms[TITLE_PREFIX + phrase] = 1
        length = 0
        for text, weight in fields:
            if not text:
                continue
            stems = []
            for token in self.tokens(text):
                if not self.meaningful(token):
                    continue
                word = self.word(token.text)
                if token.joined:
                    terms[word.stem] += weight * PART_WEIGHT
                    continue
                length += 1
                stems.append(word.stem)
                terms[word.stem] += weight
                # Every surface form is recorded (the vocabulary for spelling suggestions); only
                # forms that differ from their stem get postings (see search/store.py).
                terms[EXACT_PREFIX + word.surface] += weight
                for part in (*word.parts, *word.sub_compounds):
                    if part != word.stem:
                        terms[part] += weight * PART_WEIGHT
            for phrase in self.phrases_in(stems):
                terms[phrase] += weight
        return terms, length

    def phrases_in(self, stems: list[str]) -> list[str]:
        """The phrase terms of the known multi-word expressions in a sequence of stems (one per
        occurrence)."""
        found = []
        if not self.phrases:
            return found
        for i, stem in enumerate(stems):
            for phrase in self.phrases.get(stem, ()):
                if tuple(stems[i : i + len(phrase)]) == phrase:
                    found.append(phrase_term(phrase))
        return found

    # --- queries ----------------------------------------------------------------------------

    def _clause_for(self, word: WordAnalysis, text: str) -> Clause:
        clause = Clause(text, bonus_terms=(word.exact,) if word.exact else ())
        clause.add(Alternative((word.stem,), 1.0, "stem"))
        if len(word.parts) > 1:
            clause.add(Alternative(word.parts, COMPOUND_PARTS_WEIGHT, "parts"))
        for sub in word.sub_compounds:
            clause.add(Alternative((sub,), SUB_COMPOUND_WEIGHT, "parts"))
        return clause

    def query(self, text: str) -> ParsedQuery:
        tokens = self.tokens(text)
        candidates = [token for token in tokens if self.meaningful(token)]
        meaningful = [token for token in candidates if token.text not in QUERY_FILLERS]
        if not meaningful:  # only fillers or stopwords: search for those anyway
            meaningful = candidates or [
                t for t in tokens if len(t.text) >= MIN_LENGTH or t.text.isdigit()
            ]
        clauses: list[Clause] = []
        positions: dict[int, Clause] = {}
        for token in meaningful:
            word = self.word(token.text)
            if token.joined:
                # A hyphenated word: one clause for the whole, with its parts as alternative.
                members = [c for p, c in positions.items() if p >= token.position]
                joined = self._clause_for(word, token.text)
                part_stems = tuple(m.primary for m in members if m.primary)
                if len(part_stems) > 1:
                    joined.add(Alternative(part_stems, JOINED_PARTS_WEIGHT, "parts"))
                for member in members:
                    clauses.remove(member)
                for position in [p for p in positions if p >= token.position]:
                    del positions[position]
                clauses.append(joined)
                continue
            clause = self._clause_for(word, token.text)
            clauses.append(clause)
            positions[token.position] = clause
        return ParsedQuery(text, self._with_synonyms(clauses))

    # --- synonyms ---------------------------------------------------------------------------

    def _synonym_table(self, groups: Iterable[Iterable[str]]) -> dict[tuple[str, ...], list]:
        """{stems of an expression: [stems of each equivalent expression]}"""
        table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            expressions = []
            for expression in group:
                stems = tuple(
                    self.word(token.text).stem
                    for token in self.tokens(expression)
                    if self.meaningful(token) and not token.joined
                )
                if stems and stems not in expressions:
                    expressions.append(stems)
            for stems in expressions:
                others = [other for other in expressions if other != stems]
                table.setdefault(stems, [])
                table[stems].extend(o for o in others if o not in table[stems])
        return table

    def _with_synonyms(self, clauses: list[Clause]) -> list[Clause]:
        if not self.synonyms:
            return clauses
        longest = max(len(key) for key in self.synonyms)
        result: list[Clause] = []
        i = 0
        while i < len(clauses):
            for size in range(min(longest, len(clauses) - i), 0, -1):
                key = tuple(clause.primary for clause in clauses[i : i + size])
                if key in self.synonyms:
                    if size == 1:
                        merged = clauses[i]
                    else:
                        merged = Clause(" ".join(c.text for c in clauses[i : i + size]))
                        merged.add(Alternative(key, 1.0, "stem"))
                        if phrase := phrase_term(key):  # the words as typed, in order: best
                            merged.add(Alternative((phrase,), 1.0, "stem"))
                        merged.bonus_terms = tuple(
                            t for c in clauses[i : i + size] for t in c.bonus_terms
                        )
                    for other in self.synonyms[key]:
                        # A synonym of several words counts only as that phrase, never as
                        # one of its words ("GGD" is not "gemeenten").
                        phrase = phrase_term(other)
                        terms = (phrase,) if phrase else other
                        merged.add(Alternative(terms, SYNONYM_WEIGHT, "synonym"))
                    result.append(merged)
                    i += size
                    break
            else:
                result.append(clauses[i])
                i += 1
        return result
