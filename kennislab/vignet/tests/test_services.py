"""services.py on the database: drafts and their private links, submission, the assessor's
steps (audit log, e-mails, the vignet awarded), renewals and revoking."""

import os
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kennislab.core.models import OutgoingEmail
from kennislab.vignet import criteria, services
from kennislab.vignet.models import Activity, Application, Event, Evidence, Status, Vignet

from .factories import (
    PDF,
    activity,
    application_fields,
    awarded_vignet,
    counts,
    in_assessment,
    make_draft,
    submitted,
    today,
)

pytestmark = pytest.mark.django_db

NOTE_REQUIRED = "Schrijf een toelichting; de aanvrager leest die in de e-mail."
NOT_EDITABLE = "Deze aanvraag is ingediend en kan niet meer worden gewijzigd."


def fresh(application) -> Application:
    return Application.objects.get(pk=application.pk)


def mails(application, subject_start="") -> list[OutgoingEmail]:
    return list(
        OutgoingEmail.objects.filter(to=application.email, subject__startswith=subject_start)
    )


def link_in(body: str) -> str:
    match = re.search(r"http://testserver/vignet/aanvraag/([A-Za-z0-9_-]{20,})/", body)
    assert match, body
    return match.group(1)


def pdf(name="bewijs.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


# --- drafts ---------------------------------------------------------------------------------


def test_a_new_draft_gets_a_private_link_by_mail_and_a_log_entry():
    application, token = make_draft(organisation="Drukkerij Kleurrijk")
    stored = fresh(application)
    assert (stored.status, stored.reference, stored.organisation) == (
        Status.DRAFT,
        None,
        "Drukkerij Kleurrijk",
    )
    assert stored.consent and stored.consent_text == "Ik geef toestemming."
    assert stored.token_hash != token and len(stored.token_hash) == 64  # only the hash is kept
    assert timedelta(days=179) < stored.token_expires_at - timezone.now() <= timedelta(days=180)
    assert services.by_token(token).pk == stored.pk
    assert [a.theme for a in stored.activities.all()] == ["bewegen", "voeding"]
    event = Event.objects.get(application=stored)
    assert (event.action, event.from_status, event.to_status) == ("created", "", Status.DRAFT)
    [mail] = mails(stored)
    assert mail.subject == "Je aanvraag voor het Vignet Vitaal Bedrijf is bewaard"
    assert link_in(mail.body) == token
    assert "Deel deze link niet" in mail.body


@pytest.mark.parametrize("token", ["", "bestaat-niet", "x" * 101])
def test_an_unknown_token_finds_nothing(token):
    make_draft()
    assert services.by_token(token) is None


def test_an_expired_link_finds_nothing():
    application, token = make_draft()
    Application.objects.filter(pk=application.pk).update(
        token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert services.by_token(token) is None


def test_saving_again_replaces_the_activities_and_adds_and_removes_evidence(
    private_media, django_capture_on_commit_callbacks
):
    application, token = make_draft(files=[pdf("eerste.pdf"), pdf("tweede.pdf")])
    first, _second = application.evidence.all()
    first_path = first.file.path
    assert first_path.startswith(str(private_media))
    draft = services.Draft(
        application_fields(organisation="Nieuwe Naam BV", email=application.email),
        [activity("roken", 40)],
        [pdf("derde.pdf")],
        [first.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):  # removed files go after commit
        _again, new_token = services.save_draft(draft, fresh(application))
    assert new_token is None  # the link stays the same
    stored = fresh(application)
    assert stored.organisation == "Nieuwe Naam BV"
    assert [(a.theme, a.participants) for a in stored.activities.all()] == [("roken", 40)]
    assert Activity.objects.count() == 1
    assert sorted(e.name for e in stored.evidence.all()) == ["derde.pdf", "tweede.pdf"]
    assert not Evidence.objects.filter(pk=first.pk).exists()
    assert not os.path.exists(first_path)  # the file is gone, too
    assert services.by_token(token).pk == stored.pk
    assert Event.objects.filter(application=stored).count() == 1  # saving is not a step
    assert len(mails(stored)) == 1  # no new link by mail


def test_a_submitted_application_cannot_be_saved_as_a_draft():
    application = submitted()
    before = counts()
    draft = services.Draft(application_fields(organisation="Gewijzigd"), [], [], [])
    with pytest.raises(services.NotAllowed, match=f"^{NOT_EDITABLE}$"):
        services.save_draft(draft, application)
    assert fresh(application).organisation != "Gewijzigd"
    assert fresh(application).activities.count() == 2
    assert counts() == before


def test_the_verdict_of_a_draft_without_a_target_group_is_none():
    application, _token = make_draft(target_group_size=None)
    assert services.verdict_of(fresh(application)) is None
    complete, _token = make_draft()
    assert services.verdict_of(fresh(complete)).eligible is True


# --- submission -----------------------------------------------------------------------------


def test_submitting_stores_reference_verdict_and_confirms_by_mail():
    application, _token = make_draft()
    services.submit(application.pk)
    stored = fresh(application)
    year = timezone.localtime(stored.submitted_at).year
    assert stored.status == Status.SUBMITTED
    assert stored.reference == f"VV-{year}-{stored.pk:04d}"
    assert re.fullmatch(r"VV-\d{4}-\d{4,}", stored.reference)
    assert stored.verdict == criteria.assess_data(stored.as_criteria_data()).as_dict()
    assert set(stored.verdict) == {"eligible", "criteria", "themes_met"}
    assert stored.verdict["eligible"] is True
    assert [c["code"] for c in stored.verdict["criteria"]] == ["baseline", "themes", "guidance"]
    assert all(set(c) == {"code", "met", "explanation"} for c in stored.verdict["criteria"])
    assert stored.verdict["themes_met"] == ["bewegen", "voeding"]
    event = stored.events.last()
    assert (event.action, event.from_status, event.to_status, event.actor_label) == (
        "submit",
        Status.DRAFT,
        Status.SUBMITTED,
        "aanvrager",
    )
    [mail] = mails(stored, "Je aanvraag voor het Vignet Vitaal Bedrijf is ingediend")
    assert mail.subject.endswith(f"({stored.reference})")
    assert f"Je kenmerk is {stored.reference}." in mail.body


def test_the_verdict_at_submission_is_kept_also_when_it_is_not_eligible():
    application, _token = make_draft(activities=[activity("bewegen", 19)])
    services.submit(application.pk)
    verdict = fresh(application).verdict
    assert verdict["eligible"] is False
    themes = next(c for c in verdict["criteria"] if c["code"] == "themes")
    assert themes["met"] is False
    assert "haalt 23% van de doelgroep, 25% is nodig" in themes["explanation"]


def test_submitting_twice_is_refused():
    application = submitted()
    before = counts()
    with pytest.raises(services.NotAllowed, match="‘Indienen’ kan niet meer"):
        services.submit(application.pk)
    assert counts() == before


# --- the assessor's steps -------------------------------------------------------------------


def test_start_records_the_assessor(assessor):
    application = submitted()
    services.take_step(application.pk, "start", user=assessor)
    stored = fresh(application)
    assert (stored.status, stored.assessor) == (Status.IN_ASSESSMENT, assessor)
    event = stored.events.last()
    assert (event.action, event.actor, event.actor_label) == ("start", assessor, "beoordelaar")
    assert not mails(stored, "Graag")  # starting is not mailed


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        ("draft", "start", "‘In behandeling nemen’ kan niet meer"),
        ("submitted", "award", "‘Toekennen’ kan niet meer"),
        ("submitted", "reject", "‘Afwijzen’ kan niet meer"),
        ("submitted", "submit", "Deze stap bestaat niet."),  # not the assessor's step
        ("submitted", "delete", "Deze stap bestaat niet."),
    ],
)
def test_steps_the_table_does_not_allow_change_nothing(status, action, message):
    application, _token = make_draft()
    if status == "submitted":
        services.submit(application.pk)
    before = counts()
    with pytest.raises(services.NotAllowed, match=message):
        services.take_step(application.pk, action, note="Toelichting.")
    assert fresh(application).status == status
    assert counts() == before


@pytest.mark.parametrize("action", ["request_info", "reject"])
@pytest.mark.parametrize("note", ["", "   \n "])
def test_a_note_is_required_to_ask_for_more_or_reject(action, note):
    application = in_assessment()
    before = counts()
    with pytest.raises(services.NotAllowed, match=f"^{NOTE_REQUIRED}$"):
        services.take_step(application.pk, action, note=note)
    assert fresh(application).status == Status.IN_ASSESSMENT
    assert counts() == before


def test_asking_for_more_sends_a_new_link_and_the_old_one_stops_working(assessor):
    application, old_token = make_draft()
    services.submit(application.pk)
    services.take_step(application.pk, "start", user=assessor)
    services.take_step(
        application.pk, "request_info", note="Stuur de uitslag van de nulmeting mee.", user=assessor
    )
    stored = fresh(application)
    assert (stored.status, stored.decision_note) == (
        Status.MORE_INFO,
        "Stuur de uitslag van de nulmeting mee.",
    )
    assert services.by_token(old_token) is None
    [mail] = mails(stored, "Graag een aanvulling")
    assert mail.subject == f"Graag een aanvulling op je vignetaanvraag {stored.reference}"
    assert "Stuur de uitslag van de nulmeting mee." in mail.body
    new_token = link_in(mail.body)
    assert new_token != old_token
    assert services.by_token(new_token).pk == stored.pk

    # the applicant completes it and submits again: same reference, assessed again
    draft = services.Draft(
        application_fields(organisation=stored.organisation),
        [activity("bewegen", 20), activity("roken", 25)],
        [pdf()],
        [],
    )
    services.save_draft(draft, services.by_token(new_token))
    services.submit(stored.pk)
    again = fresh(application)
    assert (again.status, again.reference) == (Status.SUBMITTED, stored.reference)
    assert again.verdict["themes_met"] == ["bewegen", "roken"]
    assert again.evidence.count() == 1
    assert [e.to_status for e in again.events.all()] == [
        Status.DRAFT, Status.SUBMITTED, Status.IN_ASSESSMENT, Status.MORE_INFO, Status.SUBMITTED,
    ]  # fmt: skip
    services.take_step(stored.pk, "start", user=assessor)
    assert fresh(application).status == Status.IN_ASSESSMENT


def test_awarding_creates_a_vignet_for_two_years_and_mails_its_links(
    assessor, django_capture_on_commit_callbacks, mailoutbox
):
    application = in_assessment(user=assessor, organisation="Zorggroep Lindehof", place="Lindeloo",
                                province="gelderland")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(application.pk, "award", note="Mooi programma.", user=assessor)
    stored = fresh(application)
    assert stored.status == Status.AWARDED
    assert stored.decided_at is not None
    vignet = Vignet.objects.get()
    assert (vignet.organisation, vignet.place, vignet.province, vignet.email) == (
        "Zorggroep Lindehof",
        "Lindeloo",
        "gelderland",
        stored.email,
    )
    assert vignet.application_id == stored.pk
    assert vignet.first_awarded_on == vignet.awarded_on == vignet.valid_from == today()
    assert vignet.valid_until == criteria.valid_until(today())
    assert vignet.state() == "valid"
    assert Vignet.objects.current().get() == vignet
    assert len(vignet.public_id) >= 20

    [mail] = [m for m in mailoutbox if m.subject.startswith("Gefeliciteerd")]
    assert mail.to == [stored.email]
    assert mail.subject == (
        f"Gefeliciteerd: jullie krijgen het Vignet Vitaal Bedrijf ({stored.reference})"
    )
    assert f"http://testserver/vignet/controle/{vignet.public_id}/" in mail.body
    assert f"geldig tot en met {criteria.dutch_date(vignet.valid_until)}" in mail.body
    assert "Mooi programma." in mail.body
    holder = re.search(r"http://testserver/vignet/houder/([A-Za-z0-9_-]{20,})/", mail.body)
    assert holder, mail.body
    assert services.vignet_by_holder_token(holder.group(1)) == vignet
    assert OutgoingEmail.objects.get(subject=mail.subject).status == OutgoingEmail.Status.SENT


def test_awarding_twice_creates_one_vignet():
    application = in_assessment()
    services.take_step(application.pk, "award")
    before = counts()
    with pytest.raises(services.NotAllowed, match="‘Toekennen’ kan niet meer"):
        services.take_step(application.pk, "award")
    assert Vignet.objects.count() == 1
    assert counts() == before


def test_rejecting_with_a_note_mails_the_reason_and_awards_nothing(assessor):
    application = in_assessment()
    services.take_step(application.pk, "reject", note="Geen begeleiding.", user=assessor)
    stored = fresh(application)
    assert (stored.status, stored.decision_note) == (Status.REJECTED, "Geen begeleiding.")
    assert stored.decided_at is not None
    assert not Vignet.objects.exists()
    [mail] = mails(stored, "Besluit over je vignetaanvraag")
    assert mail.subject == f"Besluit over je vignetaanvraag {stored.reference}"
    assert "Geen begeleiding." in mail.body
    assert "voldoet nog niet aan de criteria" in mail.body
    event = stored.events.last()
    assert (event.from_status, event.to_status, event.note) == (
        Status.IN_ASSESSMENT,
        Status.REJECTED,
        "Geen begeleiding.",
    )
    with pytest.raises(services.NotAllowed):
        services.take_step(application.pk, "award")


def test_the_audit_log_cannot_be_changed_or_deleted():
    application = submitted()
    event = application.events.first()
    event.note = "Achteraf aangepast."
    with pytest.raises(Exception, match="kan niet worden aangepast"):
        event.save()
    with pytest.raises(Exception, match="kan niet worden verwijderd"):
        event.delete()
    assert Event.objects.get(pk=event.pk).note != "Achteraf aangepast."


# --- holders, renewals, revoking ------------------------------------------------------------


def test_start_renewal_before_the_window_is_refused_with_the_date():
    vignet = awarded_vignet(months_ago=20)  # the window opens after 21 months
    before = counts()
    opens = criteria.renewal_opens(vignet.awarded_on)
    with pytest.raises(services.NotAllowed) as refused:
        services.start_renewal(vignet, "toestemming")
    assert str(refused.value) == (
        f"Verlengen kan vanaf {criteria.dutch_date(opens)}, drie maanden voor het vignet verloopt."
    )
    assert counts() == before


def test_start_renewal_on_the_first_day_of_the_window_is_allowed():
    vignet = awarded_vignet()
    opens = criteria.renewal_opens(vignet.awarded_on)
    assert services.renewal_refusal(vignet, today=opens - timedelta(days=1))
    assert services.renewal_refusal(vignet, today=opens) is None
    assert services.renewal_refusal(vignet, today=vignet.valid_until + timedelta(days=90)) is None


def test_a_revoked_vignet_cannot_be_renewed():
    vignet = awarded_vignet(months_ago=22)
    services.revoke(vignet.pk, "Programma gestopt.")
    vignet.refresh_from_db()
    with pytest.raises(services.NotAllowed, match="ingetrokken en kan niet worden verlengd"):
        services.start_renewal(vignet, "toestemming")
    assert not Application.objects.filter(renewal_of=vignet).exists()


def test_start_renewal_in_the_window_makes_a_prefilled_draft():
    vignet = awarded_vignet(months_ago=22, organisation="Logistiek Waterstreek", place="Lemdaal",
                            province="flevoland")  # fmt: skip
    last = vignet.application
    renewal, token = services.start_renewal(vignet, "toestemming verlenging")
    assert token
    stored = fresh(renewal)
    assert services.by_token(token).pk == stored.pk
    assert (stored.status, stored.renewal_of_id, stored.is_renewal) == (
        Status.DRAFT,
        vignet.pk,
        True,
    )
    for name in ("organisation", "place", "province", "contact_name", "email", "phone",
                 "target_group_size", "guidance_name", "guidance_organisation",
                 "guidance_description"):  # fmt: skip
        assert getattr(stored, name) == getattr(last, name), name
    assert stored.province == "flevoland"
    assert (stored.baseline_date, stored.activities.count()) == (None, 0)
    assert stored.consent_text == "toestemming verlenging"
    assert vignet.renewal_in_progress() == stored
    # a second request gives the same draft, without a new link
    again, no_token = services.start_renewal(vignet, "toestemming")
    assert (again.pk, no_token) == (stored.pk, None)
    assert Application.objects.filter(renewal_of=vignet).count() == 1


def test_awarding_a_renewal_extends_the_same_vignet():
    vignet = awarded_vignet(months_ago=22)
    first_awarded, public_id = vignet.first_awarded_on, vignet.public_id
    Vignet.objects.filter(pk=vignet.pk).update(reminders_sent=2)
    renewal, _token = services.start_renewal(vignet, "toestemming")
    since = vignet.awarded_on + timedelta(days=14)
    activities = [activity("bewegen", 30, start=since), activity("roken", 20, start=since)]
    fields = {
        name: getattr(renewal, name)
        for name in ("organisation", "place", "contact_name", "email", "phone",
                     "target_group_size", "guidance_name", "guidance_organisation")
    }  # fmt: skip
    fields["province"] = "limburg"  # moved since the award: the vignet follows the renewal
    services.save_draft(services.Draft(fields, activities, [], []), renewal)
    services.submit(renewal.pk)
    verdict = fresh(renewal).verdict
    assert verdict["eligible"] is True
    assert [c["code"] for c in verdict["criteria"]] == ["baseline", "themes", "guidance", "renewal"]
    services.take_step(renewal.pk, "start")
    services.take_step(renewal.pk, "award")

    assert Vignet.objects.count() == 1
    extended = Vignet.objects.get()
    assert (extended.pk, extended.public_id) == (vignet.pk, public_id)
    assert extended.first_awarded_on == first_awarded
    assert extended.awarded_on == extended.valid_from == today()
    assert extended.valid_until == criteria.valid_until(today())
    assert extended.valid_until > vignet.valid_until
    assert extended.application_id == renewal.pk
    assert extended.province == "limburg"
    assert extended.reminders_sent == 0
    assert extended.renewal_in_progress() is None
    [mail] = OutgoingEmail.objects.filter(
        topic=fresh(renewal).reference, subject__startswith="Gefeliciteerd"
    )
    assert f"/vignet/controle/{public_id}/" in mail.body


def test_a_late_renewal_after_expiry_is_allowed():
    vignet = awarded_vignet(months_ago=26)
    assert vignet.state() == "expired"
    renewal, token = services.start_renewal(vignet, "toestemming")
    assert token and renewal.renewal_of_id == vignet.pk


def test_revoking_takes_the_vignet_off_the_register():
    vignet = awarded_vignet()
    services.revoke(vignet.pk, "Niet meer aan de criteria voldaan.")
    vignet.refresh_from_db()
    assert vignet.state() == "revoked"
    assert vignet.revoked_reason == "Niet meer aan de criteria voldaan."
    assert not Vignet.objects.current().exists()


def test_a_holder_link_replaces_the_one_before():
    vignet = awarded_vignet()
    first = services.holder_link(vignet).rstrip("/").rsplit("/", 1)[1]
    second = services.holder_link(vignet).rstrip("/").rsplit("/", 1)[1]
    assert services.vignet_by_holder_token(first) is None
    assert services.vignet_by_holder_token(second) == vignet
    Vignet.objects.filter(pk=vignet.pk).update(
        holder_token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert services.vignet_by_holder_token(second) is None


def test_submitting_an_incomplete_draft_is_refused_and_changes_nothing():
    draft, _token = make_draft(target_group_size=None)
    before = counts()
    with pytest.raises(services.NotAllowed, match="De aanvraag is nog niet compleet: "):
        services.submit(draft.pk)
    draft.refresh_from_db()
    assert (draft.status, draft.reference, draft.submitted_at) == (Status.DRAFT, None, None)
    assert counts() == before


def test_the_draft_is_created_by_the_applicant_in_the_log():
    draft, _token = make_draft()
    created = Event.objects.get(application=draft, action="created")
    assert (created.actor_label, created.to_status) == (services.APPLICANT, Status.DRAFT)
