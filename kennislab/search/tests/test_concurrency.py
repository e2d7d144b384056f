"""Search under concurrent writers and readers (issue 20): task workers indexing and compacting
while app processes search. Once found, a document stays found until it is removed; a removed
one never comes back; a search never fails.

The first test runs it all at once: a writer (new, changed and removed documents), two
compactions in a loop (two workers each running compact_task) and two readers sharing this
process's reader (like the threads of one gunicorn process), each thread on its own database
connection. The tests after it each force one interleaving that lost documents before."""

import random
import threading
import time

import pytest
from django.db import connection

from kennislab.search import indexer, service
from kennislab.search.documents import object_key
from kennislab.search.models import SearchDocument

from .test_compaction import only_current_segment_left
from .test_engine import doc, titles

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)

START = 30  # documents before the writers start
STEPS = 150  # index writes
READERS = 2
QUERIES = ("moestuin", "moestuin wijk", "wijk")  # every document holds both words


def item(number: int, version: int = 0):
    return doc(f"s{number}", f"Moestuin {number}", f"Een moestuin in de wijk, versie {version}.")


def found_numbers(query: str) -> set[int]:
    results = service.search(query, limit=1000).results
    return {int(result.url.split("/")[2][1:]) for result in results}


class History:
    """When each document was added (its write committed), and when its removal began and
    ended, on this process's monotonic clock; and each reader's searches."""

    def __init__(self):
        self.added: dict[int, float] = {}
        self.removing: dict[int, float] = {}
        self.removed: dict[int, float] = {}
        self.changing: dict[int, list[tuple[float, float]]] = {}
        self.searches: list[tuple[float, float, str, set[int]]] = []
        self.lock = threading.Lock()

    def problems(self) -> dict[str, list]:
        """lost: a document added before a search began and not being removed, missing from
        its results; lost_while_changed: the same, while the document was being rewritten;
        resurrected: a document whose removal had ended before a search began, found by it."""
        found = {"lost": [], "lost_while_changed": [], "resurrected": []}
        for began, ended, query, numbers in self.searches:
            for number, added in self.added.items():
                if added >= began or number in numbers:
                    continue
                if self.removing.get(number, float("inf")) < ended:
                    continue
                overlap = any(
                    start < ended and stop > began for start, stop in self.changing.get(number, ())
                )
                kind = "lost_while_changed" if overlap else "lost"
                found[kind].append((query, number))
            for number in numbers:
                if self.removed.get(number, float("inf")) < began:
                    found["resurrected"].append((query, number))
        return found


def run(jobs) -> list:
    """Each job in its own thread and database connection; what each raised, if anything."""
    errors = []

    def worker(job):
        try:
            job()
        except Exception as error:  # collected for the test to assert on
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return errors


@transactional
def test_writers_and_readers_at_once_lose_nothing_and_bring_nothing_back():
    for number in range(START):
        indexer.write_document(item(number), item(number).key)
    indexer.compact()
    history = History()
    now = time.monotonic()
    history.added.update(dict.fromkeys(range(START), now))
    writing = threading.Event()
    writing.set()

    def writer():
        chance = random.Random(20)
        live, following = list(range(START)), START
        try:
            for step in range(STEPS):
                roll = chance.random()
                if roll < 0.4 or len(live) < 10:
                    indexer.write_document(item(following), item(following).key)
                    with history.lock:
                        history.added[following] = time.monotonic()
                    live.append(following)
                    following += 1
                elif roll < 0.7:
                    number = chance.choice(live)
                    began = time.monotonic()
                    indexer.write_document(item(number, step), item(number).key)
                    with history.lock:
                        history.changing.setdefault(number, []).append((began, time.monotonic()))
                else:
                    number = live.pop(chance.randrange(len(live)))
                    with history.lock:
                        history.removing[number] = time.monotonic()
                    indexer.remove_object(item(number).key)
                    with history.lock:
                        history.removed[number] = time.monotonic()
        finally:
            writing.clear()

    compactions = []

    def compactor():
        while writing.is_set():
            done = indexer.compact() is not None
            compactions.append(done)
            if not done:  # the other one is compacting: ask again a moment later
                time.sleep(0.005)

    def reader(offset):
        count = 0
        while writing.is_set():
            query = QUERIES[(count + offset) % len(QUERIES)]
            began = time.monotonic()
            numbers = found_numbers(query)
            with history.lock:
                history.searches.append((began, time.monotonic(), query, numbers))
            count += 1

    readers = [lambda: reader(0), lambda: reader(1)][:READERS]
    errors = run([writer, compactor, compactor, *readers])
    problems = history.problems()
    summary = {kind: len(items) for kind, items in problems.items()}
    print(f"{len(history.searches)} searches, {sum(compactions)} compactions:", summary)
    assert errors == []
    assert problems == {"lost": [], "lost_while_changed": [], "resurrected": []}
    assert len(history.searches) > 20  # the readers did read while the writers wrote

    # Afterwards: exactly the live documents, one segment and its rows, nothing being built.
    indexer.compact()
    live = set(history.added) - set(history.removed)
    assert all(found_numbers(query) == live for query in QUERIES)
    only_current_segment_left()


# --- The interleavings, one at a time --------------------------------------------------------


def bieb():
    indexer.write_document(
        doc("e", "Moestuin bij de bieb", "Een moestuin in de wijk."), "test.item:e"
    )


def once(before):
    """A wrapper for a store method that first runs `before` (another worker's step), once."""
    done = []

    def wrap(method):
        def wrapped(*args, **kwargs):
            if not done:
                done.append(True)
                before()
            return method(*args, **kwargs)

        return wrapped

    return wrap


@pytest.mark.django_db
def test_a_segment_replaced_and_deleted_while_a_search_loads_its_postings(corpus, monkeypatch):
    """Another worker compacts (and deletes the segment this process just loaded) between this
    search's look at the index state and its reading of postings."""
    bieb()  # a new version: the next search reloads and reads postings
    store = service.database_store()
    wrap = once(indexer.compact)
    monkeypatch.setattr(store, "postings_many", wrap(store.postings_many))
    monkeypatch.setattr(store, "postings", wrap(store.postings))
    assert set(titles("moestuin")) == {
        "Moestuin in de wijk",
        "Moestuinen op school",
        "Moestuin bij de bieb",
    }


@pytest.mark.django_db
def test_a_compaction_between_the_state_and_the_documents(corpus, monkeypatch):
    """Another worker switches segments between this process's look at the index state and
    its reading of the new documents (the old segment still there)."""
    service.search("moestuin")
    bieb()
    store = service.database_store()
    monkeypatch.setattr(indexer, "_drop_segment", lambda segment_id: None)
    monkeypatch.setattr(store, "documents_after", once(indexer.compact)(store.documents_after))
    assert "Moestuin bij de bieb" in titles("moestuin")


@transactional
def test_a_search_in_progress_does_not_spoil_the_reader_another_thread_refreshed(
    corpus, monkeypatch
):
    """Two threads of one process: the first has read postings of the old segment when the
    second reloads the reader after a compaction; the first finishes its search after that.
    Before, its postings landed in the reloaded reader's cache, and the new document (moved
    from the delta into the new segment) was missing from every later search of those words
    in this process until the next index write."""
    bieb()
    store = service.database_store()
    postings_many = store.postings_many
    loaded, go = threading.Event(), threading.Event()

    def pausing(*args, **kwargs):
        found = postings_many(*args, **kwargs)
        if threading.current_thread().name == "first" and not loaded.is_set():
            loaded.set()
            assert go.wait(30)
        return found

    monkeypatch.setattr(store, "postings_many", pausing)
    outcome = []

    def searching():
        try:
            outcome.append(set(titles("moestuin wijk")))
        finally:
            connection.close()

    thread = threading.Thread(target=searching, name="first")
    thread.start()
    try:
        assert loaded.wait(30)
        indexer.compact()
        assert "Moestuin bij de bieb" in titles("moestuin wijk", sort="date")
    finally:
        go.set()
        thread.join(30)
    assert outcome and "Moestuin bij de bieb" in outcome[0]
    assert "Moestuin bij de bieb" in titles("moestuin wijk", limit=20)
    assert "Moestuin bij de bieb" in titles("moestuin")


@pytest.mark.django_db
def test_an_unpublished_page_never_comes_back(monkeypatch):
    """Two workers: one runs the task of an edit and has read the page while it was public;
    meanwhile the page is unpublished and the other worker runs that task to the end. The
    first must not write the page back."""
    from kennislab.content.tests.factories import ContentPageFactory

    page = ContentPageFactory(title="Tijdelijke moestuin")
    key = object_key(page)
    indexer.index_keys([key])
    assert titles("tijdelijke") == ["Tijdelijke moestuin"]
    document_row = indexer.document_row

    def meanwhile():
        page.unpublish()
        indexer.index_keys([key])

    monkeypatch.setattr(indexer, "document_row", once(meanwhile)(document_row))
    indexer.index_keys([key])
    assert titles("tijdelijke") == []
    assert not SearchDocument.objects.filter(key=key).exists()
