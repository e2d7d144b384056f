"""The daily jobs: every registered job runs, one failure does not stop the others, the command
reports per job in Dutch, and planning needs a backend that can defer."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kennislab.core import daily

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs(monkeypatch):
    registry = {}
    monkeypatch.setattr(daily, "JOBS", registry)
    return registry


def test_the_apps_register_their_jobs():
    assert "vignet: herinneringen om te verlengen" in daily.JOBS
    assert "campagnes: herinneringen voor onvolledige activiteiten" in daily.JOBS


def test_one_failing_job_does_not_stop_the_others(jobs, caplog):
    ran = []

    @daily.daily_job("eerste")
    def first():
        ran.append("eerste")
        return 2

    @daily.daily_job("kapot")
    def broken():
        raise RuntimeError("mailserver weg")

    @daily.daily_job("laatste")
    def last():
        ran.append("laatste")
        return 0

    assert daily.run_daily_jobs() == {"eerste": 2, "kapot": None, "laatste": 0}
    assert ran == ["eerste", "laatste"]
    assert "daily job kapot failed" in caplog.text


def test_the_command_reports_each_job(jobs):
    daily.daily_job("herinneringen")(lambda: 3)
    daily.daily_job("kapot")(lambda: 1 / 0)
    out, err = io.StringIO(), io.StringIO()
    call_command("daily_jobs", stdout=out, stderr=err)
    assert out.getvalue() == "herinneringen: 3 bericht(en) verstuurd.\n"
    assert err.getvalue() == "kapot: mislukt (zie het log).\n"


def test_planning_needs_a_backend_that_can_defer():
    out = io.StringIO()
    call_command("daily_jobs", "--plannen", stdout=out)  # tests: the immediate backend
    assert out.getvalue().startswith("Niets gepland: ")


def test_the_daily_run_is_planned_once_and_plans_the_next(settings, jobs):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    daily.daily_job("teller")(lambda: 1)
    out = io.StringIO()
    call_command("daily_jobs", "--plannen", stdout=out)
    assert out.getvalue().startswith("Dagelijkse taken gepland (1), eerst op ")
    planned = DBTaskResult.objects.get()
    assert planned.task_path == daily.run_daily_jobs_task.module_path
    local = timezone.localtime(planned.run_after)
    assert (local.hour, local.minute) == (7, 0)
    assert timezone.now() < planned.run_after <= timezone.now() + timedelta(days=1)
    call_command("daily_jobs", "--plannen", stdout=io.StringIO())
    assert DBTaskResult.objects.count() == 1

    DBTaskResult.objects.update(status="SUCCESSFUL")  # as the worker leaves a finished run
    assert daily.run_daily_jobs_task.func(plan_next=True) == {"teller": 1}
    assert DBTaskResult.objects.filter(status="READY").get().run_after > timezone.now()
