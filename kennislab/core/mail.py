"""Mail through the task system, with retries (docs/decisions/0008-mail-outbox.md).

``queue_email`` renders the message and stores it as an OutgoingEmail in the caller's
transaction; after commit a task sends it. A failure is retried with growing pauses (when the
task backend can schedule; `manage.py send_pending_mail` sends whatever is still waiting).
"""

from __future__ import annotations

import logging
import re
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Min, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import OutgoingEmail
from .siteurl import absolute  # noqa: F401  (the apps' mails use mail.absolute)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# Wording by which a mail invites the reader to answer it.
INVITES_REPLY = re.compile(r"(?i)antwoord(en)? op deze e-mail|op deze e-mail te antwoorden")
BACKOFF_MINUTES = (1, 5, 15, 60, 240)
LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def one_line(value: str) -> str:
    """`value` without line breaks (each run becomes one space): text that ends up in a mail
    header can never add a header line or make the message unsendable."""
    return LINE_BREAKS.sub(" ", str(value)).strip()


def queue_email(
    to: str,
    subject: str,
    template: str,
    context: dict,
    topic: str = "",
    attachments: list[tuple[str, str, str]] | None = None,
    headers: dict[str, str] | None = None,
    reply_to: str = "",
) -> OutgoingEmail:
    """Write the e-mail to the outbox; `attachments` are (file name, text, MIME type), e.g. an
    .ics file as ("webinar.ics", calendar_text, "text/calendar"); `headers` are extra header
    lines, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). A mail that invites a
    reply names where replies go (`reply_to`: the adviser, or reply_address() for the
    network)."""
    body = render_to_string(template, context).strip() + "\n"
    headers = {one_line(name): one_line(value) for name, value in (headers or {}).items()}
    if not reply_to and INVITES_REPLY.search(body):
        reply_to = reply_address()  # a mail that asks for an answer says where it goes
    if reply_to:
        headers["Reply-To"] = one_line(reply_to)
    email = OutgoingEmail.objects.create(
        to=one_line(to),
        subject=one_line(subject)[:200],
        body=body,
        topic=topic[:100],
        attachments=[list(attachment) for attachment in attachments or []],
        headers=headers,
    )
    transaction.on_commit(lambda: send_email_task.enqueue(email.pk))
    return email


def reply_address(user=None) -> str:
    """Where replies to a mail should go: the staff member's own address when `user` is given
    and has one (an adviser answering a question), else the network's contact address from the
    site settings (else settings.NETWORK_REPLY_TO)."""
    if user is not None and getattr(user, "email", ""):
        return user.email
    from wagtail.models import Site

    from .models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    address = SiteSettings.for_site(site).contact_email if site else ""
    return address or settings.NETWORK_REPLY_TO


def transmit(email: OutgoingEmail) -> None:
    """Hand one e-mail to the mail server (raises when it fails)."""
    headers = {name: one_line(value) for name, value in (email.headers or {}).items()}
    reply_to = headers.pop("Reply-To", "")
    message_class = EmailMultiAlternatives if email.html_body else EmailMessage
    message = message_class(
        one_line(email.subject),
        email.body,
        settings.DEFAULT_FROM_EMAIL,
        [one_line(email.to)],
        headers=headers,
        reply_to=[reply_to] if reply_to else None,
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for filename, content, mimetype in email.attachments:
        message.attach(filename, content, mimetype)
    message.send()


def is_hard_bounce(error: Exception) -> bool:
    """The mail server refused the message for good (an SMTP 5xx reply: unknown mailbox,
    domain without mail, refused content). Sending it again would fail again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):  # refused after the message was handed over
        return 500 <= error.smtp_code < 600
    return False  # e.g. our sender address or sign-in refused (5xx too): not the recipient's


def claim_timeout() -> timedelta:
    """How long a claim (status "sending") holds before the mail counts as not sent: a sender
    that died between claiming and finishing leaves such a claim behind."""
    return timedelta(seconds=getattr(settings, "MAIL_CLAIM_TIMEOUT", 600))


def claimable(include_failed: bool = False) -> Q:
    """The mails a sender may claim: waiting ones, and ones whose claim went stale."""
    statuses = [OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.RETRY]
    if include_failed:
        statuses.append(OutgoingEmail.Status.FAILED)
    stale = timezone.now() - claim_timeout()
    return Q(status__in=statuses) | Q(status=OutgoingEmail.Status.SENDING, claimed_at__lt=stale)


def claim(email_id: int, include_failed: bool = False) -> bool:
    """Take one mail for sending: a single conditional UPDATE, so of two senders (the worker and
    `send_pending_mail`, or two workers) exactly one wins and only the winner sends."""
    won = OutgoingEmail.objects.filter(claimable(include_failed), pk=email_id).update(
        status=OutgoingEmail.Status.SENDING, claimed_at=timezone.now()
    )
    return won == 1


def readable_error(error: Exception) -> str:
    """What went wrong, for the outbox's "laatste fout" (Dutch where the cause is known)."""
    if isinstance(error, ConnectionRefusedError | smtplib.SMTPConnectError):
        reason = _("De mailserver weigerde de verbinding; de e-mail wordt later opnieuw verstuurd.")
    elif isinstance(error, smtplib.SMTPRecipientsRefused) or is_hard_bounce(error):
        reason = _("De mailserver weigerde het adres van de ontvanger.")
    elif isinstance(error, OSError | smtplib.SMTPException):
        reason = _("De mailserver was niet bereikbaar; de e-mail wordt later opnieuw verstuurd.")
    else:
        reason = _("Versturen mislukt.")
    return f"{reason} ({type(error).__name__}: {error})"[:2000]


def deliver(email: OutgoingEmail, include_failed: bool = False) -> bool:
    """Send one e-mail now if this sender wins the claim; record the outcome. Returns whether
    the mail is sent (by this call or before); False when it failed or another sender has it."""
    if email.status == OutgoingEmail.Status.SENT:
        return True
    if not claim(email.pk, include_failed):
        email.refresh_from_db()
        return email.status == OutgoingEmail.Status.SENT
    email.refresh_from_db()
    email.attempts += 1
    try:
        transmit(email)
    except Exception as error:
        email.last_error = readable_error(error)
        email.hard_bounce = is_hard_bounce(error)
        email.status = (
            OutgoingEmail.Status.FAILED
            if email.attempts >= MAX_ATTEMPTS or email.hard_bounce
            else OutgoingEmail.Status.RETRY
        )
        email.claimed_at = None
        email.save(update_fields=["attempts", "last_error", "status", "claimed_at", "hard_bounce"])
        logger.warning("mail %s failed (attempt %s): %s", email.pk, email.attempts, error)
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.claimed_at = None
    email.save(update_fields=["attempts", "last_error", "status", "sent_at", "claimed_at"])
    return True


@task()
def send_email_task(email_id: int) -> None:
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or deliver(email):
        return
    if email.status == OutgoingEmail.Status.RETRY and send_email_task.get_backend().supports_defer:
        pause = BACKOFF_MINUTES[min(email.attempts - 1, len(BACKOFF_MINUTES) - 1)]
        send_email_task.using(run_after=timezone.now() + timedelta(minutes=pause)).enqueue(email_id)


def send_pending(
    older_than: timedelta = timedelta(minutes=1), include_failed: bool = False
) -> tuple[int, int]:
    """Send every queued or retrying e-mail older than `older_than`, and every one whose claim
    went stale; with `include_failed` also the ones that failed for good (a new budget of
    attempts). Returns (sent, still failing)."""
    cutoff = timezone.now() - older_than
    sent = failed = 0
    pending = OutgoingEmail.objects.filter(claimable(include_failed), created_at__lte=cutoff)
    for email in pending.order_by("pk").iterator():
        if include_failed and email.status == OutgoingEmail.Status.FAILED:
            email.attempts = 0
            OutgoingEmail.objects.filter(pk=email.pk, status=OutgoingEmail.Status.FAILED).update(
                attempts=0
            )
        if deliver(email, include_failed=include_failed):
            sent += 1
        else:
            failed += 1
    return sent, failed


def resend(email: OutgoingEmail) -> bool:
    """Put a failed mail back in the queue with a fresh budget of attempts and hand it to the
    worker (the outbox's "Opnieuw versturen"). False when the mail was not failed."""
    reset = OutgoingEmail.objects.filter(pk=email.pk, status=OutgoingEmail.Status.FAILED).update(
        status=OutgoingEmail.Status.QUEUED, attempts=0, claimed_at=None
    )
    if reset:
        transaction.on_commit(lambda: send_email_task.enqueue(email.pk))
    email.refresh_from_db()
    return bool(reset)


def outbox_health() -> dict:
    """For /health/: how long the oldest unsent mail has waited (seconds, None when nothing
    waits), and how many mails failed for good or wait for another attempt. Two queries."""
    unsent = [
        OutgoingEmail.Status.QUEUED,
        OutgoingEmail.Status.RETRY,
        OutgoingEmail.Status.SENDING,
    ]
    oldest = OutgoingEmail.objects.filter(status__in=unsent).aggregate(oldest=Min("created_at"))[
        "oldest"
    ]
    counts = dict(
        OutgoingEmail.objects.filter(
            status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.RETRY]
        )
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "oldest_unsent_age_seconds": (
            None if oldest is None else max(0, int((timezone.now() - oldest).total_seconds()))
        ),
        "failed": counts.get(OutgoingEmail.Status.FAILED, 0),
        "retrying": counts.get(OutgoingEmail.Status.RETRY, 0),
    }
