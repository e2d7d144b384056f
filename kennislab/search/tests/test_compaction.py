"""Compaction in steps (indexer.compact): the segment is built outside any write transaction,
index writes go on meanwhile and none is lost, one compaction runs at a time, a failed or
abandoned build leaves nothing behind."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from kennislab.core.testing import run_in_threads
from kennislab.search import indexer, service
from kennislab.search.models import (
    SearchDocument,
    SearchIndexState,
    SearchPostings,
    SearchSegment,
    SearchVocabulary,
)

from .test_engine import doc, titles

pytestmark = pytest.mark.django_db

QUERIES = ["moestuin", "wijk", "school", "kas", "bieb", "eenzaam", "sport", "groente"]


def document_id(key):
    return SearchDocument.objects.get(key=f"test.item:{key}").id


def results():
    return {query: titles(query) for query in QUERIES}


def only_current_segment_left():
    state = SearchIndexState.get()
    assert list(SearchSegment.objects.values_list("pk", flat=True)) == [state.segment_id]
    assert not SearchPostings.objects.exclude(segment_id=state.segment_id).exists()
    assert not SearchVocabulary.objects.exclude(segment_id=state.segment_id).exists()
    assert state.building_id is None and state.building_since is None


def test_writes_during_a_compaction_are_kept(corpus):
    build = indexer.begin_compaction()
    removed_before_build = [document_id("b"), document_id("c")]
    # While the segment is being built: a new document, a removed one, a changed one.
    indexer.write_document(
        doc("e", "Moestuin bij de bieb", "Een moestuin en boeken."), "test.item:e"
    )
    indexer.remove_object("test.item:b")
    indexer.write_document(
        doc("c", "Moestuinen op school", "Kinderen kweken groenten in een kas."), "test.item:c"
    )
    indexer.build_segment(build)
    removed_after_build = [document_id("a")]
    indexer.write_document(doc("f", "Groente uit de kas", "Een kas vol groente."), "test.item:f")
    indexer.remove_object("test.item:a")
    segment = indexer.finish_compaction(build)

    state = SearchIndexState.get()
    assert segment is not None and state.segment_id == segment.pk
    assert segment.max_document_id < document_id("e")  # the later documents are delta
    assert state.removed_since_segment.split() == [
        str(i) for i in removed_before_build + removed_after_build
    ]
    only_current_segment_left()
    found = results()
    assert set(found["moestuin"]) == {"Moestuin bij de bieb", "Moestuinen op school"}
    assert set(found["kas"]) == {"Moestuinen op school", "Groente uit de kas"}
    assert found["sport"] == []
    # The same as a compaction with nothing going on.
    indexer.compact()
    assert results() == found


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_index_write_does_not_wait_for_a_segment_being_built(corpus, monkeypatch):
    build = indexer.begin_compaction()
    read = indexer._documents
    written = []

    def write():
        with connection.cursor() as cursor:  # give up quickly instead of queueing
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA busy_timeout = 300")
            else:
                cursor.execute("SET lock_timeout = '300ms'")
        data = doc("new", "Vlinders in de stad", "Een vlinderhof.")
        indexer.write_document(data, data.key)
        return True

    def reading(max_id, *args):
        for number, row in enumerate(read(max_id, *args)):
            if number == 1:  # in the middle of the build
                written.extend(run_in_threads([write]))
            yield row

    monkeypatch.setattr(indexer, "_documents", reading)
    indexer.build_segment(build)
    indexer.finish_compaction(build)
    assert written == [True]
    assert titles("vlinders") == ["Vlinders in de stad"]


def test_one_compaction_at_a_time(corpus):
    current = SearchIndexState.get().segment_id
    build = indexer.begin_compaction()
    assert indexer.compact() is None  # another one is building
    assert SearchIndexState.get().segment_id == current
    indexer.build_segment(build)
    assert indexer.finish_compaction(build) == build.segment
    only_current_segment_left()
    assert indexer.compact() is not None


def test_an_abandoned_build_is_taken_over(corpus):
    found = results()
    stale = indexer.begin_compaction()
    SearchIndexState.objects.filter(pk=1).update(
        building_since=timezone.now() - indexer.COMPACT_LEASE - timedelta(minutes=1)
    )
    segment = indexer.compact()
    assert segment is not None
    assert indexer.finish_compaction(stale) is None  # too late: it no longer counts
    assert SearchIndexState.get().segment_id == segment.pk
    only_current_segment_left()
    assert results() == found


def test_a_failed_build_leaves_nothing_behind(corpus, monkeypatch):
    found = results()
    current = SearchIndexState.get().segment_id
    insert = indexer._insert
    calls = []

    def failing(model, rows, size=None, **kwargs):
        calls.append(model)
        insert(model, rows, size, **kwargs)
        if model is SearchVocabulary:
            raise RuntimeError("disk full")

    monkeypatch.setattr(indexer, "_insert", failing)
    with pytest.raises(RuntimeError):
        indexer.compact()
    assert calls == [SearchPostings, SearchVocabulary]
    assert SearchIndexState.get().segment_id == current
    only_current_segment_left()
    assert results() == found
    monkeypatch.setattr(indexer, "_insert", insert)
    assert indexer.compact() is not None
    assert results() == found


def test_postings_are_written_in_small_transactions(corpus, monkeypatch):
    monkeypatch.setattr(indexer, "WRITE_BATCH", 3)
    transactions = []
    yielding = indexer._yielding

    def counting():
        transactions.append(1)
        return yielding()

    monkeypatch.setattr(indexer, "_yielding", counting)
    segment = indexer.compact()
    rows = SearchPostings.objects.filter(segment=segment).count()
    rows += SearchVocabulary.objects.filter(segment=segment).count()
    assert rows > 20
    # Inserting (3 rows each) and deleting the previous segment (3 rows each).
    assert len(transactions) >= rows // 3


def test_a_search_costs_two_queries(corpus, django_assert_max_num_queries):
    service.search("moestuin wijk")  # the reader and the postings are loaded
    with django_assert_max_num_queries(2):  # the index state, the documents shown
        service.search("moestuin wijk", filters={"soort": ["news"]}, facets=True)
    with django_assert_max_num_queries(1):  # the same search again: the index state
        found = service.search("moestuin wijk", filters={"soort": ["news"]}, facets=True)
    assert found.results[0].snippet.count("<mark>") >= 2


def test_a_repeated_search_follows_the_index(corpus):
    assert "Moestuin bij de bieb" not in titles("moestuin")
    indexer.write_document(doc("e", "Moestuin bij de bieb", "Een moestuin."), "test.item:e")
    assert "Moestuin bij de bieb" in titles("moestuin")
    indexer.remove_object("test.item:e")
    assert "Moestuin bij de bieb" not in titles("moestuin")
