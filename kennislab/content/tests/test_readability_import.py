"""import_dump lists the items that read above B1 (importer/readability.py), and imports them
all the same."""

import io

import pytest
from django.core.management import call_command

from kennislab.content.importer.parser import parse_text
from kennislab.content.importer.readability import SHOWN, above_b1, item_text, summary_lines
from kennislab.content.models import ArticlePage

DUMP = """Terug

Samen koken in de buurt

4 maart 2024

In de Lindestraat koken buren elke dinsdag samen. Ze kiezen een recept en kopen de boodschappen bij de markt. Daarna eten ze aan één lange tafel. Wie wil, neemt een bakje mee naar huis. Zo eet niemand alleen.

Terug

Subsidieregeling voor preventie

5 maart 2024

Indien u middels dit formulier een verzoek indient, dient u tevens de relevante stukken mee te sturen. Wij trachten uw verzoek binnen vier weken af te handelen. Teneinde de voortgang te bewaken, wordt uw aanvraag geregistreerd in ons systeem.
"""


def items():
    return [("dump.txt", item) for item in parse_text("dump.txt", DUMP).items]


def test_the_lines_name_each_item_above_b1_with_its_main_reason():
    parsed = items()
    assert item_text(parsed[0][1]).startswith("Samen koken in de buurt\n\nIn de Lindestraat")
    assert [item.title for _, item, _ in above_b1(parsed)] == ["Subsidieregeling voor preventie"]
    assert summary_lines(parsed) == [
        "Leesbaarheid: 1 van 2 items lezen boven taalniveau B1 (ze zijn wel geïmporteerd):",
        "  dump.txt:11: Subsidieregeling voor preventie — Leesgemak (Flesch-Douma) 55,9; voor B1 "
        "is 60 of hoger nodig.",
    ]
    assert summary_lines(parsed[:1]) == ["Leesbaarheid: alle 1 items lezen op taalniveau B1."]
    assert summary_lines([]) == []


def test_long_lists_are_cut_unless_asked():
    parsed = items()[1:] * (SHOWN + 5)
    lines = summary_lines(parsed)
    assert len(lines) == 1 + SHOWN + 1
    assert lines[-1] == "  … en nog 5 (-v 2 toont ze allemaal)"
    assert len(summary_lines(parsed, show_all=True)) == 1 + SHOWN + 5


@pytest.mark.django_db
def test_import_dump_reports_and_still_imports(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    out = io.StringIO()
    call_command("import_dump", str(path), "--no-progress", stdout=out, stderr=io.StringIO())
    output = out.getvalue()
    assert "Leesbaarheid: 1 van 2 items lezen boven taalniveau B1" in output
    assert f"{path}:11: Subsidieregeling voor preventie — Leesgemak (Flesch-Douma)" in output
    assert output.rstrip().endswith("Klaar: 2 aangemaakt, 0 bijgewerkt, 0 ongewijzigd, 0 mislukt.")
    assert ArticlePage.objects.count() == 2

    quiet = io.StringIO()
    call_command("import_dump", str(path), "--no-progress", verbosity=0, stdout=quiet,
                 stderr=io.StringIO())  # fmt: skip
    assert "Leesbaarheid" not in quiet.getvalue()
