"""GET /health/: ok, degraded (an old waiting task, an old unsent mail, a task stuck as running),
down with 503 when the database cannot be reached; never cached, no personal data."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from kennislab.core.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def get_health(client=None):
    response = (client or Client()).get("/health/")
    return response, response.json()


def make_task(status="READY", **times):
    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="kennislab.core.mail.send_email_task",
        backend_name="default",
        run_after=get_date_max(),
    )
    if times:
        DBTaskResult.objects.filter(pk=task.pk).update(**times)
    return task


def test_all_well_is_ok_and_never_cached():
    response, body = get_health()
    assert response.status_code == 200
    assert body["status"] == "ok", body
    assert set(body["checks"]) == {"database", "cache", "disk", "tasks", "mail", "daily_jobs"}
    assert all(check["status"] == "ok" for check in body["checks"].values())
    assert "no-store" in response["Cache-Control"]
    assert body["checks"]["tasks"]["waiting"] == 0


def test_the_health_check_carries_the_security_headers():
    response, _body = get_health()
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_a_task_waiting_too_long_is_degraded():
    make_task(enqueued_at=timezone.now() - timedelta(minutes=20))
    make_task()  # a fresh one does not matter
    response, body = get_health()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    tasks = body["checks"]["tasks"]
    assert tasks["status"] == "degraded"
    assert tasks["waiting"] == 2
    assert tasks["oldest_waiting_age_seconds"] >= 20 * 60
    assert tasks["worker"] != "ok"


def test_a_task_planned_for_tomorrow_is_not_late():
    make_task(run_after=timezone.now() + timedelta(days=1))
    body = get_health()[1]
    assert body["status"] == "ok", body["checks"]


def test_a_task_left_running_by_a_dead_worker_is_degraded():
    make_task(status="RUNNING", started_at=timezone.now() - timedelta(hours=2))
    body = get_health()[1]
    assert body["status"] == "degraded"
    assert body["checks"]["tasks"]["stuck_running"] == 1


def test_an_old_unsent_mail_is_degraded_without_showing_it():
    email = OutgoingEmail.objects.create(
        to="geheim.persoon@voorbeeld.example", subject="Uw aanvraag Jansen", body="Beste Jansen"
    )
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=1))
    response, body = get_health()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["mail"]["oldest_unsent_age_seconds"] >= 3600
    text = response.content.decode()
    assert "geheim" not in text and "Jansen" not in text


def test_daily_jobs_that_did_not_run_for_days_are_degraded():
    from django.core.cache import cache

    from kennislab.ops import daily

    cache.set(daily.LAST_RUN_KEY, (timezone.now() - timedelta(days=3)).timestamp(), None)
    body = get_health()[1]
    assert body["checks"]["daily_jobs"]["status"] == "degraded"
    assert body["status"] == "degraded"
    daily.housekeeping()  # the daily run records itself
    body = get_health()[1]
    assert body["checks"]["daily_jobs"]["status"] == "ok"
    assert body["checks"]["daily_jobs"]["age_seconds"] < 60


def test_database_unreachable_is_down_with_503(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response, body = get_health()
    assert response.status_code == 503
    assert body["status"] == "down"
    assert body["checks"]["database"]["status"] == "down"


def test_health_is_rate_limited():
    client = Client()
    statuses = [client.get("/health/").status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60
    assert statuses[60] == 429
