"""Applying the impact follow-up's rules (impact_rules.py): the daily invitations and reminders,
the private link's page (answer once, or say "no thanks"), and the figures per good example,
per voucher scheme and per challenge edition.

Every invitation is an ImpactInvitation row with a one-to-one link to its voucher application
or challenge participant, written in the same transaction as its e-mail: a second run of the
daily job (or cron as well as the worker) finds the row and sends nothing again. The reminder is
claimed with a conditional UPDATE in the transaction of its e-mail, so it goes out once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core.dates import dutch_date
from kennislab.core.db import with_lock_retries
from kennislab.core.errors import Refused
from kennislab.core.mail import absolute, queue_email
from kennislab.core.tokens import MAX_TOKEN_LENGTH, token_hash

from . import impact_rules as rules
from . import results
from .models import ImpactInvitation, ImpactKind, SurveyPage, SurveyResponse, today_at_midnight

SCALE_KIND = "scale"
OPEN_KINDS = ("singleline", "multiline")
DEFAULT_POINTS = 5


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _open_surveys(page_ids, now) -> dict[int, SurveyPage]:
    """The impact surveys among `page_ids` that are live and open now."""
    pages = SurveyPage.objects.live().filter(pk__in=set(page_ids) - {None})
    return {page.pk: page for page in pages if page.state(now) == "open"}


# --- the daily job ---------------------------------------------------------------------------


def send_due(today: date | None = None) -> int:
    """Queue every invitation and reminder due today; how many e-mails. Idempotent."""
    today = today or timezone.localdate()
    return (
        send_voucher_invitations(today) + send_challenge_invitations(today) + send_reminders(today)
    )


def send_voucher_invitations(today: date) -> int:
    from kennislab.vouchers.models import Application, Status

    now = timezone.now()
    # the rule decides; the query only leaves out what can never be due today
    earliest = rules.add_months(today, -rules.VOUCHER_MONTHS) - timedelta(days=rules.LATE_DAYS + 1)
    candidates = (
        Application.objects.filter(
            status=Status.CONFIRMED, impact_consent=True, scheme__impact_survey__isnull=False,
            impact_invitation__isnull=True, decided_at__gte=local_midnight(earliest),
            decided_at__lt=local_midnight(today + timedelta(days=1)),
        )
        .select_related("scheme", "example")
        .order_by("pk")
    )  # fmt: skip
    candidates = list(candidates)
    surveys = _open_surveys([c.scheme.impact_survey_id for c in candidates], now)
    sent = 0
    for application in candidates:
        candidate = rules.Candidate(
            due_on=rules.voucher_due_on(timezone.localdate(application.decided_at)),
            consent=application.impact_consent,
            email=application.email,
            survey_open=application.scheme.impact_survey_id in surveys,
            invited=False,
        )
        if rules.invitation_due(candidate, today):
            page = surveys[application.scheme.impact_survey_id]
            sent += _invite(page, today, application=application)
    return sent


def send_challenge_invitations(today: date) -> int:
    from kennislab.challenge.models import ChallengePage, Participant, Status
    from kennislab.challenge.rules import CHALLENGE_DAYS

    now = timezone.now()
    sent = 0
    # editions whose day 30 + 14 days lies between LATE_DAYS ago and today
    first_start = today - timedelta(
        days=rules.LATE_DAYS + rules.CHALLENGE_DAYS_AFTER_END + CHALLENGE_DAYS
    )
    editions = ChallengePage.objects.live().filter(
        impact_survey__isnull=False, starts_on__gte=first_start, starts_on__lte=today
    )
    for edition in editions.order_by("pk"):
        surveys = _open_surveys([edition.impact_survey_id], now)
        due_on = rules.challenge_due_on(edition.ends_on)
        participants = Participant.objects.filter(
            page=edition, status=Status.CONFIRMED, impact_consent=True,
            impact_invitation__isnull=True,
        ).select_related("page").order_by("pk")  # fmt: skip
        for participant in participants:
            candidate = rules.Candidate(
                due_on=due_on, consent=participant.impact_consent, email=participant.email,
                survey_open=edition.impact_survey_id in surveys, invited=False,
            )  # fmt: skip
            if rules.invitation_due(candidate, today):
                sent += _invite(surveys[edition.impact_survey_id], today, participant=participant)
    return sent


def _invite(page: SurveyPage, today: date, application=None, participant=None) -> int:
    """Write one invitation and its e-mail (1), or nothing when another run just did (0)."""
    kind = ImpactKind.VOUCHER if application is not None else ImpactKind.CHALLENGE
    try:
        with transaction.atomic():
            invitation = ImpactInvitation.objects.create(
                page=page, kind=kind, application=application, participant=participant,
                expires_at=local_midnight(rules.link_expires_on(today) + timedelta(days=1)),
            )  # fmt: skip
            notify(invitation, reminder=False)
    except IntegrityError:  # another run invited this person just now
        return 0
    return 1


def send_reminders(today: date) -> int:
    now = timezone.now()
    latest = local_midnight(today - timedelta(days=rules.REMINDER_DAYS - 1))
    waiting = list(
        ImpactInvitation.objects.filter(
            reminded_at__isnull=True, responded_at__isnull=True, declined_at__isnull=True,
            sent_at__lt=latest, expires_at__gt=now,
        ).select_related("page", "application__scheme", "application__example",
                         "participant__page").order_by("pk")
    )  # fmt: skip
    surveys = _open_surveys([invitation.page_id for invitation in waiting], now)
    sent = 0
    for invitation in waiting:
        if not rules.reminder_due(sent_state(invitation, invitation.page_id in surveys), today):
            continue
        with transaction.atomic():
            claimed = ImpactInvitation.objects.filter(
                pk=invitation.pk, reminded_at__isnull=True, responded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                notify(invitation, reminder=True)
                sent += 1
    return sent


def sent_state(invitation: ImpactInvitation, survey_open: bool) -> rules.Sent:
    return rules.Sent(
        sent_on=timezone.localdate(invitation.sent_at),
        expires_on=expires_on(invitation),
        responded=invitation.responded_at is not None,
        declined=invitation.declined_at is not None,
        reminded=invitation.reminded_at is not None,
        email=address_of(invitation),
        survey_open=survey_open,
    )


def expires_on(invitation: ImpactInvitation) -> date:
    """The link's last day (expires_at is the midnight after it)."""
    return timezone.localdate(invitation.expires_at) - timedelta(days=1)


def address_of(invitation: ImpactInvitation) -> str:
    subject = invitation.application or invitation.participant
    return subject.email if subject is not None else ""


# --- mail ------------------------------------------------------------------------------------


def link(invitation: ImpactInvitation) -> str:
    name = "vouchers:impact" if invitation.kind == ImpactKind.VOUCHER else "challenge:impact"
    return absolute(reverse(name, args=[invitation.key]))


def subject(invitation: ImpactInvitation, reminder: bool) -> str:
    if invitation.kind == ImpactKind.VOUCHER:
        text = _("Wat heeft de kennisvoucher opgeleverd? (%(reference)s)") % {
            "reference": invitation.application.reference
        }
    else:
        text = _("Hoe gaat het na %(title)s?") % {"title": invitation.participant.page.title}
    return _("Herinnering: %(subject)s") % {"subject": text} if reminder else text


def notify(invitation: ImpactInvitation, reminder: bool) -> None:
    kind = invitation.kind
    queue_email(
        address_of(invitation),
        subject(invitation, reminder),
        f"surveys/email/impact_{kind}.txt",
        {
            "invitation": invitation,
            "application": invitation.application,
            "participant": invitation.participant,
            "survey": invitation.page,
            "link": link(invitation),
            "expires": dutch_date(expires_on(invitation)),
            "reminder": reminder,
        },
        topic=f"effect-{kind}-{invitation.pk}",
    )


# --- the private link's page -----------------------------------------------------------------


def by_key(key: str, kind: str) -> ImpactInvitation | None:
    """The invitation whose link carries `key` (compared by hash), of this kind; None for an
    empty, unknown or overlong key. Whether it still works is may_answer's question."""
    if not key or len(key) > MAX_TOKEN_LENGTH:
        return None
    return (
        ImpactInvitation.objects.select_related("page", "application__example", "participant__page")
        .filter(key_hash=token_hash(key), kind=kind)
        .first()
    )


def page_state(invitation: ImpactInvitation, now: datetime | None = None) -> str:
    now = now or timezone.now()
    survey_state = invitation.page.state(now) if invitation.page.live else "closed"
    return rules.may_answer(
        responded=invitation.responded_at is not None,
        expires_on=expires_on(invitation),
        survey_state=survey_state,
        today=timezone.localdate(now),
    )


def record_response(invitation_id: int, answers: dict, region: str, quote_consent: bool):
    """Store the one response of an invitation. Raises Refused (answered already, the link or
    the survey closed meanwhile); nothing is stored then."""
    return with_lock_retries(
        lambda: _record_response(invitation_id, answers, region, quote_consent)
    )


def _record_response(invitation_id, answers, region, quote_consent):
    with transaction.atomic():
        invitation = ImpactInvitation.objects.select_for_update().get(pk=invitation_id)
        state = page_state(invitation)
        if state == "answered":
            raise Refused(_("Je hebt deze vragenlijst al ingevuld. Er is niets opgeslagen."))
        if state != "answer":
            raise Refused(_("Deze vragenlijst is gesloten. Er is niets opgeslagen."))
        response = SurveyResponse.objects.create(
            page_id=invitation.page_id, form_data=answers, region=region,
            submit_time=today_at_midnight(),
        )  # fmt: skip
        invitation.response = response
        invitation.responded_at = timezone.now()
        invitation.quote_consent = bool(quote_consent) and invitation.kind == ImpactKind.VOUCHER
        invitation.save(update_fields=["response", "responded_at", "quote_consent"])
    return invitation


def decline(invitation: ImpactInvitation) -> bool:
    """Say "no thanks": no reminder then. Whether this call changed anything."""
    changed = ImpactInvitation.objects.filter(
        pk=invitation.pk, declined_at__isnull=True, responded_at__isnull=True
    ).update(declined_at=timezone.now())
    return bool(changed)


# --- the figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    """Which questions of a survey give the score and the quote."""

    score: results.Question | None
    quote: results.Question | None

    @property
    def points(self) -> int:
        return len(self.score.choices) if self.score and self.score.choices else DEFAULT_POINTS


def keys_of(page: SurveyPage) -> Keys:
    """The first scale question gives the score, the first open question the quote."""
    questions = page.questions()
    score = next((q for q in questions if q.kind == SCALE_KIND), None)
    quote = next((q for q in questions if q.kind in OPEN_KINDS), None)
    return Keys(score, quote)


def score_of(answers: dict, keys: Keys) -> int | None:
    value = answers.get(keys.score.key) if keys.score else None
    return int(value) if isinstance(value, str) and value.isdigit() else None


def quote_of(answers: dict, keys: Keys) -> str:
    value = answers.get(keys.quote.key) if keys.quote else ""
    return value.strip() if isinstance(value, str) else ""


def answers_of(invitations, group) -> tuple[list[rules.Answer], int]:
    """(plain answers, the scale's points) of answered invitations; `group(invitation)` says
    which good example (or edition) each is about. Each survey's own keys are used."""
    keys_by_page: dict[int, Keys] = {}
    out, points = [], DEFAULT_POINTS
    for invitation in invitations:
        if invitation.response is None:
            continue
        page_keys = keys_by_page.get(invitation.page_id)
        if page_keys is None:
            page_keys = keys_by_page[invitation.page_id] = keys_of(invitation.page)
        points = page_keys.points
        data = invitation.response.form_data or {}
        out.append(rules.Answer(
            group=group(invitation), score=score_of(data, page_keys),
            quote=quote_of(data, page_keys),
            quotable=invitation.quote_consent and invitation.quote_shown,
            day=timezone.localdate(invitation.response.submit_time),
        ))  # fmt: skip
    return out, points


def answered(queryset):
    return (
        queryset.filter(response__isnull=False)
        .select_related("page", "response")
        .order_by("responded_at", "pk")
    )


def example_summary(example) -> rules.Summary:
    """The public figures of a good example (GoodExamplePage)."""
    from kennislab.vouchers.models import Application, Status

    used_by = (
        Application.objects.filter(example=example, status=Status.CONFIRMED)
        .values("organisation_key")
        .distinct()
        .count()
    )
    invitations = answered(ImpactInvitation.objects.filter(application__example=example))
    answers, points = answers_of(invitations, lambda invitation: example.pk)
    return rules.summarise(used_by, answers, points)


# --- reports for staff ---------------------------------------------------------------------------


@dataclass
class Row:
    """One good example in a scheme's report."""

    title: str
    used_by: int
    responses: int
    mean: float | None
    width: int = 0  # of the chart's bar


@dataclass
class Report:
    title: str
    survey: SurveyPage | None
    eligible: int  # definitively granted (or confirmed participants)
    consenting: int  # of which asked for the survey
    invited: int
    reminded: int
    responded: int
    declined: int
    mean: float | None
    points: int
    bars: list[rules.Bar]
    rows: list[Row] = field(default_factory=list)
    quotes: list[ImpactInvitation] = field(default_factory=list)

    @property
    def rate(self) -> int:
        return rules.response_rate(self.invited, self.responded)


BAR_WIDTH = 240


def _counts(invitations) -> dict[str, int]:
    return {
        "invited": invitations.count(),
        "reminded": invitations.filter(reminded_at__isnull=False).count(),
        "responded": invitations.filter(responded_at__isnull=False).count(),
        "declined": invitations.filter(declined_at__isnull=False, responded_at__isnull=True)
        .count(),
    }  # fmt: skip


def scheme_report(scheme) -> Report:
    """A voucher scheme's impact for staff: who could be asked, was asked, answered; the scores
    (a chart), the figures per good example and every quote that may be shown."""
    from kennislab.vouchers.models import Application, GoodExamplePage, Status

    confirmed = Application.objects.filter(scheme=scheme, status=Status.CONFIRMED)
    invitations = ImpactInvitation.objects.filter(application__scheme=scheme)
    done = list(answered(invitations).select_related("application__example"))
    answers, points = answers_of(done, lambda invitation: invitation.application.example_id)
    if scheme.impact_survey_id and not done:
        points = keys_of(scheme.impact_survey).points
    scores = [answer.score for answer in answers if answer.score is not None]
    per_example = defaultdict(list)
    for answer in answers:
        per_example[answer.group].append(answer)
    used = defaultdict(set)
    for example_id, key in confirmed.values_list("example_id", "organisation_key"):
        used[example_id].add(key)
    example_ids = set(used) | set(per_example)
    titles = dict(GoodExamplePage.objects.filter(pk__in=example_ids).values_list("pk", "title"))
    rows = []
    for example_id in sorted(example_ids, key=lambda pk: titles.get(pk, "")):
        mean = rules.mean_score(a.score for a in per_example[example_id] if a.score is not None)
        rows.append(Row(
            title=titles.get(example_id, f"#{example_id}"), used_by=len(used[example_id]),
            responses=len(per_example[example_id]), mean=mean,
            width=round(BAR_WIDTH * (mean or 0) / points),
        ))  # fmt: skip
    keys_by_page = {}
    quotes = []
    for invitation in done:
        if not invitation.quote_consent:
            continue
        page_keys = keys_by_page.setdefault(invitation.page_id, keys_of(invitation.page))
        invitation.quote_text = quote_of(invitation.response.form_data or {}, page_keys)
        if invitation.quote_text:
            quotes.append(invitation)
    return Report(
        title=scheme.title, survey=scheme.impact_survey,
        eligible=confirmed.count(), consenting=confirmed.filter(impact_consent=True).count(),
        **_counts(invitations), mean=rules.mean_score(scores), points=points,
        bars=rules.distribution(scores, points), rows=rows, quotes=quotes,
    )  # fmt: skip


def edition_report(edition) -> Report:
    """A challenge edition's impact for staff (no quotes: they are never shown publicly)."""
    from kennislab.challenge.models import Participant, Status

    confirmed = Participant.objects.filter(page=edition, status=Status.CONFIRMED)
    invitations = ImpactInvitation.objects.filter(participant__page=edition)
    done = list(answered(invitations))
    answers, points = answers_of(done, lambda invitation: edition.pk)
    if edition.impact_survey_id and not done:
        points = keys_of(edition.impact_survey).points
    scores = [answer.score for answer in answers if answer.score is not None]
    return Report(
        title=edition.title, survey=edition.impact_survey,
        eligible=confirmed.count(), consenting=confirmed.filter(impact_consent=True).count(),
        **_counts(invitations), mean=rules.mean_score(scores), points=points,
        bars=rules.distribution(scores, points),
    )  # fmt: skip


def show_quote(invitation_id: int, shown: bool) -> bool:
    """Put a quote on the good example's page (or take it off). Only a quote its respondent
    allowed; whether anything changed."""
    changed = (
        ImpactInvitation.objects.filter(
            pk=invitation_id, quote_consent=True, response__isnull=False
        )
        .exclude(quote_shown=shown)
        .update(quote_shown=shown)
    )
    return bool(changed)


# --- exports -----------------------------------------------------------------------------------


def export_rows(invitations, questions: list[results.Question], kind: str):
    """The heading row, then a row per response: for vouchers the reference, organisation and
    good example (the scheme's accountability), for the challenge nothing about the person."""
    voucher = kind == ImpactKind.VOUCHER
    heading = [_("Ingevuld op")]
    if voucher:
        heading = [_("Kenmerk"), _("Organisatie"), _("Goed voorbeeld"), *heading,
                   _("Citaat toegestaan")]  # fmt: skip
    yield [*heading, *(question.label for question in questions)]
    for invitation in invitations:
        data = invitation.response.form_data or {}
        day = timezone.localdate(invitation.response.submit_time)
        row = [day]
        if voucher:
            application = invitation.application
            row = [application.reference, application.organisation, application.example.title,
                   day, _("ja") if invitation.quote_consent else _("nee")]  # fmt: skip
        yield [*row, *(results.display(question, data.get(question.key)) for question in questions)]


def questions_for_export(invitations, survey: SurveyPage | None) -> list[results.Question]:
    """The questions of the surveys the responses answered (the scheme's survey first), each key
    once."""
    pages = {invitation.page_id: invitation.page for invitation in invitations}
    if survey is not None:
        pages = {survey.pk: survey, **pages}
    seen, out = set(), []
    for page in pages.values():
        for question in page.questions():
            if question.key not in seen:
                seen.add(question.key)
                out.append(question)
    return out
