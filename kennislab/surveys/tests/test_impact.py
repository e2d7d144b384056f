"""The impact follow-up end to end: the daily job invites once and reminds once (never twice,
whatever runs again), only who asked for it; the private link takes one response (and a "no
thanks"); the good example shows its figures; the privacy register finds and erases it all."""

import re
from datetime import datetime, time, timedelta
from html import unescape

import pytest
from django.utils import timezone

from kennislab.challenge.models import ChallengePage
from kennislab.challenge.tests.factories import build_challenge, confirmed, sign_up
from kennislab.core import daily
from kennislab.core.models import OutgoingEmail
from kennislab.surveys import impact, impact_rules
from kennislab.surveys.models import ImpactInvitation, ImpactKind, SurveyResponse
from kennislab.vouchers import services as vouchers
from kennislab.vouchers.models import Application
from kennislab.vouchers.tests.factories import build_voucher_site, submit

from .conftest import build_survey

pytestmark = pytest.mark.django_db

IMPACT_QUESTIONS = [
    ("Tevredenheid", "scale", "Slecht\nMatig\nNeutraal\nGoed\nHeel goed", True),
    ("Wat is er veranderd", "checkboxes", "Een plan\nMeer samenwerking", True),
    ("Wat wil je meegeven", "multiline", "", False),
]
VOUCHER_LINK = re.compile(r"http://testserver/kennisvouchers/effect/([A-Za-z0-9_-]{20,})/")
CHALLENGE_LINK = re.compile(r"http://testserver/uitdaging/effect/([A-Za-z0-9_-]{20,})/")


def at_noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def answers_post(score="4", changes=("Een plan",), text="Het hielp ons echt.", **extra):
    data = {"tevredenheid": score, "wat_is_er_veranderd": list(changes),
            "wat_wil_je_meegeven": text, "website": "", **extra}  # fmt: skip
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def survey():
    return build_survey(questions=IMPACT_QUESTIONS, invitation_only=True, ask_region=False)


@pytest.fixture
def site(survey):
    site = build_voucher_site(examples=2, max_vouchers=5)
    site.scheme.impact_survey = survey
    site.scheme.save()
    return site


def three_months_before(day):
    return impact_rules.add_months(day, -impact_rules.VOUCHER_MONTHS)


def granted(site, example=0, on=None, consent=True, **overrides):
    """A voucher granted definitively three months ago today (or `on` that day)."""
    application, _token = submit(
        site.examples[example], impact_consent=consent, province="utrecht", **overrides
    )
    vouchers.decide(application.pk, "confirm")
    day = on or three_months_before(timezone.localdate())
    Application.objects.filter(pk=application.pk).update(decided_at=at_noon(day))
    return Application.objects.get(pk=application.pk)


def impact_mails():
    return list(OutgoingEmail.objects.filter(topic__startswith="effect-").order_by("pk"))


def key_of(mail, pattern=VOUCHER_LINK):
    match = pattern.search(mail.body)
    assert match, mail.body
    return match.group(1)


def invite(application):
    """The invitation of a voucher due today, through the daily job."""
    assert impact.send_due() >= 1
    return ImpactInvitation.objects.get(application=application)


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


# --- the daily job -----------------------------------------------------------------------------


def test_three_months_after_the_definitive_grant_the_survey_goes_out_once(site):
    application = granted(site)
    assert impact.send_due() == 1
    invitation = ImpactInvitation.objects.get()
    assert (invitation.kind, invitation.application_id) == (ImpactKind.VOUCHER, application.pk)
    assert invitation.page_id == site.scheme.impact_survey_id
    [mail] = impact_mails()
    assert mail.to == application.email
    assert mail.subject == f"Wat heeft de kennisvoucher opgeleverd? ({application.reference})"
    assert "Goed voorbeeld 1" in mail.body and "Herinnering" not in mail.body
    assert impact.by_key(key_of(mail), ImpactKind.VOUCHER).pk == invitation.pk
    assert invitation.key_hash != key_of(mail)  # only the hash is stored
    expires = impact_rules.link_expires_on(timezone.localdate())
    assert impact.expires_on(invitation) == expires

    assert impact.send_due() == 0  # a second run, cron as well as the worker: nothing
    assert impact.send_due() == 0
    assert ImpactInvitation.objects.count() == 1 and len(impact_mails()) == 1


def test_not_a_day_early(site):
    today = timezone.localdate()
    on = three_months_before(today) + timedelta(days=1)
    assert impact_rules.voucher_due_on(on) > today
    granted(site, on=on)
    assert impact.send_due() == 0
    assert not ImpactInvitation.objects.exists()


def test_a_missed_run_is_made_up_but_not_months_later(site):
    today = timezone.localdate()
    made_up = granted(site, on=three_months_before(today - timedelta(days=10)))
    too_late = three_months_before(today - timedelta(days=impact_rules.LATE_DAYS))
    assert impact_rules.voucher_due_on(too_late) <= today - timedelta(days=impact_rules.LATE_DAYS)
    granted(site, example=1, on=too_late)
    assert impact.send_due() == 1
    assert ImpactInvitation.objects.get().application_id == made_up.pk


def _no_consent(site):
    granted(site, consent=False)


def _only_provisional(site):
    submit(site.examples[0], impact_consent=True)


def _withdrawn(site):
    application = granted(site)
    vouchers.decide(application.pk, "withdraw", "Toch niet.")
    Application.objects.filter(pk=application.pk).update(decided_at=at_noon(
        impact_rules.add_months(timezone.localdate(), -impact_rules.VOUCHER_MONTHS)))  # fmt: skip


def _no_survey(site):
    site.scheme.impact_survey = None
    site.scheme.save()
    granted(site)


def _survey_closed(site):
    survey = site.scheme.impact_survey
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save()
    granted(site)


def _survey_unpublished(site):
    site.scheme.impact_survey.unpublish()
    granted(site)


def _erased(site):
    application = granted(site)
    Application.objects.filter(pk=application.pk).update(
        email=f"verwijderd-{application.pk}@anoniem.invalid"
    )


@pytest.mark.parametrize(
    "situation",
    [_no_consent, _only_provisional, _withdrawn, _no_survey, _survey_closed,
     _survey_unpublished, _erased],
)  # fmt: skip
def test_who_is_not_invited(site, situation):
    situation(site)
    assert impact.send_due() == 0
    assert not ImpactInvitation.objects.exists() and not impact_mails()


def test_two_runs_at_once_write_one_invitation(site):
    """The unique constraint decides when two runs reach the same application together."""
    application = granted(site)
    survey = site.scheme.impact_survey
    assert impact._invite(survey, timezone.localdate(), application=application) == 1
    assert impact._invite(survey, timezone.localdate(), application=application) == 0
    assert ImpactInvitation.objects.count() == 1 and len(impact_mails()) == 1


def test_the_reminder_goes_once_two_weeks_later_with_the_same_link(site):
    application = granted(site)
    invitation = invite(application)
    [first] = impact_mails()
    days = impact_rules.REMINDER_DAYS
    ImpactInvitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=days - 1)
    )
    assert impact.send_due() == 0  # not yet
    ImpactInvitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=days)
    )
    assert impact.send_due() == 1
    assert impact.send_due() == 0
    assert impact.send_due() == 0
    first, reminder = impact_mails()
    assert reminder.subject == f"Herinnering: {first.subject}"
    assert "Dit is de enige herinnering" in reminder.body
    assert key_of(reminder) == key_of(first)
    assert ImpactInvitation.objects.get().reminded_at is not None
    ImpactInvitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=days + 7)
    )
    assert impact.send_due() == 0  # a week later still nothing: exactly once


@pytest.mark.parametrize("answered", [True, False])
def test_no_reminder_after_a_response_or_a_no_thanks(client, site, answered):
    invitation = invite(granted(site))
    key = key_of(impact_mails()[0])
    url = f"/kennisvouchers/effect/{key}/"
    if answered:
        assert client.post(url, answers_post()).status_code == 303
    else:
        assert client.post(url, {"actie": "niet-meedoen"}).status_code == 303
    ImpactInvitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=impact_rules.REMINDER_DAYS)
    )
    assert impact.send_due() == 0
    assert len(impact_mails()) == 1


def test_the_daily_job_is_registered():
    assert daily.JOBS["effect: vragenlijsten en herinneringen"] is not None


def test_challenge_participants_two_weeks_after_the_last_day(survey):
    edition = build_challenge()
    asked = confirmed(edition, impact_consent=True, province="limburg")
    confirmed(edition)  # did not ask for it
    sign_up(edition, impact_consent=True)  # never confirmed
    today = timezone.localdate()
    due_start = today - timedelta(days=29 + impact_rules.CHALLENGE_DAYS_AFTER_END)
    ChallengePage.objects.filter(pk=edition.pk).update(
        impact_survey=survey, starts_on=due_start + timedelta(days=1)
    )
    assert impact.send_due() == 0  # a day early
    ChallengePage.objects.filter(pk=edition.pk).update(starts_on=due_start)
    assert impact.send_due() == 1
    assert impact.send_due() == 0
    invitation = ImpactInvitation.objects.get()
    assert (invitation.kind, invitation.participant_id) == (ImpactKind.CHALLENGE, asked.pk)
    [mail] = impact_mails()
    assert mail.to == asked.email
    assert mail.subject == f"Hoe gaat het na {edition.title}?"
    assert impact.by_key(key_of(mail, CHALLENGE_LINK), ImpactKind.CHALLENGE).pk == invitation.pk


# --- the private link ----------------------------------------------------------------------------


@pytest.fixture
def link(site):
    application = granted(site)
    invite(application)
    return f"/kennisvouchers/effect/{key_of(impact_mails()[0])}/"


def test_the_link_shows_the_survey_privately(client, link):
    response = client.get(link)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "strict-origin"
    html = response.content.decode()
    assert 'name="tevredenheid"' in html and 'name="wat_wil_je_meegeven"' in html
    assert 'type="checkbox" name="quote_consent"' in html
    assert 'name="region"' not in html  # the survey does not ask; the application knows
    assert "csrfmiddlewaretoken" in html and 'name="website"' in html
    assert "Ik doe niet mee" in html
    assert "<script>" not in html and "style=" not in html
    assert "Over de kennisvoucher van Stichting Gezonde Wijk" in text(response)


def test_one_response_per_invitation(client, link):
    response = client.post(link, answers_post(quote_consent="on"))
    assert response.status_code == 303
    assert response["Location"] == f"{link}?bedankt=1"
    stored = SurveyResponse.objects.get()
    assert stored.form_data == {
        "tevredenheid": "4",
        "wat_is_er_veranderd": ["Een plan"],
        "wat_wil_je_meegeven": "Het hielp ons echt.",
    }
    assert stored.region == "utrecht"  # the province given when applying
    invitation = ImpactInvitation.objects.get()
    assert invitation.response_id == stored.pk and invitation.responded_at
    assert invitation.quote_consent and not invitation.quote_shown  # staff read it first
    assert "Bedankt, je antwoorden zijn opgeslagen" in text(client.get(response["Location"]))

    again = client.post(link, answers_post(score="1"))
    assert again.status_code == 409
    assert "Je hebt deze vragenlijst al ingevuld" in text(again)
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().form_data["tevredenheid"] == "4"


def test_bad_input_stores_nothing(client, link):
    response = client.post(link, answers_post(score="9", changes=()))
    assert response.status_code == 400
    page = text(response)
    assert "Kies een van de antwoorden die bij de vraag staan." in page
    assert "Kies minstens één antwoord bij ‘Wat is er veranderd’." in page
    trap = client.post(link, answers_post(website="https://spam.example"))
    assert trap.status_code == 400
    assert not SurveyResponse.objects.exists()
    assert ImpactInvitation.objects.get().responded_at is None


def test_no_thanks_and_still_answering_later(client, link):
    response = client.post(link, {"actie": "niet-meedoen"})
    assert response.status_code == 303
    assert ImpactInvitation.objects.get().declined_at is not None
    page = client.get(response["Location"])
    assert "Je doet niet mee en krijgt geen herinnering" in text(page)
    assert client.post(link, answers_post()).status_code == 303
    assert SurveyResponse.objects.count() == 1


def test_an_unknown_expired_or_foreign_link_is_a_404(client, link):
    assert (
        client.get("/kennisvouchers/effect/bestaat-niet-bestaat-niet-bestaat/").status_code == 404
    )
    key = link.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/uitdaging/effect/{key}/").status_code == 404  # another kind's route
    ImpactInvitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    expired = client.post(link, answers_post())
    assert expired.status_code == 404
    assert "Deze link werkt niet (meer)" in text(expired)
    assert not SurveyResponse.objects.exists()


def test_a_closed_survey_takes_nothing(client, link, site):
    survey = site.scheme.impact_survey
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save()
    response = client.post(link, answers_post())
    assert response.status_code == 409
    assert "Deze vragenlijst is gesloten" in text(response)
    assert not SurveyResponse.objects.exists()


def test_posting_needs_the_csrf_token(link):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(link, answers_post()).status_code == 403
    assert not SurveyResponse.objects.exists()


def test_the_public_address_of_an_invitation_only_survey_takes_nothing(client, survey):
    page = client.get(survey.url)
    assert page.status_code == 200
    assert "alleen voor mensen die een uitnodiging per e-mail kregen" in text(page)
    assert 'name="tevredenheid"' not in page.content.decode()
    response = client.post(survey.url, answers_post())
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_the_challenge_link_asks_no_quote(client, survey):
    edition = build_challenge()
    participant = confirmed(edition, impact_consent=True)
    invitation = ImpactInvitation.objects.create(
        page=survey, kind=ImpactKind.CHALLENGE, participant=participant,
        expires_at=timezone.now() + timedelta(days=10),
    )  # fmt: skip
    url = f"/uitdaging/effect/{invitation.key}/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="quote_consent"' not in page.content.decode()
    assert client.post(url, answers_post(quote_consent="on")).status_code == 303
    assert not ImpactInvitation.objects.get().quote_consent


# --- the good example's page ---------------------------------------------------------------------


def answered(site, example=0, score="4", text="Het hielp ons echt.", consent=True):
    application = granted(site, example=example)
    invitation = ImpactInvitation.objects.create(
        page=site.scheme.impact_survey, kind=ImpactKind.VOUCHER, application=application,
        expires_at=timezone.now() + timedelta(days=10),
    )  # fmt: skip
    impact.record_response(
        invitation.pk,
        {"tevredenheid": score, "wat_is_er_veranderd": ["Een plan"], "wat_wil_je_meegeven": text},
        "utrecht", consent,
    )  # fmt: skip
    return ImpactInvitation.objects.get(pk=invitation.pk)


def test_the_good_example_shows_its_figures_and_read_quotes(client, site):
    example = site.examples[0]
    assert "data-impact" not in client.get(example.url).content.decode()  # nothing yet
    first = answered(site, score="5", text="We werken nu echt samen met de huisartsen.")
    assert "data-impact" not in client.get(example.url).content.decode()  # one score alone
    answered(site, score="4", text="Niet voor de site.", consent=False)
    page = text(client.get(example.url))
    assert "Wat het opleverde" in page
    assert "Gebruikt door 2 organisaties · 4,5 van 5" in page
    assert "huisartsen" not in page  # not read by staff yet
    impact.show_quote(first.pk, True)
    page = text(client.get(example.url))
    assert "‘We werken nu echt samen met de huisartsen.’" in page
    assert "Niet voor de site" not in page
    assert "Stichting Gezonde Wijk" not in page  # never who said it
    assert "data-impact" not in client.get(site.examples[1].url).content.decode()


def test_a_quote_without_consent_can_never_be_shown(site):
    invitation = answered(site, consent=False)
    assert not impact.show_quote(invitation.pk, True)
    assert not ImpactInvitation.objects.get().quote_shown


# --- the privacy register ------------------------------------------------------------------------


def test_export_and_erase_by_address(site):
    from kennislab.privacy import services as privacy

    invitation = answered(site)
    address = invitation.application.email
    exported = privacy.export(address)
    [record] = exported["surveys.impact_invitation"]
    assert record["quote_consent"] is True and record["kind"] == "Kennisvoucher"
    [response] = exported["surveys.response"]
    assert response["form_data"]["wat_wil_je_meegeven"] == "Het hielp ons echt."

    privacy.erase(address)
    kept = ImpactInvitation.objects.get()
    assert kept.key_hash.startswith("verwijderd-") and not kept.quote_consent
    assert kept.response_id is None and not SurveyResponse.objects.exists()
    assert impact.send_due() == 0  # never a second invitation
