"""Mail through the task system, with retries (docs/decisions/0008-mail-outbox.md).

``queue_email`` renders the message and stores it as an OutgoingEmail in the caller's
transaction; after commit a task sends it. A failure is retried with growing pauses (when the
task backend can schedule; `manage.py send_pending_mail` sends whatever is still waiting).
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail
from .siteurl import absolute  # noqa: F401  (the apps' mails use mail.absolute)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# Wording by which a mail invites the reader to answer it.
INVITES_REPLY = re.compile(r"(?i)antwoord(en)? op deze e-mail|op deze e-mail te antwoorden")
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


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
    headers = dict(headers or {})
    if not reply_to and INVITES_REPLY.search(body):
        reply_to = reply_address()  # a mail that asks for an answer says where it goes
    if reply_to:
        headers["Reply-To"] = reply_to
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject[:200],
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
    headers = dict(email.headers or {})
    reply_to = headers.pop("Reply-To", "")
    message = EmailMessage(
        email.subject,
        email.body,
        settings.DEFAULT_FROM_EMAIL,
        [email.to],
        headers=headers,
        reply_to=[reply_to] if reply_to else None,
    )
    for filename, content, mimetype in email.attachments:
        message.attach(filename, content, mimetype)
    message.send()


def deliver(email: OutgoingEmail) -> bool:
    """Try to send one e-mail now; record the outcome. Returns whether it was sent."""
    if email.status == OutgoingEmail.Status.SENT:
        return True
    email.attempts += 1
    try:
        transmit(email)
    except Exception as error:
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.status = (
            OutgoingEmail.Status.FAILED
            if email.attempts >= MAX_ATTEMPTS
            else OutgoingEmail.Status.RETRY
        )
        email.save(update_fields=["attempts", "last_error", "status"])
        logger.warning(
            "mail %s to %s failed (attempt %s): %s", email.pk, email.to, email.attempts, error
        )
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    return True


@task()
def send_email_task(email_id: int) -> None:
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or deliver(email):
        return
    if email.status == OutgoingEmail.Status.RETRY and send_email_task.get_backend().supports_defer:
        pause = BACKOFF_MINUTES[min(email.attempts - 1, len(BACKOFF_MINUTES) - 1)]
        send_email_task.using(run_after=timezone.now() + timedelta(minutes=pause)).enqueue(email_id)


def send_pending(older_than: timedelta = timedelta(minutes=1)) -> tuple[int, int]:
    """Send every queued or retrying e-mail older than `older_than`: (sent, still failing)."""
    cutoff = timezone.now() - older_than
    sent = failed = 0
    pending = OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.RETRY], created_at__lte=cutoff
    )
    for email in pending.iterator():
        if deliver(email):
            sent += 1
        else:
            failed += 1
    return sent, failed
