"""activities.py: registering with a few fields, completing and changing through the private link,
withdrawing, moderation with its e-mails and fresh links, and the reminders (a daily job)."""

import re
from datetime import date, time, timedelta

import pytest

from kennislab.campaigns import activities, rules, tasks
from kennislab.campaigns.models import Activity, ActivityEvent, ActivityStatus
from kennislab.campaigns.services import Refused
from kennislab.core import daily
from kennislab.core.models import OutgoingEmail

from .relay_factories import add_activity, build_campaign, complete, required

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/campagnes/activiteit/([A-Za-z0-9_-]{20,})/")


def token_in(mail) -> str:
    found = LINK.findall(mail.body)
    assert len(found) == 1, mail.body
    return found[0]


def mails_to(address):
    return list(OutgoingEmail.objects.filter(to=address).order_by("pk"))


def fresh(activity) -> Activity:
    return Activity.objects.get(pk=activity.pk)


def log_of(activity):
    return list(
        ActivityEvent.objects.filter(activity=activity)
        .order_by("pk")
        .values_list("action", "from_status", "to_status", "actor_label", "note")
    )


# --- registering --------------------------------------------------------------------------------


def test_register_with_only_the_required_fields(campaign):
    data = required(title="Zorgrobot op bezoek", province="friesland",
                    email="hilde@voorbeeld.example")  # fmt: skip
    activity, token = activities.register(campaign.pk, data, "Ik geef toestemming.")
    stored = fresh(activity)
    assert stored.campaign_id == campaign.pk
    assert (stored.title, stored.province, stored.email) == (
        "Zorgrobot op bezoek", "friesland", "hilde@voorbeeld.example",
    )  # fmt: skip
    assert stored.status == ActivityStatus.SUBMITTED
    assert not stored.complete
    assert stored.date is None and stored.kind == "" and stored.description == ""
    assert stored.consent_text == "Ik geef toestemming."
    assert stored.token_hash and token not in stored.token_hash  # only the hash is stored
    assert log_of(stored) == [("register", "", "submitted", "organisator", "")]
    (mail,) = OutgoingEmail.objects.all()
    assert mail.to == "hilde@voorbeeld.example"
    assert mail.subject == "Je activiteit is aangemeld"  # no typed title (issue 14)
    assert "Zorgrobot" not in mail.body
    assert token_in(mail) == token
    assert "regio Noord: de week van 15 februari tot en met 19 februari 2021" in mail.body
    assert "soort activiteit, datum, begintijd, eindtijd, plaats of link, beschrijving" in mail.body
    assert activities.by_token(token).pk == activity.pk


def test_the_token_expires_thirty_days_after_the_campaign(campaign, clock):
    activity, token = add_activity(campaign)
    clock.set(date(2021, 3, 28), 23, 58)
    assert activities.by_token(token).pk == activity.pk
    clock.set(date(2021, 3, 29), 0, 1)
    assert activities.by_token(token) is None


@pytest.mark.parametrize("token", ["", "onzin", "x" * 101, "A" * 32])
def test_an_unknown_token_finds_nothing(campaign, token):
    add_activity(campaign)
    assert activities.by_token(token) is None


def test_completing_later_makes_it_complete(campaign):
    activity, _token = add_activity(campaign, required())
    changed = activities.update(activity.pk, complete(
        organiser=activity.organiser, email=activity.email, title=activity.title))  # fmt: skip
    assert changed.complete and fresh(activity).complete
    assert fresh(activity).status == ActivityStatus.SUBMITTED
    assert fresh(activity).date == date(2021, 2, 3)
    assert log_of(activity)[-1] == ("change", "submitted", "submitted", "organisator", "")
    online = activities.update(activity.pk, {"online": True, "location": "", "link": ""})
    assert not online.complete
    assert online.missing() == ["plaats of link"]


def test_updating_after_changes_were_asked_resubmits(campaign, django_user_model):
    editor = django_user_model.objects.create_user("redacteur")
    activity, _token = add_activity(campaign)
    activities.moderate(activity.pk, "request_changes", "Graag een andere zaal.", editor)
    assert fresh(activity).status == ActivityStatus.CHANGES
    activities.update(activity.pk, {"location": "Zaal 2"})
    assert fresh(activity).status == ActivityStatus.SUBMITTED
    assert log_of(activity)[-1] == ("resubmit", "changes_requested", "submitted",
                                    "organisator", "")  # fmt: skip


def test_updating_an_approved_activity_keeps_it_published_and_marks_it(campaign):
    activity, _token = add_activity(campaign)
    activities.moderate(activity.pk, "approve", "", None)
    assert not fresh(activity).changed_after_approval
    activities.update(activity.pk, {"title": "Beeldbellen: nieuwe tijd", "starts_at": time(15)})
    stored = fresh(activity)
    assert stored.status == ActivityStatus.APPROVED
    assert stored.changed_after_approval
    assert stored.title == "Beeldbellen: nieuwe tijd"
    assert log_of(activity)[-1] == ("change", "approved", "approved", "organisator", "")
    activities.moderate(activity.pk, "request_changes", "Klopt de tijd?", None)
    assert not fresh(activity).changed_after_approval  # seen by the editors


@pytest.mark.parametrize("status", [ActivityStatus.REJECTED, ActivityStatus.WITHDRAWN])
def test_a_rejected_or_withdrawn_activity_cannot_be_changed(campaign, status):
    activity, _token = add_activity(campaign, status=status)
    with pytest.raises(Refused, match="kan niet meer worden gewijzigd"):
        activities.update(activity.pk, {"title": "Toch wel"})
    assert fresh(activity).title == activity.title


def test_update_refuses_a_date_outside_the_week(campaign):
    activity, _token = add_activity(campaign)
    with pytest.raises(Refused) as refused:
        activities.update(activity.pk, {"date": date(2021, 2, 8)})
    assert refused.value.field == "date"
    assert "De week van regio Oost loopt van 1 februari 2021" in refused.value.message
    assert fresh(activity).date == date(2021, 2, 3)


def test_withdraw(campaign):
    activity, _token = add_activity(campaign)
    withdrawn = activities.withdraw(activity.pk)
    assert withdrawn.status == fresh(activity).status == ActivityStatus.WITHDRAWN
    assert log_of(activity)[-1] == ("withdraw", "submitted", "withdrawn", "organisator",
                                    "Ingetrokken door de organisator.")  # fmt: skip
    events = ActivityEvent.objects.count()
    activities.withdraw(activity.pk)  # twice: nothing happens
    assert ActivityEvent.objects.count() == events


def test_a_rejected_activity_cannot_be_withdrawn(campaign):
    activity, _token = add_activity(campaign, status=ActivityStatus.REJECTED)
    with pytest.raises(Refused, match="al verder in behandeling"):
        activities.withdraw(activity.pk)
    assert fresh(activity).status == ActivityStatus.REJECTED


# --- refusals when registering ------------------------------------------------------------------


def nothing_stored():
    return (Activity.objects.count(), ActivityEvent.objects.count(),
            OutgoingEmail.objects.count()) == (0, 0, 0)  # fmt: skip


def test_registration_is_refused_after_the_last_week(campaign, clock):
    clock.set(date(2021, 2, 27))
    with pytest.raises(Refused) as refused:
        activities.register(campaign.pk, required(), "ja")
    assert refused.value.message == (
        "Activiteiten aanmelden voor ‘Slimme Zorg Estafette’ kan niet meer."
    )
    assert refused.value.field is None
    assert nothing_stored()


def test_registration_is_refused_after_the_closing_day(db, clock):
    closed = build_campaign(closes_on=date(2021, 1, 3))
    with pytest.raises(Refused, match="kan niet meer"):
        activities.register(closed.pk, required(), "ja")
    assert nothing_stored()
    clock.set(date(2021, 1, 3), 23, 59)
    activities.register(closed.pk, required(), "ja")  # the closing day itself is open
    assert Activity.objects.count() == 1


def test_a_province_outside_the_campaign_is_refused(db, clock):
    only_oost = build_campaign(
        regions=[("Oost", "oost", ["gelderland"], date(2021, 2, 1), date(2021, 2, 5))]
    )
    with pytest.raises(Refused) as refused:
        activities.register(only_oost.pk, required(province="limburg"), "ja")
    assert refused.value.field == "province"
    assert refused.value.message == "Deze provincie doet niet mee aan deze campagne."
    assert nothing_stored()


@pytest.mark.parametrize("day", [date(2021, 1, 31), date(2021, 2, 6), date(2021, 2, 22)])
def test_a_date_outside_the_week_is_refused(campaign, day):
    with pytest.raises(Refused) as refused:
        activities.register(campaign.pk, complete(date=day), "ja")
    assert refused.value.field == "date"
    assert refused.value.message.startswith("De week van regio Oost loopt van 1 februari 2021")
    assert nothing_stored()


# --- moderation ---------------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("eva.redactie")


def test_approve_publishes_and_mails_a_fresh_link(campaign, editor):
    activity, old_token = add_activity(campaign)
    activities.moderate(activity.pk, "approve", "", editor)
    stored = fresh(activity)
    assert stored.status == ActivityStatus.APPROVED
    assert log_of(activity)[-1] == ("approve", "submitted", "approved", "eva.redactie", "")
    assert ActivityEvent.objects.filter(activity=activity).last().actor == editor
    mail = mails_to(activity.email)[-1]
    assert mail.subject == f"Je activiteit staat op de website: {activity.title}"
    assert f"http://testserver/campagnes/{campaign.slug}/activiteit/{activity.pk}/" in mail.body
    new_token = token_in(mail)
    assert new_token != old_token
    assert activities.by_token(old_token) is None  # the previous link stops working
    assert activities.by_token(new_token).pk == activity.pk


def test_asking_for_changes_needs_a_note(campaign, editor):
    activity, token = add_activity(campaign)
    for note in ("", "   "):
        with pytest.raises(rules.NotAllowed, match=r"Schrijf de organisator waarom\."):
            activities.moderate(activity.pk, "request_changes", note, editor)
    assert fresh(activity).status == ActivityStatus.SUBMITTED
    assert len(mails_to(activity.email)) == 1  # only the confirmation
    assert activities.by_token(token) is not None
    activities.moderate(activity.pk, "request_changes", "  Welke zaal?  ", editor)
    stored = fresh(activity)
    assert (stored.status, stored.editor_note) == (ActivityStatus.CHANGES, "Welke zaal?")
    mail = mails_to(activity.email)[-1]
    assert mail.subject == f"Wil je je activiteit aanpassen? {activity.title}"
    assert "Welke zaal?" in mail.body
    assert activities.by_token(token) is None
    assert activities.by_token(token_in(mail)).pk == activity.pk
    assert log_of(activity)[-1] == ("request_changes", "submitted", "changes_requested",
                                    "eva.redactie", "Welke zaal?")  # fmt: skip


def test_reject_needs_a_note_and_sends_no_link(campaign, editor):
    activity, _token = add_activity(campaign)
    with pytest.raises(rules.NotAllowed):
        activities.moderate(activity.pk, "reject", "", editor)
    activities.moderate(activity.pk, "reject", "Geen activiteit over slimme zorg.", editor)
    assert fresh(activity).status == ActivityStatus.REJECTED
    mail = mails_to(activity.email)[-1]
    assert mail.subject == f"Je activiteit is niet geplaatst: {activity.title}"
    assert "Geen activiteit over slimme zorg." in mail.body
    assert not LINK.search(mail.body)
    assert log_of(activity)[-1][:3] == ("reject", "submitted", "rejected")


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (ActivityStatus.APPROVED, "approve"),
        (ActivityStatus.REJECTED, "approve"),
        (ActivityStatus.WITHDRAWN, "reject"),
        (ActivityStatus.CHANGES, "request_changes"),
        (ActivityStatus.SUBMITTED, "withdraw"),  # the organiser's step
    ],
)
def test_a_step_the_table_does_not_allow(campaign, editor, status, action):
    activity, _token = add_activity(campaign, status=status)
    events, mails = ActivityEvent.objects.count(), OutgoingEmail.objects.count()
    with pytest.raises(rules.NotAllowed):
        activities.moderate(activity.pk, action, "Een reden.", editor)
    assert fresh(activity).status == status
    assert (ActivityEvent.objects.count(), OutgoingEmail.objects.count()) == (events, mails)


def test_approving_after_changes_were_asked(campaign, editor):
    activity, _token = add_activity(campaign, status=ActivityStatus.CHANGES)
    activities.moderate(activity.pk, "approve", "Mooi zo.", editor)
    assert fresh(activity).status == ActivityStatus.APPROVED
    assert "Mooi zo." in mails_to(activity.email)[-1].body


# --- reminders ----------------------------------------------------------------------------------

REMINDER = "Vul je activiteit aan: "


def reminders_to(address) -> list:
    return [mail for mail in mails_to(address) if mail.subject.startswith(REMINDER)]


def test_who_gets_a_reminder(campaign, clock, editor):
    incomplete, _ = add_activity(campaign, required(title="Onvolledig"))
    complete_submitted, _ = add_activity(campaign, complete(title="Compleet"))
    approved_complete, _ = add_activity(campaign, complete(title="Compleet gepubliceerd"))
    activities.moderate(approved_complete.pk, "approve", "", editor)
    approved_incomplete, _ = add_activity(campaign, required(title="Onvolledig gepubliceerd"))
    activities.moderate(approved_incomplete.pk, "approve", "", editor)
    changes, _ = add_activity(campaign, complete(title="Aanpassen"))
    activities.moderate(changes.pk, "request_changes", "Welke zaal?", editor)
    rejected, _ = add_activity(campaign, required(title="Afgewezen"))
    activities.moderate(rejected.pk, "reject", "Past niet.", editor)
    withdrawn, _ = add_activity(campaign, required(title="Ingetrokken"))
    activities.withdraw(withdrawn.pk)
    later_region, _ = add_activity(campaign, required(title="Limburg", province="limburg"))

    sent = activities.send_reminders(today=date(2021, 1, 4))  # 28 days before Oost's week

    reminded = {mail.subject.removeprefix(REMINDER) for mail in
                OutgoingEmail.objects.filter(subject__startswith=REMINDER)}  # fmt: skip
    assert reminded == {"Onvolledig", "Onvolledig gepubliceerd", "Aanpassen"}
    assert sent == 3
    assert fresh(incomplete).reminders_sent == 1
    assert fresh(incomplete).last_reminded_on == date(2021, 1, 4)
    assert fresh(later_region).reminders_sent == 0  # Zuid's week is 49 days away
    assert fresh(complete_submitted).reminders_sent == 0


def test_the_reminder_has_a_fresh_link_and_says_what_is_missing(campaign, editor):
    activity, token = add_activity(campaign, required(title="Onvolledig"))
    activities.send_reminders(today=date(2021, 1, 4))
    (mail,) = reminders_to(activity.email)
    assert "De week van regio Oost begint op 1 februari 2021." in mail.body
    assert "soort activiteit, datum" in mail.body
    new_token = token_in(mail)
    assert activities.by_token(token) is None
    assert activities.by_token(new_token).pk == activity.pk


def test_changes_asked_are_repeated_in_the_reminder(campaign, editor):
    activity, _ = add_activity(campaign)
    activities.moderate(activity.pk, "request_changes", "Welke zaal precies?", editor)
    assert activities.send_reminders(today=date(2021, 1, 10)) == 1
    (mail,) = reminders_to(activity.email)
    assert "Welke zaal precies?" in mail.body


def test_reminders_weekly_at_most_three_times(campaign):
    activity, _ = add_activity(campaign, required())
    start = date(2021, 1, 4)
    assert activities.send_reminders(today=start) == 1
    assert activities.send_reminders(today=start) == 0  # not twice on one day
    assert activities.send_reminders(today=start + timedelta(days=6)) == 0
    assert activities.send_reminders(today=start + timedelta(days=7)) == 1
    assert activities.send_reminders(today=start + timedelta(days=14)) == 1
    assert activities.send_reminders(today=start + timedelta(days=21)) == 0  # three is enough
    assert activities.send_reminders(today=start + timedelta(days=27)) == 0
    assert len(reminders_to(activity.email)) == 3
    assert fresh(activity).reminders_sent == 3
    assert fresh(activity).last_reminded_on == start + timedelta(days=14)


@pytest.mark.parametrize(
    ("today", "count"),
    [
        (date(2021, 1, 3), 0),  # 29 days before
        (date(2021, 1, 4), 1),  # 28 days before
        (date(2021, 1, 31), 1),  # the day before
        (date(2021, 2, 1), 0),  # the week has started
        (date(2021, 2, 3), 0),
    ],
)
def test_reminders_only_in_the_four_weeks_before(campaign, today, count):
    activity, _ = add_activity(campaign, required())
    assert activities.send_reminders(today=today) == count
    assert len(reminders_to(activity.email)) == count


def test_no_reminders_for_a_draft_campaign(db, clock):
    draft = build_campaign(live=False)
    add_activity(draft, required())
    assert activities.send_reminders(today=date(2021, 1, 4)) == 0


def test_the_daily_job_is_registered_and_sends_todays_reminders(campaign, clock):
    name = "campagnes: herinneringen voor onvolledige activiteiten"
    assert daily.JOBS[name] is tasks.activity_reminders
    activity, _ = add_activity(campaign, required())
    clock.set(date(2021, 1, 5), 7)
    assert daily.run_daily_jobs()[name] == 1
    assert fresh(activity).last_reminded_on == date(2021, 1, 5)
    assert daily.run_daily_jobs()[name] == 0  # idempotent on the same day


# --- calendar entries ---------------------------------------------------------------------------


def test_starts_and_ends(campaign):
    activity, _ = add_activity(campaign)
    assert activities.starts(activity).isoformat() == "2021-02-03T14:00:00+01:00"
    assert activities.ends(activity).isoformat() == "2021-02-03T15:30:00+01:00"
    activity.ends_at = None
    assert activities.ends(activity).isoformat() == "2021-02-03T15:00:00+01:00"
    activity.starts_at = None
    assert activities.starts(activity) is None and activities.ends(activity) is None


def test_calendar_entry(campaign):
    activity, _ = add_activity(campaign, complete(online=True, link="https://x.example/m"))
    entry = activities.calendar_entry(activity, "https://kennislab.example/a/")
    assert entry.uid == f"activiteit-{activity.pk}"
    assert entry.title == activity.title
    assert entry.location == "Online"
    assert entry.url == "https://kennislab.example/a/"
    assert entry.description == f"{activity.organiser}. {activity.description}"
    assert entry.categories == ("Workshop", "Slimme Zorg Estafette")


def test_a_region_whose_week_is_over_takes_no_new_activity(campaign, clock):
    clock.set(date(2021, 2, 6))  # Oost (1–5 Feb) is over; West (8–12 Feb) is still to come
    with pytest.raises(Refused) as refused:
        activities.register(campaign.pk, required(province="gelderland"), "ja")
    assert refused.value.field == "province"
    assert refused.value.message.startswith("De week van regio Oost is voorbij (tot en met 5 ")
    assert nothing_stored()
    clock.set(date(2021, 2, 5), 23, 0)  # the week's last day still counts
    activities.register(campaign.pk, required(province="gelderland"), "ja")
    activities.register(campaign.pk, required(province="utrecht"), "ja")
    assert Activity.objects.count() == 2


def test_changing_only_the_province_checks_the_kept_date(campaign):
    activity, _token = add_activity(campaign, complete())  # Gelderland, 3 Feb (Oost)
    with pytest.raises(Refused) as refused:
        activities.update(activity.pk, {"province": "utrecht"})  # West: 8–12 Feb
    assert refused.value.field == "date"
    assert fresh(activity).province == "gelderland"
