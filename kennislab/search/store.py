"""The reader's access to the database: a handful of small, portable queries."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache

import numpy as np
from django.db import connection, transaction

from .analysis.analyzer import EXACT_PREFIX
from .models import (
    SearchDocument,
    SearchIndexState,
    SearchPostings,
    SearchSegment,
    SearchVocabulary,
)


def _decode(encoded: str) -> dict[str, int]:
    items = encoded.split()
    return {items[i]: int(items[i + 1]) for i in range(0, len(items) - 1, 2)}


@lru_cache(maxsize=2)
def _state_sql(removed: bool) -> str:
    quote = connection.ops.quote_name
    state, segment = quote(SearchIndexState._meta.db_table), quote(SearchSegment._meta.db_table)
    extra = ", s.removed_since_segment" if removed else ""
    # Table names from the models, no input.
    columns = "s.version, s.segment_id, g.token, g.max_document_id, g.term_count, s.document_count"
    return (
        f"SELECT {columns}, s.max_document_id{extra} FROM {state} s "  # noqa: S608
        f"LEFT JOIN {segment} g ON g.id = s.segment_id WHERE s.id = 1"
    )


@contextmanager
def snapshot():
    """Reads that all see the database as it was at the first of them: one index version with
    its documents and its segment's postings, whatever workers write meanwhile. A transaction
    that takes no write lock: on SQLite a deferred one (not the IMMEDIATE of every other
    transaction here), on PostgreSQL REPEATABLE READ. Inside a transaction, that one decides."""
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        mode = connection.transaction_mode
        connection.transaction_mode = "DEFERRED"
        try:
            with transaction.atomic():
                yield
        finally:
            connection.transaction_mode = mode
    else:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield


class DatabaseStore:
    snapshot = staticmethod(snapshot)

    def __init__(self, stem):
        self.stem = stem  # the analyzer's stemmer: decides which exact forms carry information

    def state(self, removed: bool = False) -> dict:
        """version, segment identity (id, token), the segment's max document id and number of
        terms, and the number and highest id of the documents; with `removed`, also the ids
        removed since the segment was built (read only when the version changed: the list can
        be long). One query, written out: it runs before every search."""
        with connection.cursor() as cursor:
            cursor.execute(_state_sql(removed))
            row = cursor.fetchone()
        if row is None:
            return {"version": 0, "segment": None, "segment_max_id": 0, "segment_terms": 0,
                    "removed": [], "documents": 0, "max_id": 0}  # fmt: skip
        version, segment_id, token, segment_max, terms, documents, max_id, *rest = row
        return {
            "version": version,
            "segment": (segment_id, token) if segment_id else None,
            "segment_max_id": segment_max or 0,
            "segment_terms": terms or 0,
            "removed": [int(x) for x in rest[0].split()] if rest else [],
            "documents": documents,
            "max_id": max_id,
        }

    def segment_terms(self, segment) -> dict[str, int]:
        segment_id = segment[0]
        return dict(
            SearchPostings.objects.filter(segment_id=segment_id).values_list(
                "term", "document_frequency"
            )
        )

    def segment_words(self, segment) -> dict[str, int]:
        segment_id = segment[0]
        return dict(
            SearchVocabulary.objects.filter(segment_id=segment_id).values_list(
                "word", "document_frequency"
            )
        )

    def postings(self, segment, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(document ids, weights) of `term` in `segment`; None when the segment has no row for
        it."""
        segment_id = segment[0]
        row = (
            SearchPostings.objects.filter(segment_id=segment_id, term=term)
            .values_list("documents", "weights")
            .first()
        )
        if row is None:
            return None
        documents, weights = row
        return (
            np.frombuffer(bytes(documents), dtype=np.int32).astype(np.int64),
            np.frombuffer(bytes(weights), dtype=np.uint16),
        )

    def postings_many(self, segment, terms) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """The postings of several terms in one query."""
        rows = SearchPostings.objects.filter(segment_id=segment[0], term__in=list(terms))
        return {
            term: (
                np.frombuffer(bytes(documents), dtype=np.int32).astype(np.int64),
                np.frombuffer(bytes(weights), dtype=np.uint16),
            )
            for term, documents, weights in rows.values_list("term", "documents", "weights")
        }

    def documents_after(self, last_id: int, segment_max: int, top: int):
        """Documents with last_id < id ≤ top: (id, length, date ordinal, type, themes, domains,
        terms). Terms are read and decoded only for documents the reader's segment (covering ids
        up to segment_max) does not hold (the delta), so a refresh after compaction moves no term
        data. The reader passes what its state said: asking the database again could give a
        newer segment, whose documents the reader's segment lacks."""
        rows = []
        queryset = (
            SearchDocument.objects.filter(id__gt=last_id, id__lte=top)
            .order_by("id")
            .values_list("id", "length", "date", "item_type", "themes", "domains")
        )
        for doc_id, length, day, item_type, themes, domains in queryset.iterator(5000):
            rows.append(
                [doc_id, length, day.toordinal() if day else 0, item_type, themes, domains, None]
            )
        if rows and rows[-1][0] > segment_max:
            delta = dict(
                SearchDocument.objects.filter(
                    id__gt=max(last_id, segment_max), id__lte=top
                ).values_list("id", "terms")
            )
            for row in rows:
                if row[0] in delta:
                    row[6] = _decode(delta[row[0]])
        return rows

    def informative_exact(self, term: str) -> bool:
        """An exact form is worth a posting only when it differs from its stem (kinderen, not
        wijk): the stem's postings already say everything about the others."""
        word = term[len(EXACT_PREFIX) :]
        return self.stem(word) != word
