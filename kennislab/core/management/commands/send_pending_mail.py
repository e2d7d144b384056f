"""manage.py send_pending_mail — send e-mails still waiting (after an outage); for cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from ...mail import send_pending


class Command(BaseCommand):
    help = "Verstuur e-mails die nog in de wachtrij staan of opnieuw geprobeerd moeten worden."

    def add_arguments(self, parser):
        parser.add_argument("--ouder-dan", type=int, default=1, help="minuten (standaard 1)")

    def handle(self, *args, ouder_dan, **options):
        sent, failed = send_pending(timedelta(minutes=ouder_dan))
        self.stdout.write(f"{sent} verstuurd, {failed} nog niet gelukt.")
