"""manage.py send_pending_mail — send e-mails still waiting (after an outage); for cron.
With --ook-mislukt also the ones that failed every attempt (each gets a new set of attempts)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from ...mail import send_pending


class Command(BaseCommand):
    help = "Verstuur e-mails die nog in de wachtrij staan of opnieuw geprobeerd moeten worden."

    def add_arguments(self, parser):
        parser.add_argument("--ouder-dan", type=int, default=1, help="minuten (standaard 1)")
        parser.add_argument(
            "--ook-mislukt",
            action="store_true",
            help="probeer ook e-mails die na alle pogingen mislukt zijn opnieuw",
        )

    def handle(self, *args, ouder_dan, ook_mislukt, **options):
        sent, failed = send_pending(timedelta(minutes=ouder_dan), include_failed=ook_mislukt)
        self.stdout.write(f"{sent} verstuurd, {failed} nog niet gelukt.")
