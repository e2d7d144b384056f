"""Background work for the search index (django-tasks: a worker in production, at once in tests
and development)."""

from django.apps import apps
from django_tasks import task


@task()
def index_keys_task(keys: list[str]) -> None:
    """Bring the documents under `keys` up to date with their objects (a batch scheduled by
    the signals: a page and its children, the items of a renamed theme, …)."""
    from . import indexer

    if indexer.index_keys(keys):
        compact_task.enqueue()


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
