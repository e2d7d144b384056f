"""manage.py recover_tasks [--worker NAAM] [--ouder-dan MINUTEN] — tasks left RUNNING by a worker
that died go back in the queue (kennislab/ops/recovery.py)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from ...recovery import recover_stuck_tasks, running_timeout


class Command(BaseCommand):
    help = (
        "Zet taken die al te lang 'bezig' zijn (hun worker is gestopt) terug in de wachtrij, "
        "zodat een worker ze opnieuw uitvoert."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker",
            default="",
            metavar="NAAM",
            help="de naam (--worker-id) van de worker die nu start: taken die zijn vorige run "
            "nog 'bezig' liet, gaan meteen terug in de wachtrij, hoe kort ook bezig",
        )
        parser.add_argument(
            "--ouder-dan",
            type=int,
            default=None,
            metavar="MINUTEN",
            help="taken die langer dan zoveel minuten bezig zijn (standaard: "
            "TASK_RUNNING_TIMEOUT, 30 minuten). 0 alleen als er nergens anders een worker "
            "draait: met meer servers op één database zet 0 ook taken terug die een andere "
            "worker nu uitvoert (gebruik dan --worker)",
        )

    def handle(self, *args, worker="", ouder_dan=None, **options):
        if ouder_dan is not None and ouder_dan < 0:
            raise CommandError("--ouder-dan moet 0 of meer minuten zijn.")
        older = running_timeout() if ouder_dan is None else timedelta(minutes=ouder_dan)
        count = recover_stuck_tasks(older, own_worker=worker.strip())
        self.stdout.write(f"{count} vastgelopen taak/taken opnieuw in de wachtrij gezet.")
