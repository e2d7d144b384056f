"""The public challenge pages over HTTP: the sign-up form (every kind of bad input, refusals,
CSRF, honeypot), the neutral confirmation, duplicates, teams and the team page, the challenge
page with its figures and materials."""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection

from kennislab.challenge import services
from kennislab.challenge.models import ChallengeMaterial, Participant, Status, Team, Theme
from kennislab.core.models import OutgoingEmail

from .factories import confirmed, form_data, sign_up
from .helpers import counts, field_error, link_in, nothing_stored, text

pytestmark = pytest.mark.django_db

FORM = '<form class="form" method="post" action="/uitdaging/'
NEUTRAL = "Kijk in je mailbox"


def sign_up_url(page) -> str:
    return f"/uitdaging/{page.slug}/aanmelden/"


def signed_up_url(page) -> str:
    return f"/uitdaging/{page.slug}/aangemeld/"


# --- the form -----------------------------------------------------------------------------------


def test_the_form(client, challenge):
    response = client.get(sign_up_url(challenge))
    assert response.status_code == 200
    html = text(response)
    assert FORM in html and 'name="csrfmiddlewaretoken"' in html
    for name in ("name", "email", "theme", "goal", "participation", "team_name", "team_code",
                 "consent", "website", "province", "impact_consent"):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert re.search(r'Provincie <span class="form-optional">\(niet verplicht\)</span>', html)
    assert ">Wil ik niet zeggen</option>" in html and ">Noord-Brabant</option>" in html
    assert 'type="checkbox" name="impact_consent"' in html
    assert "een korte vragenlijst ontvangen" in html
    for label in ("Bewegen", "Gezonder eten", "Geen alcohol", "Minder suiker", "Ontspanning",
                  "Slapen", "Anders"):  # fmt: skip
        assert f">{label}</label>" in html, label
    assert "Aanmelden voor 30DagenGezonder 2099" in html


def test_a_valid_sign_up_is_pending_and_gets_the_welcome_mail(client, challenge):
    response = client.post(sign_up_url(challenge), form_data(name="Sam de Tester",
                                                            email="Sam@Example.org"))  # fmt: skip
    assert response.status_code == 303
    assert response["Location"] == signed_up_url(challenge)
    participant = Participant.objects.get()
    assert participant.status == Status.PENDING
    assert (participant.name, participant.email_key) == ("Sam de Tester", "sam@example.org")
    assert participant.consent_text.startswith("Ik geef toestemming om mijn naam, e-mailadres")
    assert "vragenlijst" not in participant.consent_text
    assert (participant.province, participant.impact_consent) == ("", False)
    assert participant.team is None
    [mail] = OutgoingEmail.objects.all()
    assert mail.to == "Sam@Example.org"
    assert mail.subject == "Bevestig je deelname aan 30DagenGezonder 2099"
    assert services.by_token(link_in(mail)).pk == participant.pk
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert participant.unsubscribe_key in mail.headers["List-Unsubscribe"]
    assert f"/uitdaging/afmelden/{participant.unsubscribe_key}/" in mail.body
    page = client.get(response["Location"])
    assert page.status_code == 200 and NEUTRAL in text(page)


def test_province_and_the_impact_survey_are_asked_and_stored(client, challenge):
    response = client.post(
        sign_up_url(challenge), form_data(province="gelderland", impact_consent="on")
    )
    assert response.status_code == 303
    participant = Participant.objects.get()
    assert (participant.province, participant.impact_consent) == ("gelderland", True)
    assert participant.consent_text.endswith(
        "Ik wil twee weken na de uitdaging een korte vragenlijst ontvangen over hoe het dan gaat."
    )


LONG = "x" * 100_000


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": None}, "name", "Vul je naam in."),
        ({"name": "  "}, "name", "Vul je naam in."),
        ({"email": None}, "email", "Vul je e-mailadres in."),
        ({"email": "sam@"}, "email", "Vul een geldig e-mailadres in"),
        ({"email": "geen adres"}, "email", "Vul een geldig e-mailadres in"),
        ({"theme": None}, "theme", "Kies een thema."),
        ({"theme": "chocolade"}, "theme", ""),
        ({"goal": None}, "goal", "Schrijf je persoonlijke doel op."),
        ({"goal": "   "}, "goal", "Schrijf je persoonlijke doel op."),
        ({"goal": LONG}, "goal", "hoogstens 500 tekens (nu 100000)"),
        ({"goal": "x" * 501}, "goal", "hoogstens 500 tekens"),
        ({"participation": None}, "participation", "Kies hoe je meedoet."),
        ({"participation": "start_team", "team_name": ""}, "team_name", "Geef je team een naam."),
        ({"participation": "join_team", "team_code": ""}, "team_code", "Vul de teamcode"),
        ({"consent": None}, "consent", "Geef toestemming"),
        ({"name": LONG}, "name", "150 tekens"),
        ({"email": LONG + "@example.org"}, "email", ""),
        ({"participation": "start_team", "team_name": LONG}, "team_name", "100 tekens"),
        ({"province": "atlantis"}, "province", "Kies een van de provincies uit de lijst."),
    ],
)
def test_bad_input_stores_nothing_and_says_why(client, challenge, overrides, field, message):
    response = client.post(sign_up_url(challenge), form_data(**overrides))
    assert response.status_code == 400
    html = text(response)
    errors = field_error(html, field)
    assert errors, html[:3000]
    assert any(message in error for error in errors), errors
    assert "<title>Fout:" in html
    assert 'class="error-summary"' in html and f'href="#id_{field}' in html
    assert FORM in html
    assert nothing_stored()


def test_the_goal_takes_exactly_500_characters(client, challenge):
    response = client.post(sign_up_url(challenge), form_data(goal="x" * 500))
    assert response.status_code == 303
    assert len(Participant.objects.get().goal) == 500


def test_the_honeypot_stores_nothing(client, challenge):
    response = client.post(sign_up_url(challenge), form_data(website="https://spam.example"))
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld" in text(response)
    assert nothing_stored()


def test_a_tampered_csrf_token_stores_nothing(challenge):
    client = Client(enforce_csrf_checks=True)
    page = text(client.get(sign_up_url(challenge)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(sign_up_url(challenge), form_data(csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    assert nothing_stored()
    accepted = client.post(sign_up_url(challenge), form_data(csrfmiddlewaretoken=token))
    assert accepted.status_code == 303  # the 403 was the token's doing


@pytest.mark.parametrize(
    ("window", "message"),
    [
        ({"opens_in": timedelta(days=2)}, "Aanmelden kan nog niet."),
        ({"opens_in": timedelta(days=-30), "closes_in": timedelta(minutes=-1)},
         "de aanmelding is gesloten"),
    ],
)  # fmt: skip
def test_closed_or_not_yet_open_sign_up_accepts_nothing(client, make_challenge, window, message):
    page = make_challenge(**window)
    shown = client.get(sign_up_url(page))
    assert shown.status_code == 200
    assert message in text(shown) and FORM not in text(shown)
    response = client.post(sign_up_url(page), form_data())
    assert response.status_code == 409
    assert message in text(response) and FORM not in text(response)
    assert nothing_stored()
    # the page says it too, without a button
    page_html = text(client.get(page.url))
    assert message in page_html and f'href="{sign_up_url(page)}"' not in page_html


def test_sign_up_stays_open_during_the_month(client, make_challenge):
    from django.utils import timezone

    page = make_challenge(starts_on=timezone.localdate() - timedelta(days=5))
    assert client.post(sign_up_url(page), form_data()).status_code == 303


def test_unknown_or_draft_challenge_is_a_404(client, make_challenge):
    draft = make_challenge(live=False)
    assert client.get(sign_up_url(draft)).status_code == 404
    assert client.post(sign_up_url(draft), form_data()).status_code == 404
    assert client.get("/uitdaging/bestaat-niet/aanmelden/").status_code == 404
    assert nothing_stored()


# --- duplicates: the same neutral answer, nothing new stored, a fresh link mailed -----------------


@pytest.mark.parametrize("confirm_first", [False, True], ids=["pending", "confirmed"])
def test_a_duplicate_gets_the_same_answer_and_a_new_link(client, challenge, confirm_first):
    first = client.post(sign_up_url(challenge), form_data(email="sam@example.org",
                                                          goal="Mijn eerste doel."))  # fmt: skip
    participant = Participant.objects.get()
    old_link = link_in(OutgoingEmail.objects.get())
    if confirm_first:
        confirmed_now = client.post(f"/uitdaging/deelname/{old_link}/", {"actie": "bevestigen"})
        assert confirmed_now.status_code == 303
    before = counts()

    second = client.post(sign_up_url(challenge), form_data(
        email=" SAM@example.ORG ", goal="Een ander doel.", theme=Theme.SLEEP,
        participation="start_team", team_name="Nieuw team",
    ))  # fmt: skip
    assert second.status_code == first.status_code == 303
    assert second["Location"] == first["Location"]
    after = counts()
    assert after[:4] == before[:4]  # no participant, team, check-in or message more
    assert after[4] == before[4] + 1  # only the mail with the new link
    again = Participant.objects.get()
    assert (again.goal, again.theme, again.team) == ("Mijn eerste doel.", Theme.EXERCISE, None)
    mail = OutgoingEmail.objects.order_by("-pk").first()
    assert mail.to == "sam@example.org"  # to the address that takes part, as it was given
    expected = ("Je nieuwe persoonlijke link voor 30DagenGezonder 2099" if confirm_first
                else "Bevestig je deelname aan 30DagenGezonder 2099")  # fmt: skip
    assert mail.subject == expected
    new_link = link_in(mail)
    assert new_link != old_link
    assert services.by_token(old_link) is None  # rotated: the old link stops working
    assert services.by_token(new_link).pk == participant.pk
    assert client.get(f"/uitdaging/deelname/{old_link}/").status_code == 404


def test_a_concurrent_double_submit_is_answered_like_a_duplicate(challenge, monkeypatch):
    """Two submits at once: the second insert hits the unique constraint; it is answered as a
    duplicate (the first one's participant, a new link), not with an error."""
    first = sign_up(challenge, email="dubbel@example.org")
    real_filter = Participant.objects.filter
    calls = {"n": 0}

    def first_lookup_misses(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # the check before inserting does not see the other submit yet
            return real_filter(pk=-1)
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Participant.objects, "filter", first_lookup_misses)
    second = sign_up(challenge, email="DUBBEL@example.org")
    monkeypatch.undo()
    assert not second.created
    assert second.participant.pk == first.participant.pk
    assert Participant.objects.count() == 1
    assert services.by_token(first.token) is None and services.by_token(second.token) is not None


# --- teams ----------------------------------------------------------------------------------------


def test_starting_a_team_creates_it_with_an_invite_code(client, challenge):
    client.post(sign_up_url(challenge), form_data(participation="start_team",
                                                  team_name="  De   Wandelaars "))  # fmt: skip
    team = Team.objects.get()
    assert team.name == "De Wandelaars"
    assert re.fullmatch(r"[A-HJ-KM-NP-Z2-9]{8}", team.code), team.code
    participant = Participant.objects.get()
    assert participant.team == team
    body = OutgoingEmail.objects.get().body
    assert f"http://testserver/uitdaging/{challenge.slug}/team/{team.code}/" in body


def test_joining_a_team_by_code(client, challenge):
    founder = confirmed(challenge, participation="start_team", team_name="Buren")
    code = founder.team.code
    typed = code[:4].lower() + "-" + code[4:]
    response = client.post(sign_up_url(challenge), form_data(participation="join_team",
                                                             team_code=typed))  # fmt: skip
    assert response.status_code == 303
    joined = Participant.objects.exclude(pk=founder.pk).get()
    assert joined.team_id == founder.team_id
    assert Team.objects.count() == 1


def test_an_unknown_team_code_is_refused_and_nothing_is_stored(client, challenge):
    response = client.post(sign_up_url(challenge), form_data(participation="join_team",
                                                             team_code="ZZZZ2345"))  # fmt: skip
    assert response.status_code == 409
    [error] = field_error(text(response), "team_code")
    assert error.startswith("Deze teamcode kennen we niet voor deze editie.")
    assert nothing_stored()


def test_a_team_of_another_edition_is_unknown(client, challenge, make_challenge):
    other = make_challenge()
    founder = confirmed(other, participation="start_team", team_name="Elders")
    before = counts()
    response = client.post(sign_up_url(challenge), form_data(participation="join_team",
                                                             team_code=founder.team.code))  # fmt: skip
    assert response.status_code == 409
    assert counts() == before
    assert client.get(f"/uitdaging/{challenge.slug}/team/{founder.team.code}/").status_code == 404


def test_the_team_page_shows_name_and_count_only(client, challenge):
    founder = confirmed(challenge, name="Geheime Naam", participation="start_team",
                        team_name="De Lopers", goal="Geheim doel van de starter.")  # fmt: skip
    sign_up(challenge, name="Nog Niet Bevestigd", participation="join_team",
            team_code=founder.team.code)  # fmt: skip
    confirmed(challenge, name="Tweede Lid", participation="join_team",
              team_code=founder.team.code)  # fmt: skip
    response = client.get(f"/uitdaging/{challenge.slug}/team/{founder.team.code.lower()}/")
    assert response.status_code == 200
    html = text(response)
    assert "Doe mee met team De Lopers" in html
    assert "2 deelnemers doen mee in dit team." in html  # the pending one does not count
    for secret in ("Geheime Naam", "Tweede Lid", "Nog Niet Bevestigd", "Geheim doel",
                   "@example.org"):  # fmt: skip
        assert secret not in html
    assert f'value="{founder.team.code}"' in html  # the form is prefilled with the code
    assert re.search(r'value="join_team"[^>]*checked', html)
    assert response["X-Robots-Tag"] == "noindex"


def test_an_unknown_team_page_is_a_dutch_404(client, challenge):
    response = client.get(f"/uitdaging/{challenge.slug}/team/ZZZZ2345/")
    assert response.status_code == 404
    assert "Team niet gevonden" in text(response)


# --- the challenge page ---------------------------------------------------------------------------


def document(title: str, content: bytes = b"%PDF-1.4 demo"):
    Document = get_document_model()
    doc = Document(title=title, collection=Collection.get_first_root_node())
    doc.file.save("poster.pdf", ContentFile(content), save=False)
    doc.file_size = len(content)
    doc.save()
    return doc


def test_the_challenge_page_shows_state_figures_and_materials(client, challenge):
    ChallengeMaterial.objects.create(page=challenge, title="Poster A3", audience="schools",
                                     description="Om op te hangen.", document=document("Poster"))  # fmt: skip
    response = client.get(challenge.url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    html = text(response).replace("\xa0", " ")
    assert f'href="{sign_up_url(challenge)}"' in html and "Doe mee" in html
    assert "Poster A3" in html and "(PDF, 13 bytes)" in html and "Voor: Scholen" in html
    assert "Om op te hangen." in html


def test_materials_without_a_document_are_not_shown(client, challenge):
    ChallengeMaterial.objects.create(page=challenge, title="Weg", document=None)
    assert "Weg" not in text(client.get(challenge.url))
