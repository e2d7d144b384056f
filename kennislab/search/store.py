"""The reader's access to the database: a handful of small, portable queries."""

from __future__ import annotations

import numpy as np

from .analysis.analyzer import EXACT_PREFIX
from .models import SearchDocument, SearchIndexState, SearchPostings, SearchVocabulary


def _decode(encoded: str) -> dict[str, int]:
    items = encoded.split()
    return {items[i]: int(items[i + 1]) for i in range(0, len(items) - 1, 2)}


class DatabaseStore:
    def __init__(self, stem):
        self.stem = stem  # the analyzer's stemmer: decides which exact forms carry information

    def state(self) -> dict:
        """version, segment identity (id, token), the segment's max document id, ids removed
        since, and the number and highest id of the documents."""
        row = (
            SearchIndexState.objects.filter(pk=1)
            .values(
                "version",
                "segment_id",
                "segment__token",
                "segment__max_document_id",
                "removed_since_segment",
                "document_count",
                "max_document_id",
            )
            .first()
        )
        if row is None:
            return {"version": 0, "segment": None, "segment_max_id": 0, "removed": [],
                    "documents": 0, "max_id": 0}  # fmt: skip
        return {
            "version": row["version"],
            "segment": (row["segment_id"], row["segment__token"]) if row["segment_id"] else None,
            "segment_max_id": row["segment__max_document_id"] or 0,
            "removed": [int(x) for x in row["removed_since_segment"].split()],
            "documents": row["document_count"],
            "max_id": row["max_document_id"],
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

    def postings(self, segment, term: str) -> tuple[np.ndarray, np.ndarray]:
        segment_id = segment[0]
        row = (
            SearchPostings.objects.filter(segment_id=segment_id, term=term)
            .values_list("documents", "weights")
            .first()
        )
        if row is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint16)
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

    def documents_after(self, last_id: int):
        """Documents with id > last_id: (id, length, date ordinal, type, themes, domains, terms).
        Terms are read and decoded only for documents the current segment does not hold yet
        (the delta), so a refresh after compaction moves no term data."""
        segment_max = self.state()["segment_max_id"]
        rows = []
        queryset = (
            SearchDocument.objects.filter(id__gt=last_id)
            .order_by("id")
            .values_list("id", "length", "date", "item_type", "themes", "domains")
        )
        for doc_id, length, day, item_type, themes, domains in queryset.iterator(5000):
            rows.append(
                [doc_id, length, day.toordinal() if day else 0, item_type, themes, domains, None]
            )
        if rows and rows[-1][0] > segment_max:
            delta = dict(
                SearchDocument.objects.filter(id__gt=max(last_id, segment_max)).values_list(
                    "id", "terms"
                )
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
