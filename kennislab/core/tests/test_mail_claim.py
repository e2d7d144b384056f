"""Mail exactly once (issue 14): a sender claims a mail with one conditional UPDATE before it
sends, so the worker, `send_pending_mail` and a second worker never send the same mail twice; a
claim left by a sender that died is taken over after MAIL_CLAIM_TIMEOUT. A refused connection
loses nothing and shows in `outbox_health()`; a mail that failed every attempt can be sent
again (admin action, `send_pending_mail --ook-mislukt`); nothing in a header has a line break."""

import smtplib
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from kennislab.core import mail as outbox
from kennislab.core.models import OutgoingEmail

TEMPLATE = "vouchers/email/withdrawn.txt"
SENDERS = 6


def queue(to="iemand@voorbeeld.example", subject="Onderwerp"):
    return outbox.queue_email(to, subject, TEMPLATE, {"application": None}, topic="T-1")


class CountingTransmit:
    """Stands in for the mail server: counts what it is handed, and takes a moment, so that
    senders that start together overlap."""

    def __init__(self):
        self.sent = []
        self.lock = threading.Lock()

    def __call__(self, email):
        time.sleep(0.2)
        with self.lock:
            self.sent.append(email.pk)


def waiting_mail() -> OutgoingEmail:
    """A queued mail, stored without handing it to the task backend (which in the tests sends
    at once after the commit)."""
    return OutgoingEmail.objects.create(to="iemand@voorbeeld.example", subject="Race", body="x")


def race(email_id: int) -> list:
    """SENDERS threads, each with its own database connection, deliver the same mail at the
    same moment (as the worker and `send_pending_mail` would). Returns what each returned."""
    barrier = threading.Barrier(SENDERS)
    results, errors = [], []

    def sender():
        try:
            email = OutgoingEmail.objects.get(pk=email_id)
            barrier.wait()
            results.append(outbox.deliver(email))
        except Exception as error:  # pragma: no cover - shown by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_senders_at_the_same_moment_send_a_mail_once(monkeypatch):
    counting = CountingTransmit()
    monkeypatch.setattr(outbox, "transmit", counting)
    email = waiting_mail()

    assert race(email.pk).count(True) == 1

    assert counting.sent == [email.pk]  # exactly one send
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1 and email.claimed_at is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_the_claim_the_same_race_sends_the_mail_more_than_once(monkeypatch):
    """The test above can fail: with the claim replaced by "always won" (how deliver() behaved
    before), the same race hands the mail to the server several times."""
    counting = CountingTransmit()
    monkeypatch.setattr(outbox, "transmit", counting)
    monkeypatch.setattr(outbox, "claim", lambda email_id, include_failed=False: True)
    email = waiting_mail()

    results = race(email.pk)

    assert len(counting.sent) > 1, (counting.sent, results)


@pytest.mark.django_db
def test_a_claimed_mail_is_not_sent_by_a_second_sender(mailoutbox):
    email = queue()
    assert outbox.claim(email.pk) is True
    assert outbox.claim(email.pk) is False  # the second sender loses
    assert outbox.deliver(OutgoingEmail.objects.get(pk=email.pk)) is False
    assert mailoutbox == []
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.SENDING


@pytest.mark.django_db
@override_settings(MAIL_CLAIM_TIMEOUT=600)
def test_a_stale_claim_is_sent_after_the_timeout(mailoutbox):
    """The worker died between claiming and sending: the mail is not lost."""
    email = queue()
    outbox.claim(email.pk)
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=1))

    assert outbox.send_pending() == (0, 0)  # a fresh claim: someone is sending it
    assert mailoutbox == []

    OutgoingEmail.objects.filter(pk=email.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=11)
    )
    assert outbox.send_pending() == (1, 0)
    assert [m.to for m in mailoutbox] == [["iemand@voorbeeld.example"]]
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.SENT


@pytest.mark.django_db
def test_sending_has_a_dutch_label():
    assert str(OutgoingEmail.Status.SENDING.label) == "Wordt verstuurd"


# --- the mail server refusing connections -------------------------------------------------------


class RefusingBackend:
    """An e-mail backend whose server refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="kennislab.core.tests.test_mail_claim.RefusingBackend")
def test_a_refused_connection_loses_nothing_and_is_retried_and_visible():
    email = queue()
    assert outbox.outbox_health()["retrying"] == 0

    assert outbox.deliver(email) is False

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.RETRY and email.attempts == 1
    assert "De mailserver weigerde de verbinding" in email.last_error
    assert email.body and email.to == "iemand@voorbeeld.example"  # nothing lost
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=2))
    health = outbox.outbox_health()
    assert health["retrying"] == 1 and health["failed"] == 0
    assert 7190 <= health["oldest_unsent_age_seconds"] <= 7300

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert outbox.send_pending() == (1, 0)  # the server is back
    assert len(mail.outbox) == 1
    assert outbox.outbox_health() == {
        "oldest_unsent_age_seconds": None, "failed": 0, "retrying": 0
    }  # fmt: skip


@pytest.mark.django_db
def test_an_smtp_connect_error_is_worded_in_dutch(monkeypatch):
    def refuse(email):
        raise smtplib.SMTPConnectError(421, "Service not available")

    monkeypatch.setattr(outbox, "transmit", refuse)
    email = queue()
    outbox.deliver(email)
    email.refresh_from_db()
    assert email.last_error.startswith("De mailserver weigerde de verbinding")


@pytest.mark.django_db
def test_outbox_health_counts_failed_mails_in_at_most_two_queries(django_assert_max_num_queries):
    for status in ("failed", "failed", "retry", "sent", "queued"):
        OutgoingEmail.objects.create(to="a@example.org", subject="x", body="x", status=status)
    with django_assert_max_num_queries(2):
        health = outbox.outbox_health()
    assert health["failed"] == 2 and health["retrying"] == 1
    assert 0 <= health["oldest_unsent_age_seconds"] < 60


# --- failed mails sent again --------------------------------------------------------------------


def failed_mail(to="mislukt@voorbeeld.example"):
    email = queue(to)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.FAILED, attempts=outbox.MAX_ATTEMPTS, last_error="weg",
        created_at=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    return OutgoingEmail.objects.get(pk=email.pk)


@pytest.mark.django_db
def test_send_pending_mail_leaves_failed_mails_unless_asked(capsys, mailoutbox):
    email = failed_mail()
    call_command("send_pending_mail")
    assert "0 verstuurd" in capsys.readouterr().out
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.FAILED

    call_command("send_pending_mail", "--ook-mislukt")

    assert "1 verstuurd, 0 nog niet gelukt." in capsys.readouterr().out
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 1
    assert [m.to for m in mailoutbox] == [["mislukt@voorbeeld.example"]]


@pytest.mark.django_db
def test_a_failed_mail_retried_with_ook_mislukt_gets_a_new_budget(monkeypatch):
    monkeypatch.setattr(outbox, "transmit", lambda email: (_ for _ in ()).throw(OSError("x")))
    email = failed_mail()
    call_command("send_pending_mail", "--ook-mislukt")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.RETRY and email.attempts == 1


def outbox_admin_url(email):
    return f"/admin/uitgaande-email/inspect/{email.pk}/"


@pytest.fixture
def staff(django_user_model):
    from django.contrib.auth.models import Permission

    def make(*codenames):
        user = django_user_model.objects.create_user(
            f"staf{len(codenames)}", "staf@kennislab.example", "een-lang-wachtwoord-123",
            is_staff=True,
        )  # fmt: skip
        user.user_permissions.set(Permission.objects.filter(
            content_type__app_label__in=["core", "wagtailadmin"],
            codename__in=["access_admin", *codenames]))  # fmt: skip
        return user

    return make


@pytest.mark.django_db
def test_the_outbox_admin_resends_a_failed_mail_and_logs_it(
    client, staff, django_capture_on_commit_callbacks, mailoutbox
):
    from wagtail.models import ModelLogEntry

    email = failed_mail()
    user = staff("view_outgoingemail", "resend_outgoingemail")
    client.force_login(user)
    page = client.get(outbox_admin_url(email))
    assert page.status_code == 200
    assert "Opnieuw versturen" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(outbox_admin_url(email), {"gezien": "failed"})

    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 1
    assert [m.to for m in mailoutbox] == [["mislukt@voorbeeld.example"]]
    entry = ModelLogEntry.objects.get(action="kennislab.mail_resent")
    assert entry.user_id == user.pk and entry.object_id == str(email.pk)


@pytest.mark.django_db
def test_resending_needs_the_permission(client, staff):
    email = failed_mail()
    client.force_login(staff("view_outgoingemail"))
    page = client.get(outbox_admin_url(email))
    assert page.status_code == 200
    assert "Opnieuw versturen" not in page.content.decode()
    response = client.post(outbox_admin_url(email), {"gezien": "failed"})
    assert response.status_code in (302, 403)  # Wagtail answers a refusal with a redirect
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.FAILED


@pytest.mark.django_db
def test_a_sent_mail_offers_no_resend(client, staff, mailoutbox):
    email = queue()
    outbox.deliver(email)
    client.force_login(staff("view_outgoingemail", "resend_outgoingemail"))
    assert "Opnieuw versturen" not in client.get(outbox_admin_url(email)).content.decode()
    response = client.post(outbox_admin_url(email), {"gezien": "failed"})
    assert response.status_code == 409  # the page was stale: nothing changes
    assert len(mailoutbox) == 1


# --- headers on one line ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_line_break_in_a_header_never_gets_a_mail_stuck(mailoutbox):
    email = outbox.queue_email(
        "iemand@voorbeeld.example", "Aanmelding van A\r\nBcc: x@example.org", TEMPLATE,
        {"application": None}, headers={"X-Over": "een\nregel"}, reply_to="a@example.org\r\n",
    )  # fmt: skip
    assert email.subject == "Aanmelding van A Bcc: x@example.org"
    assert email.headers == {"X-Over": "een regel", "Reply-To": "a@example.org"}
    assert outbox.deliver(email) is True
    (sent,) = mailoutbox
    message = sent.message()
    assert message["Subject"] == "Aanmelding van A Bcc: x@example.org"
    assert message["Bcc"] is None and sent.bcc == []


@pytest.mark.django_db
def test_a_stored_mail_with_a_line_break_is_still_sent(mailoutbox):
    """A message stored before the clean-up existed is flattened when it is sent."""
    email = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(subject="Van A\r\nBcc: x@example.org")
    assert outbox.deliver(OutgoingEmail.objects.get(pk=email.pk)) is True
    assert mailoutbox[0].message()["Subject"] == "Van A Bcc: x@example.org"
