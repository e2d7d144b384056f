"""manage.py daily_jobs — the daily reminders and scheduled messages of every app.

Without options: run every daily job now (for cron, daily; sending is idempotent). `--plannen`:
put the daily task in the worker's queue (next 07:00, then every day) unless it is planned."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ... import daily


class Command(BaseCommand):
    help = (
        "Voer de dagelijkse taken uit (herinneringen, berichten van campagnes). Zonder opties: "
        "nu uitvoeren (bijvoorbeeld dagelijks vanuit cron). Met --plannen: als dagelijkse taak "
        "voor de worker, elke dag om 07:00."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--plannen",
            action="store_true",
            help="de dagelijkse taak in de wachtrij van de worker zetten (als die er nog niet is)",
        )

    def handle(self, *args, plannen=False, **options):
        if plannen:
            result = daily.plan_daily_run()
            if result is None:
                self.stdout.write(
                    "Niets gepland: de dagelijkse taak staat al klaar, of de takenwachtrij kan "
                    "niet plannen (TASKS_BACKEND=database is nodig)."
                )
            else:
                moment = f"{timezone.localtime(result.task.run_after):%d-%m-%Y %H:%M}"
                count = len(daily.JOBS)
                self.stdout.write(f"Dagelijkse taken gepland ({count}), eerst op {moment}.")
            return
        for name, sent in daily.run_daily_jobs().items():
            if sent is None:
                self.stderr.write(f"{name}: mislukt (zie het log).")
            else:
                self.stdout.write(f"{name}: {sent} bericht(en) verstuurd.")
