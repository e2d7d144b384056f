"""Background work for the search index (django-tasks: a worker in production, at once in tests
and development).

Index tasks can run twice or side by side on several workers: each document is written in one
transaction from the object as it is then (indexer.write_document). A worker killed in the middle
leaves the index as it was before the document at hand, and the task RUNNING; recovery
(kennislab.ops.recovery) queues it again. A task that fails on the database (locked too long, a
deadlock) is queued again, up to ATTEMPTS times."""

from datetime import timedelta

from django.apps import apps
from django.db import OperationalError
from django.utils import timezone
from django_tasks import task

ATTEMPTS = 3
RETRY_AFTER = timedelta(seconds=10)


@task()
def index_keys_task(keys: list[str], attempt: int = 1) -> None:
    """Bring the documents under `keys` up to date with their objects (a batch scheduled by
    the signals: a page and its children, the items of a renamed theme, …)."""
    from . import indexer, signals

    signals.started(keys)
    try:
        due = indexer.index_keys(keys)
    except OperationalError:
        if attempt < ATTEMPTS:
            _again(index_keys_task, keys, attempt + 1)
        raise
    if due:
        compact_task.enqueue()


def _again(the_task, *args) -> None:
    """Enqueue `the_task` again, after RETRY_AFTER where the backend can wait."""
    if the_task.get_backend().supports_defer:
        the_task = the_task.using(run_after=timezone.now() + RETRY_AFTER)
    the_task.enqueue(*args)


@task()
def index_object_task(model_label: str, pk) -> None:
    from . import indexer

    model = apps.get_model(model_label)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return
    if hasattr(obj, "specific"):
        obj = obj.specific
    if indexer.index_object(obj):
        compact_task.enqueue()


@task()
def remove_object_task(key: str) -> None:
    from . import indexer

    if indexer.remove_object(key):
        compact_task.enqueue()


@task()
def compact_task() -> None:
    from . import indexer
    from .models import SearchIndexState

    if indexer.needs_compaction(SearchIndexState.get()):
        indexer.compact()


@task()
def reindex_phrases_task() -> None:
    """After a change of the synonyms: phrase terms for their multi-word expressions."""
    from . import indexer, service

    service.synonyms_changed()  # a worker process may still hold the old synonyms
    indexer.reindex_phrases()
