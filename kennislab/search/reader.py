"""Reading the search index: an in-process, numpy-based reader over the stored segment.

Each app process keeps per-document arrays (length, date, facets) and caches posting arrays of
the terms it needs. It checks the index version on every search and refreshes incrementally:
new documents are appended, removed ones masked; a new segment triggers a full reload.

A reader (``IndexReader``) is a view of one index version and never changes once made:
``LiveIndex.refresh`` reads a new one (from the last, copying what it extends) in one database
snapshot and swaps it in, so a search that began on the old view finishes on it while threads
of the same process search on the new one. (Before, a refresh in one thread changed the arrays
and the posting cache under a search in another, and postings of the old segment could stay
cached in the new state: a document compacted meanwhile went missing from that process's
searches until the next index write.) A view whose segment was replaced and deleted by a
compaction in another process raises ``SegmentGone`` when it misses a posting; the search runs
again in a snapshot (service.consistently).

Ranking, for a query of clauses (one per query word):

1. For each clause, each alternative (the stem, the compound's parts, a synonym, a prefix
   completion, a spelling correction) scores BM25 (k1=1.2, b=0.75) over field-weighted term
   frequencies (title × 3, intro × 1.5, body × 1, asides × 0.5); the clause takes its best
   alternative, plus a bonus when the word is in the title (idf × 1, not saturated, so a title
   match counts even in a long document) and a smaller one when the exact word form occurs.
2. Documents are ordered by how many clauses they match fully (all query words first; a word
   matched only through a prefix completion, or through some of a compound's parts, counts as
   half and so only adds to the score), then by summed score, then by date (newest first).
"""

from __future__ import annotations

import bisect
import copy
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from .analysis.analyzer import EXACT_PREFIX, TITLE_PREFIX, Alternative, Clause, ParsedQuery

K1 = 1.2
B = 0.75
WEIGHT_SCALE = 4.0
EXACT_BONUS = 0.3
TITLE_BONUS = 1.0  # × idf, per query word found in the title (no saturation, no length norm)
TITLE_KINDS = frozenset({"stem", "synonym", "typo"})
PARTIAL_MATCH = 0.5
LOOSE_KINDS = frozenset({"prefix"})
PREFIX_MIN = 5
PREFIX_WEIGHT = 0.7
PREFIX_LIMIT = 6
TYPO_WEIGHT = 0.9
CACHE_BYTES = 64 * 1024 * 1024
DATE_NONE = 0

FACETS = ("soort", "thema", "domein", "jaar")


@dataclass
class Hit:
    document_id: int
    score: float
    matched: float


@dataclass
class Outcome:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)  # query word → corrected word


def bm25_idf(df: int, n: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def damerau_levenshtein(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 when it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# Row i: the bits of the byte value i, lowest first.
_BYTE_BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1, bitorder="little")


def _bit_counts(bits: np.ndarray, width: int) -> np.ndarray:
    """For each bit position below `width`: in how many of the int64 `bits` it is set. One
    histogram of byte values per 8 positions instead of one pass over `bits` per position."""
    counts = np.zeros(max(width, 0), dtype=np.int64)
    as_bytes = np.ascontiguousarray(bits, dtype="<i8").view(np.uint8).reshape(-1, 8)
    for byte in range((width + 7) // 8):
        histogram = np.bincount(as_bytes[:, byte], minlength=256)
        found = histogram @ _BYTE_BITS
        counts[byte * 8 : byte * 8 + 8] = found[: len(counts[byte * 8 : byte * 8 + 8])]
    return counts


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class SegmentGone(Exception):
    """The segment a view reads was replaced by a compaction and its rows deleted since the view
    was made: refresh and search again."""


class IndexReader:
    """The in-memory view of one index version (see LiveIndex). Made by `load` or `updated`;
    after that only its posting cache changes."""

    def __init__(self):
        self.version = None
        self.segment = None  # (segment id, token)
        self._reset()

    def _reset(self):
        self.ids = np.zeros(0, dtype=np.int64)
        self.lengths = np.zeros(0, dtype=np.float32)
        self.dates = np.zeros(0, dtype=np.int64)
        self.year_values = np.zeros(0, dtype=np.int64)
        self.types = np.zeros(0, dtype=np.int16)
        self.theme_bits = np.zeros(0, dtype=np.int64)
        self.domain_bits = np.zeros(0, dtype=np.int64)
        self.alive = np.zeros(0, dtype=bool)
        self.type_codes: dict[str, int] = {}
        self.theme_codes: dict[str, int] = {}
        self.domain_codes: dict[str, int] = {}
        self.segment_df: dict[str, int] = {}
        self.segment_max_id = 0
        self.delta: dict[str, tuple[list[int], list[int]]] = {}
        self.delta_words: dict[str, int] = {}
        self.segment_words: dict[str, int] = {}
        self._row_table = np.zeros(0, dtype=np.int64)  # document id → row (-1: none)
        self._borrowed: set[str] = set()  # delta terms whose lists the previous view shares
        self._new_cache()
        self._stems: list[str] = []
        self._deletes: dict[str, list[str]] = {}

    def _new_cache(self):
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._cache_bytes = 0
        self._cache_lock = threading.Lock()

    # --- loading ----------------------------------------------------------------------------

    @property
    def segment_id(self):
        return self.segment[0] if self.segment else None

    def matches(self, state) -> bool:
        return state["version"] == self.version and state["segment"] == self.segment

    @classmethod
    def load(cls, state, store) -> IndexReader:
        """A view of the index in `state` (see store.py), read from scratch."""
        view = cls()
        view.segment = state["segment"]
        view.segment_max_id = state["segment_max_id"]
        if view.segment:
            view.segment_df = store.segment_terms(view.segment)
            if len(view.segment_df) != state["segment_terms"] and (
                store.state()["segment"] != view.segment
            ):
                raise SegmentGone  # being deleted (read outside a snapshot): a newer one is current
            view.segment_words = store.segment_words(view.segment)
        view._update(state, store)
        view.version = state["version"]
        return view

    def updated(self, state, store) -> IndexReader:
        """A view of the index in `state`: a copy of this one with the documents added since and
        without those removed since; read from scratch when the segment changed or the copy does
        not match what the state says (a restored database, reused ids)."""
        if self.version is not None and state["segment"] == self.segment:
            view = self._copy()
            if view._update(state, store):
                view.version = state["version"]
                return view
        return self.load(state, store)

    def _copy(self) -> IndexReader:
        """A copy that can be extended without changing this view: arrays are replaced, not
        changed in place, when documents are added; the rest is copied here or on first write."""
        view = copy.copy(self)
        view.alive = self.alive.copy()
        view.type_codes = dict(self.type_codes)
        view.theme_codes = dict(self.theme_codes)
        view.domain_codes = dict(self.domain_codes)
        view.delta = dict(self.delta)
        view.delta_words = dict(self.delta_words)
        view._borrowed = set(self.delta)
        view._new_cache()
        return view

    def _update(self, state, store) -> bool:
        """Append new documents, mask removed ones; False when the result does not match. Reads
        only documents the state counts (id ≤ its highest id): one written since is left to the
        next version."""
        last = int(self.ids[-1]) if len(self.ids) else 0
        rows = store.documents_after(last, self.segment_max_id, state["max_id"])
        self._append(rows, store.informative_exact)
        if state["removed"]:
            self._remove(state["removed"])
        self._build_row_table()
        self._build_vocabulary()
        top = int(self.ids[-1]) if len(self.ids) else 0
        return self.document_count == state["documents"] and top <= state["max_id"]

    def _code(self, table: dict[str, int], value: str) -> int:
        if value not in table:
            table[value] = len(table)
        return table[value]

    def _bits(self, table: dict[str, int], encoded: str) -> int:
        bits = 0
        for value in filter(None, encoded.split("|")):
            code = self._code(table, value)
            if code < 63:
                bits |= 1 << code
        return bits

    def _append(self, rows, informative) -> None:
        """rows: (id, length, date ordinal, item_type, themes, domains, terms or None);
        informative(term): whether an exact form gets a posting."""
        if not rows:
            return
        start = len(self.ids)
        ids, lengths, dates, types, themes, domains = [], [], [], [], [], []
        for doc_id, length, day, item_type, theme_slugs, domain_codes, terms in rows:
            ids.append(doc_id)
            lengths.append(length)
            dates.append(day or DATE_NONE)
            types.append(self._code(self.type_codes, item_type or ""))
            themes.append(self._bits(self.theme_codes, theme_slugs))
            domains.append(self._bits(self.domain_codes, domain_codes))
            if doc_id > self.segment_max_id and terms is not None:
                row = start + len(ids) - 1
                for term, weight in terms.items():
                    if term.startswith(EXACT_PREFIX):
                        word = term[len(EXACT_PREFIX) :]
                        self.delta_words[word] = self.delta_words.get(word, 0) + 1
                        if not informative(term):
                            continue
                    lists = self.delta.get(term)
                    if lists is None or term in self._borrowed:
                        lists = self.delta[term] = (
                            (list(lists[0]), list(lists[1])) if lists else ([], [])
                        )
                        self._borrowed.discard(term)
                    rows_, weights_ = lists
                    rows_.append(row)
                    weights_.append(weight)
        self.ids = np.concatenate([self.ids, np.asarray(ids, dtype=np.int64)])
        self.lengths = np.concatenate([self.lengths, np.asarray(lengths, dtype=np.float32)])
        new_dates = np.asarray(dates, dtype=np.int64)
        self.dates = np.concatenate([self.dates, new_dates])
        self.year_values = np.concatenate([self.year_values, self._years(new_dates)])
        self.types = np.concatenate([self.types, np.asarray(types, dtype=np.int16)])
        self.theme_bits = np.concatenate([self.theme_bits, np.asarray(themes, dtype=np.int64)])
        self.domain_bits = np.concatenate([self.domain_bits, np.asarray(domains, dtype=np.int64)])
        self.alive = np.concatenate([self.alive, np.ones(len(ids), dtype=bool)])

    def _remove(self, removed_ids) -> None:
        ids = np.asarray(sorted(removed_ids), dtype=np.int64)
        rows = np.searchsorted(self.ids, ids)
        rows = rows[rows < len(self.ids)]
        rows = rows[np.isin(self.ids[rows], ids)]
        self.alive[rows] = False

    def _build_row_table(self) -> None:
        """A document id → row array, for mapping postings to rows by lookup (a binary search
        per posting cost ~2 ms for a term in 70 % of 100,000 documents). Not when ids are so
        sparse that the array would be large; then postings are mapped by binary search."""
        top = int(self.ids[-1]) if len(self.ids) else 0
        if top > 4 * len(self.ids) + 1_000_000:
            self._row_table = None
            return
        table = np.full(top + 1, -1, dtype=np.int64)
        table[self.ids] = np.arange(len(self.ids), dtype=np.int64)
        self._row_table = table

    def _rows_of(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(rows of the documents `ids` the reader holds, which of `ids` those are)."""
        table = self._row_table
        if table is None:
            rows = np.searchsorted(self.ids, ids)
            inside = rows < len(self.ids)
            found = np.zeros(len(ids), dtype=bool)
            found[inside] = self.ids[rows[inside]] == ids[inside]
            return rows[found], found
        if not len(table):
            return np.zeros(0, dtype=np.int64), np.zeros(len(ids), dtype=bool)
        rows = table[np.minimum(ids, len(table) - 1)]
        found = (rows >= 0) & (ids < len(table))
        return rows[found], found

    def _build_vocabulary(self) -> None:
        stems = {t for t in self.segment_df if not t.startswith(EXACT_PREFIX)}
        stems.update(t for t in self.delta if not t.startswith(EXACT_PREFIX))
        self._stems = sorted(stems)
        deletes: dict[str, list[str]] = {}
        for word in set(self.segment_words) | set(self.delta_words):
            if len(word) >= 4 and word.isalpha():
                for variant in _deletes(word) | {word}:
                    deletes.setdefault(variant, []).append(word)
        self._deletes = deletes

    # --- statistics -------------------------------------------------------------------------

    @property
    def document_count(self) -> int:
        return int(self.alive.sum())

    @property
    def average_length(self) -> float:
        alive = self.lengths[self.alive]
        return float(alive.mean()) if len(alive) else 1.0

    def document_frequency(self, term: str) -> int:
        return self.segment_df.get(term, 0) + len(self.delta.get(term, ((), ()))[0])

    def word_frequency(self, word: str) -> int:
        return self.segment_words.get(word, 0) + self.delta_words.get(word, 0)

    # --- postings ---------------------------------------------------------------------------

    def postings(self, term: str, store) -> tuple[np.ndarray, np.ndarray]:
        """(rows, weighted frequencies) of the live documents containing `term`."""
        with self._cache_lock:
            cached = self._cache.get(term)
            if cached is not None:
                self._cache.move_to_end(term)
        if cached is None:
            cached = self._load_postings(term, store)
            self._remember(term, cached)
        rows, weights = cached
        keep = self.alive[rows]
        if not keep.all():
            rows, weights = rows[keep], weights[keep]
        return rows, weights

    def prefetch(self, terms, store) -> None:
        """Load the postings of every uncached term among `terms` with one query."""
        wanted = [t for t in set(terms) if t not in self._cache and t in self.segment_df]
        if len(wanted) < 2:
            return
        loaded = store.postings_many(self.segment, wanted)
        for term in wanted:
            if term not in loaded:
                raise SegmentGone
            self._remember(term, self._load_postings(term, store, loaded[term]))

    def _remember(self, term, arrays) -> None:
        with self._cache_lock:
            previous = self._cache.pop(term, None)
            if previous is not None:
                self._cache_bytes -= previous[0].nbytes + previous[1].nbytes
            self._cache[term] = arrays
            self._cache_bytes += arrays[0].nbytes + arrays[1].nbytes
            while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
                _, (rows, weights) = self._cache.popitem(last=False)
                self._cache_bytes -= rows.nbytes + weights.nbytes

    def _load_postings(self, term: str, store, loaded=None) -> tuple[np.ndarray, np.ndarray]:
        parts_rows, parts_weights = [], []
        if term in self.segment_df:
            if loaded is None:
                loaded = store.postings(self.segment, term)
                if loaded is None:  # the view's segment knows the term: it was deleted
                    raise SegmentGone
            ids, weights = loaded
            rows, found = self._rows_of(ids)
            parts_rows.append(rows)
            parts_weights.append(weights[found].astype(np.float32))
        if term in self.delta:
            rows_, weights_ = self.delta[term]
            parts_rows.append(np.asarray(rows_, dtype=np.int64))
            parts_weights.append(np.asarray(weights_, dtype=np.float32))
        if not parts_rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        return np.concatenate(parts_rows), np.concatenate(parts_weights) / WEIGHT_SCALE

    # --- query expansion --------------------------------------------------------------------

    def prefix_completions(
        self, stem: str, limit: int = PREFIX_LIMIT, minimum: int = PREFIX_MIN
    ) -> list[str]:
        if len(stem) < minimum:
            return []
        start = bisect.bisect_left(self._stems, stem)
        found = []
        for term in self._stems[start:]:
            if not term.startswith(stem):
                break
            if term != stem:
                found.append(term)
        found.sort(key=lambda t: -self.document_frequency(t))
        return found[:limit]

    def correction(self, word: str) -> str | None:
        """The most frequent indexed word within edit distance 1 (2 for long words)."""
        if len(word) < 4 or not word.isalpha() or self.word_frequency(word):
            return None
        limit = 1 if len(word) < 8 else 2
        candidates = set()
        for variant in _deletes(word) | {word}:
            candidates.update(self._deletes.get(variant, ()))
        scored = [
            (distance, -self.word_frequency(candidate), candidate)
            for candidate in candidates
            if (distance := damerau_levenshtein(word, candidate, limit)) <= limit
        ]
        return min(scored)[2] if scored else None

    # --- searching --------------------------------------------------------------------------

    def _alternative(self, alternative: Alternative, store, n, avgdl):
        """(score array, match fraction array) of one alternative over all rows."""
        size = len(self.ids)
        score = np.zeros(size, dtype=np.float32)
        matched = np.zeros(size, dtype=np.float32)
        for term in alternative.terms:
            rows, tf = self.postings(term, store)
            if not len(rows):
                continue
            idf = bm25_idf(len(rows), n)
            norm = K1 * (1.0 - B + B * self.lengths[rows] / avgdl)
            score[rows] += idf * tf * (K1 + 1.0) / (tf + norm)
            matched[rows] += 1.0
        count = len(alternative.terms)
        if alternative.kind in LOOSE_KINDS:
            matched *= PARTIAL_MATCH  # a prefix completion is a weaker sign than the word itself
        if count > 1:
            score /= count
            full = matched >= count
            matched = np.where(full, 1.0, np.where(matched > 0, PARTIAL_MATCH, 0.0)).astype(
                np.float32
            )
        return score * alternative.weight, matched

    def expand(self, query: ParsedQuery, analyzer) -> dict[str, str]:
        """Add prefix completions and spelling corrections to the clauses, in place.
        Returns the corrections made (query word → indexed word)."""
        corrections = {}
        for clause in query.clauses:
            stem = clause.primary
            if not any(self.document_frequency(t) for a in clause.alternatives for t in a.terms):
                word = clause.text
                corrected = self.correction(word) if " " not in word else None
                if corrected:
                    corrections[word] = corrected
                    analysis = analyzer.word(corrected)
                    clause.add(Alternative((analysis.stem,), TYPO_WEIGHT, "typo"))
                    if len(analysis.parts) > 1:
                        clause.add(Alternative(analysis.parts, TYPO_WEIGHT * 0.85, "typo"))
                    stem = analysis.stem
            for completion in self.prefix_completions(stem):
                clause.add(Alternative((completion,), PREFIX_WEIGHT, "prefix"))
        return corrections

    def score(self, query: ParsedQuery, store) -> tuple[np.ndarray, np.ndarray]:
        """(matched clauses, score) per row."""
        size = len(self.ids)
        n = max(self.document_count, 1)
        avgdl = self.average_length or 1.0
        total_matched = np.zeros(size, dtype=np.float32)
        total_score = np.zeros(size, dtype=np.float32)
        terms = set()
        for clause in query.clauses:
            terms |= clause.all_terms()
            terms |= {TITLE_PREFIX + a.terms[0] for a in clause.alternatives if len(a.terms) == 1}
        self.prefetch(terms, store)
        for clause in query.clauses:
            clause_score, clause_matched = self._clause(clause, store, n, avgdl)
            total_matched += clause_matched
            total_score += clause_score
        return total_matched, total_score

    def _clause(self, clause: Clause, store, n, avgdl):
        size = len(self.ids)
        best_score = np.zeros(size, dtype=np.float32)
        best_matched = np.zeros(size, dtype=np.float32)
        for alternative in clause.alternatives:
            if len(alternative.terms) == 1:
                # One term: work on its postings only, no array over every document.
                rows, tf = self.postings(alternative.terms[0], store)
                if not len(rows):
                    continue
                norm = K1 * (1.0 - B + B * self.lengths[rows] / avgdl)
                value = bm25_idf(len(rows), n) * alternative.weight
                contribution = (value * tf * (K1 + 1.0) / (tf + norm)).astype(np.float32)
                best_score[rows] = np.maximum(best_score[rows], contribution)
                level = PARTIAL_MATCH if alternative.kind in LOOSE_KINDS else 1.0
                best_matched[rows] = np.maximum(best_matched[rows], level)
                continue
            score, matched = self._alternative(alternative, store, n, avgdl)
            np.maximum(best_score, score, out=best_score)
            np.maximum(best_matched, matched, out=best_matched)
        title_bonus = np.zeros(size, dtype=np.float32)
        for alternative in clause.alternatives:
            if alternative.kind in TITLE_KINDS and len(alternative.terms) == 1:
                rows, _ = self.postings(TITLE_PREFIX + alternative.terms[0], store)
                if len(rows):
                    value = TITLE_BONUS * alternative.weight * bm25_idf(len(rows), n)
                    title_bonus[rows] = np.maximum(title_bonus[rows], value)
        best_score += title_bonus
        for term in clause.bonus_terms:
            rows, tf = self.postings(term, store)
            if len(rows):
                idf = bm25_idf(len(rows), n)
                norm = K1 * (1.0 - B + B * self.lengths[rows] / avgdl)
                best_score[rows] += EXACT_BONUS * idf * tf * (K1 + 1.0) / (tf + norm)
        return best_score, best_matched

    # --- filters and facets -----------------------------------------------------------------

    def filter_masks(self, filters: dict[str, list[str]]) -> dict[str, np.ndarray]:
        """One boolean mask per active facet (values within a facet are OR-ed)."""
        masks = {}
        if values := filters.get("soort"):
            codes = [self.type_codes[v] for v in values if v in self.type_codes]
            masks["soort"] = np.isin(self.types, codes)
        if values := filters.get("thema"):
            masks["thema"] = (self.theme_bits & self._mask_bits(self.theme_codes, values)) != 0
        if values := filters.get("domein"):
            masks["domein"] = (self.domain_bits & self._mask_bits(self.domain_codes, values)) != 0
        if values := filters.get("jaar"):
            years = {int(v) for v in values if v.isdigit()}
            masks["jaar"] = np.isin(self.years(), list(years))
        return masks

    @staticmethod
    def _mask_bits(codes: dict[str, int], values) -> int:
        bits = 0
        for value in values:
            if value in codes and codes[value] < 63:
                bits |= 1 << codes[value]
        return bits

    @staticmethod
    def _years(dates: np.ndarray) -> np.ndarray:
        """Date ordinals → years (0 for no date)."""
        days = dates - 719163  # ordinal of 1970-01-01
        years = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        return np.where(dates == DATE_NONE, 0, years)

    def years(self) -> np.ndarray:
        return self.year_values

    def facet_counts(self, base: np.ndarray, masks: dict[str, np.ndarray]) -> dict[str, dict]:
        """Counts per facet value over `base`, each facet with the *other* facets applied.
        Facets with the same other filters (all of them, without filters) share their rows."""
        counts = {}
        shared: dict[tuple[str, ...], np.ndarray] = {}
        for facet in FACETS:
            others = tuple(other for other in masks if other != facet)
            rows = shared.get(others)
            if rows is None:
                subset = base
                for other in others:
                    subset = subset & masks[other]
                rows = shared[others] = np.flatnonzero(subset)
            if facet == "soort":
                codes = np.bincount(self.types[rows], minlength=len(self.type_codes))
                counts[facet] = {v: int(codes[c]) for v, c in self.type_codes.items() if v}
            elif facet in ("thema", "domein"):
                table = self.theme_codes if facet == "thema" else self.domain_codes
                bits = self.theme_bits if facet == "thema" else self.domain_bits
                found = _bit_counts(bits[rows], min(63, len(table)))
                counts[facet] = {
                    value: int(found[code]) for value, code in table.items() if code < 63
                }
            else:
                years = self.years()[rows]
                years = years[years > 0]
                first = int(years.min()) if len(years) else 0
                numbers = np.bincount(years - first) if len(years) else ()
                counts[facet] = {str(first + i): int(n) for i, n in enumerate(numbers) if n}
        return counts

    def search(
        self,
        query: ParsedQuery,
        store,
        *,
        filters: dict[str, list[str]] | None = None,
        offset: int = 0,
        limit: int = 10,
        sort: str = "relevance",
        facets: bool = False,
        exclude_ids: tuple[int, ...] = (),
        rank: str = "clauses",
        theme_bonus: tuple[str, float] = ("", 0.0),
    ) -> Outcome:
        """rank="clauses": documents matching more query words first (search); rank="score":
        by score alone (related items). theme_bonus=("|a|b|", x) adds x per shared theme."""
        if not len(self.ids) or query.empty:
            return Outcome([], 0)
        matched, score = self.score(query, store)
        base = (matched > 0) & self.alive
        if exclude_ids:
            base &= ~np.isin(self.ids, np.asarray(exclude_ids, dtype=np.int64))
        masks = self.filter_masks(filters or {})
        selected = base.copy()
        for mask in masks.values():
            selected &= mask
        rows = np.flatnonzero(selected)
        total = len(rows)
        facet_counts = self.facet_counts(base, masks) if facets else {}
        if not total:
            return Outcome([], 0, facet_counts)
        levels = np.floor(matched[rows] + 1e-6)  # query words fully matched
        if rank == "score":
            levels = np.zeros(len(rows))
        relevance = score[rows].astype(np.float64)
        themes, bonus = theme_bonus
        if themes and bonus:
            shared = self.theme_bits[rows] & self._mask_bits(self.theme_codes, themes.split("|"))
            relevance += bonus * np.array([bin(int(b)).count("1") for b in shared])
        relevance = np.round(relevance, 4)
        dates = self.dates[rows]
        # Partition on the main key, then order exactly (ties broken by date) everything at or
        # above the cut-off, so the page is right even where the cut-off falls in a tie.
        if sort == "date":
            primary = dates.astype(np.float64)
            keys = (-relevance, -levels, -dates)
        else:
            primary = levels * 1e6 + relevance
            keys = (-dates, -relevance, -levels)
        wanted = min(offset + limit, total)
        if wanted < total:
            cut = primary[np.argpartition(-primary, wanted - 1)[wanted - 1]]
            pool = np.flatnonzero(primary >= cut)
        else:
            pool = np.arange(total)
        order = np.lexsort(tuple(key[pool] for key in keys))
        top = pool[order][offset : offset + limit]
        hits = [
            Hit(int(self.ids[rows[i]]), float(score[rows[i]]), float(matched[rows[i]])) for i in top
        ]
        return Outcome(hits, total, facet_counts)


class LiveIndex:
    """The reader of one process, shared by its threads: `refresh(store)` returns the view of
    the index as it is now, making a new one when the index changed. Views never change, so a
    search keeps the view it started with, whatever other threads refresh meanwhile. A new view
    is read in one database snapshot (store.snapshot): the state and the documents it counts
    together, so a document rewritten meanwhile is never half there (its old row gone, its new
    one not yet counted)."""

    ATTEMPTS = 5  # a view read while its segment was deleted is read again

    def __init__(self):
        self.lock = threading.Lock()
        self.view = IndexReader()

    def refresh(self, store, install: bool = True) -> IndexReader:
        """The view for the index as it is now. With `install` False (the caller reads in a
        snapshot already) a newer view is made for the caller only."""
        view = self.view
        if view.matches(store.state()):
            return view
        if not install:
            return view.updated(store.state(removed=True), store)
        with self.lock:
            for _attempt in range(self.ATTEMPTS):
                view = self.view
                try:
                    with store.snapshot():
                        state = store.state(removed=True)
                        if not view.matches(state):  # else another thread made it meanwhile
                            self.view = view.updated(state, store)
                    return self.view
                except SegmentGone:  # only where no snapshot could be taken (a transaction)
                    continue
            raise SegmentGone
