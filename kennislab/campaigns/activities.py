"""Applying the relay rules to activities: registering (a few fields are enough), completing and
changing through the organiser's private link, withdrawing, moderation by editors, and the
reminders for incomplete activities (a daily job).

Every change runs in one transaction on the activity's locked row and writes its audit event and
its e-mail together; a link in an e-mail is always a fresh one (only its hash is stored), so the
latest e-mail holds the link that works.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core import terms
from kennislab.core.db import with_lock_retries
from kennislab.core.mail import absolute, queue_email, reply_address
from kennislab.core.tokens import find_by_token, new_token
from kennislab.core.workflow import ensure_unchanged

from . import ics, rules
from .models import Activity, ActivityEvent, ActivityStatus, RelayCampaignPage
from .services import Refused

ORGANISER = "organisator"
SYSTEM = "systeem"
FIELDS = ("organiser", "contact_name", "email", "phone", "title", "province", "kind", "date",
          "starts_at", "ends_at", "online", "location", "link", "audience",
          "description")  # fmt: skip
NULLABLE = ("date", "starts_at", "ends_at")
PUBLIC_STATUSES = (ActivityStatus.APPROVED,)
REMIND_STATUSES = (ActivityStatus.SUBMITTED, ActivityStatus.CHANGES, ActivityStatus.APPROVED)


def _expiry(campaign: RelayCampaignPage) -> datetime:
    last_day = rules.link_expires_on(campaign.weeks())
    return timezone.make_aware(datetime.combine(last_day, time(23, 59)))


def _fresh_link(activity: Activity) -> str:
    """Give the activity a new private link (the previous one stops working); the URL."""
    token, activity.token_hash = new_token()
    activity.token_expires_at = _expiry(activity.campaign)
    return absolute(reverse("relay:edit", args=[token]))


def register(campaign_id: int, data: dict, consent_text: str) -> tuple[Activity, str]:
    """(the stored activity, its private token). Raises Refused when registration is closed or
    the province has no week in this campaign."""
    return with_lock_retries(lambda: _register(campaign_id, data, consent_text))


def _register(campaign_id, data, consent_text):
    with transaction.atomic():
        campaign = RelayCampaignPage.objects.get(pk=campaign_id)
        if not campaign.registration_open():
            raise Refused(closed_message(campaign))
        week = rules.week_for(data["province"], campaign.weeks())
        if week is None:
            raise Refused(_("Deze provincie doet niet mee aan deze campagne."), field="province")
        if timezone.localdate() > week.ends_on:
            raise Refused(rules.week_over_message(week), field="province")
        problem = rules.date_problem(data.get("date"), week)
        if problem:
            raise Refused(problem, field="date")
        token, hashed = new_token()
        activity = Activity(campaign=campaign, consent_text=consent_text, token_hash=hashed,
                            token_expires_at=_expiry(campaign))  # fmt: skip
        _apply(activity, data)
        activity.save()
        log(activity, "register", "", activity.status, "", actor_label=ORGANISER)
        link = absolute(reverse("relay:edit", args=[token]))
        notify(activity, "activity_registered", link=link)
    return activity, token


def _apply(activity: Activity, data: dict) -> None:
    for field in FIELDS:
        if field in data:
            value = data[field]
            setattr(activity, field, "" if value is None and field not in NULLABLE else value)
    activity.complete = not activity.missing()
    activity.updated_at = timezone.now()


def by_token(token: str) -> Activity | None:
    return find_by_token(Activity.objects.select_related("campaign"), token)


def update(activity_id: int, data: dict) -> Activity:
    """The organiser completes or changes the activity. Requested changes go back to the
    editors; a published activity stays published and is marked as changed for them."""
    return with_lock_retries(lambda: _update(activity_id, data))


def _update(activity_id, data):
    with transaction.atomic():
        activity = Activity.objects.select_for_update(of=("self",)).select_related(
            "campaign").get(pk=activity_id)  # fmt: skip
        if activity.status not in rules.EDITABLE:
            raise Refused(_("Deze activiteit kan niet meer worden gewijzigd."))
        week = rules.week_for(data.get("province", activity.province), activity.campaign.weeks())
        if week is None:
            raise Refused(_("Deze provincie doet niet mee aan deze campagne."), field="province")
        problem = rules.date_problem(data.get("date", activity.date), week)
        if problem:
            raise Refused(problem, field="date")
        old = activity.status
        _apply(activity, data)
        action = "change"
        if old == ActivityStatus.CHANGES:
            action = rules.step_for(old, "resubmit", "organiser").action
            activity.status = ActivityStatus.SUBMITTED
        elif old == ActivityStatus.APPROVED:
            activity.changed_after_approval = True
        activity.save()
        log(activity, action, old, activity.status, "", actor_label=ORGANISER)
    return activity


def withdraw(activity_id: int) -> Activity:
    return with_lock_retries(lambda: _withdraw(activity_id))


def _withdraw(activity_id):
    with transaction.atomic():
        activity = Activity.objects.select_for_update(of=("self",)).get(pk=activity_id)
        if activity.status == ActivityStatus.WITHDRAWN:
            return activity
        try:
            step = rules.step_for(activity.status, "withdraw", "organiser")
        except rules.NotAllowed as refused:
            raise Refused(str(refused)) from None
        old, activity.status = activity.status, step.target
        activity.updated_at = timezone.now()
        activity.save(update_fields=["status", "updated_at"])
        log(activity, step.action, old, step.target, _("Ingetrokken door de organisator."),
            actor_label=ORGANISER)  # fmt: skip
    return activity


def moderate(activity_id: int, action: str, note: str, user,
             expected_status: str | None = None) -> Activity:  # fmt: skip
    """An editor approves, asks for changes or rejects (rules.STEPS); the organiser hears it by
    e-mail, with a fresh private link while the activity can still be changed. Raises
    core.workflow.Stale when the activity no longer has `expected_status`."""
    return with_lock_retries(lambda: _moderate(activity_id, action, note, user, expected_status))


def _moderate(activity_id, action, note, user, expected_status=None):
    with transaction.atomic():
        activity = Activity.objects.select_for_update(of=("self",)).select_related(
            "campaign").get(pk=activity_id)  # fmt: skip
        ensure_unchanged(activity.status, expected_status, activity.get_status_display())
        step = rules.step_for(activity.status, action, "editor")  # raises NotAllowed
        note = (note or "").strip()
        if step.note_required and not note:
            raise rules.NotAllowed(_("Schrijf de organisator waarom."))
        old, activity.status = activity.status, step.target
        activity.editor_note = note
        activity.changed_after_approval = False
        link = _fresh_link(activity) if step.target in rules.EDITABLE else ""
        activity.save()
        label = user.get_username() if user else SYSTEM
        log(activity, step.action, old, step.target, note, user=user, actor_label=label)
        notify(activity, f"activity_{step.action}", link=link, note=note)
    return activity


def send_reminders(today=None) -> int:
    """Remind organisers of incomplete activities, and of changes asked for, before their
    region's week (rules.reminder_due). A conditional update claims each reminder, so two runs
    at once never send one twice."""
    today = today or timezone.localdate()
    sent = 0
    candidates = (
        Activity.objects.filter(status__in=REMIND_STATUSES, token_expires_at__gt=timezone.now())
        .filter(campaign__live=True)
        .select_related("campaign")
    )
    weeks_of: dict[int, list] = {}
    for activity in candidates.iterator():
        if activity.complete and activity.status != ActivityStatus.CHANGES:
            continue
        weeks = weeks_of.setdefault(activity.campaign_id, activity.campaign.weeks())
        week = rules.week_for(activity.province, weeks)
        if week is None or not rules.reminder_due(week.starts_on, today,
                                                  activity.last_reminded_on,
                                                  activity.reminders_sent):  # fmt: skip
            continue
        with transaction.atomic():
            link = _fresh_link(activity)
            claimed = Activity.objects.filter(
                pk=activity.pk, reminders_sent=activity.reminders_sent
            ).update(
                reminders_sent=activity.reminders_sent + 1, last_reminded_on=today,
                token_hash=activity.token_hash, token_expires_at=activity.token_expires_at,
            )  # fmt: skip
            if not claimed:
                continue
            notify(activity, "activity_reminder", link=link, week=week)
            sent += 1
    return sent


# --- audit log, calendar entries and mail -------------------------------------------------------


def log(activity, action, old, new, note, user=None, actor_label=SYSTEM):
    ActivityEvent.objects.create(activity=activity, action=action, from_status=old,
                                 to_status=new, note=note, actor=user,
                                 actor_label=actor_label)  # fmt: skip


def closed_message(campaign: RelayCampaignPage) -> str:
    return _("Activiteiten aanmelden voor ‘%(title)s’ kan niet meer.") % {"title": campaign.title}


def starts(activity: Activity) -> datetime | None:
    if activity.date is None or activity.starts_at is None:
        return None
    return timezone.make_aware(datetime.combine(activity.date, activity.starts_at))


def ends(activity: Activity) -> datetime | None:
    begin = starts(activity)
    if begin is None:
        return None
    if activity.ends_at is None:
        return begin + timedelta(hours=1)
    return timezone.make_aware(datetime.combine(activity.date, activity.ends_at))


def where(activity: Activity) -> str:
    if activity.online:
        return _("Online")
    return activity.location


def calendar_entry(activity: Activity, url: str) -> ics.CalendarEntry:
    return ics.CalendarEntry(
        uid=f"activiteit-{activity.pk}",
        title=activity.title,
        starts_at=starts(activity),
        ends_at=ends(activity),
        url=url,
        location=where(activity),
        description=f"{activity.organiser}. {activity.description}".strip(),
        categories=tuple(filter(None, [activity.get_kind_display(), activity.campaign.title])),
        updated_at=activity.updated_at,
    )


SUBJECTS = {
    "activity_registered": "Je activiteit is aangemeld",
    "activity_approve": "Je activiteit staat op de website: {title}",
    "activity_request_changes": "Wil je je activiteit aanpassen? {title}",
    "activity_reject": "Je activiteit is niet geplaatst: {title}",
    "activity_reminder": "Vul je activiteit aan: {title}",
}


def notify(activity: Activity, kind: str, link: str = "", note: str = "", week=None) -> None:
    campaign = activity.campaign
    week = week or activity.week()
    queue_email(
        activity.email,
        SUBJECTS[kind].format(title=activity.title),
        f"campaigns/email/{kind}.txt",
        {
            "activity": activity,
            "campaign": campaign,
            "link": link,
            "note": note,
            "week": week,
            "missing": activity.missing(),
            "public_url": absolute(activity.get_absolute_url()),
            "term": decision_term(activity),
        },
        topic=f"activiteit-{activity.pk}",
        reply_to=(campaign.contact_email or reply_address()) if kind in REPLY_KINDS else "",
    )


# Moderation mails: the organiser may want to answer the campaign team.
REPLY_KINDS = ("activity_approve", "activity_request_changes", "activity_reject")


def decision_term(activity: Activity):
    """The moderation term while the activity waits for the campaign team (None otherwise)."""
    if activity.status != ActivityStatus.SUBMITTED:
        return None
    return terms.term_of("activity", activity.created_at)
