"""Every retention rule of the privacy register, one by one, against a frozen clock.

For each rule (`register.rules()`) a maker below creates a record through its app's own services
and factories and then moves its reference moment T (the decision, the event's start, day 30 of
the edition, the sending time…) to a fixed day in the past. Then `services.purge(now=…)`:

* the day before the term and on the term the record is untouched: every rule selects
  `… < cutoff` (cutoff = now - term), so on the term itself a record is not due yet — for the
  date rules too, because the clock stands at noon (UTC, the same date in Amsterdam) and
  `cutoff.date()` is then T's own date;
* the day after the term the rule's action is applied (a dry run counts the same and changes
  nothing): anonymised rows keep every non-personal column (sequence, status, event, edition,
  scheme: the counts and the waiting list stay right), deleted rows are gone, "contact" takes the
  contact person only, uploaded files leave the storage once the transaction commits; a second
  purge at the same moment reports 0 and changes nothing;
* long after the term, the records the rule must leave alone (a granted voucher, a pledge on the
  wall, an awarded vignet…) are still whole.

`MAKERS` must cover every rule key: a new rule without a maker fails
`test_every_rule_in_the_register_has_a_maker`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kennislab.campaigns.models import (
    Activity,
    CampaignRegion,
    EventPage,
    RecordingAccess,
    Registration,
)
from kennislab.campaigns.tests.conftest import build_event
from kennislab.campaigns.tests.conftest import register as register_for_event
from kennislab.campaigns.tests.relay_factories import add_activity, build_campaign, required
from kennislab.challenge import services as challenge_services
from kennislab.challenge.models import ChallengePage, Participant, Participation, Team
from kennislab.challenge.tests.factories import build_challenge
from kennislab.challenge.tests.factories import sign_up as challenge_sign_up
from kennislab.content.models import Theme
from kennislab.core.models import OutgoingEmail
from kennislab.network import services as network_services
from kennislab.network.tests.conftest import sign as sign_pledge
from kennislab.network.tests.conftest import story_data
from kennislab.privacy import register, services
from kennislab.privacy.models import AccessEvent, ErasureRequest
from kennislab.questions import services as question_services
from kennislab.questions.models import LearningCommunity
from kennislab.surveys.models import SurveyResponse
from kennislab.surveys.tests.conftest import build_survey
from kennislab.vignet import services as vignet_services
from kennislab.vignet.models import Application as VignetApplication
from kennislab.vignet.models import Evidence, Vignet
from kennislab.vignet.tests.factories import (
    PDF,
    activity,
    awarded_vignet,
    in_assessment,
    make_draft,
)
from kennislab.vouchers import services as voucher_services
from kennislab.vouchers.models import Application as VoucherApplication
from kennislab.vouchers.models import Scheme
from kennislab.vouchers.models import Status as VoucherStatus
from kennislab.vouchers.tests.factories import build_voucher_site
from kennislab.vouchers.tests.factories import submit as submit_voucher

pytestmark = pytest.mark.django_db

# The reference moment of every record: noon UTC, so that T.date() is the same day in Amsterdam
# and the date rules (`x < cutoff.date()`) meet their term on a whole day. Far enough back that
# T + the longest term + 1000 days is still in the past: records the services stamp with the
# real "now" are never due in these tests.
T = datetime(2012, 3, 7, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
ADDRESS = "anna.jansen@voorbeeld.example"
CONSENT = "Ik geef toestemming (test)."
_numbers = itertools.count(1)


def rules_by_key() -> dict[str, tuple[register.Entry, register.Rule]]:
    """The register's rules by key, read when asked (so a test sees the register as it is)."""
    return {rule.key: (entry, rule) for entry, rule in register.rules()}


def rule_of(key: str) -> tuple[register.Entry, register.Rule]:
    return rules_by_key()[key]


@dataclass
class Made:
    """What a maker made: the record, its reference moment, the records of the same model that
    the rule must leave alone even long after the term, what must not change when the record is
    anonymised (counts, waiting lists), and how many records the rule handles once due."""

    record: models.Model
    moment: datetime = T
    keep: list = field(default_factory=list)
    counts: Callable[[], object] | None = None
    due: int = 1
    far: timedelta = timedelta(days=1000)  # "long after the term"


def set_fields(record: models.Model, **values) -> None:
    """Change columns without save(): audit models refuse save(), auto_now would interfere."""
    type(record).objects.filter(pk=record.pk).update(**values)


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)


def pdf(name: str = "nulmeting.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


# --- makers, one per rule key ---------------------------------------------------------------


def _mail(status: str, *, created_at: datetime, sent_at: datetime | None) -> OutgoingEmail:
    mail = OutgoingEmail.objects.create(
        to=ADDRESS, subject="Je aanmelding voor het webinar", status=status,
        body="Hoi Anna, je privélink: http://testserver/agenda/aanmelding/geheim123/",
        attachments=[["webinar.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR", "text/calendar"]],
        headers={"List-Unsubscribe": "<http://testserver/nieuwsbrief/afmelden/geheim123/>"},
        last_error="421 Probeer het later nog eens", attempts=2,
    )  # fmt: skip
    set_fields(mail, created_at=created_at, sent_at=sent_at)
    return mail


def make_outbox_bodies() -> Made:
    sent = _mail(OutgoingEmail.Status.SENT, created_at=T - timedelta(minutes=5), sent_at=T)
    queued = _mail(OutgoingEmail.Status.QUEUED, created_at=T, sent_at=None)
    # far: within a year, before outbox_rows deletes the rows
    return Made(sent, keep=[queued], far=timedelta(days=300))


def make_outbox_rows() -> Made:
    # a mail that was never sent: outbox_bodies leaves it, so only outbox_rows acts on it
    return Made(_mail(OutgoingEmail.Status.FAILED, created_at=T, sent_at=None))


def _task(status: str, finished_at: datetime | None) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        status=status, args_kwargs={"args": [ADDRESS], "kwargs": {}},
        task_path="kennislab.core.tasks.send_outbox", backend_name="default", run_after=T,
        return_value={"sent": [ADDRESS]} if finished_at else None, exception_class_path="",
        traceback="", started_at=finished_at and finished_at - timedelta(seconds=3),
        finished_at=finished_at,
    )  # fmt: skip
    set_fields(task, enqueued_at=T - timedelta(minutes=1))
    return task


def make_task_results() -> Made:
    return Made(_task("SUCCESSFUL", T), keep=[_task("READY", None)])


def _voucher_site(**limits):
    limits = {"max_vouchers": 5, "max_per_example": 5, **limits}
    return build_voucher_site(examples=1, **limits)


def _close_scheme(site, closes_at: datetime) -> None:
    Scheme.objects.filter(pk=site.scheme.pk).update(
        opens_at=closes_at - timedelta(days=60), closes_at=closes_at
    )


def _applications_of(scheme):
    """The scheme's applications in arrival order, with their status (the waiting list)."""
    return lambda: list(
        VoucherApplication.objects.filter(scheme=scheme)
        .order_by("sequence")
        .values_list("pk", "sequence", "status", "amount")
    )


def make_vouchers_granted() -> Made:
    site = _voucher_site()
    application, _token = submit_voucher(site.examples[0], email=ADDRESS)
    voucher_services.decide(application.pk, "confirm", "Definitief toegekend.")
    _close_scheme(site, T)
    set_fields(application, received_at=T - timedelta(days=40), decided_at=T - timedelta(days=30))
    later = _voucher_site()  # a scheme that closed later: its vouchers are accounted for longer
    kept, _token = submit_voucher(later.examples[0])
    _close_scheme(later, T + timedelta(days=2000))
    assert {application.status, kept.status} == {VoucherStatus.GRANTED}
    return Made(application, keep=[kept], counts=_applications_of(site.scheme))


def make_vouchers_not_granted() -> Made:
    site = _voucher_site()
    application, _token = submit_voucher(site.examples[0], email=ADDRESS)
    voucher_services.decide(application.pk, "reject", "Past niet binnen de regeling.")
    granted, _token = submit_voucher(site.examples[0])
    confirmed, _token = submit_voucher(site.examples[0])
    voucher_services.decide(confirmed.pk, "confirm", "Definitief.")
    _close_scheme(site, T)
    for record in (application, granted, confirmed):
        set_fields(record, received_at=T - timedelta(days=30), decided_at=T)
    return Made(application, keep=[granted, confirmed], counts=_applications_of(site.scheme))


def make_vouchers_waiting() -> Made:
    site = _voucher_site(max_vouchers=1, max_per_example=1)
    granted, _token = submit_voucher(site.examples[0])
    application, _token = submit_voucher(site.examples[0], email=ADDRESS)
    second, _token = submit_voucher(site.examples[0])
    assert (application.status, second.status) == (VoucherStatus.WAITING, VoucherStatus.WAITING)
    _close_scheme(site, T)
    for record in (granted, application, second):
        set_fields(record, received_at=T - timedelta(days=30))
    set_fields(granted, decided_at=T - timedelta(days=30))
    return Made(application, keep=[granted], counts=_applications_of(site.scheme), due=2)


def _decided(application, moment: datetime) -> None:
    set_fields(application, created_at=moment - timedelta(days=40), updated_at=moment,
               submitted_at=moment - timedelta(days=30), decided_at=moment)  # fmt: skip


def _busy() -> VignetApplication:
    """An application in assessment, last changed at T: in progress, no rule touches it."""
    application = in_assessment()
    set_fields(application, created_at=T - timedelta(days=40), updated_at=T, submitted_at=T)
    return application


def make_vignet_not_awarded() -> Made:
    application = in_assessment(email=ADDRESS)
    vignet_services.take_step(application.pk, "reject", note="De nulmeting ontbreekt.")
    _decided(application, T)
    held = awarded_vignet().application  # its vignet is valid for two more years (real today)
    _decided(held, T)
    return Made(application, keep=[held, _busy()])


def make_vignet_drafts() -> Made:
    draft, _token = make_draft(email=ADDRESS)
    set_fields(draft, created_at=T - timedelta(days=10), updated_at=T)
    return Made(draft, keep=[_busy()])


def _expired_on(vignet: Vignet, valid_until: date) -> None:
    awarded = valid_until - timedelta(days=730)
    Vignet.objects.filter(pk=vignet.pk).update(
        first_awarded_on=awarded, awarded_on=awarded, valid_from=awarded, valid_until=valid_until
    )
    _decided(vignet.application, noon(awarded))


def make_vignet_awarded_contact() -> Made:
    vignet = awarded_vignet(email=ADDRESS)
    _expired_on(vignet, T.date())  # T: the last day the vignet was valid
    current = awarded_vignet().application
    _decided(current, T)
    return Made(vignet.application, keep=[current])


def make_vignet_evidence() -> Made:
    application = in_assessment(email=ADDRESS, files=[pdf()])
    vignet_services.take_step(application.pk, "reject", note="Het bewijs is onvoldoende.")
    _decided(application, T)
    busy = in_assessment(files=[pdf("ander-bewijs.pdf")])
    set_fields(busy, created_at=T - timedelta(days=40), updated_at=T, submitted_at=T)
    return Made(Evidence.objects.get(application=application),
                keep=[Evidence.objects.get(application=busy)])  # fmt: skip


def make_vignet_holder_contact() -> Made:
    vignet = awarded_vignet(email=ADDRESS)
    _expired_on(vignet, T.date())
    return Made(vignet, keep=[awarded_vignet()])


def make_event_registrations() -> Made:
    event = build_event(capacity=2, ask_dietary=True, ask_accessibility=True)
    people = [("Anna Jansen", ADDRESS), ("Bert Bakker", "bert@voorbeeld.example"),
              ("Carla de Wit", "carla@voorbeeld.example")]  # fmt: skip
    registrations = [
        register_for_event(event, name=name, email=email, dietary="Vegetarisch",
                           access_needs="Rolstoelplaats")[0]
        for name, email in people
    ]  # fmt: skip
    assert [r.status for r in registrations] == ["registered", "registered", "waiting"]
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=T, ends_at=T + timedelta(hours=1), registration_closes_at=None
    )
    later = build_event()
    kept, _token = register_for_event(later, email=ADDRESS)

    def counts():
        return list(Registration.objects.filter(event=event).order_by("sequence")
                    .values_list("pk", "sequence", "status"))  # fmt: skip

    return Made(registrations[0], keep=[kept], counts=counts, due=3)


def make_recording_access() -> Made:
    event = build_event()
    access = RecordingAccess.objects.create(event=event, email=ADDRESS, consent_text=CONSENT)
    set_fields(access, created_at=T)
    later = RecordingAccess.objects.create(event=event, email="bert@voorbeeld.example",
                                           consent_text=CONSENT)  # fmt: skip
    return Made(access, keep=[later])


def _relay_campaign():
    today = timezone.localdate()
    week = [("Oost", "oost", ["gelderland", "overijssel", "flevoland"],
             today + timedelta(days=40), today + timedelta(days=44))]  # fmt: skip
    return build_campaign(regions=week)


def make_relay_organisers() -> Made:
    campaign = _relay_campaign()
    organised, _token = add_activity(
        campaign, required(email=ADDRESS, contact_name="Anna Jansen", phone="06 12345678")
    )
    set_fields(organised, date=T.date(), created_at=T - timedelta(days=30), updated_at=T)
    later, _token = add_activity(campaign, required())
    set_fields(later, date=timezone.localdate() + timedelta(days=42))
    return Made(organised, keep=[later])


def _edition_with_two(email: str):
    """An edition with a team starter (`email`) and someone alone, both confirmed."""
    page = build_challenge()
    starter = challenge_sign_up(page, email=email, name="Anna Jansen",
                                participation=Participation.START_TEAM,
                                team_name="De Wandelaars").participant  # fmt: skip
    alone = challenge_sign_up(page).participant
    for participant in (starter, alone):
        challenge_services.confirm(participant)
    return page, Participant.objects.get(pk=starter.pk)


def _ended_on(page, day30: date) -> None:
    ChallengePage.objects.filter(pk=page.pk).update(starts_on=day30 - timedelta(days=29))


def _edition_counts(page):
    return lambda: (
        list(Participant.objects.filter(page=page).order_by("pk")
             .values_list("pk", "status", "team_id", "theme")),
        list(Team.objects.filter(page=page).values_list("pk", "code")),
    )  # fmt: skip


def make_challenge_participants() -> Made:
    page, starter = _edition_with_two(ADDRESS)
    _ended_on(page, T.date())  # T: day 30
    _later_page, kept = _edition_with_two("bert@voorbeeld.example")
    return Made(starter, keep=[kept], counts=_edition_counts(page), due=2)


def make_challenge_teams() -> Made:
    page, starter = _edition_with_two(ADDRESS)
    _ended_on(page, T.date())
    _later_page, kept = _edition_with_two("bert@voorbeeld.example")
    return Made(starter.team, keep=[kept.team], counts=_edition_counts(page))


def make_pledges() -> Made:
    pledge, _token = sign_pledge(status="rejected", email=ADDRESS, phone="06 12345678")
    set_fields(pledge, created_at=T - timedelta(days=30), updated_at=T)
    on_the_wall, _token = sign_pledge(status="approved")
    set_fields(on_the_wall, created_at=T - timedelta(days=30), updated_at=T)
    return Made(pledge, keep=[on_the_wall])


def _pledge_with_update(email: str):
    pledge, _token = sign_pledge(status="approved", email=email)
    update = network_services.post_update(pledge.pk, "Twaalf scholen hebben een gezonde kantine.")
    network_services.moderate_update(update.pk, "approve", "", None)
    return pledge, update


def make_pledge_updates() -> Made:
    pledge, update = _pledge_with_update(ADDRESS)
    network_services.moderate_pledge(pledge.pk, "reject", "Van de pledgemuur gehaald.", None)
    set_fields(pledge, updated_at=T)
    on_the_wall, kept = _pledge_with_update("bert@voorbeeld.example")
    set_fields(on_the_wall, updated_at=T)
    return Made(update, keep=[kept])


def make_stories() -> Made:
    upload = SimpleUploadedFile("verslag.pdf", b"%PDF-1.7\n%Anna", content_type="application/pdf")
    story = network_services.submit_story(story_data(email=ADDRESS), upload, CONSENT)
    set_fields(story, created_at=T)
    later = network_services.submit_story(story_data(), None, CONSENT)
    return Made(story, keep=[later])


def _question(email: str):
    theme = Theme.objects.get(slug="leefstijl")
    return question_services.ask(
        {"name": "Anna Jansen", "email": email, "organisation": "GGD Waterstreek",
         "phone": "06 12345678", "theme": theme, "question": "Hoe pakt Anna leefstijl aan?"},
        CONSENT,
    )  # fmt: skip


def make_questions() -> Made:
    question = _question(ADDRESS)
    question_services.answer_question(question.pk, "answer", "Kijk eens bij de GGD.", None)
    set_fields(question, created_at=T - timedelta(days=10), updated_at=T)
    still_open = _question("bert@voorbeeld.example")
    set_fields(still_open, created_at=T - timedelta(days=10), updated_at=T)
    return Made(question, keep=[still_open])


def make_interest() -> Made:
    number = next(_numbers)
    community = LearningCommunity.objects.create(name=f"Leergemeenschap {number}",
                                                 slug=f"leergemeenschap-{number}")  # fmt: skip
    data = {"name": "Anna Jansen", "email": ADDRESS, "organisation": "Gemeente Annadorp",
            "role": "Beleidsmedewerker", "motivation": "Samen leren over leefstijl."}  # fmt: skip
    registration = question_services.register_interest(community.pk, data, CONSENT)
    set_fields(registration, created_at=T, updated_at=T)
    later = question_services.register_interest(
        community.pk, {**data, "email": "bert@voorbeeld.example"}, CONSENT
    )
    return Made(registration, keep=[later])


def make_survey_responses() -> Made:
    survey = build_survey()  # 24 months, the rule's default of 730 days
    assert round(survey.retention_months * 365 / 12) == rule_of("survey_responses")[1].days
    response = SurveyResponse.objects.create(
        page=survey, submit_time=T, form_data={"gemeente": ADDRESS, "urgentie": "3"}
    )
    longer = build_survey(retention_months=60)  # its own term: five years
    kept = SurveyResponse.objects.create(page=longer, submit_time=T,
                                         form_data={"gemeente": ADDRESS, "urgentie": "2"})  # fmt: skip
    return Made(response, keep=[kept])


def make_access_log() -> Made:
    event = services.log_access(None, AccessEvent.Action.VIEW, what="Aanvragen voor een voucher",
                                address=ADDRESS, reason="Vraag van de aanvrager")  # fmt: skip
    set_fields(event, at=T)
    later = services.log_access(None, AccessEvent.Action.LOOKUP, what="Pledges", address=ADDRESS)
    return Made(event, keep=[later])


def make_erasure_requests() -> Made:
    handled = ErasureRequest.objects.create(
        email=ADDRESS, reasons="Aanvragen voor een kennisvoucher: wacht op een besluit.",
        status=ErasureRequest.Status.HANDLED, created_at=T - timedelta(days=20), handled_at=T,
    )  # fmt: skip
    still_open = ErasureRequest.objects.create(
        email="bert@voorbeeld.example", reasons="Vignet: in beoordeling.",
        created_at=T - timedelta(days=20),
    )  # fmt: skip
    return Made(handled, keep=[still_open])


def _attempt(model, username: str, moment: datetime, **extra):
    from axes.models import AccessAttempt

    if model is AccessAttempt:
        extra = {"get_data": "", "post_data": "username=" + username, "failures_since_start": 3,
                 **extra}  # fmt: skip
    record = model.objects.create(
        username=username, ip_address="10.0.0.1", user_agent="Firefox", http_accept="*/*",
        path_info="/admin/login/", **extra,
    )  # fmt: skip
    set_fields(record, attempt_time=moment)
    return record


def make_sign_in_attempts() -> Made:
    from axes.models import AccessAttempt

    return Made(
        _attempt(AccessAttempt, "redacteur", T),
        keep=[_attempt(AccessAttempt, "ander", T + timedelta(days=2000))],
    )


def make_sign_in_failures() -> Made:
    from axes.models import AccessFailureLog

    return Made(
        _attempt(AccessFailureLog, "redacteur", T),
        keep=[_attempt(AccessFailureLog, "ander", T + timedelta(days=2000))],
    )


MAKERS: dict[str, Callable[[], Made]] = {
    "outbox_bodies": make_outbox_bodies,
    "outbox_rows": make_outbox_rows,
    "task_results": make_task_results,
    "vouchers_granted": make_vouchers_granted,
    "vouchers_not_granted": make_vouchers_not_granted,
    "vouchers_waiting": make_vouchers_waiting,
    "vignet_not_awarded": make_vignet_not_awarded,
    "vignet_drafts": make_vignet_drafts,
    "vignet_awarded_contact": make_vignet_awarded_contact,
    "vignet_evidence": make_vignet_evidence,
    "vignet_holder_contact": make_vignet_holder_contact,
    "event_registrations": make_event_registrations,
    "recording_access": make_recording_access,
    "relay_organisers": make_relay_organisers,
    "challenge_participants": make_challenge_participants,
    "challenge_teams": make_challenge_teams,
    "pledges": make_pledges,
    "pledge_updates": make_pledge_updates,
    "stories": make_stories,
    "questions": make_questions,
    "interest": make_interest,
    "survey_responses": make_survey_responses,
    "access_log": make_access_log,
    "erasure_requests": make_erasure_requests,
    "sign_in_attempts": make_sign_in_attempts,  # kennislab.accounts (django-axes)
    "sign_in_failures": make_sign_in_failures,
}

AFTER_THE_TERM = list(MAKERS)


# --- checking -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _storage_and_terms(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PRIVACY_RETENTION = {}  # the register's own terms, whatever the environment says


@pytest.fixture
def purge_at(django_capture_on_commit_callbacks):
    """purge_at(now) → {rule key: count}; files are deleted on commit, so run those callbacks."""

    def run(now: datetime, *, dry_run: bool = False) -> dict[str, int]:
        with django_capture_on_commit_callbacks(execute=True):
            results = services.purge(now=now, dry_run=dry_run)
        return {result.rule.key: result.count for result in results}

    return run


def snapshot(record: models.Model) -> dict | None:
    """Every column of the stored row (None when the row is gone)."""
    model = type(record)
    columns = [f.attname for f in model._meta.concrete_fields]
    return model.objects.filter(pk=record.pk).values(*columns).first()


def changed_fields(entry: register.Entry, rule: register.Rule) -> tuple[str, ...]:
    """The fields the rule's action replaces by placeholders."""
    if rule.action == "files":
        return tuple(entry.files)
    return rule.fields or entry.erasable_fields(contact_only=rule.action == "contact")


def column(model, name: str) -> str:
    return model._meta.get_field(name).attname


def fill(entry: register.Entry, rule: register.Rule, record: models.Model) -> None:
    """Give empty personal text fields a value, so that anonymising them shows."""
    model = type(record)
    row = snapshot(record)
    values = {}
    for name in changed_fields(entry, rule):
        model_field = model._meta.get_field(name)
        if isinstance(model_field, (models.CharField, models.TextField)) and not row[name]:
            values[name] = "Anna"
    if values:
        set_fields(record, **values)


def stored_files(entry: register.Entry, record: models.Model) -> list[tuple]:
    fresh = type(record).objects.get(pk=record.pk)
    files = [(name, getattr(fresh, name)) for name in entry.files]
    out = [(name, value.storage, value.name) for name, value in files if value]
    for _name, storage, path in out:
        assert storage.exists(path), path
    return out


def assert_applied(entry: register.Entry, rule: register.Rule, record, before: dict) -> dict:
    """The rule's action is visible on the row; every other column is as it was."""
    after = snapshot(record)
    if rule.action == "delete":
        assert after is None, f"{rule.key}: the row should be gone"
        return after
    assert after is not None, f"{rule.key}: the row must stay ({rule.action})"
    model = type(record)
    changed = {column(model, name): entry.placeholder(name, record.pk)
               for name in changed_fields(entry, rule)}  # fmt: skip
    assert changed, f"{rule.key}: the action changes no field"
    for name, placeholder in changed.items():
        assert before[name] != placeholder, f"{rule.key}.{name} was a placeholder already"
        assert after[name] == placeholder, f"{rule.key}.{name}: {after[name]!r}"
    unchanged = {name: value for name, value in before.items() if name not in changed}
    assert {name: after[name] for name in unchanged} == unchanged
    return after


def assert_files(entry, rule, files: list[tuple], *, gone: bool) -> None:
    for name, storage, path in files:
        removed = gone and (rule.action == "delete" or name in changed_fields(entry, rule))
        assert storage.exists(path) is not removed, (rule.key, name, path)


# --- the table covers the register ----------------------------------------------------------


def test_every_rule_in_the_register_has_a_maker():
    keys = register.rule_keys()
    assert len(keys) == len(set(keys)), "a rule key occurs twice in the register"
    assert sorted(MAKERS) == sorted(keys)


def test_the_rule_keys_are_what_the_setting_names():
    for key in MAKERS:
        assert key == key.lower() and key.replace("_", "").isalnum(), key
        _entry, rule = rule_of(key)
        assert rule.days > 0 and rule.term == timedelta(days=rule.days)


# --- per rule: before, on and after the term ------------------------------------------------


@pytest.mark.parametrize("key", list(MAKERS))
def test_before_and_on_the_term_the_record_is_untouched(key, purge_at):
    entry, rule = rule_of(key)
    made = MAKERS[key]()
    fill(entry, rule, made.record)
    before = snapshot(made.record)
    files = stored_files(entry, made.record)

    assert purge_at(made.moment + rule.term - DAY)[key] == 0
    assert snapshot(made.record) == before
    # on the term: `< cutoff` with cutoff == T (or cutoff.date() == T's date): not due yet
    assert purge_at(made.moment + rule.term)[key] == 0
    assert snapshot(made.record) == before
    assert_files(entry, rule, files, gone=False)


@pytest.mark.parametrize("key", AFTER_THE_TERM)
def test_the_day_after_the_term_the_action_is_applied_once(key, purge_at):
    entry, rule = rule_of(key)
    made = MAKERS[key]()
    model = type(made.record)
    fill(entry, rule, made.record)
    before = snapshot(made.record)
    files = stored_files(entry, made.record)
    counts = made.counts() if made.counts else None
    rows = model.objects.count()
    now = made.moment + rule.term + DAY

    assert purge_at(now, dry_run=True)[key] == made.due
    assert snapshot(made.record) == before and model.objects.count() == rows
    assert_files(entry, rule, files, gone=False)

    assert purge_at(now)[key] == made.due
    after = assert_applied(entry, rule, made.record, before)
    assert_files(entry, rule, files, gone=True)
    if rule.action == "delete":
        assert model.objects.count() == rows - made.due
    else:
        assert model.objects.count() == rows
        if counts is not None:
            assert made.counts() == counts

    again = purge_at(now)
    assert again[key] == 0
    assert purge_at(now, dry_run=True)[key] == 0
    assert snapshot(made.record) == after


@pytest.mark.parametrize("key", list(MAKERS))
def test_long_after_the_term_what_the_rule_must_leave_stays_whole(key, purge_at):
    entry, rule = rule_of(key)
    made = MAKERS[key]()
    fill(entry, rule, made.record)
    before = snapshot(made.record)
    kept = [snapshot(record) for record in made.keep]
    kept_files = [stored_files(entry, record) for record in made.keep]
    now = made.moment + rule.term + made.far

    due = set(rule.due(rule.cutoff(now), now).values_list("pk", flat=True))
    assert made.record.pk in due
    assert not [record for record in made.keep if record.pk in due]

    assert purge_at(now)[key] >= 1
    assert_applied(entry, rule, made.record, before)
    assert [snapshot(record) for record in made.keep] == kept
    for files in kept_files:
        assert_files(entry, rule, files, gone=False)


# --- terms from the settings, dry runs, the survey's own term --------------------------------


@pytest.mark.parametrize("key", ["questions", "relay_organisers", "vouchers_granted"])
def test_a_term_in_the_settings_replaces_the_default(key, settings, purge_at):
    entry, rule = rule_of(key)
    settings.PRIVACY_RETENTION = {key: 10}
    assert rule.term == timedelta(days=10) != timedelta(days=rule.days)
    others = [other for other_key, (_e, other) in rules_by_key().items() if other_key != key]
    assert all(other.term == timedelta(days=other.days) for other in others)
    made = MAKERS[key]()
    fill(entry, rule, made.record)
    before = snapshot(made.record)

    assert purge_at(made.moment + timedelta(days=10))[key] == 0
    assert snapshot(made.record) == before
    assert purge_at(made.moment + timedelta(days=11))[key] == made.due
    assert_applied(entry, rule, made.record, before)


def test_a_dry_run_counts_every_rule_and_changes_nothing(purge_at):
    made = {key: maker() for key, maker in MAKERS.items()}
    records = [m.record for m in made.values()] + [r for m in made.values() for r in m.keep]
    before = [snapshot(record) for record in records]
    rows = {model: model.objects.count() for model in {type(record) for record in records}}
    files = [f for key, m in made.items() for f in stored_files(rule_of(key)[0], m.record)]
    now = T + max(rule.term for _entry, rule in register.rules()) + DAY

    counted = purge_at(now, dry_run=True)
    assert [snapshot(record) for record in records] == before
    assert {model: model.objects.count() for model in rows} == rows
    assert all(storage.exists(path) for _name, storage, path in files)
    assert all(counted[key] >= 1 for key in MAKERS), counted

    assert purge_at(now) == counted
    assert not any(storage.exists(path) for _name, storage, path in files)
    assert set(purge_at(now).values()) == {0}


def test_survey_answers_follow_the_term_of_their_own_survey(purge_at):
    survey = build_survey(retention_months=6)
    response = SurveyResponse.objects.create(page=survey, submit_time=T,
                                             form_data={"gemeente": ADDRESS})  # fmt: skip
    term = timedelta(days=round(6 * 365 / 12))  # 182 days

    assert purge_at(T + term)["survey_responses"] == 0
    assert SurveyResponse.objects.filter(pk=response.pk).exists()
    assert purge_at(T + term + DAY)["survey_responses"] == 1
    assert not SurveyResponse.objects.filter(pk=response.pk).exists()


# --- records only a careful rule reaches ---------------------------------------------------


def test_the_first_application_of_a_renewed_vignet_loses_its_contact_too(purge_at):
    vignet = awarded_vignet(months_ago=22, email=ADDRESS)
    first = vignet.application
    renewal, _token = vignet_services.start_renewal(vignet, CONSENT)
    since = vignet.awarded_on + timedelta(days=14)
    fields = {name: getattr(renewal, name)
              for name in ("organisation", "place", "contact_name", "email", "phone",
                           "target_group_size", "guidance_name", "guidance_organisation")}  # fmt: skip
    activities = [activity("bewegen", 30, start=since), activity("roken", 20, start=since)]
    vignet_services.save_draft(vignet_services.Draft(fields, activities, [], []), renewal)
    vignet_services.submit(renewal.pk)
    vignet_services.take_step(renewal.pk, "start")
    vignet_services.take_step(renewal.pk, "award")
    _expired_on(Vignet.objects.get(pk=vignet.pk), T.date())  # the renewed vignet expired at T
    _decided(first, T - timedelta(days=1460))
    _entry, rule = rule_of("vignet_awarded_contact")

    purge_at(T + rule.term + timedelta(days=30))
    assert VignetApplication.objects.get(pk=renewal.pk).email.endswith("@anoniem.invalid")
    assert VignetApplication.objects.get(pk=first.pk).email.endswith("@anoniem.invalid")


def test_an_activity_without_a_date_loses_its_contact_after_the_campaign(purge_at):
    campaign = _relay_campaign()
    undated, _token = add_activity(campaign, required(email=ADDRESS))
    assert undated.date is None
    CampaignRegion.objects.filter(page=campaign).update(starts_on=T.date() - timedelta(days=4),
                                                        ends_on=T.date())  # fmt: skip
    set_fields(undated, created_at=T - timedelta(days=30), updated_at=T - timedelta(days=30))
    _entry, rule = rule_of("relay_organisers")

    purge_at(T + rule.term + timedelta(days=365))
    assert Activity.objects.get(pk=undated.pk).email.endswith("@anoniem.invalid")
