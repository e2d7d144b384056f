"""manage.py send_newsletters — send the newsletter issues that are due (for cron, and where the
task backend cannot wait, as in development). Safe beside running workers: every message goes
out once. --plannen only queues a task per due or planned sending (the worker's start)."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from kennislab.newsletter import sending as sending_service
from kennislab.newsletter.models import Sending


class Command(BaseCommand):
    help = "Verstuur nieuwsbrieven waarvan het tijdstip van versturen is aangebroken."

    def add_arguments(self, parser):
        parser.add_argument(
            "--plannen", action="store_true",
            help="zet alleen een taak klaar per ingeplande of lopende verzending",
        )  # fmt: skip
        parser.add_argument(
            "--wachten", action="store_true",
            help="blijf per minuut doorsturen tot alle verschuldigde nieuwsbrieven verstuurd zijn",
        )  # fmt: skip

    def handle(self, *args, plannen, wachten, **options):
        if plannen:
            planned = Sending.objects.exclude(status=Sending.Status.SENT)
            for sending in planned:
                sending_service.enqueue(sending.pk, sending.scheduled_at)
            self.stdout.write(f"{len(planned)} verzending(en) klaargezet.")
            return
        while True:
            unfinished = 0
            for sending in sending_service.due_sendings():
                result = sending_service.run(sending.pk)
                self.stdout.write(
                    f"{sending.issue.title}: {result.sent} verstuurd, {result.failed} mislukt"
                    + ("" if result.finished else " (nog niet klaar)")
                )
                unfinished += not result.finished
            if not (wachten and unfinished):
                return
            time.sleep(max(1.0, 60 - timezone.now().second))
