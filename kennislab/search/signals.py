"""Keep the search index current: publishing, editing, unpublishing, moving and deleting."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .documents import object_key, provider_for, registered_models


def _enqueue_index(obj):
    from .tasks import index_object_task

    label = obj._meta.label_lower
    pk = obj.pk
    transaction.on_commit(lambda: index_object_task.enqueue(label, pk))


def _enqueue_remove(key):
    from .tasks import remove_object_task

    transaction.on_commit(lambda: remove_object_task.enqueue(key))


def page_changed(sender, instance, **kwargs):
    if provider_for(type(instance.specific)) is not None:
        _enqueue_index(instance.specific)


def page_gone(sender, instance, **kwargs):
    specific_class = instance.specific_class or type(instance)
    if provider_for(specific_class) is not None:
        _enqueue_remove(f"{specific_class._meta.label_lower}:{instance.pk}")


def page_moved(sender, instance, **kwargs):
    for page in instance.get_descendants(inclusive=True).specific():
        if provider_for(type(page)) is not None:
            _enqueue_index(page)


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _enqueue_index(instance)


def object_deleted(sender, instance, **kwargs):
    _enqueue_remove(object_key(instance))


def synonyms_saved(sender, **kwargs):
    from .service import synonyms_changed
    from .tasks import reindex_phrases_task

    transaction.on_commit(synonyms_changed)
    # A new expression of several words is matched as a phrase: the documents that hold its
    # words need its phrase term.
    transaction.on_commit(lambda: reindex_phrases_task.enqueue())


def connect():
    page_published.connect(page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(page_gone, dispatch_uid="search-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
    post_delete.connect(page_gone, sender=Page, dispatch_uid="search-page-deleted")
    for model in registered_models():
        if not issubclass(model, Page):
            post_save.connect(object_saved, sender=model, dispatch_uid=f"search-save-{model}")
            post_delete.connect(object_deleted, sender=model, dispatch_uid=f"search-del-{model}")
    from .models import SynonymGroup

    post_save.connect(synonyms_saved, sender=SynonymGroup, dispatch_uid="search-synonyms-saved")
    post_delete.connect(synonyms_saved, sender=SynonymGroup, dispatch_uid="search-synonyms-del")
