"""Applying the challenge's rules: signing up (double opt-in, teams, neutral duplicates),
confirming, the participant's goal and ticked-off days, unsubscribing, the public figures and
the daily support messages. Every change and its e-mail are written in one transaction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core.dates import dutch_date
from kennislab.core.db import with_lock_retries
from kennislab.core.errors import Refused
from kennislab.core.mail import absolute, queue_email
from kennislab.core.tokens import find_by_token, new_token

from . import rules
from .models import (
    ChallengePage,
    CheckIn,
    Participant,
    Participation,
    SentMessage,
    Status,
    SupportMessage,
    Team,
    Theme,
    key_hash,
    local_midnight,
)

CODE_ATTEMPTS = 5


@dataclass
class SignUp:
    participant: Participant
    token: str
    created: bool  # False: the address takes part already (a fresh link was mailed)


@dataclass
class Figures:
    participants: int
    teams: int
    per_theme: list[tuple[str, int]]
    days_ticked: int


def figures(page: ChallengePage) -> Figures:
    """The edition's public figures: counts of confirmed participants only, never names."""
    confirmed = Participant.objects.filter(page_id=page.pk, status=Status.CONFIRMED)
    counts = dict(confirmed.values_list("theme").annotate(count=Count("id")))
    # teams with at least one confirmed member: distinct team ids of the confirmed (one scan of
    # the participants, not a DISTINCT over every column of the teams joined to them)
    totals = confirmed.aggregate(participants=Count("id"), teams=Count("team", distinct=True))
    return Figures(
        participants=totals["participants"],
        teams=totals["teams"],
        per_theme=[(label, counts.get(value, 0)) for value, label in Theme.choices],
        days_ticked=CheckIn.objects.filter(
            participant__page_id=page.pk, participant__status=Status.CONFIRMED
        ).count(),
    )


def team_members(team: Team) -> int:
    return team.members.filter(status=Status.CONFIRMED).count()


def email_key(email: str) -> str:
    return email.strip().lower()


def closed_message(state: str) -> str:
    if state == rules.NOT_OPEN:
        return _("Aanmelden kan nog niet. Kom terug zodra de aanmelding opengaat.")
    return _("Aanmelden voor deze editie kan niet meer: de aanmelding is gesloten.")


def unknown_code_message() -> str:
    return _(
        "Deze teamcode kennen we niet voor deze editie. Controleer de code in de uitnodiging "
        "(8 tekens, letters en cijfers) of vraag de teamstarter om de link."
    )


def find_team(page: ChallengePage, code: str) -> Team | None:
    code = rules.normalise_code(code)
    if len(code) != rules.CODE_LENGTH:
        return None
    return Team.objects.filter(page_id=page.pk, code=code).first()


def new_code() -> str:
    return "".join(secrets.choice(rules.CODE_ALPHABET) for _ in range(rules.CODE_LENGTH))


def _create_team(page: ChallengePage, name: str) -> Team:
    for _attempt in range(CODE_ATTEMPTS):
        code = new_code()
        if not Team.objects.filter(code=code).exists():
            return Team.objects.create(page=page, name=name, code=code)
    raise RuntimeError("no free team code")  # pragma: no cover — 31^8 codes


# --- signing up -----------------------------------------------------------------------------------


def sign_up(page_id: int, data: dict, consent_text: str) -> SignUp:
    """Sign someone up (pending until they open the link in the welcome e-mail). An address that
    takes part already gets a fresh private link by e-mail and nothing new is stored; the caller
    shows the same answer either way. Raises Refused (sign-up closed, unknown team code)."""
    return with_lock_retries(lambda: _sign_up(page_id, data, consent_text))


def _sign_up(page_id, data, consent_text):
    with transaction.atomic():
        page = ChallengePage.objects.get(pk=page_id)
        state = page.signup_state()
        if state != rules.OPEN:
            raise Refused(closed_message(state))
        team = None
        if data["participation"] == Participation.JOIN_TEAM:
            team = find_team(page, data.get("team_code", ""))
            if team is None:
                raise Refused(unknown_code_message(), field="team_code")
        key = email_key(data["email"])
        existing = Participant.objects.filter(page=page, email_key=key).first()
        if existing is not None:
            return _send_new_link(existing)
        token, hashed = new_token()
        try:
            with transaction.atomic():  # a concurrent double submit rolls back this part only
                if data["participation"] == Participation.START_TEAM:
                    team = _create_team(page, data["team_name"])
                participant = Participant.objects.create(
                    page=page,
                    name=data["name"],
                    email=data["email"].strip(),
                    email_key=key,
                    theme=data["theme"],
                    goal=data["goal"],
                    participation=data["participation"],
                    team=team,
                    province=data.get("province", ""),
                    consent_text=consent_text,
                    impact_consent=bool(data.get("impact_consent")),
                    token_hash=hashed,
                    token_expires_at=page.links_expire_at(),
                )
        except IntegrityError:
            existing = Participant.objects.filter(page=page, email_key=key).first()
            if existing is None:
                raise
            return _send_new_link(existing)
        notify(participant, "welcome", token)
    return SignUp(participant, token, created=True)


def _send_new_link(participant: Participant) -> SignUp:
    """The address takes part already: a fresh private link (the old one stops working)."""
    token, hashed = new_token()
    participant.token_hash = hashed
    participant.token_expires_at = participant.page.links_expire_at()
    participant.save(update_fields=["token_hash", "token_expires_at"])
    notify(participant, "welcome" if participant.status == Status.PENDING else "new_link", token)
    return SignUp(participant, token, created=False)


# --- the private link -----------------------------------------------------------------------------


def by_token(token: str) -> Participant | None:
    return find_by_token(Participant.objects.select_related("page", "team"), token)


def by_unsubscribe_key(key: str) -> Participant | None:
    """The participant whose unsubscribe link carries `key` (compared by hash; a key from before
    keys were hashed matches its stored hash too), while the edition's links work."""
    if not key or len(key) > 100:
        return None
    hashed = key_hash(key)
    participant = (
        Participant.objects.select_related("page")
        .filter(Q(unsubscribe_hash=hashed) | Q(old_unsubscribe_hash=hashed))
        .first()
    )
    if participant is None or participant.token_expires_at < timezone.now():
        return None
    return participant


def confirm(participant: Participant) -> bool:
    """Confirm the sign-up (double opt-in: the button on the private link's page). Whether this
    call confirmed (False: it was confirmed already)."""
    now = timezone.now()
    changed = Participant.objects.filter(pk=participant.pk, status=Status.PENDING).update(
        status=Status.CONFIRMED, confirmed_at=now
    )
    if changed:
        participant.status, participant.confirmed_at = Status.CONFIRMED, now
    return bool(changed)


def update_goal(participant: Participant, theme: str, goal: str) -> None:
    participant.theme, participant.goal = theme, goal
    participant.save(update_fields=["theme", "goal"])


def ticked_days(participant: Participant) -> set[int]:
    return set(participant.checkins.values_list("day", flat=True))


def save_check_ins(participant: Participant, days: set[int], today: date | None = None) -> None:
    """Make the ticked-off days exactly `days` (among the days up to today). Raises Refused for
    a day after today (nothing is changed then)."""
    today = today or timezone.localdate()
    open_days = rules.days_open_for_check_in(participant.page.starts_on, today)
    if any(day < 1 or day > open_days for day in days):
        if open_days == 0:
            raise Refused(_("De uitdaging is nog niet begonnen; afvinken kan vanaf dag 1."))
        raise Refused(
            _("Je kunt alleen dagen afvinken tot en met vandaag (dag %(day)s).")
            % {"day": open_days}
        )
    with transaction.atomic():
        participant.checkins.exclude(day__in=days).delete()
        CheckIn.objects.bulk_create(
            [CheckIn(participant=participant, day=day) for day in sorted(days)],
            ignore_conflicts=True,
        )


def set_subscribed(participant: Participant, subscribed: bool) -> None:
    participant.subscribed = subscribed
    participant.unsubscribed_at = None if subscribed else timezone.now()
    participant.save(update_fields=["subscribed", "unsubscribed_at"])


def purge_unconfirmed(now=None) -> int:
    """Remove sign-ups that were not confirmed within rules.PENDING_DAYS, and the teams they
    started that nobody joined. Returns how many sign-ups were removed. Idempotent."""
    cutoff = (now or timezone.now()) - timedelta(days=rules.PENDING_DAYS)
    with transaction.atomic():
        stale = Participant.objects.filter(status=Status.PENDING, created_at__lt=cutoff)
        teams = set(stale.exclude(team=None).values_list("team_id", flat=True))
        _total, per_model = stale.delete()
        Team.objects.filter(pk__in=teams, members=None).delete()
    return per_model.get(Participant._meta.label, 0)


# --- the daily support messages -------------------------------------------------------------------


def send_support_messages(today: date | None = None) -> int:
    """Queue the support messages due today (idempotent: SentMessage records every one, so a
    second run, or a run from cron as well as from the worker, sends nothing twice)."""
    today = today or timezone.localdate()
    sent = 0
    for page in ChallengePage.objects.live().order_by("pk"):
        day = rules.due_day(page.starts_on, today)
        if day is None:
            continue
        sent += _send_day(page, day)
    return sent


def _send_day(page: ChallengePage, day: int) -> int:
    dated = rules.day_date(page.starts_on, day)
    messages = {message.theme: message for message in SupportMessage.objects.filter(day=day)}
    already = set(
        SentMessage.objects.filter(participant__page=page, day=day).values_list(
            "participant_id", flat=True
        )
    )
    candidates = Participant.objects.filter(
        page=page,
        status=Status.CONFIRMED,
        subscribed=True,
        created_at__lt=local_midnight(dated + timedelta(days=1)),
    ).order_by("pk")
    sent = 0
    for participant in candidates.iterator():
        eligible = rules.is_eligible(
            status=participant.status,
            subscribed=participant.subscribed,
            signed_up_on=timezone.localdate(participant.created_at),
            day_date=dated,
            already_sent=participant.pk in already,
        )
        message = rules.choose_message(messages, participant.theme)
        if not eligible or message is None:
            continue
        try:
            with transaction.atomic():
                SentMessage.objects.create(participant=participant, day=day, message=message)
                send_support(participant, message, day)
        except IntegrityError:  # another run sent it just now
            continue
        sent += 1
    return sent


def placeholder_values(participant: Participant, day: int) -> dict:
    return {
        "naam": participant.name,
        "doel": participant.goal,
        "dag": day,
        "thema": participant.get_theme_display().lower(),
    }


def send_support(participant: Participant, message: SupportMessage, day: int) -> None:
    values = placeholder_values(participant, day)
    queue_email(
        participant.email,
        rules.fill_placeholders(message.subject, values),
        "challenge/email/support.txt",
        {
            "participant": participant,
            "page": participant.page,
            "text": rules.fill_placeholders(message.body, values),
            "unsubscribe": unsubscribe_link(participant),
        },
        topic=f"uitdaging-{participant.page_id}-dag-{day}",
        headers=unsubscribe_headers(participant),
    )


# --- mail -----------------------------------------------------------------------------------------


def private_link(token: str) -> str:
    return absolute(reverse("challenge:participant", args=[token]))


def unsubscribe_link(participant: Participant) -> str:
    return absolute(reverse("challenge:unsubscribe", args=[participant.unsubscribe_key]))


def team_link(participant: Participant) -> str:
    if participant.team is None:
        return ""
    return absolute(reverse("challenge:team", args=[participant.page.slug, participant.team.code]))


def unsubscribe_headers(participant: Participant) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer "unsubscribe" and POST it in one click."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_link(participant)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def subject(kind: str, title: str) -> str:
    subjects = {
        "welcome": _("Bevestig je deelname aan %(title)s"),
        "new_link": _("Je nieuwe persoonlijke link voor %(title)s"),
    }
    return subjects[kind] % {"title": title}


def notify(participant: Participant, kind: str, token: str) -> None:
    page = participant.page
    queue_email(
        participant.email,
        subject(kind, page.title),
        f"challenge/email/{kind}.txt",
        {
            "participant": participant,
            "page": page,
            "link": private_link(token),
            "team_link": team_link(participant),
            "unsubscribe": unsubscribe_link(participant),
            "starts": dutch_date(page.starts_on),
            "ends": dutch_date(page.ends_on),
        },
        topic=f"uitdaging-{page.pk}",
        headers=unsubscribe_headers(participant),
    )
