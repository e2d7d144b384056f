"""Writing the search index: documents in, compacted segments out.

* ``index_object`` / ``remove_object``: one object, in its own transaction (called from tasks).
* ``compact``: build a new segment from every document outside any write transaction, switch
  to it in a short one (see "Segments" below).
* ``rebuild``: re-analyse every registered object, then compact (``manage.py update_index``).

Every write bumps ``SearchIndexState.version`` so that app processes refresh their reader.
Index writes lock the state row, so they never interleave; a compaction locks it only to take
its snapshot and to switch segments.

Several task workers may index the same object at once (a publish and an unpublish a moment
later, each with its task). An index task analyses the object without the lock, then, holding
it, reads the object again and writes what it is then (analysing again only when it changed
meanwhile): the last write is always of the object's latest state, so an unpublished page never
comes back because a slower worker had read it while it was still public. A worker killed
halfway leaves the index as it was: each document is replaced in one transaction.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone

from .analysis.analyzer import EXACT_PREFIX
from .documents import DocumentData, all_documents, object_key, provider_for
from .highlight import snippet_index
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
    the_analyzer = the_analyzer or analyzer()
    terms, length = the_analyzer.document(data.fields, title=data.title)
    text = data.text[:20000]
    return SearchDocument(
        key=data.key,
        kind=data.kind,
        item_type=data.item_type,
        url=data.url[:500],
        title=data.title[:255],
        text=text,
        date=data.date,
        themes=f"|{'|'.join(data.themes)}|" if data.themes else "",
        domains=f"|{'|'.join(data.domains)}|" if data.domains else "",
        length=length,
        terms=encode_terms(terms),
        snippet_index=snippet_index(text, the_analyzer),
    )


def _bump(state: SearchIndexState, removed: list[int] = ()) -> None:
    state.version = random_token()
    totals = SearchDocument.objects.aggregate(count=Count("id"), top=Max("id"))
    state.document_count = totals["count"]
    state.max_document_id = totals["top"] or 0
    if removed:  # also before the first segment: readers mask them without a reload
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


def write_document(data: DocumentData | None, key: str, the_analyzer=None, fresh=None) -> bool:
    """Replace the document stored under `key` by `data` (or remove it when None).
    `fresh()`, when given, reads the object's document again once the index is locked; what it
    returns is written instead of `data` (see the module's docstring). Returns whether
    compaction is due."""
    row = document_row(data, the_analyzer) if data is not None else None
    with transaction.atomic():
        state = SearchIndexState.get(lock=True)
        if fresh is not None:
            latest = fresh()
            if latest != data:  # changed since `data` was read: another task may be ahead
                data = latest
                row = document_row(data, the_analyzer) if data is not None else None
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
    fields = (
        "kind",
        "item_type",
        "url",
        "title",
        "text",
        "date",
        "themes",
        "domains",
        "terms",
        "snippet_index",
    )
    return all(getattr(current, name) == getattr(row, name) for name in fields)


def index_object(obj) -> bool:
    provider = provider_for(type(obj))
    if provider is None:
        return False
    key = object_key(obj)
    return write_document(provider(obj), key, fresh=lambda: _current(key))


def _current(key: str) -> DocumentData | None:
    from .documents import document_for_key

    return document_for_key(key)[1]


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
            fresh = lambda key=key: _current(key)  # noqa: E731
            due = write_document(data, key, the_analyzer, fresh) or due
    return due


# --- Segments -------------------------------------------------------------------------------
#
# A compaction builds the new segment outside any write transaction and switches to it in a
# short one, so that other writers (on SQLite: every form on the site) never wait for it:
#
# 1. begin: with the state row locked for a moment, note the highest document id (the segment
#    will cover every document up to it), how many removals the state lists so far, and claim
#    the build (one compaction at a time).
# 2. build: read the documents' terms in chunks (each chunk its own short read), group them into
#    postings in memory, insert the postings and the vocabulary in small transactions; on SQLite
#    pausing after each as long as it took, so that waiting writers get the lock in between.
#    Readers keep using the current segment meanwhile; index writes go on as before: a new or
#    changed document gets a new id above the snapshot (read as delta), a removed one is listed
#    in the state.
# 3. switch: with the state row locked, make the new segment current, keep the removals listed
#    since step 1, bump the version. Readers reload at their next search.
# 4. clean up: delete the previous segment's rows in small transactions.
#
# Rows of SearchDocument are never updated, only inserted and deleted, so documents read in
# step 2 are exactly those of step 1 minus the ones removed since (which the state lists).

COMPACT_LEASE = timedelta(minutes=5)  # a build not heard of for this long counts as abandoned
HEARTBEAT = timedelta(seconds=30)  # how often a build says it is still at work
READ_BATCH = 2000  # documents per read
WRITE_BATCH = 500  # rows per insert or delete transaction …
WRITE_BATCH_BYTES = 512 * 1024  # … or this many bytes of postings, whichever comes first
POSTING_BYTES = 6  # per document in a posting: int32 id, uint16 weight
YIELD = 1.0  # SQLite: pause this many times as long as the last write transaction took


@dataclass
class Build:
    """A compaction in progress: the segment being built and what it was built from."""

    segment: SearchSegment
    previous_segment_id: int | None
    removed_before: int  # removals listed in the state when the build began
    beat: object = None  # when the build last said it is at work

    def heartbeat(self) -> None:
        """Renew the claim now and then, so that a build whose worker was killed is taken over
        after COMPACT_LEASE, and one that is still at work is not."""
        now = timezone.now()
        if self.beat is None or now - self.beat >= HEARTBEAT:
            SearchIndexState.objects.filter(pk=1, building=self.segment).update(building_since=now)
            self.beat = now


def compact() -> SearchSegment | None:
    """Build a segment over every stored document and make it current. Returns it, or None
    when another compaction is building one (or took over an abandoned build of ours).

    Memory stays proportional to the number of postings (6 bytes each plus a sort index):
    per document the term ids and weights go into numpy arrays, then one stable argsort on
    term id groups the postings of each term, document ids ascending."""
    build = begin_compaction()
    if build is None:
        return None
    try:
        build_segment(build)
    except BaseException:
        abandon(build)
        raise
    return finish_compaction(build)


def _claimed(state: SearchIndexState) -> bool:
    """Whether another compaction is building a segment (and was heard of recently)."""
    return bool(
        state.building_id
        and state.building_since
        and timezone.now() - state.building_since < COMPACT_LEASE
    )


def begin_compaction() -> Build | None:
    if _claimed(SearchIndexState.get()):  # without the lock first: a second worker just leaves
        logger.info("search compaction skipped: a segment is being built")
        return None
    with transaction.atomic():
        state = SearchIndexState.get(lock=True)
        now = timezone.now()
        if _claimed(state):
            logger.info("search compaction skipped: segment %s is being built", state.building_id)
            return None
        top = SearchDocument.objects.aggregate(top=Max("id"))["top"] or 0
        segment = SearchSegment.objects.create(max_document_id=top)
        state.building, state.building_since = segment, now
        state.save(update_fields=["building", "building_since"])
        removed_before = len(state.removed_since_segment.split())
        return Build(segment, state.segment_id, removed_before, beat=now)


def _documents(max_id: int, heartbeat=lambda: None):
    """(id, encoded terms) of every document up to max_id, in id order, read in chunks."""
    last = 0
    while True:
        heartbeat()
        chunk = list(
            SearchDocument.objects.filter(id__gt=last, id__lte=max_id)
            .order_by("id")
            .values_list("id", "terms")[:READ_BATCH]
        )
        if not chunk:
            return
        yield from chunk
        last = chunk[-1][0]


def build_segment(build: Build) -> None:
    """Fill the build's segment with postings and vocabulary (it is not current yet)."""
    store = database_store()
    segment = build.segment
    term_ids: dict[str, int] = {}
    informative: dict[str, bool] = {}
    words: Counter = Counter()
    doc_ids, doc_terms, doc_weights = [], [], []
    for doc_id, encoded in _documents(segment.max_document_id, build.heartbeat):
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
    build.heartbeat()
    _insert(
        SearchPostings,
        rows,
        size=lambda row: POSTING_BYTES * row.document_frequency,
        heartbeat=build.heartbeat,
    )
    _insert(
        SearchVocabulary,
        (
            SearchVocabulary(segment=segment, word=word[:100], document_frequency=n)
            for word, n in words.items()
        ),
        heartbeat=build.heartbeat,
    )
    segment.document_count, segment.term_count = len(doc_ids), len(term_ids)
    segment.save(update_fields=["document_count", "term_count"])


def finish_compaction(build: Build) -> SearchSegment | None:
    """Make the built segment current (unless the build was taken over), then delete the
    segments it replaces."""
    segment = build.segment
    with transaction.atomic():
        state = SearchIndexState.get(lock=True)
        ours = state.building_id == segment.pk and state.segment_id == build.previous_segment_id
        if ours:
            removed = state.removed_since_segment.split()[build.removed_before :]
            state.segment = segment
            state.removed_since_segment = " ".join(removed)
            state.building = state.building_since = None
            _bump(state)
    if not ours:
        logger.warning("search segment %s was taken over by another compaction", segment.pk)
        _drop_segment(segment.pk)
        return None
    # The previous segment and leftovers of abandoned builds; a build that began since has a
    # higher id.
    for old in SearchSegment.objects.filter(pk__lt=segment.pk).values_list("pk", flat=True):
        _drop_segment(old)
    logger.info(
        "search segment %s: %s documents, %s terms",
        segment.pk,
        segment.document_count,
        segment.term_count,
    )
    return segment


def abandon(build: Build) -> None:
    """After a failed build: release the claim and delete what was built."""
    try:
        with transaction.atomic():
            state = SearchIndexState.get(lock=True)
            if state.building_id == build.segment.pk:
                state.building = state.building_since = None
                state.save(update_fields=["building", "building_since"])
        _drop_segment(build.segment.pk)
    except Exception:  # the original error matters more
        logger.exception("could not clean up search segment %s", build.segment.pk)


def _drop_segment(segment_id: int) -> None:
    """Delete a segment that is not current, its rows in small transactions (a posting's
    bytes count: freeing a large one costs SQLite a read of each of its overflow pages)."""
    postings = SearchPostings.objects.filter(segment_id=segment_id)
    sizes = (
        (pk, POSTING_BYTES * df) for pk, df in postings.values_list("id", "document_frequency")
    )
    for ids in _batches(sizes):
        with _yielding():
            SearchPostings.objects.filter(id__in=ids).delete()
    words = SearchVocabulary.objects.filter(segment_id=segment_id).values_list("id", flat=True)
    for ids in _batches((pk, 0) for pk in words):
        with _yielding():
            SearchVocabulary.objects.filter(id__in=ids).delete()
    with transaction.atomic():
        state = SearchIndexState.get(lock=True)
        if segment_id != state.segment_id:
            SearchSegment.objects.filter(pk=segment_id).delete()


def _batches(items):
    """Lists of items of (item, bytes) of at most WRITE_BATCH items or WRITE_BATCH_BYTES bytes
    (a single larger item makes a batch of its own)."""
    batch, size = [], 0
    for item, item_size in items:
        if batch and size + item_size > WRITE_BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += item_size
        if len(batch) >= WRITE_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@contextmanager
def _yielding():
    """A write transaction that, on SQLite, is followed by a pause as long as it took (times
    YIELD), so that writers waiting for the database lock get it in between."""
    started = time.perf_counter()
    with transaction.atomic():
        yield
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        time.sleep((time.perf_counter() - started) * YIELD)


def _insert(model, rows, size=None, heartbeat=lambda: None):
    """bulk_create in transactions of at most WRITE_BATCH rows or WRITE_BATCH_BYTES bytes."""
    for chunk in _batches((row, size(row) if size else 0) for row in rows):
        with _yielding():
            model.objects.bulk_create(chunk)
        heartbeat()


def _store(rows) -> int:
    """Insert new documents holding the state lock, like every index write (so a compaction's
    snapshot never misses a document inserted before it but committed after)."""
    with transaction.atomic():
        SearchIndexState.get(lock=True)
        SearchDocument.objects.bulk_create(rows)
    return len(rows)


def reindex_phrases() -> int:
    """Re-analyse the documents that hold every word of a multi-word synonym, so that their
    phrase terms follow the synonyms editors just changed. Returns how many were re-analysed;
    compacts when that is due."""
    from .documents import document_for_key
    from .service import consistently, engine

    def holders(settled):
        the_analyzer, the_reader = engine(install=not settled)
        store = database_store()
        rows: set[int] = set()
        for phrases in the_analyzer.phrases.values():
            for phrase in phrases:
                common = None
                for stem in phrase:
                    found = the_reader.postings(stem, store)[0]
                    common = found if common is None else np.intersect1d(common, found)
                rows.update(int(row) for row in common)
        return the_analyzer, [int(the_reader.ids[row]) for row in rows]

    the_analyzer, ids = consistently(holders)
    keys = SearchDocument.objects.filter(id__in=ids).values_list("key", flat=True)
    count, due = 0, False
    for key in list(keys):
        known, data = document_for_key(key)
        if known:
            fresh = lambda key=key: _current(key)  # noqa: E731
            due = write_document(data, key, the_analyzer, fresh) or due
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
        fresh = lambda key=data.key: _current(key)  # noqa: E731
        write_document(data, data.key, the_analyzer, fresh)
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
            count += _store(chunk)
            chunk = []
    if chunk:
        count += _store(chunk)
    with transaction.atomic():
        _bump(SearchIndexState.get(lock=True))
    return count
