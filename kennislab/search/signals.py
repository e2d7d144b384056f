"""Keep the search index current.

Besides publishing, editing, unpublishing, moving and deleting a page or a searchable object,
documents change when something they show changes without their own object being saved:

* a view restriction added to or removed from a page or an ancestor (private pages are never
  found): the page and everything below it;
* a parent's slug changed or a page moved: the URLs of the page and everything below it (and the
  advisers, whose results link to the people page);
* a theme renamed: its theme page, the items and the advisers on that theme;
* a person renamed: the person and the items that name them as contact.

Every change *schedules* the keys of the documents it affects. The keys collected in one
transaction go out after commit as one task per ``BATCH`` keys (``index_keys_task``), so saving a
parent with 300 children enqueues two tasks, not 300, and two signals about the same change (a
publish that renames a slug sends ``page_published`` and ``page_slug_changed``) share one task.
The task reads each object as it is then, so a late or repeated task is harmless.

Wagtail does not always send a change's signals in one transaction (the admin's publish with a
new slug, an unpublish: two commits). So when tasks are queued (the database backend, not the
immediate one of development and tests), a key whose task is queued and has not started is left
out (``SearchPendingKey``): that task will read the object after this change too. A task that
has started no longer counts as waiting: it may have read the object already.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .documents import object_key, provider_for, registered_models

BATCH = 200  # keys per task
# A key queued longer ago no longer keeps a change from having its own task (its task may have
# been lost: a worker killed before it started the task, and no recovery since).
PENDING_MAX_AGE = timedelta(minutes=10)

_local = threading.local()


class _Batch:
    """The keys scheduled in the current transaction, sent by its on-commit callbacks: every
    schedule() registers one (a callback registered earlier may belong to an outer block that
    runs later, e.g. under a test's captured callbacks), and the first to run sends every key
    not sent yet, so two signals about one change still make one task."""

    def __init__(self):
        self.keys: set[str] = set()
        self.sent: set[str] = set()
        self.done = False

    def flush(self):
        self.done = True
        keys = self.keys - self.sent
        self.sent |= keys
        if keys:
            enqueue_keys(keys)


def enqueue_keys(keys: Iterable[str]) -> int:
    """Enqueue the re-indexing of `keys`, BATCH keys per task, leaving out keys whose task is
    queued and not started yet. Returns the number of tasks."""
    from .tasks import index_keys_task

    ordered = sorted(set(keys))
    queued = not _runs_at_once()
    count = 0
    for start in range(0, len(ordered), BATCH):
        batch = ordered[start : start + BATCH]
        if not queued:
            index_keys_task.enqueue(batch)  # runs now
        else:
            with transaction.atomic():  # the keys are noted as waiting with their task, or neither
                batch = _not_waiting(batch)
                if batch:
                    index_keys_task.enqueue(batch)
        count += bool(batch)
    return count


def _runs_at_once() -> bool:
    """Whether the task backend runs a task when it is enqueued (development, tests)."""
    from django_tasks import task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    return isinstance(task_backends["default"], ImmediateBackend)


def _not_waiting(keys: list[str]) -> list[str]:
    """Of `keys`, those without a queued task that has not started; they are noted as waiting
    (for the task the caller enqueues in the same transaction)."""
    from .models import SearchPendingKey, random_token

    now = timezone.now()
    SearchPendingKey.objects.filter(key__in=keys, queued_at__lt=now - PENDING_MAX_AGE).delete()
    token = random_token()
    SearchPendingKey.objects.bulk_create(
        [SearchPendingKey(key=key, queued_at=now, token=token) for key in keys],
        ignore_conflicts=True,
    )
    mine = SearchPendingKey.objects.filter(key__in=keys, token=token)
    return sorted(mine.values_list("key", flat=True))


def started(keys: Iterable[str]) -> None:
    """An index task starts on `keys`: from now on a change to them needs a task of its own."""
    from .models import SearchPendingKey

    SearchPendingKey.objects.filter(key__in=list(keys)).delete()


def _waiting(batch: _Batch) -> bool:
    """Whether the batch's callback is still to run (it may be running the callbacks of the
    same commit right now: a key scheduled by an earlier callback joins it)."""
    if batch.done:
        return False
    connection = transaction.get_connection()
    return any(callback == batch.flush for _sids, callback, *_ in connection.run_on_commit)


def schedule(keys: Iterable[str]) -> None:
    """Re-index the documents under `keys` once the current transaction commits (at once
    outside a transaction)."""
    keys = set(keys)
    if not keys:
        return
    batch = getattr(_local, "batch", None)
    if batch is None or not _waiting(batch):
        batch = _local.batch = _Batch()
    batch.keys |= keys
    transaction.on_commit(batch.flush)


# --- Which documents a change touches -------------------------------------------------------


def page_keys(queryset) -> set[str]:
    """Keys of the searchable pages in `queryset` (no specific page is loaded)."""
    keys = set()
    for pk, content_type_id in queryset.values_list("pk", "content_type_id"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and provider_for(model) is not None:
            keys.add(f"{model._meta.label_lower}:{pk}")
    return keys


def subtree_keys(page) -> set[str]:
    """The page and everything below it; the advisers too when the people page is among them
    (their results link to it)."""
    from kennislab.content.models import PeopleIndexPage, Person

    pages = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    keys = page_keys(pages)
    people_type = ContentType.objects.get_for_model(PeopleIndexPage)
    if pages.filter(content_type=people_type).exists():
        keys |= {object_key(p) for p in Person.objects.filter(is_adviser=True).only("pk")}
    return keys


def theme_keys(theme) -> set[str]:
    from kennislab.content.models import ArticlePage, Person, ThemePage

    keys = {object_key(p) for p in ArticlePage.objects.filter(themes=theme).only("pk")}
    keys |= {object_key(p) for p in ThemePage.objects.filter(theme=theme).only("pk")}
    keys |= {object_key(p) for p in Person.objects.filter(themes=theme).only("pk")}
    return keys


def contact_keys(person) -> set[str]:
    from kennislab.content.models import ArticlePage

    articles = ArticlePage.objects.filter(contacts__person=person).only("pk").distinct()
    return {object_key(page) for page in articles}


# --- Handlers -------------------------------------------------------------------------------


def page_changed(sender, instance, **kwargs):
    specific_class = instance.specific_class or type(instance)
    if provider_for(specific_class) is not None:
        schedule([f"{specific_class._meta.label_lower}:{instance.pk}"])


page_gone = page_changed  # the task finds no public page and removes the document


def page_moved(sender, instance, **kwargs):
    schedule(subtree_keys(instance))


def slug_changed(sender, instance, instance_before=None, **kwargs):
    schedule(subtree_keys(instance))


def restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule(subtree_keys(page))


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule([object_key(instance)])


def object_deleted(sender, instance, **kwargs):
    schedule([object_key(instance)])


def theme_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(theme_keys(instance))


def theme_deleting(sender, instance, **kwargs):
    schedule(theme_keys(instance))  # collected before the links go; indexed after commit


def person_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(contact_keys(instance))


def person_deleting(sender, instance, **kwargs):
    schedule(contact_keys(instance))


def synonyms_saved(sender, **kwargs):
    from .service import synonyms_changed
    from .tasks import reindex_phrases_task

    transaction.on_commit(synonyms_changed)
    # A new expression of several words is matched as a phrase: the documents that hold its
    # words need its phrase term.
    transaction.on_commit(lambda: reindex_phrases_task.enqueue())


def connect():
    from kennislab.content.models import Person, Theme

    page_published.connect(page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(page_gone, dispatch_uid="search-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="search-page-slug")
    post_delete.connect(page_gone, sender=Page, dispatch_uid="search-page-deleted")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-del"
    )
    for model in registered_models():
        if not issubclass(model, Page):
            post_save.connect(object_saved, sender=model, dispatch_uid=f"search-save-{model}")
            post_delete.connect(object_deleted, sender=model, dispatch_uid=f"search-del-{model}")
    post_save.connect(theme_saved, sender=Theme, dispatch_uid="search-theme-saved")
    pre_delete.connect(theme_deleting, sender=Theme, dispatch_uid="search-theme-deleting")
    post_save.connect(person_saved, sender=Person, dispatch_uid="search-person-contact")
    pre_delete.connect(person_deleting, sender=Person, dispatch_uid="search-person-deleting")
    from .models import SynonymGroup

    post_save.connect(synonyms_saved, sender=SynonymGroup, dispatch_uid="search-synonyms-saved")
    post_delete.connect(synonyms_saved, sender=SynonymGroup, dispatch_uid="search-synonyms-del")
