"""import_dump and export_articles against the database (CONTRACTS.md)."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from kennislab.content.importer import loader
from kennislab.content.models import ArticlePage, HomePage, ItemType, KennislabIndexPage, Theme

from .seeds import require_seeds
from .test_parser import EXPECTED

pytestmark = pytest.mark.django_db

DUMP = """Kennislab

Vind relevante kennis, tools, naslagwerken en leerervaringen uit ons netwerk

Terug

Groene speelplaatsen werken

4 maart 2024

Scholen in Beekveld vergroenden hun speelplaatsen. Kinderen spelen meer en langer buiten.

Wat we leerden

Begin klein en betrek ouders vanaf de eerste dag. Kies samen met de kinderen wat er komt. Plan
het onderhoud meteen mee. En vier elke stap die lukt, ook de kleine.

Netwerkadviseur groen
Terug

Tweede bericht

5 maart 2024Een zin die direct na de datum begint.
"""


def run(*args, progress=False):
    """Run import_dump; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    options = () if progress else ("--no-progress",)
    try:
        call_command("import_dump", *args, *options, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def export():
    out = io.StringIO()
    call_command("export_articles", "--format", "jsonl", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


def test_seeds_import_export_and_reimport():
    paths = [str(path) for path in require_seeds()]
    code, out, err = run(*paths)
    assert code == 0, err
    assert "Klaar: 27 aangemaakt, 0 bijgewerkt, 0 ongewijzigd, 0 mislukt." in out
    assert err == ""

    records = export()
    assert len(records) == 27
    expected = {(title, day, name) for name, items in EXPECTED.items() for title, day in items}
    assert {(r["title"], r["date"], r["source"]) for r in records} == expected
    for record in records:
        assert set(record) == {"title", "date", "type", "themes", "url", "text", "source"}
        assert record["type"] in ItemType.values
        assert 1 <= len(record["themes"]) <= 3
        assert record["url"].startswith("/kennislab/") and record["url"].endswith("/")
        assert len(record["text"]) > 200
        assert "Netwerkadviseur & regiocoördinator" not in record["text"].splitlines()
        assert "Vraag een Kennisvoucher aan bij dit voorbeeld." not in record["text"]

    revisions = Revision.objects.count()
    latest = dict(ArticlePage.objects.values_list("pk", "latest_revision_id"))
    code, out, err = run(*paths)
    assert code == 0
    assert "Klaar: 0 aangemaakt, 0 bijgewerkt, 27 ongewijzigd, 0 mislukt." in out
    assert Revision.objects.count() == revisions
    assert dict(ArticlePage.objects.values_list("pk", "latest_revision_id")) == latest
    assert export() == records


def test_import_builds_the_site_structure_on_an_empty_database(dump):
    assert not HomePage.objects.exists()
    code, out, _ = run(str(dump))
    assert code == 0
    assert "dump.txt: 2 items gelezen" in out
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()  # placeholder removed
    index = KennislabIndexPage.objects.get()
    assert index.get_parent().pk == home.pk
    page = ArticlePage.objects.get(title="Groene speelplaatsen werken")
    assert page.live and page.get_parent().pk == index.pk
    assert page.url == "/kennislab/groene-speelplaatsen-werken/"
    assert page.intro.startswith("Scholen in Beekveld")
    assert page.first_published_at.date().isoformat() == "2024-03-04"
    assert [(c.role, c.note) for c in page.contacts.all()] == [("Netwerkadviseur groen", "")]
    assert [b.block_type for b in page.body] == ["heading", "paragraph"]
    glued = ArticlePage.objects.get(title="Tweede bericht")
    assert glued.intro == "Een zin die direct na de datum begint."


def test_bad_files_are_reported_and_the_rest_is_imported(tmp_path, dump):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Terug\nCafé\n1 mei 2020\n".encode("latin-1"))
    broken = tmp_path / "kapot.txt"
    broken.write_text("Terug\nTitel zonder datum\nTekst\n\nTerug\nGoed item\n2 mei 2020\nTekst.\n")
    code, out, err = run(
        str(latin), str(tmp_path / "bestaat-niet.txt"), str(tmp_path), str(broken), str(dump)
    )
    assert code == 1
    assert f"{latin}:2: fout: geen geldige UTF-8-tekst" in err
    assert f"{tmp_path / 'bestaat-niet.txt'}: fout: bestand niet gevonden" in err
    assert f"{tmp_path}: fout: dit is een map, geen bestand" in err
    assert f"{broken}:3: fout: item 'Titel zonder datum' heeft geen geldige datum" in err
    assert "Traceback" not in err
    assert "Klaar: 3 aangemaakt, 0 bijgewerkt, 0 ongewijzigd, 4 mislukt." in out
    assert set(ArticlePage.objects.values_list("title", flat=True)) == {
        "Goed item",
        "Groene speelplaatsen werken",
        "Tweede bericht",
    }


def test_dry_run_writes_nothing(dump):
    code, out, _ = run(str(dump), "--dry-run")
    assert code == 0
    assert "Proefdraai: 2 items gelezen, niets opgeslagen." in out
    assert not Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists()


def test_a_failing_item_is_rolled_back_alone(dump, monkeypatch):
    original = ArticlePage.save_revision

    def failing(self, *args, **kwargs):
        if self.title == "Groene speelplaatsen werken":
            raise RuntimeError("schijf vol")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ArticlePage, "save_revision", failing)
    code, out, err = run(str(dump))
    assert code == 1
    assert f"{dump}:7: fout: item 'Groene speelplaatsen werken' niet opgeslagen: schijf vol" in err
    assert "Klaar: 1 aangemaakt" in out
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Tweede bericht"]

    monkeypatch.setattr(ArticlePage, "save_revision", original)
    code, out, _ = run(str(dump))
    assert code == 0
    assert "Klaar: 1 aangemaakt, 0 bijgewerkt, 1 ongewijzigd, 0 mislukt." in out


def test_changed_source_updates_the_page(dump):
    run(str(dump))
    page = ArticlePage.objects.get(title="Groene speelplaatsen werken")
    revisions = page.revisions.count()
    dump.write_text(DUMP.replace("Begin klein", "Begin heel klein"), encoding="utf-8")
    code, out, _ = run(str(dump), "-v", "2")
    assert code == 0
    assert "Klaar: 0 aangemaakt, 1 bijgewerkt, 1 ongewijzigd, 0 mislukt." in out
    assert (
        "bijgewerkt: Groene speelplaatsen werken → /kennislab/groene-speelplaatsen-werken/" in out
    )
    page.refresh_from_db()
    assert "Begin heel klein" in page.text
    assert page.revisions.count() == revisions + 1
    assert page.slug == "groene-speelplaatsen-werken"


def test_editor_corrections_survive_a_changed_source(dump):
    run(str(dump))
    page = ArticlePage.objects.get(title="Groene speelplaatsen werken")
    assert page.item_type == "news"
    leefstijl = Theme.objects.get(slug="leefstijl")
    page.item_type = ItemType.PRACTICE_EXAMPLE
    page.themes = [leefstijl]
    page.save_revision().publish()

    dump.write_text(DUMP.replace("Begin klein", "Begin heel klein"), encoding="utf-8")
    code, out, _ = run(str(dump), "-v", "2")
    assert code == 0
    assert "(behouden: soort, thema's)" in out
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.item_type == ItemType.PRACTICE_EXAMPLE
    assert list(page.themes.all()) == [leefstijl]
    assert "Begin heel klein" in page.text  # the content itself was not edited, so it follows


def test_editor_changes_to_the_content_survive_a_changed_source(dump):
    run(str(dump))
    page = ArticlePage.objects.get(title="Groene speelplaatsen werken")
    page.intro = "Door de redactie herschreven inleiding."
    page.save_revision().publish()
    dump.write_text(DUMP.replace("Begin klein", "Begin heel klein"), encoding="utf-8")
    _, out, _ = run(str(dump), "-v", "2")
    assert "(behouden: inhoud)" in out
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.intro == "Door de redactie herschreven inleiding."
    assert "Begin heel klein" not in page.text


def test_duplicate_item_in_two_files_is_imported_once(tmp_path, dump):
    copy = tmp_path / "kopie.txt"
    copy.write_text(DUMP, encoding="utf-8")
    code, out, err = run(str(dump), str(copy))
    assert code == 0
    assert "staat ook in" in err and "deze kopie is overgeslagen" in err
    assert ArticlePage.objects.count() == 2
    assert "Klaar: 2 aangemaakt" in out


def test_same_title_on_another_date_gets_its_own_page_and_slug(tmp_path, dump):
    other = tmp_path / "later.txt"
    other.write_text("Terug\nGroene speelplaatsen werken\n1 april 2025\nEen vervolg.\n")
    run(str(dump), str(other))
    slugs = sorted(
        ArticlePage.objects.filter(title="Groene speelplaatsen werken").values_list(
            "slug", flat=True
        )
    )
    assert slugs == ["groene-speelplaatsen-werken", "groene-speelplaatsen-werken-2"]


def test_export_lists_only_published_articles(dump):
    run(str(dump))
    ArticlePage.objects.get(title="Tweede bericht").unpublish()
    assert [r["title"] for r in export()] == ["Groene speelplaatsen werken"]


def test_block_data_for_the_stream():
    from kennislab.content.importer.parser import Block

    assert loader.block_data(Block("paragraph", "a < b & c")) == {
        "type": "paragraph",
        "value": "<p>a &lt; b &amp; c</p>",
    }
    cta = loader.block_data(Block("call_to_action", {"title": "T", "text": "", "action": "story"}))
    assert cta["value"] == {
        "title": "T", "text": "", "action": "story", "link_label": "", "page": None, "url": "",
    }  # fmt: skip


def test_long_runs_show_a_progress_bar(tmp_path, capsys, monkeypatch):
    from kennislab.content.management.commands import import_dump

    monkeypatch.setattr(import_dump, "PROGRESS_FROM", 4)
    dump = tmp_path / "veel.txt"
    dump.write_text("".join(f"Terug\nBericht {n}\n{n + 1} mei 2024\nTekst.\n" for n in range(4)))
    code, out, _ = run(str(dump), progress=True)
    assert code == 0
    assert "Klaar: 4 aangemaakt" in out
    bar = capsys.readouterr().err  # tqdm writes to the process's stderr
    assert "Importeren" in bar and "4/4" in bar
    capsys.readouterr()
    run(str(dump), progress=False)
    assert "Importeren" not in capsys.readouterr().err


def test_without_paths_the_command_explains_itself():
    code, _, err = run()
    assert code == 2
    assert "geef één of meer dumpbestanden op" in err
