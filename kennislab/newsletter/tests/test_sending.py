"""Sending an issue: one mail per confirmed subscriber with their sections, built just before it
is sent, at a capped rate, at its planned time, once — also when a worker dies halfway or two
workers run at once — and hard bounces stop mail after three."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from email import message_from_string
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from kennislab.core import mail as core_mail
from kennislab.core.models import OutgoingEmail
from kennislab.core.testing import run_in_threads
from kennislab.newsletter import sending, services
from kennislab.newsletter.models import Delivery, Sending, Subscriber
from kennislab.newsletter.tests.issues import confirmed, make_issue, many, text_section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commit_at_once")]


@pytest.fixture(autouse=True)
def _rates(settings):
    settings.NEWSLETTER_RATE_PER_MINUTE = 1000
    settings.NEWSLETTER_BATCH_SIZE = 7


def issue_with_sections(themes, slug="mei"):
    first, second = themes[0], themes[1]
    return make_issue(slug, [
        text_section("Voor iedereen", "Algemeen nieuws."),
        text_section("Alleen thema A", "Over thema A.", first),
        text_section("Alleen thema B", "Over thema B.", second),
    ])  # fmt: skip


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def run_until_done(sending_obj, now=None):
    for _round in range(50):
        result = sending.run(sending_obj.pk, now=now)
        if result.finished or not result.due:
            return result
        now = (now or timezone.now()) + timedelta(minutes=1)
    raise AssertionError("the sending did not finish")


def test_each_subscriber_gets_one_mail_with_their_sections(themes):
    a_only = confirmed("a@example.org", "Anna", [themes[0]])
    both = confirmed("ab@example.org", "", [themes[0], themes[1]])
    everything = confirmed("alles@example.org", "Bo")
    other = confirmed("c@example.org", "", [themes[2]])
    confirmed("weg@example.org")
    services.unsubscribe(Subscriber.objects.get(email="weg@example.org"))
    issue = issue_with_sections(themes)
    planned = sending.schedule(issue)  # immediate task backend: sent at once
    planned.refresh_from_db()
    assert planned.status == Sending.Status.SENT

    expectations = {
        a_only.email: ({"Voor iedereen", "Alleen thema A"}, {"Alleen thema B"}),
        both.email: ({"Voor iedereen", "Alleen thema A", "Alleen thema B"}, set()),
        everything.email: ({"Voor iedereen", "Alleen thema A", "Alleen thema B"}, set()),
        other.email: ({"Voor iedereen"}, {"Alleen thema A", "Alleen thema B"}),
    }
    assert len(mail.outbox) == 4
    for address, (present, absent) in expectations.items():
        [message] = sent_to(address)
        html = message.alternatives[0][0]
        assert message.alternatives[0][1] == "text/html"
        for heading in present:
            assert heading in message.body and heading in html
        for heading in absent:
            assert heading not in message.body and heading not in html
        assert message.subject == "Nieuws uit het netwerk"
        headers = message.extra_headers
        assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        subscriber = Subscriber.objects.get(email=address)
        assert subscriber.unsubscribe_key in headers["List-Unsubscribe"]
        assert subscriber.unsubscribe_key in message.body
    assert "Anna" in sent_to(a_only.email)[0].body
    assert planned.sent_count == 4 and planned.failed_count == 0
    assert sending.progress(planned).percent == 100


def test_a_sent_issue_cannot_be_sent_again(themes):
    confirmed("a@example.org")
    issue = issue_with_sections(themes)
    sending.schedule(issue)
    with pytest.raises(sending.SendingError, match="al ingepland of verstuurd"):
        sending.schedule(issue)
    assert len(mail.outbox) == 1
    # running the finished sending again sends nothing
    result = sending.run(Sending.objects.get(issue=issue).pk)
    assert result.finished and result.sent == 0 and len(mail.outbox) == 1


def test_only_a_published_issue_without_pending_changes_can_be_sent(themes):
    draft = make_issue("concept", [text_section("Kop", "Tekst.")], publish=False)
    with pytest.raises(sending.SendingError, match="Publiceer"):
        sending.schedule(draft)
    live = make_issue("live", [text_section("Kop", "Tekst.")])
    live.intro = "Nog niet gepubliceerd."
    live.save_revision()
    with pytest.raises(sending.SendingError, match="nog niet gepubliceerd"):
        sending.schedule(NewsletterIssue(live.pk))
    assert not Sending.objects.exists()


def NewsletterIssue(pk):
    from kennislab.newsletter.models import NewsletterIssuePage

    return NewsletterIssuePage.objects.get(pk=pk)


def test_a_planned_issue_goes_out_at_its_time(themes):
    confirmed("a@example.org")
    issue = issue_with_sections(themes)
    at = timezone.now() + timedelta(days=2)
    planned = sending.schedule(issue, at)
    assert mail.outbox == []  # the task ran (immediate backend) but it was not due
    assert sending.run(planned.pk, now=at - timedelta(seconds=1)).due is False
    assert mail.outbox == [] and Sending.objects.get(pk=planned.pk).status == "scheduled"
    assert list(sending.due_sendings(at - timedelta(minutes=1))) == []
    assert list(sending.due_sendings(at)) == [planned]
    result = sending.run(planned.pk, now=at + timedelta(seconds=1))
    assert result.finished and len(mail.outbox) == 1


def test_a_planned_issue_can_be_cancelled_before_it_starts(themes):
    issue = issue_with_sections(themes)
    sending.schedule(issue, timezone.now() + timedelta(hours=1))
    sending.cancel(issue)
    assert not Sending.objects.exists()
    with pytest.raises(sending.SendingError):
        sending.cancel(issue)


def test_the_rate_per_minute_is_kept(settings, themes):
    settings.NEWSLETTER_RATE_PER_MINUTE = 5
    settings.NEWSLETTER_BATCH_SIZE = 2
    many(12)
    issue = issue_with_sections(themes)
    start = timezone.now()
    planned = sending.schedule(issue, start + timedelta(seconds=5))
    first = sending.run(planned.pk, now=start + timedelta(seconds=6))
    assert (first.sent, first.finished) == (5, False)
    assert first.next_run == start + timedelta(seconds=66)
    assert sending.run(planned.pk, now=start + timedelta(seconds=30)).sent == 0  # cap used
    second = sending.run(planned.pk, now=first.next_run)
    third = sending.run(planned.pk, now=second.next_run)
    assert (second.sent, third.sent, third.finished) == (5, 2, True)
    assert len(mail.outbox) == 12
    assert len({message.to[0] for message in mail.outbox}) == 12


def test_who_unsubscribes_during_sending_gets_nothing_more(settings, themes):
    settings.NEWSLETTER_BATCH_SIZE = 3
    readers = many(6)
    issue = issue_with_sections(themes)
    planned = sending.schedule(issue, timezone.now() + timedelta(hours=1))
    planned.status = Sending.Status.SENDING
    planned.save()
    from kennislab.newsletter.render import IssueMail

    built = sending.build_batch(planned, IssueMail(issue))  # readers 0–2 have a message
    assert len(built) == 3
    services.unsubscribe(Subscriber.objects.get(pk=readers[1].pk))  # built, not yet sent
    services.unsubscribe(Subscriber.objects.get(pk=readers[4].pk))  # not built yet
    Sending.objects.filter(pk=planned.pk).update(scheduled_at=timezone.now())
    run_until_done(planned)
    received = {message.to[0] for message in mail.outbox}
    assert received == {readers[n].email for n in (0, 2, 3, 5)}
    skipped = Delivery.objects.get(sending=planned, subscriber=readers[1])
    assert skipped.status == Delivery.Status.SKIPPED and skipped.email is None
    assert not Delivery.objects.filter(sending=planned, subscriber=readers[4]).exists()
    assert sending.progress(Sending.objects.get(pk=planned.pk)).sent == 4


def test_a_hard_bounce_counts_and_three_stop_the_newsletter(themes):
    reader = confirmed("onbekend@example.org")
    confirmed("goed@example.org")
    refused = smtplib.SMTPRecipientsRefused({"onbekend@example.org": (550, b"No such user")})
    real = core_mail.transmit

    def transmit(email):
        if email.to == "onbekend@example.org":
            raise refused
        real(email)

    with mock.patch.object(core_mail, "transmit", side_effect=transmit):
        for number in range(3):
            issue = issue_with_sections(themes, slug=f"nummer-{number}")
            sending.schedule(issue)
            planned = Sending.objects.get(issue=issue)
            assert planned.status == Sending.Status.SENT
            assert planned.failed_count == 1 and planned.sent_count == 1
            reader.refresh_from_db()
            assert reader.hard_bounces == number + 1
    bounced = Delivery.objects.filter(subscriber=reader, status=Delivery.Status.BOUNCED)
    assert bounced.count() == 3
    assert OutgoingEmail.objects.filter(to=reader.email, hard_bounce=True, attempts=1).count() == 3
    assert not Subscriber.objects.mailable().filter(pk=reader.pk).exists()
    fourth = issue_with_sections(themes, slug="nummer-4")
    mail.outbox.clear()
    sending.schedule(fourth)
    assert [message.to for message in mail.outbox] == [["goed@example.org"]]


def test_a_delivered_mail_resets_the_bounce_count(themes):
    reader = confirmed("soms@example.org")
    Subscriber.objects.filter(pk=reader.pk).update(hard_bounces=2)
    sending.schedule(issue_with_sections(themes))
    reader.refresh_from_db()
    assert reader.hard_bounces == 0


def test_a_temporary_failure_is_tried_again_in_a_later_round(themes):
    confirmed("traag@example.org")
    issue = issue_with_sections(themes)
    with mock.patch.object(core_mail, "transmit", side_effect=ConnectionRefusedError()):
        planned = sending.schedule(issue)
    planned.refresh_from_db()
    assert planned.status == Sending.Status.SENDING  # not done: the mail waits for a retry
    assert Delivery.objects.get().status == Delivery.Status.QUEUED
    result = sending.run(planned.pk, now=timezone.now() + timedelta(minutes=1))
    assert result.finished and result.sent == 1 and len(mail.outbox) == 1


def test_test_send_goes_only_to_staff_addresses(django_user_model, themes):
    editor = django_user_model.objects.create_superuser(
        "redacteur", "redacteur@example.org", "een-lang-wachtwoord-12", first_name="Roos"
    )
    issue = make_issue("test", [text_section("Concepttekst", "Nog niet af.")], publish=False)
    with pytest.raises(sending.SendingError, match=r"vreemde@example\.org"):
        sending.send_test(issue, ["redacteur@example.org", "vreemde@example.org"], editor)
    assert mail.outbox == []
    assert sending.send_test(issue, ["Redacteur@example.org"], editor) == 1
    [message] = mail.outbox
    assert message.subject == "[Test] Nieuws uit het netwerk"
    assert "Concepttekst" in message.body and "Roos" in message.body
    assert message.alternatives and not Sending.objects.exists()


def test_deliveries_are_forgotten_after_90_days_and_the_totals_stay(themes):
    confirmed("a@example.org")
    issue = issue_with_sections(themes)
    planned = sending.schedule(issue)
    assert services.purge_deliveries() == 0
    later = timezone.now() + timedelta(days=91)
    assert services.purge_deliveries(later) == 1
    planned.refresh_from_db()
    assert planned.sent_count == 1 and sending.progress(planned).sent == 1


def test_the_mail_has_a_text_and_an_html_part(themes):
    confirmed("a@example.org")
    sending.schedule(issue_with_sections(themes))
    [message] = mail.outbox
    parsed = message_from_string(message.message().as_string())
    types = [part.get_content_type() for part in parsed.walk()]
    assert "text/plain" in types and "text/html" in types


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_crash_two_workers_send_each_remaining_mail_once(settings, themes):
    settings.NEWSLETTER_BATCH_SIZE = 4
    readers = many(30)
    issue = issue_with_sections(themes)
    planned = sending.schedule(issue, timezone.now() + timedelta(seconds=1))
    real = core_mail.transmit
    calls = {"n": 0}

    def dies_at_the_tenth(email):
        calls["n"] += 1
        if calls["n"] == 10:
            raise SystemExit("worker killed")  # not an Exception: nothing records the outcome
        real(email)

    Sending.objects.filter(pk=planned.pk).update(scheduled_at=timezone.now())
    with (
        mock.patch.object(core_mail, "transmit", side_effect=dies_at_the_tenth),
        pytest.raises(SystemExit),
    ):
        sending.run(planned.pk)
    assert len(mail.outbox) == 9
    left = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENDING)
    assert left.count() == 1
    # time passes: the dead worker's claim goes stale (a live claim of the two workers never is)
    left.update(claimed_at=timezone.now() - core_mail.claim_timeout() - timedelta(seconds=1))

    results = run_in_threads([lambda: sending.run(planned.pk) for _ in range(2)])
    assert not [r for r in results if isinstance(r, BaseException)], results
    sending.run(planned.pk)  # whatever the two left for a later round
    addresses = [message.to[0] for message in mail.outbox]
    assert sorted(addresses) == sorted(reader.email for reader in readers)
    assert Delivery.objects.filter(sending=planned).count() == 30
    assert Sending.objects.get(pk=planned.pk).status == Sending.Status.SENT


def test_the_command_sends_what_is_due_and_leaves_what_is_not(themes):
    from io import StringIO

    from django.core.management import call_command

    confirmed("a@example.org")
    due = issue_with_sections(themes, slug="nu")
    later = issue_with_sections(themes, slug="straks")
    sending.schedule(due, timezone.now() + timedelta(hours=1))
    sending.schedule(later, timezone.now() + timedelta(days=1))
    Sending.objects.filter(issue=due).update(scheduled_at=timezone.now() - timedelta(minutes=1))
    output = StringIO()
    call_command("send_newsletters", stdout=output)
    assert "1 verstuurd, 0 mislukt" in output.getvalue()
    assert Sending.objects.get(issue=due).status == Sending.Status.SENT
    assert Sending.objects.get(issue=later).status == Sending.Status.SCHEDULED
    assert len(mail.outbox) == 1
