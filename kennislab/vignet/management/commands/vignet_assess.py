"""manage.py vignet_assess FILE — assess one vignet application (CONTRACTS.md); writes nothing.

Prints the verdict as JSON and exits 0, eligible or not. Exits 2 with a Dutch message on stderr
(never a traceback) when there is no file, it cannot be read, is not UTF-8 or not JSON, or the
application is invalid (one line per problem, naming the field). ``-`` reads standard input.
"""

import json
import sys

from django.core.management.base import BaseCommand

from ...criteria import InvalidApplication, assess_data

STDIN_LABEL = "(standaardinvoer)"
JSON_MESSAGES = {  # json's English messages, for an applicant
    "Expecting value": "hier wordt een waarde verwacht",
    "Expecting property name enclosed in double quotes": (
        "hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht"
    ),
    "Expecting ',' delimiter": "hier wordt een komma verwacht",
    "Expecting ':' delimiter": "hier wordt een dubbele punt verwacht",
    "Extra data": "na het einde van de JSON staat nog tekst",
    "Unterminated string starting at": "een tekst zonder afsluitend aanhalingsteken",
    "Invalid control character at": "een ongeldig teken in een tekst",
}


class Command(BaseCommand):
    help = (
        "Beoordeel een aanvraag voor het Vignet Vitaal Bedrijf (JSON) en toon het oordeel als "
        "JSON. Slaat niets op."
    )
    requires_system_checks = []  # pure: reads one file, touches no database
    stealth_options = ("stdin",)  # call_command(..., stdin=io.BytesIO(...)) for tests

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", metavar="BESTAND", help="aanvraag als JSON (UTF-8); - leest stdin"
        )

    def handle(self, *args, files=(), **options):
        if len(files) != 1:
            self._fail(
                "fout: geef precies één aanvraagbestand op, bijvoorbeeld: "
                "manage.py vignet_assess aanvraag.json"
            )
        [file] = files
        label = STDIN_LABEL if file == "-" else file
        data = self._decode(label, self._read(file, label, options.get("stdin") or sys.stdin))
        try:
            verdict = assess_data(data)
        except InvalidApplication as invalid:
            self._fail(
                *(f"{label}: fout: {field}: {message}" for field, message in invalid.problems)
            )
        self.stdout.write(json.dumps(verdict.as_dict(), ensure_ascii=False, indent=2))

    def _read(self, file: str, label: str, stdin) -> bytes:
        try:
            if file == "-":
                return stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
            with open(file, "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            self._fail(f"{label}: fout: bestand niet gevonden")
        except IsADirectoryError:
            self._fail(f"{label}: fout: dit is een map, geen bestand")
        except PermissionError:
            self._fail(f"{label}: fout: geen toestemming om dit bestand te lezen")
        except OSError as error:
            self._fail(f"{label}: fout: kan niet gelezen worden ({error.strerror})")

    def _decode(self, label: str, raw: bytes | str):
        try:
            text = raw if isinstance(raw, str) else raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self._fail(
                f"{label}:{line}: fout: geen geldige UTF-8-tekst op regel {line}; "
                "sla het bestand op als UTF-8"
            )
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            detail = JSON_MESSAGES.get(error.msg)
            self._fail(
                f"{label}:{error.lineno}:{error.colno}: fout: geen geldige JSON op regel "
                f"{error.lineno}, kolom {error.colno}" + (f": {detail}" if detail else "")
            )
        except ValueError:  # an integer of more than 4300 digits
            self._fail(f"{label}: fout: geen geldige JSON: een getal is te lang")
        except RecursionError:
            self._fail(f"{label}: fout: de JSON is te diep genest")

    def _fail(self, *lines: str):
        for line in lines:
            self.stderr.write(line)  # coloured as an error on a terminal
        sys.exit(2)
