"""A 30DagenGezonder team as evidence of a vignet application: the applicant adds it by its
code, the team's captain confirms by private link, and only then it counts as activities —
in the criteria engine, the live verdict, the check page and the assessor's view."""

import re
import types
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kennislab.challenge.models import Participant, Participation, Team, Theme
from kennislab.core import ratelimit
from kennislab.core.models import OutgoingEmail
from kennislab.vignet import challenge_link, criteria, services
from kennislab.vignet.models import Activity, Event, Status, TeamLink, TeamLinkStatus

from .factories import (
    activity,
    activity_row,
    activity_rows,
    complete_post,
    counts,
    ended_edition,
    make_draft,
    small_draft,
    submitted,
    team_of,
)
from .pages import LINK_UNKNOWN, PREVIEW, error_summary, raw, step_url, text

pytestmark = pytest.mark.django_db

EXERCISE, SUGAR, OTHER = Theme.EXERCISE, Theme.LESS_SUGAR, Theme.OTHER


def team_url(token: str) -> str:
    return f"/vignet/aanvraag/{token}/30dagengezonder/"


def captain_token(email: OutgoingEmail) -> str:
    match = re.search(r"http://testserver/vignet/team/([A-Za-z0-9_-]{20,})/", email.body)
    assert match, email.body
    return match.group(1)


def walkers(edition=None, name="Team Stapvoets", title=None) -> Team:
    """A team of five: four with 20+ days (three exercisers, the first of them the captain, and
    one with less sugar) and one exerciser with 12 days."""
    edition = edition or (ended_edition(title=title) if title else ended_edition())
    return team_of(edition, (EXERCISE, 25), (EXERCISE, 20), (EXERCISE, 30), (SUGAR, 22),
                   (EXERCISE, 12), name=name)  # fmt: skip


def captain_of(team: Team) -> Participant:
    return team.members.get(participation=Participation.START_TEAM)


def requested(application, team) -> tuple[TeamLink, str]:
    link = services.request_team_link(application.pk, team.code)
    mail = OutgoingEmail.objects.filter(topic=f"vignet-team-{link.pk}").get()
    return link, captain_token(mail)


def confirmed(application, team) -> TeamLink:
    link, _token = requested(application, team)
    return services.decide_team_link(link.pk, confirm=True)


def fresh(application):
    return type(application).objects.get(pk=application.pk)


# --- asking the captain ---------------------------------------------------------------------


def test_adding_a_team_mails_its_captain_and_counts_nothing_yet():
    application, _token = small_draft(organisation="Drukkerij Kleurrijk")
    team = walkers(title="30DagenGezonder 2026")
    before = services.verdict_of(application)
    link = services.request_team_link(application.pk, team.code)

    assert link.status == TeamLinkStatus.PENDING
    assert (link.team_id, link.edition) == (team.pk, "30DagenGezonder 2026")
    assert (link.starts_on, link.ends_on) == challenge_link.edition_dates(team.page.starts_on)
    assert link.participants == {"bewegen": 3, "voeding": 1}
    assert link.token_expires_at > timezone.now() + timedelta(days=13)
    [mail] = OutgoingEmail.objects.filter(topic=f"vignet-team-{link.pk}")
    assert mail.to == captain_of(team).email  # the one who started the team, nobody else
    assert mail.subject == (
        "Telt jullie team mee voor het Vignet Vitaal Bedrijf van Drukkerij Kleurrijk?"
    )
    assert "Bewegen: 3 deelnemers, Voeding: 1 deelnemer" in mail.body
    assert "Namen, e-mailadressen en doelen van teamleden delen we niet." in mail.body
    assert services.team_link_by_token(captain_token(mail)) == link
    for member in team.members.all():  # no member's name or address in what the applicant gets
        assert member.name not in mail.body
    # nothing counts before the captain confirms
    assert Activity.objects.filter(team_link=link).count() == 0
    assert services.verdict_of(application) == before
    [event] = Event.objects.filter(application=application, action="team_requested")
    assert event.actor_label == "aanvrager"
    assert "Team Stapvoets" not in event.note  # the name stays with the challenge


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {dashed} "])
def test_the_code_is_read_as_people_type_it(typed):
    application, _token = small_draft()
    team = walkers()
    code = team.code
    entered = typed.format(code=code, lower=code.lower(), dashed=f"{code[:4]}-{code[4:]}")
    assert services.request_team_link(application.pk, entered).team_id == team.pk


def refused(application, code, message):
    before = counts()
    with pytest.raises(services.NotAllowed) as raised:
        services.request_team_link(application.pk, code)
    assert message in str(raised.value)
    assert counts() == before  # nothing stored, nothing mailed


def test_an_unknown_code_is_refused_and_stores_nothing():
    application, _token = small_draft()
    walkers()
    refused(application, "ABCDEFGH", "Deze teamcode kennen we niet.")
    refused(application, "ABC", "Deze teamcode kennen we niet.")
    refused(application, "", "Deze teamcode kennen we niet.")


def test_a_team_that_cannot_count_is_refused_with_the_reason():
    application, _token = small_draft()
    running = ended_edition(days_since_end=-5)  # day 30 is in five days
    refused(application, walkers(running).code, "Dit team kan meetellen als de uitdaging voorbij")
    long_ago = ended_edition(days_since_end=31)
    refused(application, walkers(long_ago).code, "kan niet meer worden toegevoegd")
    edition = ended_edition()
    own_challenge = team_of(edition, (OTHER, 30), (OTHER, 25))
    refused(application, own_challenge.code, "thema ‘Anders’")
    lazy = team_of(edition, (EXERCISE, 19), (SUGAR, 3))
    refused(application, lazy.code, "Niemand in dit team vinkte minstens 20 van de 30 dagen af")


def test_on_the_last_day_a_team_can_still_be_added():
    application, _token = small_draft()
    team = walkers(ended_edition(days_since_end=30))
    assert services.request_team_link(application.pk, team.code).status == "pending"


def test_a_team_counts_for_one_application_only():
    team = walkers()
    first, _token = small_draft()
    services.request_team_link(first.pk, team.code)
    refused(first, team.code, "Dit team staat al bij je aanvraag.")
    second, _token = small_draft()
    refused(second, team.code, "Dit team is al gekoppeld aan een andere vignetaanvraag.")


def test_a_team_of_a_rejected_application_may_count_for_a_new_one():
    team = walkers()
    old, _token = small_draft()
    confirmed(old, team)
    services.submit(old.pk)
    services.take_step(old.pk, "start")
    services.take_step(old.pk, "reject", note="Geen begeleiding.")
    new, _token = small_draft()
    assert services.request_team_link(new.pk, team.code).application_id == new.pk


def test_a_declined_team_cannot_be_asked_again_by_the_same_application():
    application, _token = small_draft()
    team = walkers()
    link, _captain = requested(application, team)
    services.decide_team_link(link.pk, confirm=False)
    refused(application, team.code, "heeft de koppeling met je aanvraag niet bevestigd")


def test_a_submitted_application_gets_no_team():
    application = submitted()
    refused(application, walkers().code, "Deze aanvraag is ingediend")


# --- the captain decides --------------------------------------------------------------------


def test_confirming_makes_the_team_activities_that_the_criteria_count():
    application, _token = small_draft()
    assert services.verdict_of(application).eligible is False  # voeding only
    link = confirmed(application, walkers())
    assert link.status == TeamLinkStatus.CONFIRMED and link.decided_at is not None
    rows = sorted(Activity.objects.filter(team_link=link).values_list(
        "theme", "participants", "start", "end", "target_group_size"))  # fmt: skip
    assert rows == [
        ("bewegen", 3, link.starts_on, link.ends_on, None),
        ("voeding", 1, link.starts_on, link.ends_on, None),
    ]
    verdict = services.verdict_of(fresh(application))
    assert verdict.eligible is True
    assert verdict.themes_met == ("bewegen", "voeding")
    assert "Bewegen (25%)" in verdict.criterion("themes").explanation  # 3 of 12
    title = Activity.objects.filter(team_link=link).first().title
    assert title == f"{link.edition}: meegedaan als team"
    actions = list(
        Event.objects.filter(application=application).values_list("action", "actor_label")
    )
    assert ("team_confirmed", "teamcaptain") in actions


def test_the_applicant_hears_the_captains_decision():
    application, _token = small_draft(email="sanne@kleurrijk.example")
    confirmed(application, walkers(name="De Wandelaars"))
    [mail] = OutgoingEmail.objects.filter(to="sanne@kleurrijk.example",
                                          subject__contains="De Wandelaars")  # fmt: skip
    assert mail.subject == "Het team ‘De Wandelaars’ telt mee in je vignetaanvraag"
    assert "Bewegen: 3 deelnemers, Voeding: 1 deelnemer" in mail.body
    other, _token = small_draft(email="joost@bitvaart.example")
    link, _captain = requested(other, walkers(name="De Slapers"))
    services.decide_team_link(link.pk, confirm=False)
    [mail] = OutgoingEmail.objects.filter(to="joost@bitvaart.example",
                                          subject__contains="De Slapers")  # fmt: skip
    assert mail.subject == "Het team ‘De Slapers’ telt niet mee in je vignetaanvraag"
    assert Activity.objects.filter(team_link=link).count() == 0


def test_the_captain_decides_once():
    application, _token = small_draft()
    link = confirmed(application, walkers())
    before = counts()
    for choice in (True, False):
        with pytest.raises(services.NotAllowed, match="Hierover is al besloten"):
            services.decide_team_link(link.pk, confirm=choice)
    assert counts() == before


def test_after_submission_the_captain_can_no_longer_confirm_but_can_decline():
    application, _token = small_draft()
    link, _captain = requested(application, walkers())
    services.submit(application.pk)
    with pytest.raises(services.NotAllowed, match="De aanvraag is al ingediend zonder dit team"):
        services.decide_team_link(link.pk, confirm=True)
    assert TeamLink.objects.get(pk=link.pk).status == TeamLinkStatus.PENDING
    assert services.decide_team_link(link.pk, confirm=False).status == TeamLinkStatus.DECLINED
    assert fresh(application).activities.filter(team_link__isnull=False).count() == 0


def test_saving_the_activity_rows_keeps_the_teams_activities():
    application, _token = small_draft()
    link = confirmed(application, walkers())
    rows = [activity("roken", 5)]
    services.save_draft(services.Draft({}, rows), fresh(application))
    stored = fresh(application).activity_list
    assert [(a.theme, a.team_link_id) for a in stored] == [
        ("roken", None),
        ("bewegen", link.pk),
        ("voeding", link.pk),
    ]  # fmt: skip  (the applicant's rows first)


def test_removing_a_team_removes_its_activities_and_kills_the_captains_link():
    application, _token = small_draft()
    team = walkers()
    link, token = requested(application, team)
    services.remove_team_link(application.pk, link.pk)
    assert not TeamLink.objects.filter(pk=link.pk).exists()
    assert services.team_link_by_token(token) is None
    other = confirmed(application, team)  # and it may be added again
    services.remove_team_link(application.pk, other.pk)
    assert Activity.objects.filter(application=application).count() == 1  # voeding, own
    with pytest.raises(services.NotAllowed, match="staat niet \\(meer\\) bij je aanvraag"):
        services.remove_team_link(application.pk, other.pk)


def test_what_was_confirmed_stays_when_the_challenge_erases_its_participants():
    application, _token = small_draft()
    team = walkers(name="De Wandelaars")
    link = confirmed(application, team)
    assert link.team_label == "De Wandelaars"
    # the challenge's retention: participants go, the team's name is blanked
    team.members.all().delete()
    Team.objects.filter(pk=team.pk).update(name="")
    stored = TeamLink.objects.get(pk=link.pk)
    assert stored.participants == {"bewegen": 3, "voeding": 1}
    assert stored.team_label == "team (naam niet meer bewaard)"
    assert services.verdict_of(fresh(application)).eligible is True
    team.delete()
    assert TeamLink.objects.get(pk=link.pk).team_id is None


# --- the applicant's pages ------------------------------------------------------------------


def test_step_3_offers_the_team_and_the_button_saves_first(client):
    application, token = small_draft()
    page = text(client.get(step_url(token, 3)))
    assert '<section class="stack vignet-teams" id="teams"' in page
    assert "Ons team deed mee aan 30DagenGezonder" in page
    data = complete_post(action="team", target_group_size="12", baseline_participants="10",
                         **activity_rows(activity_row("roken", 4)))  # fmt: skip
    response = client.post(step_url(token, 3), data)
    assert response.status_code == 303
    assert response["Location"] == team_url(token)
    assert [a.theme for a in fresh(application).activity_list] == ["roken"]  # saved first


def test_the_team_page_asks_the_code_with_csrf_and_a_spam_trap(client):
    _application, token = small_draft()
    response = client.get(team_url(token))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = text(response)
    assert "<h1>Team van 30DagenGezonder toevoegen</h1>" in page
    for name in ("team_code", "website", "csrfmiddlewaretoken"):
        assert f'name="{name}"' in page, name
    assert '<label class="form-label" for="id_team_code">Teamcode</label>' in page


def test_adding_a_team_through_the_page(client, mailoutbox, django_capture_on_commit_callbacks):
    application, token = small_draft()
    team = walkers()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(team_url(token), {"team_code": team.code.lower(), "website": ""})
    assert response.status_code == 303
    assert response["Location"] == f"{step_url(token, 3)}?status=team#teams"
    link = TeamLink.objects.get(application=application)
    [mail] = [m for m in mailoutbox if m.to == [captain_of(team).email]]
    page = text(client.get(response["Location"]))
    assert "We hebben de teamcaptain een e-mail gestuurd." in page
    assert "Team Stapvoets" in page and "wacht op bevestiging door de teamcaptain" in page
    assert "Bewegen: 3" not in page  # the count is the captain's to share
    assert captain_of(team).email not in page
    assert link.status == "pending" and mail.subject.startswith("Telt jullie team mee")


@pytest.mark.parametrize(("code", "status", "message"), [
    ("QQQQQQQQ", 409, "Deze teamcode kennen we niet."),
    ("K0OL1", 400, "Een teamcode heeft 8 letters en cijfers, zoals KQ7MP2XA."),
    ("", 400, "Vul de teamcode in."),
])  # fmt: skip
def test_a_wrong_code_is_named_in_the_error_summary_and_nothing_is_stored(
    client, code, status, message
):
    _application, token = small_draft()
    walkers()
    before = counts()
    response = client.post(team_url(token), {"team_code": code, "website": ""})
    assert response.status_code == status
    assert message in error_summary(response)
    assert 'href="#id_team_code"' in raw(response)
    assert 'aria-invalid="true"' in raw(response)
    assert counts() == before


def test_the_spam_trap_stores_nothing(client):
    _application, token = small_draft()
    team = walkers()
    before = counts()
    response = client.post(team_url(token), {"team_code": team.code, "website": "http://x.test"})
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld" in error_summary(response)
    assert counts() == before


def test_the_team_page_needs_csrf():
    _application, token = small_draft()
    team = walkers()
    response = Client(enforce_csrf_checks=True).post(team_url(token), {"team_code": team.code})
    assert response.status_code == 403
    assert TeamLink.objects.count() == 0


def test_the_team_page_is_rate_limited(client, monkeypatch):
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    _application, token = small_draft()
    for _ in range(30):
        assert client.post(team_url(token), {"team_code": "QQQQQQQQ"}).status_code == 409
    assert client.post(team_url(token), {"team_code": walkers().code}).status_code == 429
    assert TeamLink.objects.count() == 0
    assert client.get(team_url(token)).status_code == 200


def test_removing_a_team_through_the_page(client):
    application, token = small_draft()
    link = confirmed(application, walkers())
    page = text(client.get(team_url(token)))
    assert f'name="koppeling" value="{link.pk}"' in page
    response = client.post(team_url(token), {"action": "remove", "koppeling": str(link.pk)})
    assert response["Location"] == f"{step_url(token, 3)}?status=team-weg#teams"
    assert not TeamLink.objects.exists()
    again = client.post(team_url(token), {"action": "remove", "koppeling": str(link.pk)})
    assert again.status_code == 409
    assert "Dit team staat niet (meer) bij je aanvraag." in text(again)


def test_the_team_page_of_an_unknown_or_submitted_application(client):
    assert LINK_UNKNOWN in text(client.get(team_url("x" * 32)))
    application, token = small_draft()
    services.submit(application.pk)
    assert client.get(team_url(token))["Location"] == f"/vignet/aanvraag/{token}/"
    response = client.post(team_url(token), {"team_code": walkers().code})
    assert response.status_code == 409
    assert TeamLink.objects.count() == 0


def test_after_confirmation_the_team_counts_on_every_page(client):
    application, token = small_draft()
    link = confirmed(application, walkers())
    decided = criteria.dutch_date(timezone.localdate(link.decided_at))
    third = text(client.get(step_url(token, 3)))
    assert f"bevestigd door de teamcaptain op {decided}" in third
    assert "Bewegen: 3 deelnemers, Voeding: 1 deelnemer" in third
    assert 'name="activiteit-INITIAL_FORMS" value="1"' in third  # the team is not a form row
    assert "✓ Voldaan:" in third  # the step's verdict counts it
    check = text(client.get(step_url(token, 5)))
    assert f"Uit 30DagenGezonder, bevestigd door de teamcaptain op {decided}" in check
    assert "Je aanvraag voldoet aan alle criteria" in check or "Voldoet aan alle criteria" in check


def test_the_live_verdict_adds_the_team_to_the_rows_being_typed(client):
    application, token = small_draft()
    confirmed(application, walkers())
    data = {"token": token, "stap": "3", **activity_rows(activity_row("roken", 3))}
    verdict = text(client.post(PREVIEW, data))  # the typed row in place of the stored voeding
    assert "✓ Voldaan:" in verdict
    assert "Bewegen (25%), Roken (25%)" in verdict


def test_a_team_alone_is_enough_to_go_on_and_to_submit(client):
    application, token = make_draft(activities=[], target_group_size=4, baseline_participants=3)
    confirmed(application, walkers())  # bewegen 3 of 4, voeding 1 of 4: both count
    data = complete_post(action="next", target_group_size="4", baseline_participants="3",
                         **activity_rows())  # fmt: skip
    assert client.post(step_url(token, 3), data).status_code == 303
    assert client.post(step_url(token, 5), {"action": "submit"}).status_code == 303
    stored = fresh(application)
    assert stored.status == Status.SUBMITTED
    assert stored.verdict["eligible"] is True


def test_a_target_group_smaller_than_the_team_is_a_problem_on_the_check_page(client):
    application, token = make_draft(activities=[], target_group_size=4, baseline_participants=3)
    confirmed(application, walkers())
    type(application).objects.filter(pk=application.pk).update(
        target_group_size=2, baseline_participants=2
    )
    page = text(client.get(step_url(token, 5)))
    assert "Het team ‘Team Stapvoets’ telt 3 deelnemers, meer dan de doelgroep (2)." in page
    assert f'href="{step_url(token, 3)}#teams"' in page
    assert client.post(step_url(token, 5), {"action": "submit"}).status_code == 400


def test_the_check_page_says_which_captain_has_not_answered_yet(client):
    application, token = small_draft()
    requested(application, walkers(name="De Wandelaars"))
    page = text(client.get(step_url(token, 5)))
    assert "Je wacht nog op de bevestiging van de teamcaptain van ‘De Wandelaars’." in page


# --- the captain's page ---------------------------------------------------------------------


def test_the_captain_sees_what_is_shared_and_confirms(client):
    application, _token = small_draft(organisation="Drukkerij Kleurrijk")
    team = walkers(name="De Wandelaars", title="30DagenGezonder 2026")
    link, token = requested(application, team)
    url = reverse("vignet:team-confirm", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = text(response)
    assert "Telt ‘De Wandelaars’ mee voor het vignet?" in page
    assert "Drukkerij Kleurrijk vraagt het Vignet Vitaal Bedrijf aan" in page
    assert "Bewegen: 3 deelnemers, Voeding: 1 deelnemer" in page
    assert "30DagenGezonder 2026" in page
    for member in team.members.all():
        assert member.name not in page
    assert application.email not in page and application.contact_name not in page
    response = client.post(url, {"actie": "bevestigen"})
    assert (response.status_code, response["Location"]) == (303, url)
    assert TeamLink.objects.get(pk=link.pk).status == TeamLinkStatus.CONFIRMED
    after = text(client.get(url))
    assert "Je hebt op" in after and "bevestigd: het team telt mee" in after
    assert 'value="bevestigen"' not in after
    again = client.post(url, {"actie": "weigeren"})
    assert again.status_code == 409
    assert "Hierover is al besloten" in text(again)


def test_the_captain_declines(client):
    application, _token = small_draft()
    link, token = requested(application, walkers())
    url = reverse("vignet:team-confirm", args=[token])
    assert client.post(url, {"actie": "weigeren"}).status_code == 303
    assert TeamLink.objects.get(pk=link.pk).status == TeamLinkStatus.DECLINED
    assert "Er is niets gedeeld." in text(client.get(url))
    assert Activity.objects.filter(team_link=link).count() == 0


def test_the_captains_page_needs_a_choice_and_csrf(client):
    application, _token = small_draft()
    link, token = requested(application, walkers())
    url = reverse("vignet:team-confirm", args=[token])
    assert client.post(url, {}).status_code == 400
    assert Client(enforce_csrf_checks=True).post(url, {"actie": "bevestigen"}).status_code == 403
    assert TeamLink.objects.get(pk=link.pk).status == TeamLinkStatus.PENDING


def test_an_unknown_or_expired_captains_link_is_a_dutch_404(client):
    assert LINK_UNKNOWN in text(client.get(reverse("vignet:team-confirm", args=["x" * 32])))
    application, _token = small_draft()
    link, token = requested(application, walkers())
    TeamLink.objects.filter(pk=link.pk).update(token_expires_at=timezone.now() - timedelta(1))
    response = client.get(reverse("vignet:team-confirm", args=[token]))
    assert response.status_code == 404 and LINK_UNKNOWN in text(response)
    assert "de teamcaptain heeft niet op tijd bevestigd" in text(client.get(step_url(_token, 3)))


# --- the assessor ---------------------------------------------------------------------------


def test_the_assessor_sees_the_team_marked(assessor_client):
    application, _token = small_draft(province="utrecht")
    link = confirmed(application, walkers(name="De Wandelaars", title="30DagenGezonder 2026"))
    services.submit(application.pk)
    page = text(assessor_client.get(reverse("vignetaanvragen:inspect", args=[application.pk])))
    decided = criteria.dutch_date(timezone.localdate(link.decided_at))
    assert f"Uit 30DagenGezonder, bevestigd door teamcaptain op {decided}" in page
    assert page.count("Uit 30DagenGezonder, bevestigd door teamcaptain") == 2  # two themes
    assert "Teams van 30DagenGezonder" in page
    assert "De Wandelaars" in page and "Bevestigd door de teamcaptain" in page
    assert "Bewegen: 3 deelnemers, Voeding: 1 deelnemer" in page
    assert "Utrecht" in page  # the province
    assert "Team van 30DagenGezonder toegevoegd" in page  # the history
    assert "Team bevestigd door de teamcaptain" in page


def test_the_activity_the_applicant_typed_is_not_marked(assessor_client):
    application = submitted()
    page = text(assessor_client.get(reverse("vignetaanvragen:inspect", args=[application.pk])))
    assert "Uit 30DagenGezonder" not in page
    assert "Teams van 30DagenGezonder" not in page


def test_days_are_counted_per_member_from_the_challenge():
    edition = ended_edition()
    team = team_of(edition, (EXERCISE, 20), (EXERCISE, 20, False), (Theme.SLEEP, 21))
    assert challenge_link.participants_per_theme(services.team_members(team)) == {
        "bewegen": 1, "ontspanning-mentale-balans": 1,
    }  # fmt: skip
