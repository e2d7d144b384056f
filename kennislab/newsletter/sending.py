"""Sending a newsletter issue: exactly once per subscriber, in batches, at a capped rate.

* ``schedule`` creates the issue's one ``Sending`` (an issue is sent once: a second attempt is
  refused) with the live revision and a start time, and queues the task for that time.
* ``run`` is one round of the task: it first delivers what an earlier round built but did not
  get to send (a worker that died), then builds and delivers new batches until the per-minute
  cap (NEWSLETTER_RATE_PER_MINUTE, shared by every worker) is used; the task comes back a
  minute after the round began until nobody is left, then the sending is "sent".
* A batch is built only just before it is sent (someone who unsubscribes during sending gets
  nothing more): under the sending's lock a worker picks mailable subscribers without a
  ``Delivery`` for this sending, and writes their deliveries (unique per sending and
  subscriber) and outbox messages in one transaction. Each message is then sent through the
  outbox's claim (core.mail.deliver), so of two workers exactly one sends it.
* A mail the server refuses for good (SMTP 5xx) counts as a hard bounce on the subscriber; after
  MAX_HARD_BOUNCES in a row no more issues go to that address.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from kennislab.core import pagecache
from kennislab.core.db import with_lock_retries
from kennislab.core.mail import absolute, deliver, one_line, send_email_task
from kennislab.core.models import OutgoingEmail

from . import rules
from .models import Delivery, NewsletterIssuePage, Sending, Status, Subscriber
from .services import list_unsubscribe, unsubscribe_link

logger = logging.getLogger(__name__)

SCHEDULED = "kennislab.newsletter.scheduled"
CANCELLED = "kennislab.newsletter.cancelled"
SENT = "kennislab.newsletter.sent"
TEST_SENT = "kennislab.newsletter.test_sent"
MAX_TEST_ADDRESSES = 10


class SendingError(Exception):
    """Why an issue cannot be scheduled, sent or test-sent (Dutch, for the editor)."""


@dataclass
class Progress:
    total: int
    sent: int
    failed: int
    waiting: int

    @property
    def percent(self) -> int:
        done = self.sent + self.failed
        return 100 if not self.total else min(100, round(100 * done / self.total))


@dataclass
class RoundResult:
    sent: int = 0
    failed: int = 0
    built: int = 0
    due: bool = True
    finished: bool = False
    next_run: datetime | None = None


def rate_per_minute() -> int:
    return max(1, settings.NEWSLETTER_RATE_PER_MINUTE)


def batch_size() -> int:
    return max(1, settings.NEWSLETTER_BATCH_SIZE)


def topic_for(issue) -> str:
    return f"nieuwsbrief {issue.slug}"[:100]


# --- scheduling ---------------------------------------------------------------------------------


def schedule(issue: NewsletterIssuePage, when: datetime | None = None, user=None) -> Sending:
    """Plan the sending of the live version of `issue` at `when` (now when None)."""
    issue = issue.specific
    if not issue.live or issue.live_revision_id is None:
        raise SendingError(_("Publiceer de nieuwsbrief eerst; daarna kun je hem versturen."))
    if issue.has_unpublished_changes:
        raise SendingError(
            _(
                "Deze nieuwsbrief heeft wijzigingen die nog niet gepubliceerd zijn. Publiceer "
                "ze eerst (of verwijder het concept), zodat de webversie en de e-mail gelijk zijn."
            )
        )
    now = timezone.now()
    when = max(when or now, now)
    try:
        with transaction.atomic():
            sending = Sending.objects.create(
                issue=issue,
                status=Sending.Status.SCHEDULED,
                scheduled_at=when,
                revision_id=issue.live_revision_id,
                requested_by=user,
            )
            log(instance=issue, action=SCHEDULED, user=user,
                data={"scheduled_at": when.isoformat()})  # fmt: skip
    except IntegrityError:
        raise SendingError(_("Deze nieuwsbrief is al ingepland of verstuurd.")) from None
    transaction.on_commit(lambda: enqueue(sending.pk, when))
    return sending


def cancel(issue: NewsletterIssuePage, user=None) -> None:
    """Take a planned issue off the schedule (only before its sending began)."""
    with transaction.atomic():
        deleted, _per_model = Sending.objects.filter(
            issue=issue, status=Sending.Status.SCHEDULED, deliveries__isnull=True
        ).delete()
        if not deleted:
            raise SendingError(
                _("Deze nieuwsbrief is niet (meer) ingepland: het versturen is al begonnen.")
            )
        log(instance=issue.specific, action=CANCELLED, user=user)


def enqueue(sending_id: int, when: datetime | None = None):
    """Queue a round of the sending task (at `when` where the task backend can wait)."""
    if when and when > timezone.now() and send_issue_task.get_backend().supports_defer:
        return send_issue_task.using(run_after=when).enqueue(sending_id)
    return send_issue_task.enqueue(sending_id)


@task()
def send_issue_task(sending_id: int) -> dict:
    result = run(sending_id)
    # the immediate backend (development, tests) cannot wait: `manage.py send_newsletters`
    # sends the rest there
    waits = send_issue_task.get_backend().supports_defer
    if waits and not result.finished and result.next_run is not None:
        send_issue_task.using(run_after=result.next_run).enqueue(sending_id)
    return {"sent": result.sent, "failed": result.failed, "finished": result.finished}


def due_sendings(now: datetime | None = None):
    now = now or timezone.now()
    return Sending.objects.filter(
        status__in=[Sending.Status.SCHEDULED, Sending.Status.SENDING], scheduled_at__lte=now
    ).order_by("scheduled_at", "pk")


# --- one round ----------------------------------------------------------------------------------


def run(sending_id: int, now: datetime | None = None) -> RoundResult:
    """One round: deliver what was built but not sent, then build and send new batches until
    this minute's cap is used. Safe to run in several workers at once."""
    from .render import IssueMail

    started = now or timezone.now()
    sending = Sending.objects.filter(pk=sending_id).select_related("revision", "issue").first()
    if sending is None or sending.status == Sending.Status.SENT:
        return RoundResult(due=False, finished=True)
    if sending.scheduled_at > started:
        return RoundResult(due=False, next_run=sending.scheduled_at)
    if sending.status == Sending.Status.SCHEDULED:
        Sending.objects.filter(pk=sending.pk, status=Sending.Status.SCHEDULED).update(
            status=Sending.Status.SENDING, started_at=started
        )
    issue = sending.revision.as_object() if sending.revision else sending.issue.specific
    mail = IssueMail(issue)
    result = RoundResult()

    waiting = list(
        Delivery.objects.filter(sending=sending, status=Delivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)[: rate_per_minute()]
    )
    if waiting:
        _deliver(sending, waiting, result)
    while True:
        built = build_batch(sending, mail, started, issue)
        if not built:
            break
        result.built += len(built)
        _deliver(sending, built, result)
    if not remaining(sending):
        result.finished = finish(sending)
    else:
        result.next_run = started + timedelta(minutes=1)
    return result


def remaining(sending: Sending) -> int:
    """Subscribers still to be built a message, plus messages built and not yet sent."""
    return (
        _not_yet_built(sending).count()
        + Delivery.objects.filter(sending=sending, status=Delivery.Status.QUEUED).count()
    )


def delivery_counts(sending: Sending) -> tuple[int, int, int]:
    """(sent, failed — hard bounces included —, queued) deliveries of a sending; skipped ones
    (unsubscribed meanwhile) count nowhere."""
    counts = dict(
        Delivery.objects.filter(sending=sending)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    failed = counts.get(Delivery.Status.FAILED, 0) + counts.get(Delivery.Status.BOUNCED, 0)
    return counts.get(Delivery.Status.SENT, 0), failed, counts.get(Delivery.Status.QUEUED, 0)


def _not_yet_built(sending: Sending):
    built = Delivery.objects.filter(sending=sending, subscriber=OuterRef("pk"))
    return Subscriber.objects.mailable().filter(~Exists(built))


def build_batch(sending: Sending, mail, now: datetime | None = None, issue=None) -> list[int]:
    """Under the sending's lock: choose up to a batch of subscribers who have no delivery of
    this sending yet (within what is left of this minute's cap) and write their deliveries
    and outbox messages. Returns the new deliveries' ids (empty: nothing left, or the cap
    is used)."""
    now = now or timezone.now()
    issue = issue or sending.issue
    subject, topic = one_line(issue.subject)[:200], topic_for(issue)

    def build() -> list[int]:
        with transaction.atomic():
            # A write first: on PostgreSQL it locks the sending's row, on SQLite it takes the
            # database's write lock, so two workers build one batch after the other and each
            # sees the other's deliveries.
            Sending.objects.filter(pk=sending.pk).update(locked_at=timezone.now())
            used = Delivery.objects.filter(
                sending=sending, created_at__gt=now - timedelta(minutes=1)
            ).count()
            limit = min(batch_size(), rate_per_minute() - used)
            if limit <= 0:
                return []
            chosen = list(
                _not_yet_built(sending)
                .order_by("pk")
                .values_list("pk", "email", "name", "unsubscribe_seed")[:limit]
            )
            if not chosen:
                return []
            themes: dict[int, set[int]] = {}
            for subscriber_id, theme_id in Subscriber.themes.through.objects.filter(
                subscriber_id__in=[row[0] for row in chosen]
            ).values_list("subscriber_id", "theme_id"):
                themes.setdefault(subscriber_id, set()).add(theme_id)
            section_themes = mail.section_theme_ids()
            emails = []
            for pk, address, name, seed in chosen:
                key = rules.variant_key(themes.get(pk, ()), section_themes)
                html, text = mail.for_variant(key)
                link = unsubscribe_link(Subscriber(pk=pk, unsubscribe_seed=seed))
                html, text = mail.personalise(html, text, name, link)
                emails.append(
                    OutgoingEmail(
                        to=one_line(address),
                        subject=subject,
                        body=text,
                        html_body=html,
                        topic=topic,
                        headers=list_unsubscribe(link),
                    )
                )
            emails = OutgoingEmail.objects.bulk_create(emails)
            deliveries = Delivery.objects.bulk_create(
                Delivery(sending=sending, subscriber_id=pk, email_id=email.pk, created_at=now)
                for (pk, *_rest), email in zip(chosen, emails, strict=True)
            )
            return [delivery.pk for delivery in deliveries]

    return with_lock_retries(build)


def _deliver(sending: Sending, delivery_ids: list[int], result: RoundResult) -> None:
    """Send the outbox messages of these deliveries (each through the outbox's claim) and
    record the outcome per delivery and subscriber."""
    rows = list(
        Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.QUEUED)
        .select_related("email")
        .annotate(subscriber_status=F("subscriber__status"))
        .order_by("pk")
    )
    outcomes: dict[str, list[int]] = {status: [] for status in Delivery.Status.values}
    delivered, bounced = [], []
    for row in rows:
        if row.email is None:
            outcomes[Delivery.Status.FAILED].append(row.pk)
            result.failed += 1
            continue
        # unsubscribed (or removed) after the batch was built: nothing more goes out
        if row.subscriber_status != Status.CONFIRMED and _withdraw(row.email_id):
            outcomes[Delivery.Status.SKIPPED].append(row.pk)
            continue
        deliver(row.email)  # leaves row.email as the outbox now has it
        if row.email.status == OutgoingEmail.Status.SENT:
            outcomes[Delivery.Status.SENT].append(row.pk)
            delivered.append(row.subscriber_id)
            result.sent += 1
        elif row.email.status == OutgoingEmail.Status.FAILED:
            status = Delivery.Status.BOUNCED if row.email.hard_bounce else Delivery.Status.FAILED
            outcomes[status].append(row.pk)
            if row.email.hard_bounce and row.subscriber_id:
                bounced.append(row.subscriber_id)
            result.failed += 1
        # "retry" or another worker's claim: the delivery stays queued for a later round
    # One UPDATE per outcome. A worker that dies before it leaves these deliveries queued; the
    # next round finds their mails sent (the outbox's claim) and records them without sending.
    for status, ids in outcomes.items():
        if ids:
            Delivery.objects.filter(pk__in=ids).update(status=status)
    if bounced:
        Subscriber.objects.filter(pk__in=bounced).update(
            hard_bounces=F("hard_bounces") + 1, last_bounce_at=timezone.now()
        )
    if delivered:
        Subscriber.objects.filter(pk__in=delivered, hard_bounces__gt=0).update(hard_bounces=0)


def _withdraw(email_id: int) -> bool:
    """Remove a message nobody has started to send (whether it was removed)."""
    deleted, _per_model = OutgoingEmail.objects.filter(
        pk=email_id, status=OutgoingEmail.Status.QUEUED
    ).delete()
    return bool(deleted)


def finish(sending: Sending) -> bool:
    """Mark the sending "sent" with its totals (once; False when another worker did)."""
    sent, failed, _queued = delivery_counts(sending)
    with transaction.atomic():
        done = Sending.objects.filter(pk=sending.pk, status=Sending.Status.SENDING).update(
            status=Sending.Status.SENT,
            finished_at=timezone.now(),
            sent_count=sent,
            failed_count=failed,
        )
        if done:
            log(instance=sending.issue.specific, action=SENT, user=None,
                data={"sent": sent, "failed": failed})  # fmt: skip
            transaction.on_commit(pagecache.bump_generation)  # the archive lists it now
    return bool(done)


def progress(sending: Sending) -> Progress:
    """Sent, failed and waiting messages of a sending; the total includes subscribers who have
    no message yet (while it is planned or sending)."""
    if sending.status == Sending.Status.SENT:
        return Progress(
            total=sending.sent_count + sending.failed_count,
            sent=sending.sent_count,
            failed=sending.failed_count,
            waiting=0,
        )
    sent, failed, queued = delivery_counts(sending)
    waiting = queued + _not_yet_built(sending).count()
    return Progress(total=sent + failed + waiting, sent=sent, failed=failed, waiting=waiting)


# --- test sends ---------------------------------------------------------------------------------


def staff_addresses() -> set[str]:
    """Addresses a test may go to: those of active accounts that may use the admin."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return {
        user.email.strip().lower()
        for user in users
        if user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    }


def send_test(issue: NewsletterIssuePage, addresses: list[str], user=None) -> int:
    """Mail the latest version of `issue` (a draft too) to staff addresses, marked as a test,
    with everything (no theme preferences). Returns the number of mails queued."""
    from .render import IssueMail

    addresses = [one_line(a).lower() for a in addresses if a.strip()]
    if not addresses:
        raise SendingError(_("Vul minstens één e-mailadres in."))
    if len(addresses) > MAX_TEST_ADDRESSES:
        raise SendingError(
            _("Stuur een test naar hoogstens %(n)s adressen.") % {"n": MAX_TEST_ADDRESSES}
        )
    allowed = staff_addresses()
    strangers = sorted(set(addresses) - allowed)
    if strangers:
        raise SendingError(
            _(
                "Een test gaat alleen naar adressen van medewerkers met een account: "
                "%(addresses)s hoort bij geen account."
            )
            % {"addresses": ", ".join(strangers)}
        )
    draft = issue.specific.get_latest_revision_as_object()
    mail = IssueMail(draft)
    html, text = mail.for_variant(None)
    link = absolute(reverse("newsletter:request-link"))  # a test has no real unsubscribe link
    name = user.get_full_name() if user is not None else ""
    html, text = mail.personalise(html, text, name, link)
    subject = _("[Test] %(subject)s") % {"subject": draft.subject}
    with transaction.atomic():
        for address in dict.fromkeys(addresses):
            email = OutgoingEmail.objects.create(
                to=address, subject=one_line(subject)[:200], body=text, html_body=html,
                topic=topic_for(issue), headers=list_unsubscribe(link),
            )  # fmt: skip
            transaction.on_commit(lambda pk=email.pk: send_email_task.enqueue(pk))
        log(instance=issue.specific, action=TEST_SENT, user=user,
            data={"addresses": len(addresses)})  # fmt: skip
    return len(addresses)


__all__ = [
    "Progress",
    "SendingError",
    "build_batch",
    "cancel",
    "due_sendings",
    "finish",
    "progress",
    "run",
    "schedule",
    "send_test",
]
