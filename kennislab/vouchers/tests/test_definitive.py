"""The definitive decision: a provisionally granted application is confirmed ("Definitief
toekennen") with an optional note, the applicant is mailed, the status page says so, the
decision term is shown to staff and applicant, and a decision taken on a stale page is refused."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from kennislab.core import workflow
from kennislab.core.mail import transmit
from kennislab.core.models import OutgoingEmail
from kennislab.core.workdays import add_working_days
from kennislab.vouchers import rules, services
from kennislab.vouchers.models import Application, ApplicationEvent, Status

from .factories import application_data

pytestmark = pytest.mark.django_db
LIST = "/admin/voucheraanvragen/"


@pytest.fixture
def provisional(voucher_site):
    application, token = services.submit(voucher_site.examples[0], application_data(), "Ja.")
    assert application.status == Status.GRANTED
    application.token = token
    return application


@pytest.fixture
def boss(client):
    client.force_login(User.objects.create_superuser("baas", "baas@kennislab.example", "x"))
    return client


def test_confirming_keeps_the_voucher_and_mails_the_applicant(provisional):
    before = services.availability(provisional.scheme)
    application, promoted = services.decide(provisional.pk, "confirm", "Mooi plan.")
    assert application.status == Status.CONFIRMED
    assert application.amount == provisional.scheme.voucher_amount
    assert application.decision_note == "Mooi plan."
    assert application.decided_at is not None
    assert promoted == []
    after = services.availability(provisional.scheme)
    assert after.vouchers_allocated == before.vouchers_allocated == 1  # still counted, once
    assert after.budget_allocated == before.budget_allocated
    event = ApplicationEvent.objects.filter(application=application).last()
    assert (event.from_status, event.to_status, event.note) == ("granted", "confirmed",
                                                                "Mooi plan.")  # fmt: skip
    mail = OutgoingEmail.objects.filter(to=application.email).order_by("pk").last()
    assert mail.subject == f"Je kennisvoucher {application.reference} is definitief toegekend"
    assert "definitief toegekend" in mail.body and "Mooi plan." in mail.body
    assert mail.headers["Reply-To"]  # the mail invites a reply: it says where replies go


def test_the_reply_to_header_reaches_the_mail_server(provisional):
    services.decide(provisional.pk, "confirm")
    message = OutgoingEmail.objects.filter(to=provisional.email).order_by("pk").last()
    from django.core import mail as django_mail

    django_mail.outbox.clear()
    transmit(message)
    assert django_mail.outbox[0].reply_to == [message.headers["Reply-To"]]
    assert "Reply-To" not in django_mail.outbox[0].extra_headers


def test_a_confirmed_voucher_can_only_be_withdrawn_and_that_frees_it(make_voucher_site):
    site = make_voucher_site(examples=1, max_vouchers=1, max_per_example=1)
    first, _ = services.submit(site.examples[0], application_data(), "Ja.")
    second, _ = services.submit(site.examples[0], application_data(), "Ja.")
    assert second.status == Status.WAITING
    services.decide(first.pk, "confirm")
    with pytest.raises(rules.NotAllowed):
        services.decide(first.pk, "reject", "Toch niet.")
    _withdrawn, promoted = services.decide(first.pk, "withdraw", "Trekt zich terug.")
    assert [application.pk for application in promoted] == [second.pk]


def test_a_decision_on_a_stale_page_is_refused_and_changes_nothing(provisional):
    services.decide(provisional.pk, "reject", "Past niet.")
    mails = OutgoingEmail.objects.count()
    with pytest.raises(workflow.Stale) as refused:
        services.decide(provisional.pk, "withdraw", "Weg.", expected_status=Status.GRANTED)
    assert "Afgewezen" in str(refused.value)
    application = Application.objects.get(pk=provisional.pk)
    assert application.status == Status.REJECTED
    assert application.decision_note == "Past niet."
    assert OutgoingEmail.objects.count() == mails


def test_staff_confirm_from_the_detail_page(boss, provisional):
    url = f"{LIST}inspect/{provisional.pk}/"
    page = boss.get(url).content.decode()
    assert "Definitief toekennen" in page
    assert 'name="gezien" value="granted"' in page
    deadline = add_working_days(timezone.localdate(), 10)
    assert "Definitief besluit uiterlijk" in page
    assert f"{deadline.day} " in page
    response = boss.post(url, {"action": "confirm", "note": "", "gezien": "granted"})
    assert response.status_code == 302
    assert Application.objects.get(pk=provisional.pk).status == Status.CONFIRMED
    message = boss.get(url).content.decode()
    assert f"{provisional.reference} is definitief toegekend. De aanvrager krijgt een e-mail." in (
        message
    )
    # only withdrawing is left, and the help text says the note is required for it
    assert "Definitief toekennen" not in message.split("Geschiedenis")[0].split("Besluit")[-1]
    assert "Verplicht bij: intrekken (namens de aanvrager)." in message


def test_staff_on_a_stale_page_get_a_clear_message(boss, provisional):
    url = f"{LIST}inspect/{provisional.pk}/"
    boss.get(url)  # the page as the staff member saw it: provisionally granted
    services.decide(provisional.pk, "reject", "Een collega wees af.")  # meanwhile
    response = boss.post(url, {"action": "withdraw", "note": "Weg.", "gezien": "granted"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit intussen behandeld" in html
    assert "‘Afgewezen’" in html
    application = Application.objects.get(pk=provisional.pk)
    assert (application.status, application.decision_note) == ("rejected", "Een collega wees af.")


def test_the_applicant_sees_the_deadline_and_then_the_definitive_grant(client, provisional):
    url = reverse("vouchers:application", args=[provisional.token])
    deadline = add_working_days(timezone.localdate(), 10)
    months = ("januari februari maart april mei juni juli augustus september oktober november "
              "december").split()  # fmt: skip
    shown = f"{deadline.day} {months[deadline.month - 1]} {deadline.year}"
    assert f"uiterlijk {shown}" in client.get(url).content.decode()
    received = OutgoingEmail.objects.filter(to=provisional.email).order_by("pk").first()
    assert f"uiterlijk {shown}" in received.body
    services.decide(provisional.pk, "confirm")
    page = client.get(url).content.decode()
    assert "Definitief toegekend" in page and "uiterlijk" not in page


def test_the_term_of_an_application_that_moved_up_runs_from_moving_up(make_voucher_site):
    site = make_voucher_site(examples=1, max_vouchers=1, max_per_example=1)
    first, _ = services.submit(site.examples[0], application_data(), "Ja.")
    second, _ = services.submit(site.examples[0], application_data(), "Ja.")
    Application.objects.filter(pk=second.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=60)
    )
    services.decide(first.pk, "reject", "Nee.")
    moved = Application.objects.get(pk=second.pk)
    assert moved.status == Status.GRANTED
    term = services.decision_term(moved)
    assert term.deadline == add_working_days(timezone.localdate(), 10)
    assert not term.overdue


def test_provisional_grants_wait_in_the_inbox_with_their_deadline(boss, provisional):
    html = boss.get("/admin/inbox/?soort=vouchers").content.decode()
    assert f"/admin/voucheraanvragen/inspect/{provisional.pk}/" in html
    assert "Voucheraanvragen" in html
    deadline = add_working_days(timezone.localdate(), 10)
    short = "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split()
    assert f"{deadline.day} {short[deadline.month - 1]} {deadline.year}" in html
    boss.post("/admin/inbox/", {"bron": "vouchers", "id": provisional.pk, "aan": "mij"})
    assert Application.objects.get(pk=provisional.pk).assigned_to.username == "baas"
    services.decide(provisional.pk, "confirm")
    assert f"/admin/voucheraanvragen/inspect/{provisional.pk}/" not in boss.get(
        "/admin/inbox/?soort=vouchers").content.decode()  # fmt: skip
