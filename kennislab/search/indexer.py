"""Writing the search index: documents in, compacted segments out.

* ``index_object`` / ``remove_object``: one object, in its own transaction (called from tasks).
* ``compact``: build a new segment from every document, switch to it atomically.
* ``rebuild``: re-analyse every registered object, then compact (``manage.py update_index``).

Every write bumps ``SearchIndexState.version`` so that app processes refresh their reader.
Index writes and compaction lock the state row, so they never interleave.
"""

from __future__ import annotations

import logging
from collections import Counter

import numpy as np
from django.db import transaction
from django.db.models import Count, Max

from .analysis.analyzer import EXACT_PREFIX
from .documents import DocumentData, all_documents, object_key, provider_for
from .models import (
    SearchDocument,
    SearchIndexState,
    SearchPostings,
    SearchSegment,
    SearchVocabulary,
    random_token,
)
from .service import analyzer, database_store

logger = logging.getLogger(__name__)

WEIGHT_SCALE = 4  # weights are stored as integers: weight × 4
MAX_WEIGHT = 65535
COMPACT_MIN = 100  # compact when this many documents changed since the segment was built …
COMPACT_FRACTION = 0.05  # … or this fraction of all documents, whichever is larger
BATCH = 500


def encode_terms(terms: Counter) -> str:
    return " ".join(
        f"{term} {min(MAX_WEIGHT, round(weight * WEIGHT_SCALE))}"
        for term, weight in sorted(terms.items())
        if weight > 0
    )


def decode_terms(encoded: str) -> dict[str, int]:
    items = encoded.split()
    return {items[i]: int(items[i + 1]) for i in range(0, len(items) - 1, 2)}


def document_row(data: DocumentData, the_analyzer=None) -> SearchDocument:
    """An unsaved SearchDocument with the analysed terms of `data`."""
    terms, length = (the_analyzer or analyzer()).document(data.fields, title=data.title)
    return SearchDocument(
        key=data.key,
        kind=data.kind,
        item_type=data.item_type,
        url=data.url[:500],
        title=data.title[:255],
        text=data.text[:20000],
        date=data.date,
        themes=f"|{'|'.join(data.themes)}|" if data.themes else "",
        domains=f"|{'|'.join(data.domains)}|" if data.domains else "",
        length=length,
        terms=encode_terms(terms),
    )


def _bump(state: SearchIndexState, removed: list[int] = ()) -> None:
    state.version = random_token()
    totals = SearchDocument.objects.aggregate(count=Count("id"), top=Max("id"))
    state.document_count = totals["count"]
    state.max_document_id = totals["top"] or 0
    if removed and state.segment_id:
        state.removed_since_segment = " ".join(
            filter(None, [state.removed_since_segment, *map(str, removed)])
        )
    state.save()


def needs_compaction(state: SearchIndexState) -> bool:
    total = SearchDocument.objects.count()
    segment = state.segment
    changed = SearchDocument.objects.filter(
        id__gt=segment.max_document_id if segment else 0
    ).count()
    changed += len(state.removed_since_segment.split())
    return changed >= max(COMPACT_MIN, COMPACT_FRACTION * total)


def write_document(data: DocumentData | None, key: str, the_analyzer=None) -> bool:
    """Replace the document stored under `key` by `data` (or remove it when None).
    Returns whether compaction is due."""
    row = document_row(data, the_analyzer) if data is not None else None
    with transaction.atomic():
        state = SearchIndexState.get(lock=True)
        old = list(SearchDocument.objects.filter(key=key).values_list("id", flat=True))
        if row is not None and old:
            current = SearchDocument.objects.get(id=old[0])
            if _same(current, row):
                return False
        SearchDocument.objects.filter(id__in=old).delete()
        if row is not None:
            row.save()
        if not old and row is None:
            return False
        _bump(state, removed=old)
        return needs_compaction(state)


def _same(current: SearchDocument, row: SearchDocument) -> bool:
    fields = ("kind", "item_type", "url", "title", "text", "date", "themes", "domains", "terms")
    return all(getattr(current, name) == getattr(row, name) for name in fields)


def index_object(obj) -> bool:
    provider = provider_for(type(obj))
    if provider is None:
        return False
    return write_document(provider(obj), object_key(obj))


def remove_object(key: str) -> bool:
    return write_document(None, key)


def index_keys(keys) -> bool:
    """Re-read the objects under `keys` and store their current documents (removing those
    that are gone or no longer public). Returns whether compaction is due."""
    from .documents import document_for_key

    the_analyzer = analyzer()
    due = False
    for key in keys:
        known, data = document_for_key(key)
        if known:
            due = write_document(data, key, the_analyzer) or due
    return due


# --- Segments -------------------------------------------------------------------------------


def compact() -> SearchSegment:
    """Build a segment over every stored document and make it current.

    Memory stays proportional to the number of postings (6 bytes each plus a sort index):
    per document the term ids and weights go into numpy arrays, then one stable argsort on
    term id groups the postings of each term, document ids ascending."""
    store = database_store()
    with transaction.atomic():
        state = SearchIndexState.get(lock=True)
        term_ids: dict[str, int] = {}
        informative: dict[str, bool] = {}
        words: Counter = Counter()
        doc_ids, doc_terms, doc_weights = [], [], []
        documents = SearchDocument.objects.order_by("id").values_list("id", "terms")
        for doc_id, encoded in documents.iterator(chunk_size=2000):
            ids, weights = [], []
            items = encoded.split()
            for i in range(0, len(items) - 1, 2):
                term = items[i]
                if term[0] == EXACT_PREFIX:
                    words[term[1:]] += 1
                    keep = informative.get(term)
                    if keep is None:
                        keep = informative[term] = store.informative_exact(term)
                    if not keep:
                        continue
                ids.append(term_ids.setdefault(term, len(term_ids)))
                weights.append(int(items[i + 1]))
            doc_ids.append(doc_id)
            doc_terms.append(np.asarray(ids, dtype=np.int32))
            doc_weights.append(np.asarray(weights, dtype=np.uint16))
        counts = np.asarray([len(t) for t in doc_terms], dtype=np.int64)
        all_terms = np.concatenate(doc_terms) if doc_terms else np.zeros(0, np.int32)
        all_weights = np.concatenate(doc_weights) if doc_weights else np.zeros(0, np.uint16)
        all_docs = np.repeat(np.asarray(doc_ids, dtype=np.int32), counts)
        del doc_terms, doc_weights
        order = np.argsort(all_terms, kind="stable")  # stable: document ids stay ascending
        all_terms, all_docs, all_weights = all_terms[order], all_docs[order], all_weights[order]
        del order
        bounds = np.searchsorted(all_terms, np.arange(len(term_ids) + 1))
        segment = SearchSegment.objects.create(
            max_document_id=doc_ids[-1] if doc_ids else 0,
            document_count=len(doc_ids),
            term_count=len(term_ids),
        )
        rows = (
            SearchPostings(
                segment=segment,
                term=term[:100],
                document_frequency=int(bounds[tid + 1] - bounds[tid]),
                documents=all_docs[bounds[tid] : bounds[tid + 1]].tobytes(),
                weights=all_weights[bounds[tid] : bounds[tid + 1]].tobytes(),
            )
            for term, tid in term_ids.items()
        )
        _bulk_create(SearchPostings, rows)
        _bulk_create(
            SearchVocabulary,
            (
                SearchVocabulary(segment=segment, word=word[:100], document_frequency=n)
                for word, n in words.items()
            ),
        )
        previous = state.segment_id
        state.segment = segment
        state.removed_since_segment = ""
        _bump(state)
        if previous:
            SearchSegment.objects.filter(pk=previous).delete()
        SearchSegment.objects.exclude(pk=segment.pk).delete()  # leftovers of failed builds
    logger.info(
        "search segment %s: %s documents, %s terms", segment.pk, len(doc_ids), len(term_ids)
    )
    return segment


def _bulk_create(model, rows, batch=BATCH):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            model.objects.bulk_create(chunk)
            chunk = []
    if chunk:
        model.objects.bulk_create(chunk)


def reindex_phrases() -> int:
    """Re-analyse the documents that hold every word of a multi-word synonym, so that their
    phrase terms follow the synonyms editors just changed. Returns how many were re-analysed;
    compacts when that is due."""
    from .documents import document_for_key
    from .service import engine

    the_analyzer, the_reader = engine()
    store = database_store()
    rows: set[int] = set()
    for phrases in the_analyzer.phrases.values():
        for phrase in phrases:
            common = None
            for stem in phrase:
                found = the_reader.postings(stem, store)[0]
                common = found if common is None else np.intersect1d(common, found)
            rows.update(int(row) for row in common)
    ids = [int(the_reader.ids[row]) for row in rows]
    keys = SearchDocument.objects.filter(id__in=ids).values_list("key", flat=True)
    count, due = 0, False
    for key in list(keys):
        known, data = document_for_key(key)
        if known:
            due = write_document(data, key, the_analyzer) or due
            count += 1
    if due:
        compact()
    return count


def rebuild(progress=None) -> int:
    """Re-analyse every registered object, drop documents of objects that are gone, compact."""
    keys = set()
    count = 0
    the_analyzer = analyzer()
    for data in all_documents():
        keys.add(data.key)
        write_document(data, data.key, the_analyzer)
        count += 1
        if progress:
            progress(count)
    stale = SearchDocument.objects.exclude(key__in=keys).values_list("key", flat=True)
    for key in list(stale):
        remove_object(key)
    compact()
    return count


def bulk_load(documents, batch=BATCH) -> int:
    """Store many new documents at once (benchmarks, first builds); call compact() after."""
    the_analyzer = analyzer()
    count = 0
    chunk = []
    for data in documents:
        chunk.append(document_row(data, the_analyzer))
        if len(chunk) >= batch:
            SearchDocument.objects.bulk_create(chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        SearchDocument.objects.bulk_create(chunk)
        count += len(chunk)
    with transaction.atomic():
        _bump(SearchIndexState.get(lock=True))
    return count
