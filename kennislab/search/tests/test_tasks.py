"""Index tasks with the production task backend (django-tasks-db, `manage.py db_worker`): one
task per change however Wagtail splits a publish into commits, a new task for a change made
after the task started, and a worker killed halfway through a task leaves the index as it was
and the task runs again after recovery."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kennislab.content.tests.factories import ContentPageFactory
from kennislab.ops.recovery import recover_stuck_tasks
from kennislab.search import indexer, service, signals, tasks
from kennislab.search.documents import object_key
from kennislab.search.models import SearchDocument, SearchIndexState, SearchPendingKey

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
INDEX_TASK = "kennislab.search.tasks.index_keys_task"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("_db_tasks"),
]


@pytest.fixture
def _db_tasks():
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def queued() -> list[list[str]]:
    """The keys of each index task waiting for a worker."""
    waiting = DBTaskResult.objects.filter(task_path=INDEX_TASK, status="READY")
    return [task.args_kwargs["args"][0] for task in waiting.order_by("enqueued_at")]


def run_worker(tasks=None):
    """A worker that runs what is queued (at most `tasks` tasks), then stops."""
    options = {"max_tasks": tasks} if tasks else {}
    call_command(
        "db_worker",
        batch=True,
        interval=0,
        startup_delay=False,
        reload=False,
        verbosity=0,
        **options,
    )


def found(query) -> list[tuple[str, str]]:
    return [(result.title, result.url) for result in service.search(query).results]


@pytest.fixture
def page():
    """A published page, indexed, no task waiting."""
    page = ContentPageFactory(title="Buurtmoestuin", slug="buurtmoestuin")
    run_worker()
    DBTaskResult.objects.all().delete()
    assert found("buurtmoestuin") == [("Buurtmoestuin", "/buurtmoestuin/")]
    return page


def test_publishing_with_a_new_slug_in_the_admin_makes_one_task(client, page):
    # Wagtail commits the new slug (page_slug_changed) and the publish (page_published) apart.
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "x"))
    data = {
        "title": "Moestuin in de buurt",
        "slug": "moestuin-in-de-buurt",
        "intro": "Samen zaaien.",
        "body-count": "0",
        "action-publish": "publish",
    }
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert queued() == [[object_key(page)]]
    run_worker()
    assert found("buurtmoestuin") == [("Moestuin in de buurt", "/moestuin-in-de-buurt/")]
    assert not SearchPendingKey.objects.exists()


def test_unpublishing_makes_one_task(page):
    page.unpublish()  # saves the page and sends page_unpublished, each in its own commit
    assert queued() == [[object_key(page)]]
    run_worker()
    assert found("buurtmoestuin") == []


def test_changes_while_the_task_waits_share_it_and_a_later_one_gets_its_own(page):
    page.title = "Moestuin aan de rand"
    page.save_revision().publish()
    page.title = "Moestuin aan de dijk"
    page.save_revision().publish()
    assert queued() == [[object_key(page)]]  # the task will read the page as it is then
    run_worker()
    assert found("buurtmoestuin") == [("Moestuin aan de dijk", "/buurtmoestuin/")]

    page.title = "Moestuin aan de haven"
    page.save_revision().publish()
    assert queued() == [[object_key(page)]]  # a new one: the first has run
    run_worker()
    assert found("buurtmoestuin") == [("Moestuin aan de haven", "/buurtmoestuin/")]


def test_a_change_after_the_task_started_gets_a_task_of_its_own(page, monkeypatch):
    index_keys = indexer.index_keys

    def meanwhile(keys):
        # The worker has started the task; the editor publishes again before it reads the page.
        page.title = "Moestuin aan de dijk"
        page.save_revision().publish()
        return index_keys(keys)

    page.title = "Moestuin aan de rand"
    page.save_revision().publish()
    monkeypatch.setattr(indexer, "index_keys", meanwhile)
    DBTaskResult.objects.exclude(task_path=INDEX_TASK).delete()  # Wagtail's own
    run_worker(tasks=1)
    monkeypatch.setattr(indexer, "index_keys", index_keys)
    assert queued() == [[object_key(page)]]
    run_worker()
    assert found("buurtmoestuin") == [("Moestuin aan de dijk", "/buurtmoestuin/")]


def test_a_key_waiting_too_long_no_longer_holds_back_a_new_task(page):
    page.title = "Moestuin aan de rand"
    page.save_revision().publish()
    # Its task was lost (say, the queue was emptied by hand): after a while a change gets a
    # task again.
    DBTaskResult.objects.all().delete()
    page.title = "Moestuin aan de dijk"
    page.save_revision().publish()
    assert queued() == []
    SearchPendingKey.objects.update(
        queued_at=timezone.now() - signals.PENDING_MAX_AGE - timedelta(seconds=1)
    )
    page.title = "Moestuin aan de haven"
    page.save_revision().publish()
    assert queued() == [[object_key(page)]]
    run_worker()
    assert found("buurtmoestuin") == [("Moestuin aan de haven", "/buurtmoestuin/")]


def killed(*args, **kwargs):
    raise SystemExit("the worker was killed")


def test_a_worker_killed_in_the_middle_of_an_index_task(page, monkeypatch):
    page.title = "Moestuin aan de dijk"
    page.save_revision().publish()
    state = SearchIndexState.get()
    documents = list(SearchDocument.objects.values_list("id", "title"))
    # A worker claims the task and dies while it writes the document: after the old row was
    # deleted and the new one inserted, before the index version changed.
    task = DBTaskResult.objects.get(task_path=INDEX_TASK)
    task.claim("worker-die-stierf")
    monkeypatch.setattr(indexer, "_bump", killed)
    with pytest.raises(SystemExit):
        tasks.index_keys_task.call(*task.args_kwargs["args"])
    monkeypatch.undo()
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - timedelta(minutes=45)
    )

    assert list(SearchDocument.objects.values_list("id", "title")) == documents
    assert SearchIndexState.get().version == state.version
    assert found("buurtmoestuin") == [("Buurtmoestuin", "/buurtmoestuin/")]
    run_worker()
    assert DBTaskResult.objects.get(pk=task.pk).status == "RUNNING"  # no worker takes it

    assert recover_stuck_tasks() == 1
    run_worker()
    assert DBTaskResult.objects.get(pk=task.pk).status == "SUCCESSFUL"
    assert found("buurtmoestuin") == [("Moestuin aan de dijk", "/buurtmoestuin/")]


def test_a_task_failing_on_the_database_is_queued_again(page, monkeypatch):
    index_keys = indexer.index_keys
    failures = []

    def locked(keys):
        if not failures:
            failures.append(keys)
            raise OperationalError("database is locked")
        return index_keys(keys)

    monkeypatch.setattr(indexer, "index_keys", locked)
    page.title = "Moestuin aan de dijk"
    page.save_revision().publish()
    run_worker()
    first, again = DBTaskResult.objects.filter(task_path=INDEX_TASK).order_by("enqueued_at")
    assert first.status == "FAILED" and again.status == "READY"
    assert again.run_after > timezone.now()  # a moment later
    DBTaskResult.objects.filter(pk=again.pk).update(run_after=timezone.now())
    run_worker()
    assert DBTaskResult.objects.get(pk=again.pk).status == "SUCCESSFUL"
    assert found("buurtmoestuin") == [("Moestuin aan de dijk", "/buurtmoestuin/")]
