"""`manage.py personal_data export EMAIL | erase EMAIL --yes | purge [--dry-run]` (CONTRACTS.md).

export: the JSON of everything of the address on standard output (one key per register entry).
erase: erases or anonymises as the register says and prints a summary per entry.
purge: applies the retention rules now and prints per rule what it did (or would do).
An address that is not one: exit status 2 and a Dutch message; an unknown one: exit 0.
"""

from django.core.management.base import BaseCommand, CommandError

from kennislab.privacy import register, services
from kennislab.privacy.models import AccessEvent

DOING = {
    "anonymise": "anonimiseren",
    "delete": "verwijderen",
    "contact": "contactgegevens verwijderen",
    "files": "bestanden verwijderen",
}


def doing(rule) -> str:
    if rule.fields:
        return "leegmaken: " + ", ".join(rule.fields)
    return DOING[rule.action]


class Command(BaseCommand):
    help = "Persoonsgegevens per persoon exporteren of wissen, of de bewaartermijnen toepassen."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="export|erase|purge")
        export = actions.add_parser("export", help="Alles van één e-mailadres als JSON.")
        export.add_argument("email")
        erase = actions.add_parser("erase", help="Alles van één e-mailadres wissen.")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", help="Echt wissen (verplicht).")
        erase.add_argument("--reden", dest="reason", default="", help="Waarom (voor het logboek).")
        actions.add_parser("register", help="Het register van verwerkingen als tabel (Markdown).")
        purge = actions.add_parser("purge", help="De bewaartermijnen nu toepassen.")
        purge.add_argument(
            "--dry-run", action="store_true", help="Alleen laten zien wat er zou gebeuren."
        )

    def handle(self, *args, **options):
        action = options["action"]
        if action == "purge":
            return self.purge(options["dry_run"])
        if action == "register":
            return self.register()
        try:
            address = services.normalise(options["email"])
        except services.InvalidAddress as error:
            raise CommandError(str(error), returncode=2) from None
        if action == "export":
            self.stdout.write(services.export_json(address))
            what = "manage.py personal_data export"
            services.log_access(None, AccessEvent.Action.EXPORT, what=what, rows=0, address=address)
            return None
        if not options["yes"]:
            raise CommandError("Wissen gebeurt alleen met --yes.", returncode=2)
        result = services.erase(
            address, reason=options["reason"] or "manage.py personal_data erase"
        )
        if result.nothing_found:
            self.stdout.write("Niets gevonden voor dit e-mailadres.")
            return None
        for line in result.lines():
            self.stdout.write(line)
        elsewhere = ", ".join(f"{key} {count}" for key, count in result.elsewhere.items() if count)
        if elsewhere:
            self.stdout.write(f"Elders opgeschoond: {elsewhere}")
        return None

    def purge(self, dry_run: bool):
        results = services.purge(dry_run=dry_run)
        verb = "zou" if dry_run else ""
        for result in results:
            rule = result.rule
            what = doing(rule)
            prefix = f"{verb} " if verb else ""
            self.stdout.write(f"{rule.key}: {result.count} ({prefix}{what}) – {rule.description}")
        total = sum(result.count for result in results)
        self.stdout.write(
            f"Totaal: {total}" + (" (proefdraai, niets veranderd)" if dry_run else "")
        )

    def register(self):
        """The register as a Markdown table: for the documentation and the closing note."""
        self.stdout.write("| register | gegevens | doel | grondslag | bewaartermijn | wissen |")
        self.stdout.write("| --- | --- | --- | --- | --- | --- |")
        for entry in register.entries():
            terms = "; ".join(
                [f"{rule.description} ({rule.key}, {rule.term.days} d, {doing(rule)})"
                 for rule in entry.retention]
                + ([str(entry.retention_text)] if entry.retention_text else [])
            )  # fmt: skip
            erase = "verwijderen" if entry.erase == "delete" else "anonimiseren"
            if entry.contact:
                erase += f"; bij wettelijke termijn alleen {', '.join(entry.contact)}"
            cells = [f"{entry.label} (`{entry.key}`)", ", ".join(entry.fields),
                     str(entry.purpose), entry.basis_text, terms, erase]  # fmt: skip
            self.stdout.write("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
