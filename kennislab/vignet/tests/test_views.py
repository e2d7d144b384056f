"""The public vignet pages over HTTP: the application in steps (a draft behind a private link,
bad input per step, CSRF, rate limit, uploads, submission from the check page, "aanvulling
gevraagd"), the live verdict, evidence downloads, the register, the verification page, the
badge, and the holder's page with its renewal. Step navigation, per-step validation and the
check page itself: test_steps.py."""

import html
import re
import types
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kennislab.core import ratelimit
from kennislab.core.models import OutgoingEmail
from kennislab.vignet import criteria, services
from kennislab.vignet.forms import MAX_FILE_BYTES
from kennislab.vignet.models import Application, Evidence, Status, Vignet

from .factories import (
    PDF,
    PNG,
    TARGET,
    VignetFactory,
    activity,
    activity_row,
    activity_rows,
    awarded_vignet,
    baseline_day,
    complete_post,
    counts,
    make_draft,
    minimal_post,
    today,
)
from .pages import (
    APPLY,
    LINK_UNKNOWN,
    NOT_EDITABLE,
    NOTHING_SAVED,
    PREVIEW,
    draft_url,
    error_summary,
    raw,
    redirected_to_step,
    start,
    step_url,
    submit,
    submitted_redirect,
    text,
    walk,
)

pytestmark = pytest.mark.django_db

REGISTER = "/vignet/register/"


def pdf_upload(name="bewijs.pdf", content=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def files_under(path) -> list:
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def evidence_post(*uploads, **overrides) -> dict:
    """Step 4 as the browser posts it, with these files."""
    return complete_post(action="next", evidence=list(uploads), **overrides)


# --- a new application: step 1 creates the draft --------------------------------------------


def test_step_1_asks_who_you_are_and_shows_no_other_steps_fields(client):
    response = client.get(APPLY)
    assert response.status_code == 200
    page = text(response)
    for name in ("organisation", "place", "province", "contact_name", "email", "phone",
                 "website", "csrfmiddlewaretoken"):  # fmt: skip
        assert f'name="{name}"' in page, name
    assert '<option value="noord-brabant">Noord-Brabant</option>' in page
    assert re.search(r'for="id_province">Provincie <span class="form-optional">\(niet verplicht\)',
                     page)  # fmt: skip
    for name in ("target_group_size", "baseline_date", "activiteit-TOTAL_FORMS",
                 "guidance_name", "evidence"):  # fmt: skip
        assert f'name="{name}"' not in page, name
    assert 'type="checkbox" name="consent"' in page
    assert "Stap 1 van 5: Je organisatie" in page
    assert 'name="action" value="next"' in page
    assert 'value="submit"' not in page  # submitting: only on the check page
    assert "Het Vignet Vitaal Bedrijf aanvragen" in page
    assert "data-verdict" not in page  # no criterion is judged on step 1
    assert "error-summary" not in page


def test_saving_step_1_creates_the_draft_and_mails_the_private_link(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    data = minimal_post(organisation="Drukkerij Kleurrijk", email="sanne@kleurrijk.example",
                        province="zeeland")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY, data)
    token = redirected_to_step(response, 2, "nieuw")
    application = Application.objects.get()
    assert (application.status, application.organisation, application.email) == (
        Status.DRAFT,
        "Drukkerij Kleurrijk",
        "sanne@kleurrijk.example",
    )
    assert application.province == "zeeland"
    assert application.consent is True
    assert application.consent_text.startswith("Ik geef toestemming om de gegevens")
    assert services.by_token(token).pk == application.pk
    assert application.events.count() == 1
    assert application.activities.count() == 0
    [mail] = mailoutbox
    assert mail.to == ["sanne@kleurrijk.example"]
    assert mail.subject == "Je aanvraag voor het Vignet Vitaal Bedrijf is bewaard"
    assert f"http://testserver/vignet/aanvraag/{token}/" in mail.body
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex"
    shown = text(page)
    assert "Je aanvraag is bewaard. Bewaar de link van deze pagina" in shown
    assert "Stap 2 van 5: Doelgroep en nulmeting" in shown
    assert "status: concept" in shown
    first = text(client.get(step_url(token, 1)))
    assert 'value="Drukkerij Kleurrijk"' in first
    assert 'value="sanne@kleurrijk.example"' in first
    assert '<option value="zeeland" selected>Zeeland</option>' in first
    assert f'value="{data["contact_name"]}"' in first
    assert 'name="consent"' not in first  # given with the first save


def test_the_private_link_continues_at_the_first_step_not_complete_yet(client):
    token = start(client, minimal_post())
    assert client.get(draft_url(token))["Location"] == step_url(token, 2)
    _application, complete = make_draft()
    assert client.get(draft_url(complete))["Location"] == step_url(complete, 5)
    _application, no_guidance = make_draft(guidance_name="", guidance_organisation="")
    assert client.get(draft_url(no_guidance))["Location"] == step_url(no_guidance, 4)


def test_each_step_shows_the_saved_values(client):
    _application, token = make_draft(organisation="Zorggroep Lindehof", place="Lindeloo")
    first = text(client.get(step_url(token, 1)))
    assert 'value="Zorggroep Lindehof"' in first
    assert 'value="Lindeloo"' in first
    second = text(client.get(step_url(token, 2)))
    assert f'value="{TARGET}"' in second
    assert f'value="{baseline_day().isoformat()}"' in second
    third = text(client.get(step_url(token, 3)))
    assert 'name="activiteit-INITIAL_FORMS" value="2"' in third
    assert 'name="activiteit-TOTAL_FORMS" value="3"' in third  # and one blank row
    assert '<option value="voeding" selected>' in third
    fourth = text(client.get(step_url(token, 4)))
    assert 'value="Lotte Brinkhorst"' in fourth
    assert "Begeleiding bij de nulmeting en de keuze van activiteiten." in fourth
    assert 'enctype="multipart/form-data"' in fourth


# --- bad input ------------------------------------------------------------------------------

START = baseline_day() + timedelta(days=30)
BAD_INPUT = [  # (id, step, POST body, overrides, message)
    ("no-organisation", 1, minimal_post, {"organisation": None}, "Vul de naam van de organisatie in."),
    ("one-letter-organisation", 1, minimal_post, {"organisation": "A"}, "Vul de naam van de organisatie in."),
    ("blank-organisation", 1, minimal_post, {"organisation": "   "}, "Vul de naam van de organisatie in."),
    ("no-contact", 1, minimal_post, {"contact_name": None}, "Vul de naam van de contactpersoon in."),
    ("no-email", 1, minimal_post, {"email": None}, "Vul een e-mailadres in."),
    ("no-consent", 1, minimal_post, {"consent": None}, "Geef toestemming om je aanvraag te kunnen bewaren."),
    ("invalid-email", 1, minimal_post, {"email": "naam@"}, "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
    ("unknown-province", 1, minimal_post, {"province": "atlantis"}, "Kies een provincie uit de lijst."),
    ("phone", 1, minimal_post, {"phone": "bel me maar"}, "Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes."),
    ("long-organisation", 1, minimal_post, {"organisation": "x" * 201}, "Te lang: hoogstens 200 tekens (nu 201)."),
    ("honeypot", 1, minimal_post, {"website": "http://spam.example"}, "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd."),
    ("long-text", 4, complete_post, {"guidance_description": "x" * 100_000}, "Te lang: hoogstens 2000 tekens (nu 100000)."),
    ("baseline-over-target", 2, complete_post, {"baseline_participants": "81"}, "Meer deelnemers (81) dan medewerkers in de doelgroep (80)."),
    ("activity-over-target", 3, complete_post, activity_rows(activity_row("bewegen", 81)), "Activiteit 1: Meer deelnemers (81) dan de doelgroep (80)."),
    ("activity-over-own-target", 3, complete_post, activity_rows(activity_row("bewegen", 11, target_group_size="10")), "Activiteit 1: Meer deelnemers (11) dan de doelgroep (10)."),
    ("end-before-start", 3, complete_post, activity_rows(activity_row(end=(START - timedelta(days=1)).isoformat())), "Activiteit 1: De einddatum ligt vóór de begindatum."),
    ("malformed-date", 2, complete_post, {"baseline_date": "31-02-2025"}, "Vul een datum in als 15-01-2025."),
    ("word-date", 3, complete_post, activity_rows(activity_row(start="gisteren")), "Activiteit 1: Vul een datum in als 15-01-2025."),
    ("negative-count", 2, complete_post, {"target_group_size": "-5"}, "Vul een getal van 0 of meer in."),
    ("negative-participants", 3, complete_post, activity_rows(activity_row(participants="-1")), "Activiteit 1: Vul een getal van 0 of meer in."),
    ("not-a-number", 2, complete_post, {"baseline_participants": "veel"}, "Vul een heel getal in."),
    ("zero-target", 2, complete_post, {"target_group_size": "0"}, "De doelgroep telt minstens 1 medewerker."),
    ("unknown-theme", 3, complete_post, activity_rows(activity_row("hacken")), "Activiteit 1: Selecteer een geldige keuze. hacken is geen beschikbare keuze."),
    ("activity-without-title", 3, complete_post, activity_rows(activity_row(title="")), "Activiteit 1: Beschrijf de activiteit in een paar woorden."),
    ("next-without-activities", 3, complete_post, activity_rows(), "Vul minstens één activiteit in (thema, wat, wanneer en hoeveel deelnemers)."),
    ("next-without-target", 2, complete_post, {"target_group_size": None}, "Vul het aantal medewerkers in de doelgroep in."),
    ("next-without-baseline", 2, complete_post, {"baseline_date": None, "baseline_method": None, "baseline_participants": None}, "Vul de datum van de nulmeting in."),
    ("next-without-guidance", 4, complete_post, {"guidance_name": None, "guidance_organisation": None}, "Vul de naam van de deskundige begeleider in."),
    ("step-honeypot", 2, complete_post, {"website": "http://spam.example"}, "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("step", "build", "overrides", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_stores_nothing_and_names_the_problem_in_dutch(
    client, step, build, overrides, message
):
    application, token = (None, None) if step == 1 else make_draft(activities=[])
    before = counts()
    url = APPLY if step == 1 else step_url(token, step)
    response = client.post(url, build(action="next", **overrides))
    assert response.status_code == 400
    summary = error_summary(response)
    assert message in summary
    assert NOTHING_SAVED in summary
    assert "<title>Fout:" in raw(response)
    assert counts() == before
    if application is None:
        assert counts()["Application"] == 0
    else:
        stored = Application.objects.get(pk=application.pk)
        assert (stored.updated_at, stored.target_group_size) == (
            application.updated_at,
            application.target_group_size,
        )


def test_an_empty_post_names_every_required_field(client):
    response = client.post(APPLY, {})
    assert response.status_code == 400
    summary = error_summary(response)
    for message in (
        "Vul de naam van de organisatie in.",
        "Vul de naam van de contactpersoon in.",
        "Vul een e-mailadres in.",
        "Geef toestemming om je aanvraag te kunnen bewaren.",
    ):
        assert message in summary
    assert Application.objects.count() == 0


def test_every_problem_of_the_step_is_named_at_once(client):
    response = client.post(APPLY, minimal_post(email="fout", phone="bel me"))
    assert response.status_code == 400
    summary = error_summary(response)
    assert "Er zijn 2 dingen niet goed ingevuld" in summary
    assert "Vul een geldig e-mailadres in, zoals naam@organisatie.nl." in summary
    assert "Vul een telefoonnummer in met alleen cijfers" in summary
    assert '<a href="#id_email">' in raw(response)


def test_a_negative_target_group_is_one_problem_not_two(client):
    _application, token = make_draft()
    response = client.post(step_url(token, 2), complete_post(target_group_size="-5"))
    assert response.status_code == 400
    summary = error_summary(response)
    assert "Er is 1 ding niet goed ingevuld" in summary
    assert "dan de doelgroep (-5)" not in summary


def test_a_row_marked_for_removal_does_not_hide_errors_in_the_others(client):
    _application, token = make_draft(activities=[])
    before = counts()
    rows = activity_rows(
        activity_row("voeding", title="", DELETE="on"),  # incomplete, but removed
        activity_row("bewegen", 81),
        activity_row("roken", 20),
    )
    response = client.post(step_url(token, 3), complete_post(**rows))
    assert response.status_code == 400
    assert "Activiteit 2: Meer deelnemers (81) dan de doelgroep (80)." in error_summary(response)
    assert counts() == before


def test_a_row_marked_for_removal_is_not_saved(client):
    application, token = make_draft(activities=[])
    rows = activity_rows(
        activity_row("voeding", title="", DELETE="on"),
        activity_row("bewegen", 20),
        activity_row("roken", 20),
    )
    redirected_to_step(client.post(step_url(token, 3), complete_post(**rows)), 4)
    assert [a.theme for a in application.activities.all()] == ["bewegen", "roken"]


def test_the_step_keeps_what_was_typed_after_an_error(client):
    _application, token = make_draft(activities=[])
    rows = activity_rows(activity_row("voeding", 30), activity_row("bewegen", 81))
    response = client.post(step_url(token, 3), complete_post(**rows))
    assert response.status_code == 400
    page = text(response)
    assert 'value="Activiteit voeding"' in page
    assert 'value="81"' in page
    assert 'aria-invalid="true"' in page


# --- evidence uploads (step 4) --------------------------------------------------------------


def test_a_file_that_is_not_a_pdf_png_or_jpeg_is_refused(client, private_media):
    _application, token = make_draft()
    before = counts()
    disguised = pdf_upload("bewijs.pdf", b"Dit is gewone tekst, geen PDF.")
    response = client.post(step_url(token, 4), evidence_post(disguised))
    assert response.status_code == 400
    assert "bewijs.pdf is geen PDF, PNG of JPEG. Stuur bewijs als PDF of afbeelding." in (
        error_summary(response)
    )
    assert counts() == before
    assert files_under(private_media) == []


def test_a_file_over_10_mb_is_refused(client, private_media):
    _application, token = make_draft()
    before = counts()
    big = pdf_upload("groot.pdf", PDF + b"0" * (MAX_FILE_BYTES + 1 - len(PDF)))
    assert big.size == MAX_FILE_BYTES + 1
    response = client.post(step_url(token, 4), evidence_post(big))
    assert response.status_code == 400
    assert "groot.pdf is te groot: hoogstens 10 MB per bestand." in error_summary(response)
    assert counts() == before
    assert files_under(private_media) == []


def test_a_file_of_exactly_10_mb_is_accepted(client, private_media):
    _application, token = make_draft()
    exact = pdf_upload("precies.pdf", PDF + b"0" * (MAX_FILE_BYTES - len(PDF)))
    redirected_to_step(client.post(step_url(token, 4), evidence_post(exact)), 5)
    assert Evidence.objects.get().size == MAX_FILE_BYTES


def test_more_than_10_files_are_refused(client, private_media):
    _application, token = make_draft()
    before = counts()
    uploads = [pdf_upload(f"bewijs-{n}.pdf") for n in range(11)]
    response = client.post(step_url(token, 4), evidence_post(*uploads))
    assert response.status_code == 400
    assert "Hoogstens 10 bewijsstukken per aanvraag. Verwijder er eerst een." in (
        error_summary(response)
    )
    assert counts() == before
    assert files_under(private_media) == []


def test_ten_files_in_total_also_counts_the_ones_already_there(client):
    _application, token = make_draft()
    nine = [pdf_upload(f"b{n}.pdf") for n in range(9)]
    redirected_to_step(client.post(step_url(token, 4), evidence_post(*nine)), 5)
    response = client.post(step_url(token, 4), evidence_post(pdf_upload(), pdf_upload()))
    assert response.status_code == 400
    assert "Hoogstens 10 bewijsstukken per aanvraag." in error_summary(response)
    assert Evidence.objects.count() == 9
    # removing one makes room for one more, in the same save
    first = Evidence.objects.order_by("pk").first()
    data = evidence_post(pdf_upload("nieuw.pdf"), remove_evidence=[str(first.pk)])
    redirected_to_step(client.post(step_url(token, 4), data), 5)
    assert Evidence.objects.count() == 9
    assert not Evidence.objects.filter(pk=first.pk).exists()


def test_step_4_adds_and_removes_evidence_and_keeps_the_other_steps(
    client, private_media, django_capture_on_commit_callbacks
):
    application, token = make_draft()
    old_post = evidence_post(pdf_upload("oud.pdf"), pdf_upload("blijft.pdf"))
    redirected_to_step(client.post(step_url(token, 4), old_post), 5)
    old, kept = application.evidence.all()
    old_file = private_media / old.file.name
    assert old_file.exists()

    data = evidence_post(
        SimpleUploadedFile("foto.jpg", PNG, content_type="image/jpeg"),
        remove_evidence=[str(old.pk)],
        guidance_name="Dr. Anna Brink",
        organisation="Niet Deze Stap BV",  # a field of step 1: ignored here
    )
    with django_capture_on_commit_callbacks(execute=True):  # removed files go after commit
        redirected_to_step(client.post(step_url(token, 4), data), 5)
    application.refresh_from_db()
    assert application.guidance_name == "Dr. Anna Brink"
    assert application.organisation != "Niet Deze Stap BV"
    assert application.activities.count() == 2  # step 4 leaves the activities alone
    evidence = list(application.evidence.all())
    assert [(e.name, e.content_type) for e in evidence] == [
        ("blijft.pdf", "application/pdf"),
        ("foto.png", "image/png"),  # the real type and its extension, not what was said
    ]
    assert evidence[0].pk == kept.pk
    assert not old_file.exists()
    assert application.events.count() == 1  # saving again is not a step
    assert OutgoingEmail.objects.count() == 1  # no second link

    page = text(client.get(step_url(token, 4)))
    assert f'href="/vignet/aanvraag/{token}/bewijs/{kept.pk}/"' in page
    assert "blijft.pdf verwijderen" in page
    assert "oud.pdf" not in page


# --- CSRF and the rate limit ----------------------------------------------------------------


def csrf_token_in(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', raw(response)).group(1)


def test_a_tampered_csrf_token_is_refused_in_dutch_and_nothing_is_stored():
    client = Client(enforce_csrf_checks=True)
    form = client.get(APPLY)
    token = csrf_token_in(form)
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    before = counts()
    response = client.post(APPLY, minimal_post(csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert "dus we hebben niets opgeslagen" in text(response)
    assert counts() == before
    accepted = client.post(APPLY, minimal_post(csrfmiddlewaretoken=token))
    redirected_to_step(accepted, 2, "nieuw")  # the 403 was the token's doing


def test_a_post_without_csrf_cookie_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post(APPLY, minimal_post(csrfmiddlewaretoken="x" * 32))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert counts()["Application"] == 0


def test_the_31st_post_in_an_hour_is_rate_limited(client, monkeypatch):
    # A fixed clock, so that the hour's window cannot end in the middle of the test.
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    for _ in range(30):
        assert client.post(APPLY, minimal_post(email="fout")).status_code == 400
    blocked = client.post(APPLY, minimal_post())
    assert blocked.status_code == 429
    assert "Je hebt in korte tijd heel veel verzoeken gedaan." in text(blocked)
    assert int(blocked["Retry-After"]) > 0
    assert counts()["Application"] == 0  # the valid 31st was not taken
    assert client.get(APPLY).status_code == 200  # reading is not limited
    other = client.post(APPLY, minimal_post(), REMOTE_ADDR="10.0.0.9")
    redirected_to_step(other, 2, "nieuw")  # another visitor is not affected


# --- the draft behind its private link ------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), [("get", ""), ("get", "stap/3/"), ("post", "stap/2/")])
def test_an_unknown_or_expired_link_is_a_dutch_404(client, method, path):
    application, token = make_draft()
    before = counts()
    data = complete_post(organisation="Gewijzigd", target_group_size="99")
    unknown = getattr(client, method)(draft_url("bestaat-niet-" + "x" * 20) + path, data)
    assert unknown.status_code == 404
    assert LINK_UNKNOWN in text(unknown)
    assert "Kopieer de hele link uit de e-mail" in text(unknown)
    Application.objects.filter(pk=application.pk).update(
        token_expires_at=timezone.now() - timedelta(minutes=1)
    )
    expired = getattr(client, method)(draft_url(token) + path, data)
    assert expired.status_code == 404
    assert LINK_UNKNOWN in text(expired)
    assert counts() == before
    assert Application.objects.get(pk=application.pk).target_group_size == TARGET


def test_saving_a_step_extends_the_link_by_six_months(client):
    application, token = make_draft()
    Application.objects.filter(pk=application.pk).update(
        token_expires_at=timezone.now() + timedelta(days=1)
    )
    redirected_to_step(client.post(step_url(token, 2), complete_post()), 3)
    application.refresh_from_db()
    left = application.token_expires_at - timezone.now()
    assert (
        timedelta(days=services.DRAFT_LINK_DAYS - 1)
        < left
        <= timedelta(days=services.DRAFT_LINK_DAYS)
    )


def test_bad_input_through_the_link_leaves_the_draft_as_it_was(client):
    application, token = make_draft(organisation="Zoals Het Was")
    before = counts()
    data = complete_post(**activity_rows(activity_row("roken", 20), activity_row("bewegen", 81)))
    response = client.post(step_url(token, 3), data)
    assert response.status_code == 400
    assert "Activiteit 2: Meer deelnemers (81) dan de doelgroep (80)." in error_summary(response)
    assert counts() == before
    stored = Application.objects.get(pk=application.pk)
    assert [a.participants for a in stored.activities.all()] == [20, 30]


# --- submitting (only from the check page) --------------------------------------------------


def test_the_whole_application_step_by_step_and_submitted(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        token = walk(client, complete_post())
        application = Application.objects.get()
        assert application.status == Status.DRAFT  # steps 1–4 never submit
        response = submit(client, token)
    submitted_redirect(response, token)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    year = timezone.localdate(application.submitted_at).year
    assert application.reference == f"VV-{year}-{application.pk:04d}"
    assert set(application.verdict) == {"eligible", "criteria", "themes_met"}
    assert application.verdict["eligible"] is True
    assert application.verdict["themes_met"] == ["bewegen", "voeding"]
    assert [c["code"] for c in application.verdict["criteria"]] == [
        "baseline", "themes", "guidance",
    ]  # fmt: skip
    assert (application.target_group_size, application.guidance_name) == (
        TARGET,
        "Lotte Brinkhorst",
    )
    assert [a.theme for a in application.activities.all()] == ["bewegen", "voeding"]
    subjects = sorted(mail.subject for mail in mailoutbox)
    assert subjects == [
        "Je aanvraag voor het Vignet Vitaal Bedrijf is bewaard",  # with the link
        f"Je aanvraag voor het Vignet Vitaal Bedrijf is ingediend ({application.reference})",
    ]
    assert any(f"/vignet/aanvraag/{token}/" in mail.body for mail in mailoutbox)

    page = text(client.get(response["Location"]))
    assert "Je aanvraag is ingediend. Je krijgt een bevestiging per e-mail." in page
    assert '<div class="notice notice--success" role="status">' in page
    assert application.reference in page
    assert "status: ingediend" in page
    assert "Wat je hebt ingediend" in page
    assert 'name="organisation"' not in page  # no form any more
    assert "Je aanvraag voldoet aan alle criteria." in page


def test_an_incomplete_application_is_not_submitted(client):
    application, token = make_draft(activities=[], baseline_date=None, guidance_name="")
    before = counts()
    response = submit(client, token)
    assert response.status_code == 400
    summary = error_summary(response)
    assert "Je aanvraag is nog niet ingediend." in summary
    assert "Er zijn 3 dingen niet goed ingevuld" in summary
    assert f'<a href="{step_url(token, 2)}#id_baseline_date">' in raw(response)
    assert f'<a href="{step_url(token, 3)}#activiteiten">' in raw(response)
    assert f'<a href="{step_url(token, 4)}#id_guidance_name">' in raw(response)
    for message in (
        "Vul de datum van de nulmeting in.",
        "Vul minstens één activiteit in (thema, wat, wanneer en hoeveel deelnemers).",
        "Vul de naam van de deskundige begeleider in.",
    ):
        assert message in summary
    assert counts() == before
    assert Application.objects.get(pk=application.pk).status == Status.DRAFT


def test_an_application_that_does_not_meet_the_criteria_can_still_be_submitted(client):
    application, token = make_draft(activities=[activity("bewegen", 20)])
    submitted_redirect(submit(client, token), token)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.verdict["eligible"] is False


def test_after_submission_the_link_refuses_changes_with_409(client):
    application, token = make_draft()
    services.submit(application.pk)
    before = counts()
    data = complete_post(organisation="Te Laat BV")
    for number, action in ((1, "next"), (3, "add_activity"), (4, "later"), (5, "submit")):
        response = client.post(step_url(token, number), {**data, "action": action})
        assert response.status_code == 409
        page = text(response)
        assert NOT_EDITABLE in page
        assert '<div class="notice notice--error" role="alert">' in raw(response)
        assert 'name="organisation"' not in page
    assert counts() == before
    stored = Application.objects.get(pk=application.pk)
    assert (stored.organisation, stored.status) == (application.organisation, Status.SUBMITTED)
    assert client.get(draft_url(token)).status_code == 200
    assert client.get(step_url(token, 2))["Location"] == draft_url(token)


def test_more_info_asked_shows_the_note_on_every_step_and_resubmits_from_the_check_page(client):
    application, old_token = make_draft()
    services.submit(application.pk)
    services.take_step(application.pk, "start")
    services.take_step(application.pk, "request_info", note="Welke begeleider was het?")
    mail = OutgoingEmail.objects.get(subject__startswith="Graag een aanvulling")
    token = re.search(r"/vignet/aanvraag/([A-Za-z0-9_-]{20,})/", mail.body).group(1)
    assert client.get(draft_url(old_token)).status_code == 404
    assert client.get(draft_url(token))["Location"] == step_url(token, 5)
    for number in range(1, 6):
        page = text(client.get(step_url(token, number)))
        assert "De beoordelaar vraagt om een aanvulling" in page, number
        assert "Welke begeleider was het?" in page, number
    assert 'name="organisation"' in text(client.get(step_url(token, 1)))
    data = complete_post(guidance_name="Dr. Anna Brink")
    redirected_to_step(client.post(step_url(token, 4), data), 5)
    check = text(client.get(step_url(token, 5)))
    assert "Aanvraag opnieuw indienen" in check
    assert "Dr. Anna Brink" in check
    submitted_redirect(submit(client, token), token)
    application.refresh_from_db()
    assert (application.status, application.guidance_name) == (Status.SUBMITTED, "Dr. Anna Brink")


# --- the live verdict -----------------------------------------------------------------------


def test_each_step_shows_the_verdict_of_its_own_criterion(client):
    _application, token = make_draft(activities=[activity("bewegen", 20)])
    second = text(client.get(step_url(token, 2)))
    assert "Voldoet je aanvraag hieraan?" in second
    assert f"Nulmeting gedaan op {criteria.dutch_date(baseline_day())} met 52 deelnemers." in (
        second
    )
    assert "Nog 1 thema nodig" not in second
    third = text(client.get(step_url(token, 3)))
    assert "Nog 1 thema nodig: er zijn nog geen activiteiten op een ander thema ingevuld." in third
    assert "Nulmeting gedaan op" not in third
    fourth = text(client.get(step_url(token, 4)))
    assert "Het proces is begeleid door een deskundige: Lotte Brinkhorst" in fourth
    assert "Nog 1 thema nodig" not in fourth


def test_the_step_preview_judges_the_step_on_top_of_the_draft_without_storing(client):
    application, token = make_draft(activities=[activity("bewegen", 20)])
    before = counts()
    rows = activity_rows(activity_row("bewegen", 20), activity_row("voeding", 20))
    response = client.post(PREVIEW, complete_post(token=token, stap="3", **rows))
    assert response.status_code == 200
    fragment = text(response)
    assert "<html" not in fragment
    assert (
        "Voldaan: 2 thema's met minstens 25% van de doelgroep: Bewegen (25%), Voeding (25%)."
        in fragment
    )
    assert "Nulmeting gedaan" not in fragment  # only the step's own criterion
    assert response["Cache-Control"] == "private, no-store"
    assert counts() == before
    assert Application.objects.get(pk=application.pk).activities.count() == 1
    # step 2: the stored activities stay, the baseline typed now is judged
    moved = client.post(PREVIEW, {"token": token, "stap": "2", "target_group_size": "80",
                                  "baseline_date": "", "baseline_participants": ""})  # fmt: skip
    assert "Er is nog geen nulmeting ingevuld." in text(moved)


def test_the_preview_without_a_step_judges_everything_posted(client):
    rows = activity_rows(activity_row("bewegen", 20), activity_row("voeding", 19))
    fragment = text(client.post(PREVIEW, complete_post(**rows)))
    assert "Je aanvraag voldoet nog niet aan alle criteria." in fragment
    assert (
        "Nog 1 thema nodig: Voeding (‘Activiteit voeding’) haalt 23% van de doelgroep, 25% is nodig."
        in fragment
    )
    assert counts()["Application"] == 0


def test_the_preview_needs_no_name_or_consent_but_a_target_group(client):
    data = complete_post(organisation=None, contact_name=None, email=None, consent=None)
    assert "Je aanvraag voldoet aan alle criteria." in text(client.post(PREVIEW, data))
    empty = text(client.post(PREVIEW, minimal_post()))
    assert "Vul het aantal medewerkers in de doelgroep in" in empty
    assert client.get(PREVIEW).status_code == 405


# --- evidence downloads ---------------------------------------------------------------------


def test_evidence_is_private_and_only_downloadable_through_its_own_link(
    client, private_media, settings
):
    _application, token = make_draft()
    upload = evidence_post(pdf_upload("mijn bewijs (1).pdf"))
    redirected_to_step(client.post(step_url(token, 4), upload), 5)
    evidence = Evidence.objects.get()
    assert (evidence.name, evidence.content_type, evidence.size) == (
        "mijn_bewijs_1.pdf",
        "application/pdf",
        len(PDF),
    )
    [stored] = files_under(private_media)
    assert stored.read_bytes() == PDF
    assert files_under(settings.MEDIA_ROOT) == []
    assert evidence.file.path == str(stored)

    url = f"/vignet/aanvraag/{token}/bewijs/{evidence.pk}/"
    assert f'href="{url}"' in text(client.get(step_url(token, 4)))
    assert f'href="{url}"' in text(client.get(step_url(token, 5)))
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "mijn_bewijs_1.pdf" in download["Content-Disposition"]
    assert download["Cache-Control"] == "private, no-store"

    _other, other_token = make_draft()
    refused = client.get(f"/vignet/aanvraag/{other_token}/bewijs/{evidence.pk}/")
    assert refused.status_code == 404
    assert LINK_UNKNOWN in text(refused)
    assert not getattr(refused, "streaming", False)
    assert client.get(f"/vignet/aanvraag/{token}/bewijs/{evidence.pk + 1}/").status_code == 404
    assert client.get(f"/vignet/aanvraag/onzin-token-xx/bewijs/{evidence.pk}/").status_code == 404
    assert client.get(f"/media/{evidence.file.name}").status_code == 404


# --- register, verification, badge ---------------------------------------------------------


def expired_vignet(**fields) -> Vignet:
    return VignetFactory(awarded_on=criteria.add_months(today(), -25), **fields)


def test_the_register_lists_only_current_holders(client):
    VignetFactory(organisation="Drukkerij Kleurrijk", place="Turfhaven")
    VignetFactory(
        organisation="Laatste Dag BV",
        awarded_on=criteria.add_months(today(), -24),
        valid_until=today(),
    )
    expired_vignet(organisation="Verlopen BV")
    VignetFactory(organisation="Ingetrokken BV", revoked_at=timezone.now())
    response = client.get(REGISTER)
    assert response.status_code == 200
    page = text(response)
    assert "Drukkerij Kleurrijk" in page
    assert "Laatste Dag BV" in page  # valid up to and including today
    assert "Verlopen BV" not in page
    assert "Ingetrokken BV" not in page
    assert "2 organisaties met een geldig vignet" in page


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("kleurRIJK", ["Drukkerij Kleurrijk"]),
        ("DRUKKERIJ", ["Drukkerij Kleurrijk"]),
        ("lindeloo", ["Zorggroep Lindehof"]),
        ("zorggroep LINDELOO", ["Zorggroep Lindehof"]),
        ("turfhaven", ["Drukkerij Kleurrijk", "Bakkerij Turfhaven"]),
    ],
)
def test_the_register_searches_name_and_place(client, query, found):
    VignetFactory(organisation="Drukkerij Kleurrijk", place="Turfhaven")
    VignetFactory(organisation="Zorggroep Lindehof", place="Lindeloo")
    VignetFactory(organisation="Bakkerij Turfhaven", place="Oosterwaard")
    expired_vignet(organisation="Verlopen Kleurrijk", place="Lindeloo")
    page = text(client.get(REGISTER, {"q": query}))
    names = re.findall(r'<th scope="row"><a href="/vignet/controle/[^"]+/">([^<]+)</a>', page)
    assert sorted(names) == sorted(found)
    assert f"{len(found)} organisatie" in page
    assert f'value="{query}"' in page


def test_the_register_says_when_nothing_is_found(client):
    VignetFactory(organisation="Drukkerij Kleurrijk")
    page = text(client.get(REGISTER, {"q": "bestaatniet"}))
    assert "0 organisaties gevonden" in page
    assert "Geen organisatie met een geldig vignet gevonden voor ‘bestaatniet’." in page


def test_the_register_shows_25_per_page(client):
    for number in range(30):
        VignetFactory(organisation=f"Werkgever {number:02d}")
    first = text(client.get(REGISTER))
    rows = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', first)
    assert rows == [f"Werkgever {n:02d}" for n in range(25)]
    assert "Pagina 1 van 2" in first
    assert "30 organisaties met een geldig vignet" in first
    assert "pagina=2" in first
    second = text(client.get(REGISTER, {"pagina": 2}))
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', second) == [
        f"Werkgever {n:02d}" for n in range(25, 30)
    ]
    assert "Pagina 2 van 2" in second
    assert client.get(REGISTER, {"pagina": "onzin"}).status_code == 200


def test_the_verification_page_of_a_valid_vignet(client):
    vignet = VignetFactory(organisation="Drukkerij Kleurrijk", place="Turfhaven")
    response = client.get(f"/vignet/controle/{vignet.public_id}/")
    assert response.status_code == 200
    page = text(response)
    assert '<h2 id="geldigheid-titel">Geldig</h2>' in page
    until = criteria.dutch_date(vignet.valid_until)
    assert (
        f"Drukkerij Kleurrijk heeft het Vignet Vitaal Bedrijf. Het vignet is geldig tot en met {until}."
        in page
    )
    assert criteria.dutch_date(vignet.first_awarded_on) in page
    assert "Turfhaven" in page


def test_the_verification_page_of_an_expired_vignet(client):
    vignet = expired_vignet(organisation="Verlopen BV")
    page = text(client.get(f"/vignet/controle/{vignet.public_id}/"))
    assert '<h2 id="geldigheid-titel">Verlopen</h2>' in page
    until = criteria.dutch_date(vignet.valid_until)
    assert f"Het vignet van Verlopen BV was geldig tot en met {until} en is niet verlengd." in page


def test_the_verification_page_of_a_revoked_vignet(client):
    vignet = awarded_vignet(organisation="Ingetrokken BV")
    services.revoke(vignet.pk, "Gestopt.")
    page = text(client.get(f"/vignet/controle/{vignet.public_id}/"))
    assert '<h2 id="geldigheid-titel">Ingetrokken</h2>' in page
    assert (
        f"Het vignet van Ingetrokken BV is op {criteria.dutch_date(today())} ingetrokken en is "
        "niet meer geldig." in page
    )


def test_an_unknown_verification_id_is_a_dutch_404(client):
    VignetFactory()
    response = client.get("/vignet/controle/bestaat-niet/")
    assert response.status_code == 404
    assert "Dit vignet is niet gevonden" in text(response)
    assert client.get("/vignet/controle/bestaat-niet/badge.svg").status_code == 404


@pytest.mark.parametrize(
    ("state", "shown", "not_shown"),
    [
        ("valid", "geldig t/m", "verlopen"),
        ("expired", "verlopen", "geldig t/m"),
        ("revoked", "ingetrokken", "geldig t/m"),
    ],
)
def test_the_badge_is_svg_with_the_year_and_the_state(client, state, shown, not_shown):
    awarded_on = criteria.add_months(today(), -25 if state == "expired" else -3)
    vignet = VignetFactory(
        organisation='Bakker & Zonen <"De Ster">',
        awarded_on=awarded_on,
        revoked_at=timezone.now() if state == "revoked" else None,
    )
    response = client.get(f"/vignet/controle/{vignet.public_id}/badge.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = ET.fromstring(response.content)  # noqa: S314 — our own badge, not untrusted input
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [element.text or "" for element in svg.iter()]
    assert f"Bedrijf {awarded_on.year}" in texts
    status = [t for t in texts if t.startswith(("geldig", "verlopen", "ingetrokken"))]
    assert len(status) == 1 and status[0].startswith(shown)
    assert not_shown not in status[0]
    if state == "valid":
        assert status[0] == f"geldig t/m {vignet.valid_until:%m-%Y}"
    title = svg.find("{http://www.w3.org/2000/svg}title").text
    assert 'Bakker & Zonen <"De Ster">' in title
    assert response["Access-Control-Allow-Origin"] == "*"


# --- the holder's page and renewal ----------------------------------------------------------


def holder_path(vignet) -> str:
    return services.holder_link(vignet).removeprefix("http://testserver")


def test_the_holder_page_shows_the_embed_code(client):
    vignet = awarded_vignet(organisation="Drukkerij Kleurrijk")
    response = client.get(holder_path(vignet))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = raw(response)
    verify = f"http://testserver/vignet/controle/{vignet.public_id}/"
    badge = f"{verify}badge.svg"
    embed = (
        f'<a href="{verify}"><img src="{badge}" width="180" height="72" '
        f'alt="Vignet Vitaal Bedrijf {today().year}: controleer de geldigheid"></a>'
    )
    assert html.escape(embed) in page  # shown as text in the textarea, not as markup
    assert f'<img src="{badge}"' in page
    assert "Geldig" in text(response)
    opens = criteria.dutch_date(criteria.renewal_opens(today()))
    assert f"Verlengen kan vanaf {opens}, drie maanden voor het vignet verloopt." in text(response)
    assert "Verlenging aanvragen" not in text(response)


def test_renewing_before_the_window_is_refused_with_409(client):
    vignet = awarded_vignet(months_ago=20)
    before = counts()
    response = client.post(holder_path(vignet))
    assert response.status_code == 409
    assert "Verlengen kan vanaf" in text(response)
    assert counts() == before


def test_renewing_in_the_window_starts_a_prefilled_draft(client):
    vignet = awarded_vignet(months_ago=22, organisation="Logistiek Waterstreek")
    path = holder_path(vignet)
    page = text(client.get(path))
    assert "Het vignet kan nu worden verlengd." in page
    assert "Verlenging aanvragen" in page

    response = client.post(path)
    assert response["Location"].endswith("/stap/1/?status=nieuw")  # check what was taken over
    token = redirected_to_step(response, 1, "nieuw")
    renewal = services.by_token(token)
    assert (renewal.renewal_of_id, renewal.status) == (vignet.pk, Status.DRAFT)
    assert renewal.organisation == "Logistiek Waterstreek"
    first = text(client.get(response["Location"]))
    assert "Stap 1 van 5: Je organisatie" in first
    assert "Het Vignet Vitaal Bedrijf verlengen" in first
    assert 'value="Logistiek Waterstreek"' in first
    assert 'name="consent"' not in first
    second = text(client.get(step_url(token, 2)))
    assert "Bij een verlenging is geen nieuwe nulmeting nodig." in second
    assert 'name="baseline_date"' not in second
    assert f'value="{TARGET}"' in second  # taken over
    assert "Bij een verlenging is geen nieuwe nulmeting nodig; activiteiten tellen mee" in second
    assert "verlengen kan sinds" in second  # the renewal criterion is judged here too

    again = client.post(path)
    assert again.status_code == 409
    assert "Er loopt al een aanvraag voor verlenging (concept)." in text(again)
    assert Application.objects.filter(renewal_of=vignet).count() == 1

    # the renewal needs no baseline; activities since the award count
    since = (vignet.awarded_on + timedelta(days=7)).isoformat()
    data = complete_post(
        baseline_date=None,
        baseline_method=None,
        baseline_participants=None,
        **activity_rows(
            activity_row("bewegen", 20, start=since, end=None),
            activity_row("roken", 20, start=since, end=None),
        ),
    )
    for number in (1, 2, 3, 4):
        redirected_to_step(client.post(step_url(token, number), data), number + 1)
    check = text(client.get(step_url(token, 5)))
    assert "Niet nodig bij een verlenging" in check
    submitted_redirect(submit(client, token), token)
    renewal.refresh_from_db()
    assert renewal.status == Status.SUBMITTED
    assert renewal.baseline_date is None
    assert renewal.verdict["eligible"] is True
    assert renewal.verdict["criteria"][-1]["code"] == "renewal"
    assert renewal.verdict["criteria"][-1]["met"] is True


def test_an_unknown_holder_link_is_a_dutch_404(client):
    awarded_vignet()
    response = client.get("/vignet/houder/bestaat-niet-xxxxxxxxxxxxxxxx/")
    assert response.status_code == 404
    assert LINK_UNKNOWN in text(response)


def test_a_revoked_holder_sees_no_embed_code_and_cannot_renew(client):
    vignet = awarded_vignet(months_ago=22)
    services.revoke(vignet.pk, "Gestopt.")
    path = holder_path(Vignet.objects.get(pk=vignet.pk))
    page = text(client.get(path))
    assert "Ingetrokken" in page
    assert "insluitcode" not in page
    response = client.post(path)
    assert response.status_code == 409
    assert "Dit vignet is ingetrokken en kan niet worden verlengd." in text(response)
    assert not Application.objects.filter(renewal_of=vignet).exists()
