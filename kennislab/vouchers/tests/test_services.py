"""services.py: taking applications, deciding on them, moving up from the waiting list, the audit
log, the queued e-mails and the availability figures, on the database."""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kennislab.core.models import OutgoingEmail
from kennislab.vouchers import rules, services
from kennislab.vouchers.models import Application, ApplicationEvent, Status

from .factories import AMOUNT, application_data, submit

pytestmark = pytest.mark.django_db

DUPLICATE = "Deze organisatie heeft al een aanvraag gedaan voor dit goede voorbeeld."


def fill(site):
    """The default scheme (3 vouchers, 2 per example) full, with three on the waiting list:
    a1, a2 for example A and b1 for example B granted; then w_a (A), w_c (C), w_b (B) waiting."""
    a, b, c = site.examples
    apps = {}
    for name, example in [("a1", a), ("a2", a), ("b1", b), ("w_a", a), ("w_c", c), ("w_b", b)]:
        apps[name], _token = submit(example, organisation=f"Organisatie {name}")
    return apps


def fresh(application):
    return Application.objects.get(pk=application.pk)


def emails_about(application, subject_start=""):
    return list(
        OutgoingEmail.objects.filter(topic=application.reference, subject__startswith=subject_start)
    )


# --- submitting -----------------------------------------------------------------------------


def test_submit_grants_while_caps_allow_then_queues_in_arrival_order(voucher_site):
    apps = fill(voucher_site)
    statuses = {name: app.status for name, app in apps.items()}
    assert statuses == {
        "a1": Status.GRANTED,
        "a2": Status.GRANTED,
        "b1": Status.GRANTED,
        "w_a": Status.WAITING,
        "w_c": Status.WAITING,
        "w_b": Status.WAITING,
    }
    positions = {name: fresh(app).position for name, app in apps.items()}
    assert positions == {"a1": None, "a2": None, "b1": None, "w_a": 1, "w_c": 2, "w_b": 3}
    assert [app.sequence for app in apps.values()] == [1, 2, 3, 4, 5, 6]
    assert Application.objects.filter(scheme=voucher_site.scheme).count() == 6


def test_amount_is_set_only_when_granted(voucher_site):
    apps = fill(voucher_site)
    for app in apps.values():
        stored = fresh(app)
        if stored.status == Status.GRANTED:
            assert stored.amount == voucher_site.scheme.voucher_amount
        else:
            assert stored.amount is None


def test_reference_is_year_and_zero_padded_primary_key(voucher_site):
    application, _token = submit(voucher_site.examples[0])
    stored = fresh(application)
    year = timezone.localtime(stored.received_at).year
    assert stored.reference == f"KV-{year}-{stored.pk:04d}"
    assert re.fullmatch(r"KV-\d{4}-\d{4,}", stored.reference)


def test_reference_year_is_the_dutch_year_of_arrival(voucher_site, monkeypatch):
    # 31 December 23:30 UTC is already 1 January, 00:30, in Amsterdam.
    moment = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
    scheme = voucher_site.scheme
    scheme.opens_at, scheme.closes_at = moment - timedelta(days=1), None
    scheme.save()
    monkeypatch.setattr(timezone, "now", lambda: moment)
    application, _token = submit(voucher_site.examples[0])
    assert application.reference == f"KV-2026-{application.pk:04d}"


def test_sequences_continue_per_scheme(voucher_site, make_voucher_site):
    other = make_voucher_site(examples=1)
    first, _ = submit(voucher_site.examples[0])
    elsewhere, _ = submit(other.examples[0])
    second, _ = submit(voucher_site.examples[1])
    assert (first.sequence, second.sequence) == (1, 2)
    assert elsewhere.sequence == 1
    assert first.reference != elsewhere.reference


def test_arrival_is_logged_with_the_reason(voucher_site):
    apps = fill(voucher_site)
    for name, app in apps.items():
        events = list(ApplicationEvent.objects.filter(application=app))
        assert len(events) == 1, name
        event = events[0]
        assert (event.from_status, event.to_status, event.actor_label, event.actor) == (
            "",
            app.status,
            "aanvrager",
            None,
        )
    assert apps["a1"].events.get().note == "Voorlopig toegekend: er was nog ruimte bij aankomst."
    assert apps["w_a"].events.get().note == (
        "Op de wachtlijst. Voor dit goede voorbeeld zijn al 2 vouchers toegekend "
        "(het maximum per voorbeeld)."
    )
    assert apps["w_c"].events.get().note == (
        "Op de wachtlijst. Alle 3 vouchers van deze regeling zijn toegekend."
    )


def test_a_budget_tighter_than_the_vouchers_sends_the_rest_to_the_waiting_list(
    make_voucher_site,
):
    site = make_voucher_site(examples=3, max_vouchers=3, budget_total=2 * AMOUNT)
    first, second, third = (submit(example)[0] for example in site.examples)
    assert [first.status, second.status, third.status] == [
        Status.GRANTED,
        Status.GRANTED,
        Status.WAITING,
    ]
    assert third.events.get().note == "Op de wachtlijst. Het budget van de regeling is op."
    assert services.availability(site.scheme).budget_remaining == Decimal("0")


def test_confirmation_mail_is_queued_with_the_private_link(voucher_site):
    granted, token = submit(voucher_site.examples[0], email="eerste@organisatie.example")
    [email] = emails_about(granted)
    assert email.to == "eerste@organisatie.example"
    assert email.subject == (
        f"Je aanvraag voor een kennisvoucher is ontvangen ({granted.reference})"
    )
    assert email.status == OutgoingEmail.Status.QUEUED  # sent after commit, by the task
    assert f"http://testserver/kennisvouchers/aanvraag/{token}/" in email.body
    assert "je aanvraag is voorlopig toegekend" in email.body
    assert granted.reference in email.body

    submit(voucher_site.examples[0])
    waiting, _ = submit(voucher_site.examples[0])
    [waiting_email] = emails_about(waiting)
    assert "Je aanvraag staat op de wachtlijst, op plaats 1." in waiting_email.body


@pytest.mark.parametrize(
    "variant",
    ["gemeente unna.", "GEMEENTE ÜNNA", "Gemeente  Ünna", "gemeente-unna", " Gemeente Unna!"],
)
def test_the_same_organisation_cannot_apply_twice_for_one_example(voucher_site, variant):
    example = voucher_site.examples[0]
    first, _ = submit(example, organisation="Gemeente Ünna")
    counts = (Application.objects.count(), ApplicationEvent.objects.count())
    mails = OutgoingEmail.objects.count()
    with pytest.raises(services.ApplicationRefused) as refused:
        submit(example, organisation=variant)
    assert refused.value.field == "organisation"
    assert refused.value.message.startswith(DUPLICATE)
    assert (Application.objects.count(), ApplicationEvent.objects.count()) == counts
    assert OutgoingEmail.objects.count() == mails
    # … but it may apply for another example.
    other, _ = submit(voucher_site.examples[1], organisation=variant)
    assert other.pk != first.pk


def test_organisation_key_ignores_case_accents_punctuation_and_spacing():
    key = services.organisation_key
    assert key("Gemeente Ünna") == key("gemeente unna.") == key("GEMEENTE-UNNA") == "gemeente unna"
    assert key("Stichting  Wijk_kracht ") == "stichting wijk kracht"
    assert key("Gemeente Unna") != key("Gemeente Unna Oost")


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("not_yet", "Aanvragen kan vanaf "),
        ("closed", "Deze regeling is gesloten: er kunnen geen aanvragen meer worden ingediend."),
    ],
)
def test_a_scheme_that_is_not_open_takes_nothing(voucher_site, phase, message):
    voucher_site.set_phase(phase)
    with pytest.raises(services.ApplicationRefused) as refused:
        submit(voucher_site.examples[0])
    assert refused.value.message.startswith(message)
    assert refused.value.field is None
    assert Application.objects.count() == 0
    assert ApplicationEvent.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_not_yet_open_names_the_opening_moment_in_dutch_time(voucher_site):
    voucher_site.set_phase("not_yet")
    opens = timezone.localtime(voucher_site.scheme.opens_at)
    with pytest.raises(services.ApplicationRefused) as refused:
        submit(voucher_site.examples[0])
    assert refused.value.message == f"Aanvragen kan vanaf {opens:%d-%m-%Y %H:%M}."


# --- deciding -------------------------------------------------------------------------------


def test_rejecting_a_granted_one_moves_up_the_first_waiting_one_that_fits(voucher_site):
    apps = fill(voucher_site)
    # b1 frees a voucher: w_a (example A, still full) is skipped; w_c is next in line.
    rejected, promoted = services.decide(apps["b1"].pk, "reject", "Past niet in de regeling.")
    assert rejected.status == Status.REJECTED
    assert [app.pk for app in promoted] == [apps["w_c"].pk]
    assert fresh(apps["b1"]).amount is None
    assert fresh(apps["b1"]).decision_note == "Past niet in de regeling."
    w_c = fresh(apps["w_c"])
    assert (w_c.status, w_c.amount) == (Status.GRANTED, AMOUNT)
    assert fresh(apps["w_a"]).position == 1  # keeps its place
    assert fresh(apps["w_b"]).position == 2

    event = apps["b1"].events.last()
    assert (event.from_status, event.to_status, event.actor_label, event.note) == (
        Status.GRANTED,
        Status.REJECTED,
        "systeem",
        "Past niet in de regeling.",
    )
    moved = w_c.events.last()
    assert (moved.from_status, moved.to_status, moved.actor_label) == (
        Status.WAITING,
        Status.GRANTED,
        "systeem",
    )
    assert moved.note == "Doorgeschoven van de wachtlijst: er kwam een voucher vrij."

    [news] = emails_about(w_c, "Goed nieuws")
    assert news.subject == f"Goed nieuws: je aanvraag {w_c.reference} heeft een voucher"
    assert news.to == w_c.email
    assert "er is een voucher vrijgekomen" in news.body
    [decision] = emails_about(apps["b1"], "Besluit over je aanvraag")
    assert "Toelichting: Past niet in de regeling." in decision.body
    assert not emails_about(apps["w_a"], "Goed nieuws")


def test_withdrawing_a_granted_one_moves_up_the_waiting_one_for_that_example(voucher_site):
    apps = fill(voucher_site)
    withdrawn, promoted = services.decide(apps["a1"].pk, "withdraw", actor_label="aanvrager")
    assert withdrawn.status == Status.WITHDRAWN
    assert [app.pk for app in promoted] == [apps["w_a"].pk]
    assert fresh(apps["w_a"]).status == Status.GRANTED
    assert (fresh(apps["w_c"]).position, fresh(apps["w_b"]).position) == (1, 2)
    assert apps["a1"].events.last().actor_label == "aanvrager"
    assert len(emails_about(apps["a1"], "Je aanvraag")) == 2  # received, then withdrawn


def test_withdrawing_a_waiting_one_frees_nothing(voucher_site):
    apps = fill(voucher_site)
    withdrawn, promoted = services.decide(apps["w_a"].pk, "withdraw")
    assert withdrawn.status == Status.WITHDRAWN
    assert promoted == []
    assert Application.objects.filter(status=Status.GRANTED).count() == 3
    assert (fresh(apps["w_c"]).position, fresh(apps["w_b"]).position) == (1, 2)


def test_rejecting_several_fills_every_freed_voucher(voucher_site):
    apps = fill(voucher_site)
    services.decide(apps["a1"].pk, "reject")
    services.decide(apps["a2"].pk, "reject")
    granted = set(Application.objects.filter(status=Status.GRANTED).values_list("pk", flat=True))
    assert granted == {apps["b1"].pk, apps["w_a"].pk, apps["w_c"].pk}
    assert fresh(apps["w_b"]).position == 1  # example B is not full, but all 3 vouchers are used


def test_a_waiting_one_is_granted_by_hand_only_when_the_caps_allow(voucher_site):
    apps = fill(voucher_site)
    events = ApplicationEvent.objects.count()
    with pytest.raises(rules.NotAllowed) as refused:
        services.decide(apps["w_c"].pk, "grant")
    assert str(refused.value) == "Alle 3 vouchers van deze regeling zijn toegekend."
    assert fresh(apps["w_c"]).status == Status.WAITING
    assert ApplicationEvent.objects.count() == events

    scheme = voucher_site.scheme  # the funder adds a voucher
    scheme.max_vouchers, scheme.budget_total = 4, 4 * AMOUNT
    scheme.save()
    with pytest.raises(rules.NotAllowed) as refused:
        services.decide(apps["w_a"].pk, "grant")  # example A is still full
    assert "het maximum per voorbeeld" in str(refused.value)
    granted, promoted = services.decide(apps["w_c"].pk, "grant", "Extra voucher.")
    assert (granted.status, granted.amount, promoted) == (Status.GRANTED, AMOUNT, [])
    assert ApplicationEvent.objects.count() == events + 1
    subjects = [email.subject for email in emails_about(apps["w_c"])]
    assert f"Je aanvraag {apps['w_c'].reference} is voorlopig toegekend" in subjects


@pytest.mark.parametrize(
    ("name", "first", "action", "message"),
    [
        ("a1", None, "grant", "Een aanvraag met status ‘voorlopig toegekend’ kan niet ‘toegekend’ worden."),
        ("a1", "reject", "withdraw", "Een aanvraag met status ‘afgewezen’ kan niet ‘ingetrokken’ worden."),
        ("w_a", "withdraw", "grant", "Een aanvraag met status ‘ingetrokken’ kan niet ‘toegekend’ worden."),
        ("w_a", None, "approve", "Een aanvraag met status ‘op de wachtlijst’ kan niet ‘approve’ worden."),
    ],
)  # fmt: skip
def test_status_changes_outside_the_rules_change_nothing(
    voucher_site, name, first, action, message
):
    apps = fill(voucher_site)
    if first:
        services.decide(apps[name].pk, first)
    before = list(Application.objects.order_by("pk").values_list("pk", "status", "amount"))
    events, mails = ApplicationEvent.objects.count(), OutgoingEmail.objects.count()
    with pytest.raises(rules.NotAllowed) as refused:
        services.decide(apps[name].pk, action)
    assert str(refused.value) == message
    assert list(Application.objects.order_by("pk").values_list("pk", "status", "amount")) == before
    assert (ApplicationEvent.objects.count(), OutgoingEmail.objects.count()) == (events, mails)


def test_a_decision_by_a_user_is_logged_with_their_name(voucher_site, django_user_model):
    user = django_user_model.objects.create_user("beoordelaar", password="geheim-en-lang-1")
    application, _ = submit(voucher_site.examples[0])
    services.decide(application.pk, "reject", "Onvoldoende eigen inzet.", user=user)
    event = application.events.last()
    assert (event.actor, event.actor_label) == (user, "beoordelaar")


def test_audit_events_cannot_be_changed_or_deleted(voucher_site):
    application, _ = submit(voucher_site.examples[0])
    event = application.events.get()
    event.note = "Achteraf aangepast"
    with pytest.raises(ValidationError) as changed:
        event.save()
    assert "kan niet worden aangepast" in str(changed.value)
    with pytest.raises(ValidationError) as deleted:
        event.delete()
    assert "kan niet worden verwijderd" in str(deleted.value)
    stored = ApplicationEvent.objects.get(pk=event.pk)
    assert stored.note == "Voorlopig toegekend: er was nog ruimte bij aankomst."


# --- availability ---------------------------------------------------------------------------


def test_availability_figures_and_labels(voucher_site):
    a, b, c = voucher_site.examples
    empty = services.availability(voucher_site.scheme)
    assert (empty.vouchers_remaining, empty.budget_remaining, empty.applications) == (
        3,
        3 * AMOUNT,
        0,
    )
    assert empty.example(c.pk).label == "nog 2 van 2 beschikbaar"

    submit(a)
    state = services.availability(voucher_site.scheme)
    assert state.example(a.pk).label == "nog 1 van 2 beschikbaar"

    submit(a)
    submit(a)  # waits
    state = services.availability(voucher_site.scheme)
    assert state.phase == "open" and state.is_open
    assert (state.vouchers_total, state.vouchers_allocated, state.vouchers_remaining) == (3, 2, 1)
    assert (state.budget_allocated, state.budget_remaining) == (2 * AMOUNT, AMOUNT)
    assert (state.applications, state.waiting) == (3, 1)
    example_a = state.example(a.pk)
    assert (example_a.allocated, example_a.maximum, example_a.waiting, example_a.remaining) == (
        2,
        2,
        1,
        0,
    )
    assert example_a.label == "vol – wachtlijst"
    assert state.example(b.pk).label == "nog 2 van 2 beschikbaar"
    assert set(state.examples) == {a.pk, b.pk, c.pk}


def test_availability_shows_the_phase(voucher_site):
    voucher_site.set_phase("closed")
    state = services.availability(voucher_site.scheme)
    assert state.phase == "closed" and not state.is_open


# --- the applicant's link -------------------------------------------------------------------


def test_by_token_finds_only_a_valid_unexpired_token(voucher_site):
    application, token = submit(voucher_site.examples[0])
    assert services.by_token(token).pk == application.pk
    tampered = ("A" if token[0] != "A" else "B") + token[1:]  # never the token itself
    assert services.by_token(tampered) is None
    assert services.by_token("") is None
    assert services.by_token(token + "x" * 100) is None
    assert application.token_hash != token  # only the hash is stored
    Application.objects.filter(pk=application.pk).update(
        token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert services.by_token(token) is None


def test_withdraw_by_applicant(voucher_site):
    example = voucher_site.examples[0]
    first, token = submit(example)
    submit(example)
    waiting, _ = submit(example)
    withdrawn = services.withdraw_by_applicant(token)
    assert withdrawn.status == Status.WITHDRAWN
    event = first.events.last()
    assert (event.actor_label, event.note) == ("aanvrager", "Ingetrokken door de aanvrager.")
    assert fresh(waiting).status == Status.GRANTED
    with pytest.raises(rules.NotAllowed) as again:
        services.withdraw_by_applicant(token)
    assert "‘ingetrokken’ kan niet ‘ingetrokken’ worden" in str(again.value)


def test_withdraw_with_an_unknown_token_is_refused(voucher_site):
    submit(voucher_site.examples[0])
    with pytest.raises(rules.NotAllowed) as refused:
        services.withdraw_by_applicant("bestaat-niet")
    assert str(refused.value) == "Deze link werkt niet (meer)."
    assert Application.objects.get().status == Status.GRANTED


def test_application_data_without_optional_fields_is_taken(voucher_site):
    data = application_data()
    del data["phone"], data["region"]
    application, _ = services.submit(voucher_site.examples[0], data, "Toestemming.")
    stored = fresh(application)
    assert (stored.phone, stored.region, stored.consent, stored.consent_text) == (
        "",
        "",
        True,
        "Toestemming.",
    )
