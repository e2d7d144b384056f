"""services.py on the database: registering (registered, then the waiting list), cancelling and
moving up, refusals (duplicate, closed, started), the private links, the audit log and the queued
e-mails with their calendar attachment."""

import re
from datetime import datetime, timedelta

import icalendar
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from kennislab.campaigns import services
from kennislab.campaigns.models import EventPage, Registration, RegistrationEvent, Status
from kennislab.core.models import OutgoingEmail
from kennislab.core.siteurl import page_url

from .conftest import person, register

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/agenda/aanmelding/([A-Za-z0-9_-]{20,})/")


def fresh(registration) -> Registration:
    return Registration.objects.get(pk=registration.pk)


def mails_to(registration) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=registration.email).order_by("pk"))


def history(registration) -> list[tuple]:
    return list(
        RegistrationEvent.objects.filter(registration=registration)
        .order_by("pk")
        .values_list("from_status", "to_status", "actor_label")
    )


def nothing_stored():
    return (
        Registration.objects.count() == 0
        and RegistrationEvent.objects.count() == 0
        and OutgoingEmail.objects.count() == 0
    )


def move(event, **fields):
    """Change an event's dates in the database (as an editor would, without a new revision)."""
    EventPage.objects.filter(pk=event.pk).update(**fields)


def the_calendar(attachment, event) -> icalendar.Event:
    filename, content, mimetype = attachment
    assert filename == "webinar-eenzaamheid-in-de-wijk.ics"
    assert mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["UID"]) == f"evenement-{event.pk}@kennislab"
    assert str(entry["SUMMARY"]) == event.title
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert str(entry["URL"]) == page_url(event)
    assert page_url(event).endswith("/agenda/webinar-eenzaamheid/")
    assert str(entry["DESCRIPTION"]).endswith(page_url(event))
    assert str(entry["LOCATION"]) == "Online"
    return entry


# --- registering ----------------------------------------------------------------------------


def test_registered_while_there_is_room_then_waiting_with_positions(event):
    made = [register(event)[0] for _ in range(5)]
    assert [r.status for r in made] == [Status.REGISTERED, Status.REGISTERED, Status.WAITING,
                                        Status.WAITING, Status.WAITING]  # fmt: skip
    assert [fresh(r).position for r in made] == [None, None, 1, 2, 3]
    assert [r.sequence for r in made] == [1, 2, 3, 4, 5]
    places = services.places(event)
    assert (places.capacity, places.registered, places.waiting) == (2, 2, 3)
    assert places.remaining == 0
    assert places.label == "vol – wachtlijst"


def test_places_label_counts_down():
    places = services.Places(capacity=5, registered=2, waiting=0)
    assert (places.remaining, places.label) == (3, "nog 3 van 5 plaatsen vrij")
    assert services.Places(None, 40, 0).label == "nog plaats"
    assert services.Places(None, 40, 0).remaining is None
    assert services.Places(3, 5, 0).remaining == 0  # capacity lowered below the registered


def test_the_stored_registration(event):
    registration, token = register(event, name="Anna de Vries", email="Anna@Voorbeeld.example ",
                                   organisation="Gemeente Lindeloo")  # fmt: skip
    stored = fresh(registration)
    assert (stored.name, stored.organisation) == ("Anna de Vries", "Gemeente Lindeloo")
    assert stored.email_key == "anna@voorbeeld.example"
    assert stored.consent and stored.consent_text == "Ik geef toestemming."
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    assert stored.token_expires_at == event.ends_at + timedelta(days=30)
    assert services.by_token(token).pk == registration.pk


def test_the_confirmation_mail_has_the_calendar_entry_and_a_private_cancel_link(event):
    registration, token = register(event, name="Anna de Vries")
    (email,) = mails_to(registration)
    assert email.subject == "Je bent aangemeld: Webinar eenzaamheid in de wijk"
    assert email.topic == f"evenement-{event.pk}"
    assert email.body.startswith("Hallo,") and "Anna" not in email.body  # nothing typed
    assert "https://webinar.voorbeeld.example/kamer" in email.body  # the join link
    assert LINK.search(email.body).group(1) == token
    (attachment,) = email.attachments
    the_calendar(attachment, event)


def test_the_confirmation_mail_is_sent_with_the_attachment(
    event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration, _token = register(event)
    (message,) = mail.outbox
    assert message.to == [registration.email]
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == ("webinar-eenzaamheid-in-de-wijk.ics", "text/calendar")
    the_calendar((filename, content, mimetype), event)
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_the_waiting_mail_has_the_position_and_no_attachment(event):
    register(event)
    register(event)
    registration, token = register(event)
    (email,) = mails_to(registration)
    assert email.subject == "Je staat op de wachtlijst: Webinar eenzaamheid in de wijk"
    assert "op plaats 1" in email.body
    assert email.attachments == []
    assert LINK.search(email.body).group(1) == token
    second, _ = register(event)
    assert "op plaats 2" in mails_to(second)[0].body


def test_no_capacity_means_no_limit(make_event):
    event = make_event(capacity=None)
    made = [register(event)[0] for _ in range(30)]
    assert {r.status for r in made} == {Status.REGISTERED}
    assert services.places(event).remaining is None


def test_a_duplicate_address_gets_a_fresh_link_and_nothing_is_duplicated(event):
    first, old_token = register(event, email="anna@voorbeeld.example", name="Anna de Vries")
    counts = Registration.objects.count(), OutgoingEmail.objects.count()
    again = services.register(
        event.pk, person(email="  ANNA@Voorbeeld.Example", name="Iemand Anders"), "Toestemming."
    )
    assert not again.created
    assert again.registration.pk == first.pk and again.token != old_token
    assert (Registration.objects.count(), OutgoingEmail.objects.count()) == (
        counts[0], counts[1] + 1)  # fmt: skip
    stored = fresh(first)
    assert (stored.name, stored.status, stored.email) == (
        "Anna de Vries", Status.REGISTERED, "anna@voorbeeld.example")  # fmt: skip
    assert services.by_token(old_token) is None  # the old link stops working
    assert services.by_token(again.token).pk == first.pk
    resent = mails_to(first)[-1]
    assert resent.subject == "Je aanmelding: Webinar eenzaamheid in de wijk"
    assert LINK.search(resent.body).group(1) == again.token
    assert "je was al aangemeld" in resent.body
    (attachment,) = resent.attachments  # confirmed: the calendar again
    the_calendar(attachment, event)
    assert history(first)[-1] == (Status.REGISTERED, Status.REGISTERED, services.PARTICIPANT)


def test_a_duplicate_on_the_waiting_list_hears_about_the_waiting_list(event):
    register(event)
    register(event)
    waiting, _ = register(event, email="wachter@voorbeeld.example")
    again = services.register(event.pk, person(email="wachter@voorbeeld.example"), "Ja.")
    assert not again.created and fresh(waiting).status == Status.WAITING
    resent = mails_to(waiting)[-1]
    assert resent.subject == "Je plaats op de wachtlijst: Webinar eenzaamheid in de wijk"
    assert "je stond al op de wachtlijst" in resent.body and "op plaats 1" in resent.body
    assert "afspraak voor je agenda" in resent.body  # only when a place comes free
    assert resent.attachments == []
    assert LINK.search(resent.body).group(1) == again.token


def test_the_same_address_may_register_for_another_event(event, make_event):
    register(event, email="anna@voorbeeld.example")
    other, _ = register(make_event(), email="anna@voorbeeld.example")
    assert other.status == Status.REGISTERED


def test_after_cancelling_the_same_address_can_register_again(event):
    first, token = register(event, email="anna@voorbeeld.example")
    services.cancel(token)
    again, new_token = register(event, email="Anna@voorbeeld.example")
    assert again.pk != first.pk and new_token != token
    assert again.status == Status.REGISTERED
    assert fresh(first).status == Status.CANCELLED
    third = services.register(event.pk, person(email="anna@voorbeeld.example"), "Ja.")
    assert not third.created and third.registration.pk == again.pk  # one active registration


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"closes_in": timedelta(minutes=-1)}, "de aanmeldtermijn is voorbij"),
        ({"starts_in": timedelta(minutes=-1)}, "al begonnen of voorbij"),
        ({"starts_in": timedelta(days=-3)}, "al begonnen of voorbij"),
        ({"registration": False}, "hoef je je niet aan te melden"),
    ],
)
def test_registration_is_closed(make_event, fields, message):
    event = make_event(capacity=10, **fields)
    with pytest.raises(services.Refused) as refused:
        register(event)
    assert message in refused.value.message
    assert refused.value.field is None
    assert nothing_stored()


def test_registration_closes_at_the_deadline_not_before(make_event):
    event = make_event(closes_in=timedelta(minutes=5))
    registration, _ = register(event)
    assert registration.status == Status.REGISTERED
    move(event, registration_closes_at=timezone.now())
    with pytest.raises(services.Refused):
        register(event)
    assert Registration.objects.count() == 1


# --- cancelling and moving up ---------------------------------------------------------------


def test_cancelling_a_registered_one_moves_the_first_waiting_one_up(event):
    a, token_a = register(event)
    b, _ = register(event)
    w1, _ = register(event)
    w2, _ = register(event)
    cancelled = services.cancel(token_a)
    assert cancelled.status == Status.CANCELLED
    statuses = [fresh(r).status for r in (a, b, w1, w2)]
    assert statuses == [Status.CANCELLED, Status.REGISTERED, Status.REGISTERED, Status.WAITING]
    assert fresh(w2).position == 1
    moved_up = mails_to(w1)[-1]
    assert moved_up.subject.startswith("Er is een plaats vrij")
    assert moved_up.subject == (
        "Er is een plaats vrij: je bent aangemeld voor Webinar eenzaamheid in de wijk"
    )
    (attachment,) = moved_up.attachments
    the_calendar(attachment, event)
    goodbye = mails_to(a)[-1]
    assert goodbye.subject == "Je bent afgemeld: Webinar eenzaamheid in de wijk"
    assert goodbye.attachments == []  # a cancelled registration gets no calendar file
    assert "wachtlijst" not in goodbye.body
    assert len(mails_to(w2)) == 1  # only its waiting-list mail


def test_cancelling_a_waiting_one_moves_nobody(event):
    a, _ = register(event)
    b, _ = register(event)
    w1, token_w1 = register(event)
    w2, _ = register(event)
    services.cancel(token_w1)
    assert [fresh(r).status for r in (a, b, w1, w2)] == [
        Status.REGISTERED, Status.REGISTERED, Status.CANCELLED, Status.WAITING,
    ]  # fmt: skip
    assert fresh(w2).position == 1  # moved forward in the queue, still waiting
    assert not OutgoingEmail.objects.filter(subject__startswith="Er is een plaats vrij").exists()
    goodbye = mails_to(w1)[-1]  # in the words of the waiting list
    assert goodbye.subject == "Je staat niet meer op de wachtlijst: Webinar eenzaamheid in de wijk"
    assert "Je staat niet meer op de wachtlijst voor" in goodbye.body
    assert "afgemeld" not in goodbye.body and goodbye.attachments == []


def test_cancelling_twice_changes_nothing_more(event):
    _registration, token = register(event)
    services.cancel(token)
    events, mails = RegistrationEvent.objects.count(), OutgoingEmail.objects.count()
    assert services.cancel(token).status == Status.CANCELLED
    assert (RegistrationEvent.objects.count(), OutgoingEmail.objects.count()) == (events, mails)


def test_cancelling_after_the_start_is_refused(event):
    registration, token = register(event)
    move(event, starts_at=timezone.now() - timedelta(minutes=1))
    events, mails = RegistrationEvent.objects.count(), OutgoingEmail.objects.count()
    with pytest.raises(services.Refused) as refused:
        services.cancel(token)
    assert "al begonnen" in refused.value.message
    assert fresh(registration).status == Status.REGISTERED
    assert (RegistrationEvent.objects.count(), OutgoingEmail.objects.count()) == (events, mails)


def test_cancel_with_an_unknown_token_is_refused(event):
    with pytest.raises(services.Refused):
        services.cancel("niet-een-echte-link-maar-wel-lang-genoeg")


# --- private links --------------------------------------------------------------------------


def tampered(token: str) -> str:
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def test_by_token(event):
    registration, token = register(event)
    assert services.by_token(token).pk == registration.pk
    assert tampered(token) != token
    assert services.by_token(tampered(token)) is None
    assert services.by_token(token[:-1]) is None
    assert services.by_token(token + "x") is None
    assert services.by_token("") is None
    assert services.by_token("a" * 101) is None


def test_an_expired_token_finds_nothing(event):
    registration, token = register(event)
    Registration.objects.filter(pk=registration.pk).update(
        token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert services.by_token(token) is None
    with pytest.raises(services.Refused):
        services.cancel(token)
    assert fresh(registration).status == Status.REGISTERED


# --- staff and the audit log ----------------------------------------------------------------


def test_cancel_by_staff_logs_the_user_and_moves_up(event):
    a, _ = register(event)
    register(event)
    waiting, _ = register(event)
    user = User.objects.create_user("beheerder", password="x")
    services.cancel_by_staff(a.pk, "Belde af: ziek.", user)
    assert fresh(a).status == Status.CANCELLED
    assert fresh(waiting).status == Status.REGISTERED
    log = RegistrationEvent.objects.filter(registration=a).last()
    assert (log.from_status, log.to_status, log.actor, log.actor_label, log.note) == (
        Status.REGISTERED, Status.CANCELLED, user, "beheerder", "Belde af: ziek.",
    )  # fmt: skip


def test_every_change_is_in_the_audit_log(event):
    a, token_a = register(event)
    b, _ = register(event)
    w, _ = register(event)
    x, token_x = register(event)
    assert history(a) == [("", Status.REGISTERED, "deelnemer")]
    assert history(w) == [("", Status.WAITING, "deelnemer")]
    services.cancel(token_x)
    assert history(x) == [("", Status.WAITING, "deelnemer"),
                          (Status.WAITING, Status.CANCELLED, "deelnemer")]  # fmt: skip
    services.cancel(token_a)
    assert history(a)[-1] == (Status.REGISTERED, Status.CANCELLED, "deelnemer")
    assert history(w) == [("", Status.WAITING, "deelnemer"),
                          (Status.WAITING, Status.REGISTERED, "systeem")]  # fmt: skip
    promoted = RegistrationEvent.objects.filter(registration=w).last()
    assert promoted.note == "Doorgeschoven van de wachtlijst: er kwam een plaats vrij."
    assert promoted.actor is None
    cancelled = RegistrationEvent.objects.filter(registration=a).last()
    assert cancelled.note == "Afgemeld door de deelnemer."
    assert history(b) == [("", Status.REGISTERED, "deelnemer")]
    assert RegistrationEvent.objects.count() == 7


def test_raising_the_capacity_lets_promote_waiting_fill_every_free_place(event):
    register(event)
    register(event)
    waiting = [register(event)[0] for _ in range(3)]
    EventPage.objects.filter(pk=event.pk).update(capacity=4)
    promoted = services.promote_waiting(EventPage.objects.get(pk=event.pk))
    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert fresh(waiting[2]).status == Status.WAITING


def test_when_reads_in_dutch(make_event):
    start = timezone.make_aware(datetime(2031, 3, 4, 15, 0))
    event = make_event(starts_at=start, ends_at=start + timedelta(hours=1, minutes=30))
    assert services.when(event) == "4 maart 2031, 15.00–16.30 uur"
    event.ends_at = start + timedelta(days=1, hours=2)
    assert services.when(event) == "4 maart 2031 15.00 uur – 5 maart 2031 17.00 uur"
    assert person()["email"].endswith("@voorbeeld.example")
