"""Applying the vignet rules: drafts, submission, assessment steps, awards, renewals, reminders.

Every change is one transaction that locks the application row (select_for_update; SQLite's
IMMEDIATE transactions take the write lock at BEGIN), checks the step against workflow.STEPS,
writes the change and the audit log and queues the e-mail — all or nothing. So a double click on
"Toekennen" awards one vignet, and a draft being saved cannot race its own submission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.challenge import rules as challenge_rules
from kennislab.challenge.models import Participant, Participation, Team
from kennislab.challenge.models import Status as ParticipantStatus
from kennislab.core import terms, uploads
from kennislab.core.db import with_lock_retries
from kennislab.core.mail import absolute, queue_email, reply_address
from kennislab.core.tokens import find_by_token, new_token
from kennislab.core.workflow import ensure_unchanged

from . import challenge_link, criteria, workflow
from .models import (
    Activity,
    Application,
    Event,
    Evidence,
    Status,
    TeamLink,
    TeamLinkStatus,
    Vignet,
)

DRAFT_LINK_DAYS = 180  # a draft link works this long after the last save
HOLDER_LINK_DAYS = 3 * 365
APPLICANT = "aanvrager"
SYSTEM = "systeem"
# Reminders: when the renewal window opens (three months before expiry) and one month before.
REMINDER_MONTHS_BEFORE_EXPIRY = (criteria.RENEWAL_WINDOW_MONTHS, 1)

NotAllowed = workflow.NotAllowed


# --- drafts ---------------------------------------------------------------------------------


@dataclass
class Draft:
    """What a step of the form hands over: the application's fields it asked, its activities
    (dicts with theme, title, start, end, participants, target_group_size; None: a step without
    them, the stored ones stay), new evidence files (Django UploadedFile with checked
    content_type) and evidence to remove. Fields not named stay as they are."""

    fields: dict
    activities: list[dict] | None = None
    new_files: list = field(default_factory=list)
    remove_evidence: list[int] = field(default_factory=list)


def save_draft(draft: Draft, application: Application | None = None, consent_text: str = "",
               renewal_of: Vignet | None = None) -> tuple[Application, str | None]:  # fmt: skip
    """Create or update a draft: (application, new private token or None when it existed)."""
    return with_lock_retries(lambda: _save_draft(draft, application, consent_text, renewal_of))


def _save_draft(draft, application, consent_text, renewal_of):
    now = timezone.now()
    token = None
    # All or nothing: new evidence files are removed again when the draft is not saved (a full
    # disk raises uploads.UploadNotStored); removed evidence leaves the disk only after commit.
    with uploads.stored_together() as written, transaction.atomic():
        if application is None:
            token, hashed = new_token()
            application = Application(
                token_hash=hashed,
                consent=True,
                consent_text=consent_text,
                renewal_of=renewal_of,
                created_at=now,
            )
        else:
            application = Application.objects.select_for_update().get(pk=application.pk)
            if not application.editable_by_applicant:
                raise NotAllowed(_("Deze aanvraag is ingediend en kan niet meer worden gewijzigd."))
        for name, value in draft.fields.items():
            setattr(application, name, value)
        application.updated_at = now
        application.token_expires_at = now + timedelta(days=DRAFT_LINK_DAYS)
        application.save()
        if draft.activities is not None:  # the applicant's rows (a team's stay as they are)
            application.activities.filter(team_link__isnull=True).delete()
            Activity.objects.bulk_create(
                Activity(application=application, position=position, **row)
                for position, row in enumerate(draft.activities)
            )
        if draft.remove_evidence:
            for evidence in application.evidence.filter(pk__in=draft.remove_evidence):
                storage, name = evidence.file.storage, evidence.file.name
                evidence.delete()
                transaction.on_commit(partial(storage.delete, name))
        for upload in draft.new_files:
            evidence = Evidence(
                application=application,
                name=upload.name[:200],
                content_type=upload.content_type,
                size=upload.size,
            )
            written.save(evidence.file, upload.name, upload)
            evidence.save()
        if token:
            log(application, "", Status.DRAFT, "created", _("Concept aangemaakt."),
                actor_label=APPLICANT)  # fmt: skip
            notify(application, "draft_saved", token=token)
    application.__dict__.pop("activity_list", None)
    return application, token


def by_token(token: str) -> Application | None:
    return find_by_token(Application.objects.select_related("renewal_of"), token)


def verdict_of(application: Application, today=None) -> criteria.Verdict | None:
    """The engine's verdict on the application as it is now (None when it cannot be read, for
    example a draft without a target group yet)."""
    try:
        return criteria.assess_data(application.as_criteria_data(today), today=today)
    except criteria.InvalidApplication:
        return None


# --- workflow steps -------------------------------------------------------------------------


def submit(application_id: int) -> Application:
    """The applicant submits (a draft, or the completion asked for)."""
    return take_step(application_id, "submit", actor="applicant")


def take_step(application_id: int, action: str, note: str = "", user=None,
              actor: str = "assessor",
              expected_status: str | None = None) -> Application:  # fmt: skip
    """Take one step of workflow.STEPS. Raises workflow.NotAllowed (Dutch message), and
    core.workflow.Stale when the application no longer has `expected_status` (the status the
    assessor saw: someone else took a step meanwhile)."""
    return with_lock_retries(
        lambda: _take_step(application_id, action, note, user, actor, expected_status)
    )


def _take_step(application_id, action, note, user, actor, expected_status=None):
    with transaction.atomic():
        # of=("self",): PostgreSQL cannot lock the nullable side of the join to renewal_of
        application = (
            Application.objects.select_for_update(of=("self",)).select_related("renewal_of")
            .get(pk=application_id)
        )  # fmt: skip
        ensure_unchanged(application.status, expected_status, application.get_status_display())
        step = workflow.step_for(application.status, action, actor)
        if step.note_required and not note.strip():
            raise NotAllowed(_("Schrijf een toelichting; de aanvrager leest die in de e-mail."))
        now = timezone.now()
        old = application.status
        application.status = step.target
        token = None
        if action == "submit":
            try:
                verdict = criteria.assess_data(application.as_criteria_data())
            except criteria.InvalidApplication as invalid:  # the form prevents this
                raise NotAllowed(
                    _("De aanvraag is nog niet compleet: %(problems)s")
                    % {"problems": "; ".join(message for _field, message in invalid.problems)}
                ) from None
            application.verdict = verdict.as_dict()
            application.submitted_at = now
            if not application.reference:
                application.reference = f"VV-{timezone.localtime(now):%Y}-{application.pk:04d}"
        elif action == "start":
            application.assessor = user
        elif action == "request_info":
            token, application.token_hash = new_token()
            application.token_expires_at = now + timedelta(days=DRAFT_LINK_DAYS)
            application.decision_note = note
        elif action in ("award", "reject"):
            application.decided_at = now
            application.decision_note = note
        application.save()
        label = APPLICANT if actor == "applicant" else (user.get_username() if user else SYSTEM)
        log(application, old, application.status, action, note, user=user, actor_label=label)
        vignet = award(application, now) if action == "award" else None
        notify(application, action, token=token, vignet=vignet)
    return application


def award(application: Application, now) -> Vignet:
    """Award (or, for a renewal, extend) the vignet: valid for two years from today."""
    today = timezone.localdate(now)
    fields = {
        "organisation": application.organisation,
        "place": application.place,
        "province": application.province,
        "contact_name": application.contact_name,
        "email": application.email,
        "awarded_on": today,
        "valid_from": today,
        "valid_until": criteria.valid_until(today),
        "application": application,
        "reminders_sent": 0,
        "revoked_at": None,
        "revoked_reason": "",
    }
    if application.renewal_of_id:
        vignet = Vignet.objects.select_for_update().get(pk=application.renewal_of_id)
        for name, value in fields.items():
            setattr(vignet, name, value)
        vignet.save()
    else:
        vignet = Vignet.objects.create(first_awarded_on=today, **fields)
    return vignet


# --- holders and renewals -------------------------------------------------------------------


def holder_link(vignet: Vignet) -> str:
    """A fresh private link for the holder (only its hash is kept: every mail gets a new one,
    which replaces the one before)."""
    token, vignet.holder_token_hash = new_token()
    vignet.holder_token_expires_at = timezone.now() + timedelta(days=HOLDER_LINK_DAYS)
    vignet.save(update_fields=["holder_token_hash", "holder_token_expires_at"])
    return absolute(reverse("vignet:holder", args=[token]))


def vignet_by_holder_token(token: str) -> Vignet | None:
    return find_by_token(Vignet.objects.all(), token, field="holder_token_hash",
                         expires="holder_token_expires_at")  # fmt: skip


def renewal_refusal(vignet: Vignet, today=None) -> str | None:
    """Why a renewal cannot be started now (Dutch), or None."""
    today = today or timezone.localdate()
    if vignet.revoked_at:
        return _("Dit vignet is ingetrokken en kan niet worden verlengd.")
    opens = criteria.renewal_opens(vignet.awarded_on)
    if today < opens:
        return _("Verlengen kan vanaf %(date)s, drie maanden voor het vignet verloopt.") % {
            "date": criteria.dutch_date(opens)
        }
    return None


def start_renewal(vignet: Vignet, consent_text: str) -> tuple[Application, str | None]:
    """A renewal draft, filled in from the last application (no new baseline needed); when one
    is already in progress that one is returned (token None: the holder has its link)."""
    refusal = renewal_refusal(vignet)
    if refusal:
        raise NotAllowed(refusal)
    existing = vignet.renewal_in_progress()
    if existing is not None:
        return existing, None
    last = vignet.application
    fields = {
        name: getattr(last, name)
        for name in ("organisation", "place", "province", "contact_name", "email", "phone",
                     "target_group_size", "guidance_name", "guidance_organisation",
                     "guidance_description")
    }  # fmt: skip
    return save_draft(Draft(fields, [], [], []), None, consent_text, renewal_of=vignet)


def revoke(vignet_id: int, reason: str, user=None) -> Vignet:
    """Revoke a vignet (once: a second revocation is refused with workflow.NotAllowed)."""
    with transaction.atomic():
        vignet = Vignet.objects.select_for_update().get(pk=vignet_id)
        if vignet.revoked_at:
            raise NotAllowed(_("Dit vignet is al ingetrokken."))
        vignet.revoked_at = timezone.now()
        vignet.revoked_reason = reason
        vignet.save(update_fields=["revoked_at", "revoked_reason"])
    return vignet


def due_reminder(vignet: Vignet, today) -> int | None:
    """Which reminder (1 = window opens, 2 = a month before expiry) is due today and not sent
    yet, or None. A late first run sends only the latest one due."""
    if vignet.revoked_at or today > vignet.valid_until:
        return None
    due = None
    for number, months in enumerate(REMINDER_MONTHS_BEFORE_EXPIRY, start=1):
        if today >= criteria.add_months(vignet.valid_until, -months):
            due = number
    return due if due is not None and due > vignet.reminders_sent else None


def send_renewal_reminders(today=None) -> int:
    """Queue the renewal reminders due today (idempotent: run it daily, or more often)."""
    today = today or timezone.localdate()
    sent = 0
    # A rough pre-selection; due_reminder decides. Not add_months(today, 3): month ends are
    # clamped (31 May − 3 months = 28 February, but 28 February + 3 months = 28 May), so that
    # would skip the day the window opens.
    latest = criteria.add_months(today, criteria.RENEWAL_WINDOW_MONTHS + 1)
    candidates = Vignet.objects.filter(
        revoked_at__isnull=True,
        valid_until__gte=today,
        valid_until__lte=latest,
        reminders_sent__lt=len(REMINDER_MONTHS_BEFORE_EXPIRY),
    )
    for vignet_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            vignet = Vignet.objects.select_for_update().get(pk=vignet_id)
            number = due_reminder(vignet, today)
            if number is None or vignet.renewal_in_progress() is not None:
                continue
            vignet.reminders_sent = number
            vignet.save(update_fields=["reminders_sent"])
            queue_email(
                vignet.email,
                _("Je Vignet Vitaal Bedrijf verloopt op %(date)s: verleng het op tijd")
                % {"date": criteria.dutch_date(vignet.valid_until)},
                "vignet/email/reminder.txt",
                {"vignet": vignet, "link": holder_link(vignet), "number": number},
                topic=f"vignet-{vignet.pk}",
            )
            sent += 1
    return sent


# --- 30DagenGezonder teams as evidence (challenge_link.py) ----------------------------------

TEAM_POSITION = 1000  # a team's activities come after the applicant's own rows


def team_members(team: Team) -> list[challenge_link.Member]:
    """The team's members as the rules need them, with their ticked-off days (one query)."""
    rows = (
        Participant.objects.filter(team=team)
        .annotate(days=Count("checkins"))
        .order_by("created_at", "pk")
        .values_list("pk", "theme", "status", "days", "participation")
    )
    return [
        challenge_link.Member(
            id=pk, theme=theme, confirmed=status == ParticipantStatus.CONFIRMED,
            days_ticked=days, started_team=participation == Participation.START_TEAM,
            order=order,
        )
        for order, (pk, theme, status, days, participation) in enumerate(rows)
    ]  # fmt: skip


def unknown_team_message() -> str:
    return _(
        "Deze teamcode kennen we niet. Controleer de code uit de uitnodiging van het team: 8 "
        "tekens, letters en cijfers (de laatste 8 tekens van de teamlink)."
    )


def request_team_link(application_id: int, code: str, today=None) -> TeamLink:
    """The applicant adds a 30DagenGezonder team by its invitation code: what the captain is
    asked to confirm is taken from the challenge now, and the captain gets a private link by
    e-mail (their address is read from the challenge, never stored or shown here). Raises
    NotAllowed with a Dutch message, and then nothing is stored."""
    return with_lock_retries(lambda: _request_team_link(application_id, code, today))


def _request_team_link(application_id, code, today):
    now = timezone.now()
    today = today or timezone.localdate(now)
    code = challenge_rules.normalise_code(code)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if not application.editable_by_applicant:
            raise NotAllowed(_("Deze aanvraag is ingediend en kan niet meer worden gewijzigd."))
        team = None
        if len(code) == challenge_rules.CODE_LENGTH:  # lock: one request per team at a time
            team = (
                Team.objects.select_for_update(of=("self",)).select_related("page")
                .filter(code=code).first()
            )  # fmt: skip
        if team is None:
            raise NotAllowed(unknown_team_message())
        earlier = TeamLink.objects.filter(team=team)
        own = earlier.filter(application=application).first()
        if own is not None:
            if own.status == TeamLinkStatus.DECLINED:
                raise NotAllowed(_("De teamcaptain van dit team heeft de koppeling met je "
                                   "aanvraag niet bevestigd."))  # fmt: skip
            raise NotAllowed(_("Dit team staat al bij je aanvraag."))
        taken = earlier.filter(status__in=(TeamLinkStatus.PENDING, TeamLinkStatus.CONFIRMED))
        if taken.exclude(application__status=Status.REJECTED).exists():
            raise NotAllowed(_("Dit team is al gekoppeld aan een andere vignetaanvraag. Een team "
                               "telt maar voor één aanvraag mee."))  # fmt: skip
        members = team_members(team)
        refusal = challenge_link.refusal(team.page.starts_on, members, today)
        if refusal:
            raise NotAllowed(refusal)
        captain = Participant.objects.get(pk=challenge_link.captain(members).id)
        starts_on, ends_on = challenge_link.edition_dates(team.page.starts_on)
        token, hashed = new_token()
        link = TeamLink.objects.create(
            application=application,
            team=team,
            edition=team.page.title,
            starts_on=starts_on,
            ends_on=ends_on,
            participants=challenge_link.participants_per_theme(members),
            requested_at=now,
            token_hash=hashed,
            token_expires_at=now + timedelta(days=challenge_link.LINK_DAYS),
        )
        log(application, application.status, application.status, "team_requested",
            _("%(team)s; de teamcaptain is gevraagd te bevestigen.") % {"team": team_note(link)},
            actor_label=APPLICANT)  # fmt: skip
        queue_email(
            captain.email,
            _("Telt jullie team mee voor het Vignet Vitaal Bedrijf van %(organisation)s?")
            % {"organisation": application.organisation},
            "vignet/email/team_request.txt",
            {
                "link": link,
                "application": application,
                "url": absolute(reverse("vignet:team-confirm", args=[token])),
                "shared": challenge_link.describe(link.participants),
                "expires": criteria.dutch_date(timezone.localdate(link.token_expires_at)),
                "min_days": challenge_link.MIN_DAYS,
            },
            topic=f"vignet-team-{link.pk}",
        )
    application.__dict__.pop("activity_list", None)
    return link


def team_note(link: TeamLink) -> str:
    """The audit log's note on a team (no team name: that stays with the challenge)."""
    return _("Team uit %(edition)s (%(shared)s)") % {
        "edition": link.edition,
        "shared": challenge_link.describe(link.participants),
    }


def team_link_by_token(token: str) -> TeamLink | None:
    return find_by_token(TeamLink.objects.select_related("application", "team"), token)


def decide_team_link(link_id: int, confirm: bool) -> TeamLink:
    """The captain confirms (the team becomes the application's activities, one per vignet
    theme) or declines. Once only; confirming needs an application that can still change."""
    return with_lock_retries(lambda: _decide_team_link(link_id, confirm))


def _decide_team_link(link_id, confirm):
    now = timezone.now()
    with transaction.atomic():
        # the application first, then the link: the order every other step locks them in
        application_id = TeamLink.objects.values_list("application_id", flat=True).get(pk=link_id)
        application = Application.objects.select_for_update().get(pk=application_id)
        link = TeamLink.objects.select_for_update().get(pk=link_id)
        if link.status != TeamLinkStatus.PENDING:
            raise NotAllowed(_("Hierover is al besloten: %(status)s.")
                             % {"status": link.get_status_display().lower()})  # fmt: skip
        if confirm and not application.editable_by_applicant:
            raise NotAllowed(_("De aanvraag is al ingediend zonder dit team; bevestigen kan niet "
                               "meer. Er wordt niets gedeeld."))  # fmt: skip
        link.status = TeamLinkStatus.CONFIRMED if confirm else TeamLinkStatus.DECLINED
        link.decided_at = now
        link.save(update_fields=["status", "decided_at"])
        if confirm:
            # the team's name stays on the link (the privacy register can erase it there)
            title = _("%(edition)s: meegedaan als team") % {"edition": link.edition}
            Activity.objects.bulk_create(
                Activity(application=application, team_link=link, theme=theme,
                         title=title[:200], start=link.starts_on, end=link.ends_on,
                         participants=count, position=TEAM_POSITION + number)
                for number, (theme, count) in enumerate(link.participants.items())
            )  # fmt: skip
        action = "team_confirmed" if confirm else "team_declined"
        log(application, application.status, application.status, action, team_note(link),
            actor_label=_("teamcaptain"))  # fmt: skip
        queue_email(
            application.email,
            (_("Het team ‘%(team)s’ telt mee in je vignetaanvraag") if confirm
             else _("Het team ‘%(team)s’ telt niet mee in je vignetaanvraag"))
            % {"team": link.team_label},
            "vignet/email/team_decided.txt",
            {"link": link, "application": application, "confirmed": confirm,
             "shared": challenge_link.describe(link.participants)},
            topic=application.reference or f"vignet-concept-{application.pk}",
        )  # fmt: skip
    return link


def remove_team_link(application_id: int, link_id: int) -> None:
    """The applicant takes a team off the application (with its activities; a pending
    captain's link stops working)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if not application.editable_by_applicant:
            raise NotAllowed(_("Deze aanvraag is ingediend en kan niet meer worden gewijzigd."))
        link = application.team_links.filter(pk=link_id).first()
        if link is None:
            raise NotAllowed(_("Dit team staat niet (meer) bij je aanvraag."))
        link.delete()
        log(application, application.status, application.status, "team_removed",
            team_note(link), actor_label=APPLICANT)  # fmt: skip
    application.__dict__.pop("activity_list", None)


def team_links(application: Application) -> list[TeamLink]:
    return list(application.team_links.select_related("team"))


# --- audit log and mail ---------------------------------------------------------------------


def log(application, old, new, action, note="", user=None, actor_label=SYSTEM):
    Event.objects.create(
        application=application,
        actor=user,
        actor_label=actor_label,
        action=action,
        from_status=old,
        to_status=new,
        note=note,
    )


SUBJECTS = {
    "draft_saved": "Je aanvraag voor het Vignet Vitaal Bedrijf is bewaard",
    "submit": "Je aanvraag voor het Vignet Vitaal Bedrijf is ingediend ({reference})",
    "request_info": "Graag een aanvulling op je vignetaanvraag {reference}",
    "award": "Gefeliciteerd: jullie krijgen het Vignet Vitaal Bedrijf ({reference})",
    "reject": "Besluit over je vignetaanvraag {reference}",
}


def decision_term(application: Application):
    """The assessment's term (submission + DECISION_TERMS["vignet"] working days) while the
    application waits for the assessor; None otherwise."""
    if application.status not in (Status.SUBMITTED, Status.IN_ASSESSMENT):
        return None
    return terms.term_of("vignet", application.submitted_at)


def notify(application: Application, event: str, token=None, vignet=None) -> None:
    if event not in SUBJECTS:
        return
    context = {"application": application, "vignet": vignet, "term": decision_term(application)}
    if token:
        context["link"] = absolute(reverse("vignet:draft", args=[token]))
    if vignet is not None:
        context["verification_url"] = absolute(reverse("vignet:verify", args=[vignet.public_id]))
        context["badge_url"] = absolute(reverse("vignet:badge", args=[vignet.public_id]))
        context["holder_link"] = holder_link(vignet)
        context["valid_until"] = criteria.dutch_date(vignet.valid_until)
    queue_email(
        application.email,
        SUBJECTS[event].format(reference=application.reference or ""),
        f"vignet/email/{event}.txt",
        context,
        topic=application.reference or f"vignet-concept-{application.pk}",
        reply_to=reply_address() if event in ("request_info", "award", "reject") else "",
    )
