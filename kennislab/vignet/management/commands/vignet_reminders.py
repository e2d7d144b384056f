"""manage.py vignet_reminders — the renewal reminders of the vignet.

Without options: send the reminders due today now. `--plannen`: put the daily task (all daily
jobs, core/daily.py) in the worker's queue unless it is planned already; kept for existing cron
entries, `manage.py daily_jobs` does the same for every app."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from kennislab.core.daily import plan_daily_run

from ...services import send_renewal_reminders


class Command(BaseCommand):
    help = (
        "Stuur houders van een Vignet Vitaal Bedrijf een herinnering om te verlengen: vanaf drie "
        "maanden en nog eens een maand voor het vignet verloopt. Zonder opties: nu versturen "
        "(bijvoorbeeld dagelijks vanuit cron). Met --plannen: als dagelijkse taak voor de worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--plannen",
            action="store_true",
            help="de dagelijkse taak in de wachtrij van de worker zetten (als die er nog niet is)",
        )

    def handle(self, *args, plannen=False, **options):
        if plannen:
            result = plan_daily_run()
            if result is None:
                self.stdout.write(
                    "Niets gepland: de dagelijkse taak staat al klaar, of de takenwachtrij kan "
                    "niet plannen (TASKS_BACKEND=database is nodig)."
                )
            else:
                moment = timezone.localtime(result.task.run_after)
                self.stdout.write(
                    f"Dagelijkse taken gepland (alle apps), eerst op {moment:%d-%m-%Y %H:%M}."
                )
            return
        sent = send_renewal_reminders()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
