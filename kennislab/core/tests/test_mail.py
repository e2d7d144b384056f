"""The mail outbox (docs/decisions/0008-mail-outbox.md): mail is stored with what caused it,
sent after commit, retried when the mail server fails, and never blocks or loses the cause."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kennislab.core import mail as outbox
from kennislab.core.models import OutgoingEmail
from kennislab.vouchers.models import Application
from kennislab.vouchers.tests.factories import build_voucher_site, form_data

pytestmark = pytest.mark.django_db

TEMPLATE = "vouchers/email/withdrawn.txt"


class Outage(Exception):
    pass


@pytest.fixture
def mail_server_down(monkeypatch):
    """Every attempt to send raises, as an unreachable SMTP server would."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise Outage("Verbinding geweigerd")

    monkeypatch.setattr(outbox, "transmit", refuse)
    return attempts


def queue(to="iemand@voorbeeld.example"):
    return outbox.queue_email(to, "Onderwerp", TEMPLATE, {"application": None}, topic="T-1")


def test_mail_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
        assert mail.outbox == []  # nothing leaves before the transaction commits
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    assert [m.to for m in mail.outbox] == [["iemand@voorbeeld.example"]]
    assert mail.outbox[0].subject == "Onderwerp"


def test_a_rolled_back_transaction_sends_and_stores_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                queue()
                raise RuntimeError("iets anders ging mis")
        except RuntimeError:
            pass
    assert callbacks == []
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_a_failing_mail_server_keeps_the_application_and_marks_the_mail_for_retry(
    client, mail_server_down, django_capture_on_commit_callbacks
):
    voucher_site = build_voucher_site()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(voucher_site.apply_url(), form_data())

    assert response.status_code == 303  # the applicant is not bothered with the outage
    application = Application.objects.get()
    email = OutgoingEmail.objects.get(topic=application.reference)
    assert email.status == OutgoingEmail.Status.RETRY
    assert email.attempts == 1
    assert "Verbinding geweigerd" in email.last_error
    assert len(mail_server_down) == 1


def test_retries_stop_after_the_last_attempt(mail_server_down):
    email = queue()
    for _ in range(outbox.MAX_ATTEMPTS):
        assert outbox.deliver(email) is False
    email.refresh_from_db()
    assert email.attempts == outbox.MAX_ATTEMPTS
    assert email.status == OutgoingEmail.Status.FAILED
    assert len(mail_server_down) == outbox.MAX_ATTEMPTS


def test_a_sent_mail_is_not_sent_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    email.refresh_from_db()
    assert outbox.deliver(email) is True
    assert len(mail.outbox) == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_a_scheduling_backend_a_failure_is_retried_later(mail_server_down):
    email = queue()
    outbox.send_email_task.call(email.pk)  # what the worker runs
    retries = DBTaskResult.objects.filter(task_path__endswith="send_email_task")
    assert retries.count() == 1
    retry = retries.get()
    assert retry.args_kwargs["args"] == [email.pk]
    pause = retry.run_after - timezone.now()
    assert timedelta(seconds=50) < pause <= timedelta(minutes=outbox.BACKOFF_MINUTES[0])


def test_send_pending_mail_sends_what_waited_after_an_outage(monkeypatch, capsys):
    monkeypatch.setattr(outbox, "transmit", lambda *a, **k: (_ for _ in ()).throw(Outage("x")))
    waiting = [queue(f"persoon{n}@voorbeeld.example") for n in range(3)]
    for email in waiting:
        outbox.deliver(email)
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(minutes=10))
    queue("nieuw@voorbeeld.example")  # younger than a minute: its own task sends it
    monkeypatch.undo()

    call_command("send_pending_mail")

    assert "3 verstuurd, 0 nog niet gelukt." in capsys.readouterr().out
    statuses = dict(OutgoingEmail.objects.values_list("to", "status"))
    assert statuses.pop("nieuw@voorbeeld.example") == OutgoingEmail.Status.QUEUED
    assert set(statuses.values()) == {OutgoingEmail.Status.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.to for e in waiting)


def test_attachments_are_sent_with_the_mail(django_capture_on_commit_callbacks, mailoutbox):
    calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Café één – €5\r\nEND:VCALENDAR\r\n"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        outbox.queue_email(
            "deelnemer@voorbeeld.example", "Aangemeld", TEMPLATE, {"application": None},
            attachments=[("webinar.ics", calendar, "text/calendar")],
        )  # fmt: skip
        assert mailoutbox == []  # stored in the transaction, sent after the commit
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attachments == [["webinar.ics", calendar, "text/calendar"]]
    (message,) = mailoutbox
    assert message.subject == "Aangemeld"
    assert message.to == ["deelnemer@voorbeeld.example"]
    assert message.body == email.body
    assert message.attachments == [("webinar.ics", calendar, "text/calendar")]
    # …and so it leaves the server: a text/calendar part with its file name, text intact
    (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert part.get_filename() == "webinar.ics"
    assert part.get_payload(decode=True).decode(part.get_content_charset()) == calendar


def test_mail_without_attachments_has_none(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        queue()
    assert OutgoingEmail.objects.get().attachments == []
    (message,) = mailoutbox
    assert message.attachments == []
    assert not message.message().is_multipart()  # a plain text mail, as before attachments
    assert message.from_email == settings.DEFAULT_FROM_EMAIL


def test_extra_headers_are_stored_and_sent(django_capture_on_commit_callbacks):
    headers = {
        "List-Unsubscribe": "<http://testserver/uitdaging/afmelden/abc/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    with django_capture_on_commit_callbacks(execute=True):
        email = outbox.queue_email(
            "iemand@voorbeeld.example", "Onderwerp", TEMPLATE, {"application": None},
            headers=headers,
        )  # fmt: skip
    assert OutgoingEmail.objects.get(pk=email.pk).headers == headers
    [sent] = mail.outbox
    message = sent.message()
    assert message["List-Unsubscribe"] == "<http://testserver/uitdaging/afmelden/abc/>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_mail_without_extra_headers_has_none(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    assert OutgoingEmail.objects.get(pk=email.pk).headers == {}
    assert mail.outbox[0].message()["List-Unsubscribe"] is None


def test_every_mail_that_invites_a_reply_says_where_replies_go(db):
    """Render every e-mail template of the project; each one whose text invites the reader to
    answer it gets a Reply-To (the network's address unless the sender names someone)."""
    import re as _re
    from pathlib import Path

    from django.conf import settings

    from kennislab.core.mail import INVITES_REPLY, queue_email

    inviting = []
    for path in sorted(Path(settings.BASE_DIR, "kennislab").glob("*/templates/*/email/*.txt")):
        source = path.read_text()
        if INVITES_REPLY.search(source):
            name = _re.sub(r"^.*/templates/", "", str(path))
            inviting.append(name)
            mail = queue_email("iemand@voorbeeld.example", "Onderwerp", name, {})
            assert mail.headers.get("Reply-To"), name
    assert len(inviting) >= 4, inviting  # the decision mails that ask for an answer
    plain = queue_email("iemand@voorbeeld.example", "Onderwerp",
                        "network/email/story_received.txt", {})  # fmt: skip
    assert "Reply-To" not in plain.headers  # a mail that does not invite one gets none


def test_a_named_reply_address_wins(db):
    from kennislab.core.mail import queue_email

    mail = queue_email("iemand@voorbeeld.example", "Onderwerp",
                       "questions/email/question_answer.txt", {}, reply_to="adviseur@kennislab.example")  # fmt: skip
    assert mail.headers["Reply-To"] == "adviseur@kennislab.example"
