"""The search service: what views, the API and the management command call.

``search(text, …)`` analyses the query with the Dutch analyzer, expands it from the index
vocabulary (prefixes, spelling), ranks with the in-process reader and returns results with
highlighted snippets and facet counts. ``suggest`` serves autocomplete, ``related`` the "Lees ook"
lists.

Each process keeps its most recent searches (RESULTS_CACHED) and snippets (SNIPPETS_CACHED),
keyed on the index version, the analyzer and the page cache generation, so a repeated search (a
popular query, a page of results visited again) costs one query for the index state. Callers
that count searches (the search page's statistics) count every call, cached or not.

A search works on one view of the index (reader.LiveIndex) from start to end. When the view
turns out to be outdated halfway (a compaction elsewhere deleted its segment, or a document it
found was removed before its row was read), the search runs once more, reading everything in
one database snapshot (store.snapshot), where the index cannot change under it. So results
always belong to one index version: a document being rewritten is never missing, a removed one
never shown. The snapshot costs a transaction, so only a search that met a change pays it.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.core.cache import cache

from kennislab.content.text import first_words
from kennislab.core import pagecache

from .analysis.analyzer import PHRASE_PREFIX, Analyzer
from .analysis.lexicon import build_lexicon, general_lexicon
from .highlight import SnippetQuery, snippet, snippet_index
from .reader import IndexReader, LiveIndex, SegmentGone
from .store import snapshot

MAX_QUERY_LENGTH = 200
RELATED_TERMS = 20
RELATED_THEME_BONUS = 3.0  # per shared theme: themes are the editors' own judgement
CORPUS_WORD_ZIPF = 2.5
SYNONYMS_VERSION_KEY = "search:synonyms:version"
RESULTS_CACHED = 256  # searches kept per process (see search())
SNIPPETS_CACHED = 4096  # snippets kept per process

_lock = threading.RLock()
_analyzer: tuple = (None, None)  # (key, Analyzer): replaced as one, read by several threads
_live = LiveIndex()


# --- the analyzer ---------------------------------------------------------------------------


def _synonym_groups() -> list[list[str]]:
    from .models import SynonymGroup

    return [group.term_list for group in SynonymGroup.objects.all()]


def _corpus_words(segment_id) -> dict[str, float]:
    """Words of the indexed documents that the general word list does not know: they may be
    compound parts too (kavel|model)."""
    if segment_id is None:
        return {}
    from .models import SearchVocabulary

    known = general_lexicon()
    words = SearchVocabulary.objects.filter(
        segment_id=segment_id, document_frequency__gte=2
    ).values_list("word", flat=True)
    return {w: CORPUS_WORD_ZIPF for w in words if len(w) >= 4 and w.isalpha() and w not in known}


def analyzer(segment_id=...) -> Analyzer:
    """The analyzer for the current synonyms and corpus (rebuilt when either changes).
    Pass the reader's segment id when it is known; else it is looked up."""
    return _keyed_analyzer(segment_id)[1]


def _keyed_analyzer(segment_id=...) -> tuple:
    """(key, analyzer): the key says what it was built from (the synonyms' version, the
    segment), for the recent searches."""
    global _analyzer
    if segment_id is ...:
        from .models import SearchIndexState

        segment_id = (
            SearchIndexState.objects.filter(pk=1).values_list("segment_id", flat=True).first()
        )
    key = (cache.get(SYNONYMS_VERSION_KEY, 0), segment_id)
    found = _analyzer
    if found[1] is None or found[0] != key:
        with _lock:
            found = _analyzer
            if found[1] is None or found[0] != key:
                lexicon = build_lexicon(extra=_corpus_words(segment_id))
                found = _analyzer = (key, Analyzer(lexicon, synonyms=_synonym_groups()))
    return found


def synonyms_changed(**kwargs) -> None:
    try:
        cache.incr(SYNONYMS_VERSION_KEY)
    except ValueError:
        cache.set(SYNONYMS_VERSION_KEY, 1, None)


@lru_cache(maxsize=1)
def database_store():
    """The reader's store. Its stemmer (which exact forms get postings) uses the general word
    list only, so that it does not change with the corpus."""
    from .analysis.stemming import DutchStemmer
    from .store import DatabaseStore

    return DatabaseStore(DutchStemmer(build_lexicon()).stem)


def reader(install: bool = True) -> IndexReader:
    """This process's view of the index as it is now (one query when nothing changed). With
    `install` False (in a snapshot) a newer view is made for the caller only."""
    return _live.refresh(database_store(), install)


def engine(install: bool = True) -> tuple[Analyzer, IndexReader]:
    """The analyzer and an up-to-date reader, with one query to the database."""
    the_reader = reader(install)
    return analyzer(the_reader.segment_id), the_reader


def consistently(work):
    """work(settled) returns a result, or None when the view it used turned out outdated (or
    raises SegmentGone); then it runs again with settled=True inside a database snapshot, where
    it cannot be outdated (see the module's docstring)."""
    try:
        found = work(False)
    except SegmentGone:
        found = None
    if found is None:
        with snapshot():
            found = work(True)
    return found


# --- results --------------------------------------------------------------------------------


class _Recent:
    """A small thread-safe LRU mapping, per process. Not the shared cache: searches are as
    varied as visitors' queries and must not push cached pages out of it."""

    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


_recent_results = _Recent(RESULTS_CACHED)
_recent_snippets = _Recent(SNIPPETS_CACHED)


@dataclass
class Result:
    title: str
    url: str
    kind: str
    type: str
    type_label: str
    date: date | None
    score: float
    themes: list[str]
    snippet: str = ""  # HTML with <mark> (search results)
    teaser: str = ""  # plain text (related items)


@dataclass
class SearchResults:
    query: str
    results: list[Result]
    total: int
    offset: int = 0
    limit: int = 10
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def corrected_query(self) -> str | None:
        if not self.corrections:
            return None
        words = self.query.split()
        return " ".join(self.corrections.get(fold_word(w), w) for w in words)


def fold_word(word: str) -> str:
    from .analysis.text import fold

    return fold(word.strip(".,;:!?()\"'"))


@lru_cache(maxsize=1)
def type_labels() -> dict[str, str]:
    from kennislab.content.models import ItemType

    from .labels import KIND_LABELS

    return {**{code: str(label) for code, label in ItemType.choices}, **KIND_LABELS}


def clean_query(text: str) -> str:
    return " ".join(str(text or "").split())[:MAX_QUERY_LENGTH]


def _results(hits, extra, complete=False) -> list[Result] | None:
    """Results for reader hits, in order; `extra(document)` adds snippet or teaser. With
    `complete`, None when a hit's document was removed since the view was made."""
    from .models import SearchDocument

    documents = SearchDocument.objects.defer("terms").in_bulk([hit.document_id for hit in hits])
    if complete and len(documents) < len(hits):
        return None
    labels = type_labels()
    results = []
    for hit in hits:
        document = documents.get(hit.document_id)
        if document is None:  # removed since the reader refreshed
            continue
        results.append(
            Result(
                title=document.title,
                url=document.url,
                kind=document.kind,
                type=document.item_type,
                type_label=labels.get(document.item_type, document.item_type),
                date=document.date,
                score=round(hit.score, 4),
                themes=[slug for slug in document.themes.split("|") if slug],
                **extra(document),
            )
        )
    return results


def search(
    text: str,
    *,
    filters: dict[str, list[str]] | None = None,
    offset: int = 0,
    limit: int = 10,
    sort: str = "relevance",
    facets: bool = False,
    exclude_keys: tuple[str, ...] = (),
) -> SearchResults:
    text = clean_query(text)
    exclude_keys = tuple(exclude_keys)
    return consistently(
        lambda settled: _search(
            text, filters, offset, limit, sort, facets, exclude_keys, settled=settled
        )
    )


def _search(
    text, filters, offset, limit, sort, facets, exclude_keys, *, settled
) -> SearchResults | None:
    """search() on the current view: None when a document it found has been removed since
    (unless `settled`: in a snapshot, see consistently())."""
    from .models import SearchDocument

    the_reader = reader(install=not settled)
    analyzer_key, the_analyzer = _keyed_analyzer(the_reader.segment_id)
    generation = pagecache.generation()
    # The same search gives the same results as long as the index (its version and segment),
    # the analyzer (synonyms, corpus) and the content (page cache generation) are unchanged.
    key = (
        the_reader.version,
        the_reader.segment,
        analyzer_key,
        generation,
        text,
        tuple(sorted((name, tuple(values)) for name, values in (filters or {}).items())),
        offset,
        limit,
        sort,
        facets,
        exclude_keys,
    )
    cached = _recent_results.get(key)
    if cached is not None:
        return dataclasses.replace(cached, results=list(cached.results))
    query = the_analyzer.query(text)
    corrections = the_reader.expand(query, the_analyzer) if not query.empty else {}
    exclude_ids = ()
    if exclude_keys:
        exclude_ids = tuple(
            SearchDocument.objects.filter(key__in=exclude_keys).values_list("id", flat=True)
        )
    outcome = the_reader.search(
        query,
        database_store(),
        filters=filters,
        offset=max(0, offset),
        limit=max(1, limit),
        sort=sort,
        facets=facets,
        exclude_ids=exclude_ids,
    )
    wanted = SnippetQuery(query.all_terms(), query.phrases())
    results = _results(
        outcome.hits,
        lambda document: {"snippet": _snippet(document, wanted, the_analyzer, generation)},
        complete=not settled,
    )
    if results is None:
        return None
    found = SearchResults(text, results, outcome.total, offset, limit, outcome.facets, corrections)
    _recent_results.put(key, found)
    return dataclasses.replace(found, results=list(results))


def _snippet(document, wanted: SnippetQuery, the_analyzer, generation) -> str:
    """The document's snippet for the query, from the process's recent snippets when the same
    document (id and indexing time) was shown for the same query terms in this generation."""
    key = (document.id, document.indexed_at, wanted.key, generation)
    found = _recent_snippets.get(key)
    if found is None:
        # Documents indexed before snippet indexes existed are analysed now.
        index = document.snippet_index or snippet_index(document.text, the_analyzer)
        found = snippet(document.text, index, wanted)
        _recent_snippets.put(key, found)
    return found


@dataclass
class Suggestion:
    """A line of the search box's suggestion list: a page to open, or a search to run."""

    title: str
    url: str
    type: str  # Dutch label: "Praktijkvoorbeeld", "Afkorting", "Thema", …
    kind: str = "page"  # page | search

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "type": self.type, "kind": self.kind}


def suggest(prefix: str, limit: int = 8) -> list[Suggestion]:
    """Pages for an autocomplete list (title, URL, type): the query so far, its last word read
    as a prefix."""
    prefix = clean_query(prefix)
    if len(prefix) < 2:
        return []
    return consistently(lambda settled: _suggest(prefix, limit, settled))


def _suggest(prefix: str, limit: int, settled: bool) -> list[Suggestion]:
    from .analysis.analyzer import Alternative
    from .models import SearchDocument

    the_analyzer, the_reader = engine(install=not settled)
    query = the_analyzer.query(prefix)
    if query.empty:
        return []
    last = query.clauses[-1]
    typed = fold_word(prefix.split()[-1])  # the word being typed: its letters and its stem
    completions = the_reader.prefix_completions(typed, limit=12, minimum=2)
    completions += the_reader.prefix_completions(last.primary, limit=12, minimum=2)
    for completion in completions:
        last.add(Alternative((completion,), 0.9, "prefix"))
    outcome = the_reader.search(query, database_store(), limit=limit)
    documents = SearchDocument.objects.only("title", "url", "item_type").in_bulk(
        [hit.document_id for hit in outcome.hits]
    )
    labels = type_labels()
    seen, found = set(), []
    for hit in outcome.hits:
        document = documents.get(hit.document_id)
        if document and document.title not in seen:
            seen.add(document.title)
            label = labels.get(document.item_type, document.item_type)
            found.append(Suggestion(document.title, document.url, label))
    return found


def related(key: str, limit: int = 3) -> list[Result]:
    """Kennislab items that share the most distinctive terms (and themes) with the document
    `key`: its 20 strongest terms by tf × idf as a weighted query, ranked by score alone, plus
    RELATED_THEME_BONUS per shared theme."""
    from .models import SearchDocument

    document = SearchDocument.objects.filter(key=key).first()
    if document is None:
        return []
    return consistently(lambda settled: _related(document, limit, settled))


def _related(document, limit: int, settled: bool) -> list[Result]:
    from kennislab.content.models import ItemType

    from .analysis.analyzer import Alternative, Clause, ParsedQuery
    from .reader import bm25_idf
    from .store import _decode

    the_reader = reader(install=not settled)
    n = max(the_reader.document_count, 1)
    weighted = []
    for term, weight in _decode(document.terms).items():
        if term.startswith("=") or PHRASE_PREFIX in term or term.isdigit() or len(term) < 3:
            continue
        df = the_reader.document_frequency(term)
        if df > 1:
            weighted.append((weight * bm25_idf(df, n), term))
    weighted.sort(reverse=True)
    top = weighted[:RELATED_TERMS]
    if not top:
        return []
    strongest = top[0][0]
    clauses = [Clause(term, [Alternative((term,), weight / strongest)]) for weight, term in top]
    query = ParsedQuery(document.title, clauses)
    outcome = the_reader.search(
        query,
        database_store(),
        limit=limit,
        exclude_ids=(document.id,),
        filters={"soort": list(ItemType.values)},
        rank="score",
        theme_bonus=(document.themes, RELATED_THEME_BONUS),
    )
    return _results(outcome.hits, lambda document: {"teaser": first_words(document.text, 170)})


# --- statistics -----------------------------------------------------------------------------

STATISTICS_DAYS = 365


def record_query(text: str, total: int) -> None:
    """Count a search for the editors' statistics: only the normalised query, per day."""
    from django.db import IntegrityError, transaction
    from django.db.models import F
    from django.utils import timezone

    from .models import SearchQueryStat

    query = " ".join(fold_word(word) for word in clean_query(text).split())[:200]
    if not query:
        return
    today = timezone.localdate()
    empty = 1 if total == 0 else 0
    updated = SearchQueryStat.objects.filter(day=today, query=query).update(
        searches=F("searches") + 1, without_results=F("without_results") + empty
    )
    if not updated:
        try:
            with transaction.atomic():
                SearchQueryStat.objects.create(
                    day=today, query=query, searches=1, without_results=empty
                )
        except IntegrityError:  # created by a parallel request in the meantime
            SearchQueryStat.objects.filter(day=today, query=query).update(
                searches=F("searches") + 1, without_results=F("without_results") + empty
            )
    if today.day == 1 and not updated:  # once a month: forget what is older than a year
        cutoff = today - timezone.timedelta(days=STATISTICS_DAYS)
        SearchQueryStat.objects.filter(day__lt=cutoff).delete()
