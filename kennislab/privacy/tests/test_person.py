"""Per person: one address that used every form (and uploaded files, answered a survey, got
mails) is exported completely and, after an erase, occurs nowhere in the database — every text
column of every table is scanned — while counts and held records stay as the register says."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from kennislab.campaigns.models import Registration
from kennislab.challenge.models import Participant
from kennislab.core.models import OutgoingEmail
from kennislab.personal.tests.conftest import build_world, everything
from kennislab.privacy import register, services
from kennislab.privacy.models import AccessEvent, ErasureRequest
from kennislab.surveys.models import SurveyResponse
from kennislab.surveys.tests.conftest import build_survey
from kennislab.vignet.models import Evidence
from kennislab.vouchers import services as voucher_services
from kennislab.vouchers.models import Application, Status

pytestmark = pytest.mark.django_db

ADDRESS = "Anna.Jansen@Voorbeeld.example"
OTHER = "bert.bakker@voorbeeld.example"


@pytest.fixture
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path / "private"


@pytest.fixture
def person(private_media):
    """Everything of ADDRESS (and of OTHER, who must stay whole), with an uploaded story
    attachment, vignet evidence and a survey answer that holds the address."""
    world = build_world()
    mine = everything(world, ADDRESS, "Anna")
    theirs = everything(world, OTHER, "Bert")
    story = mine["praktijkverhaal"]
    story.attachment.save("verslag-anna.pdf", ContentFile(b"%PDF-1.4 Anna"), save=True)
    evidence = Evidence.objects.create(
        application=mine["vignetaanvraag"], file=ContentFile(b"%PDF-1.4 bewijs", name="x.pdf"),
        name="nulmeting-anna.pdf", content_type="application/pdf", size=15,
    )  # fmt: skip
    survey = build_survey()
    SurveyResponse.objects.create(page=survey, submit_time=timezone.now(),
                                  form_data={"toelichting": ADDRESS.upper(), "urgentie": "3"})  # fmt: skip
    return {"mine": mine, "theirs": theirs, "evidence": evidence, "story": story}


def ready_to_erase(records):
    """Decide what is in progress, as staff would before an erase: the voucher definitively
    granted (then a legal term holds it), the event already held."""
    voucher_services.decide(records["kennisvoucher"].pk, "confirm", user=None)
    registration = records["aanmelding"]
    registration.event.starts_at = timezone.now() - timedelta(days=2)
    registration.event.save()


def test_the_export_holds_everything_of_the_address(person):
    exported = services.export(services.normalise(ADDRESS))
    assert set(exported) == {entry.key for entry in register.entries() if entry.findable}
    expected = {
        "vouchers.application", "vignet.application", "vignet.vignet", "vignet.evidence",
        "campaigns.registration", "campaigns.recording_access", "campaigns.activity",
        "challenge.participant", "network.pledge", "network.story", "questions.question",
        "questions.interest", "newsletter.subscriber", "surveys.response",
        "core.outgoing_email",
    }  # fmt: skip
    assert {key for key, records in exported.items() if records} >= expected
    text = json.dumps(exported, ensure_ascii=False).lower()
    assert "bert" not in text and OTHER not in text  # nobody else's data
    assert "verslag-anna.pdf" in text and "nulmeting-anna.pdf" in text  # files by name
    assert "anna jansen" in text and "hoe pakt anna leefstijl aan?" in text
    goal = person["mine"]["uitdaging"].goal
    assert goal and goal.lower() in text  # the health goal too
    # mails are in it, with private links shortened
    bodies = " ".join(mail["body"] for mail in exported["core.outgoing_email"])
    assert "…" in bodies
    names = [name for name, _file in services.files(services.normalise(ADDRESS))]
    assert len(names) == 2 and all(name.endswith(".pdf") for name in names)


def text_columns():
    """(table, column) of every text-like column in the database."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                try:
                    kind = connection.introspection.get_field_type(column.type_code, column)
                except KeyError:  # SQLite's full-text tables have untyped columns: text
                    kind = "TextField"
                if kind in ("CharField", "TextField", "JSONField", "EmailField", "SlugField"):
                    yield table, column.name


def occurrences(*needles: str) -> list[str]:
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, column in text_columns():
            for needle in needles:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608 — names from introspection
                    f"WHERE LOWER(CAST({quote(column)} AS TEXT)) LIKE %s",
                    [f"%{needle.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column}: {needle}")
    return found


def test_after_an_erase_the_address_and_name_are_nowhere(person, django_capture_on_commit_callbacks,
                                                          private_media):  # fmt: skip
    mine = person["mine"]
    ready_to_erase(mine)
    assert occurrences(ADDRESS, "Anna Jansen")  # the scan finds them before
    registrations = Registration.objects.count()
    participants = Participant.objects.count()
    files_before = {path.name for path in private_media.rglob("*") if path.is_file()}
    assert any("anna" in name for name in files_before)

    with django_capture_on_commit_callbacks(execute=True):
        result = services.erase(services.normalise(ADDRESS), reason="Verzoek per e-mail")

    assert not result.queued
    assert occurrences(ADDRESS, "Anna Jansen") == []
    # counts and audit trails stay
    assert Registration.objects.count() == registrations
    assert Participant.objects.count() == participants
    voucher = Application.objects.get(pk=mine["kennisvoucher"].pk)
    assert voucher.status == Status.CONFIRMED and voucher.organisation == "Stichting Anna"
    assert result.per_entry["vouchers.application"] == {"contact": 1}
    assert voucher.events.count() >= 2
    # the uploads are gone from storage, the other person's are not touched
    files_after = {path.name for path in private_media.rglob("*") if path.is_file()}
    assert not any("anna" in name for name in files_after)
    assert not Evidence.objects.filter(pk=person["evidence"].pk).exists()
    # the other person is whole
    assert services.find(OTHER) and occurrences("Bert Jansen")
    assert OutgoingEmail.objects.filter(to__iexact=OTHER).exists()
    # on record, without the address itself
    event = AccessEvent.objects.get(action=AccessEvent.Action.ERASE)
    assert event.reason == "Verzoek per e-mail" and event.rows >= 14
    assert event.address_hash and ADDRESS.lower() not in event.address_hash
    # idempotent: nothing is left to erase
    again = services.erase(services.normalise(ADDRESS))
    assert again.nothing_found


def test_records_in_progress_wait_for_staff(person):
    mine = person["mine"]  # the voucher is granted provisionally; the event is still to come
    result = services.erase(services.normalise(ADDRESS), self_service=True)
    queued = {step.entry.key for step in result.queued}
    assert queued == {"vouchers.application", "campaigns.registration"}
    voucher = Application.objects.get(pk=mine["kennisvoucher"].pk)
    assert voucher.email == ADDRESS and voucher.status == Status.GRANTED  # untouched
    request = ErasureRequest.objects.get(email=ADDRESS.lower())
    assert "besluit" in request.reasons
    # everything else went
    assert not Participant.objects.filter(email__iexact=ADDRESS).exists()


def test_the_plan_says_what_happens_and_why(person):
    ready_to_erase(person["mine"])
    steps = services.plan(services.normalise(ADDRESS))
    by_entry = {step.entry.key: step for step in steps}
    voucher = by_entry["vouchers.application"]
    assert voucher.action == "contact" and "subsidieverantwoording" in voucher.reason
    assert "Motivatie" in " ".join(voucher.kept_fields) or voucher.kept_fields
    assert by_entry["newsletter.subscriber"].action == "delete"
    assert by_entry["challenge.participant"].action == "anonymise"
    assert by_entry["vignet.vignet"].action == "contact"  # in the public register


# --- the command (CONTRACTS.md) ------------------------------------------------------------------


def test_command_export_prints_json_with_a_key_per_entry(person, capsys):
    call_command("personal_data", "export", ADDRESS)
    exported = json.loads(capsys.readouterr().out)
    assert set(exported) == {entry.key for entry in register.entries() if entry.findable}
    assert exported["challenge.participant"][0]["email"].lower() == ADDRESS.lower()


def test_command_unknown_address_is_empty_and_exit_0(db, capsys):
    call_command("personal_data", "export", "niemand@voorbeeld.example")
    exported = json.loads(capsys.readouterr().out)
    assert exported and all(records == [] for records in exported.values())
    call_command("personal_data", "erase", "niemand@voorbeeld.example", "--yes")
    assert "Niets gevonden" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["export", "geen-adres"], ["erase", "a@b", "--yes"],
                                  ["erase", ADDRESS]])  # fmt: skip
def test_command_refuses_bad_input_with_exit_2(db, args):
    with pytest.raises(CommandError) as refused:
        call_command("personal_data", *args)
    assert refused.value.returncode == 2
    assert "e-mailadres" in str(refused.value) or "--yes" in str(refused.value)


def test_command_erase_prints_a_summary(person, capsys):
    ready_to_erase(person["mine"])
    call_command("personal_data", "erase", ADDRESS, "--yes")
    out = capsys.readouterr().out
    assert "Deelnemers aan de 30-dagenuitdaging: 1 geanonimiseerd" in out
    assert "Abonnees van de nieuwsbrief: 1 verwijderd" in out
    assert "wettelijke termijn" in out


def test_command_purge_dry_run_lists_every_rule(db, capsys):
    call_command("personal_data", "purge", "--dry-run")
    out = capsys.readouterr().out
    for key in register.rule_keys():
        assert f"{key}: 0" in out
    assert "proefdraai" in out
