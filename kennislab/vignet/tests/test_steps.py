"""The application form's steps: the step list, moving between steps (each step saves),
validation per step, the verdict beside the step it judges, the check page (every answer,
"Wijzigen" per step, the verdict per criterion) and submitting from the check page only. Form
conventions: one "(niet verplicht)" per optional field, autocomplete purposes, the privacy
statement at the consent question, character counters."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from kennislab.content.models import ContentPage
from kennislab.vignet import services, steps
from kennislab.vignet.models import Application, Status

from .factories import (
    activity,
    activity_row,
    activity_rows,
    awarded_vignet,
    complete_post,
    counts,
    make_draft,
    minimal_post,
)
from .pages import (
    APPLY,
    draft_url,
    error_summary,
    raw,
    redirected_to_step,
    start,
    step_url,
    text,
)

pytestmark = pytest.mark.django_db

TITLES = ["Je organisatie", "Doelgroep en nulmeting", "Activiteiten",
          "Begeleiding en bewijsstukken", "Controleren en indienen"]  # fmt: skip


def step_list(page: str) -> str:
    match = re.search(r'<nav class="vignet-steps".*?</nav>', page, re.S)
    assert match, "no step list"
    return match.group(0)


def test_the_step_table_matches_the_pages():
    assert [str(step.title) for step in steps.STEPS] == TITLES
    assert steps.by_number("3") is steps.STEPS[2]
    assert steps.by_number(0) is None and steps.by_number(6) is None
    assert steps.by_number("drie") is None
    assert steps.of_field("baseline_date").number == 2
    assert steps.of_field("activiteit-0-title").number == 3
    assert steps.of_criterion("guidance").number == 4
    assert steps.CHECK.is_check and not steps.FIRST.is_check


# --- the step list and moving between steps -------------------------------------------------


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_every_step_says_where_you_are(client, number):
    _application, token = make_draft()
    response = client.get(step_url(token, number))
    assert response.status_code == 200
    page = text(response)
    title = TITLES[number - 1]
    assert f"<h1>Stap {number} van 5: {title}</h1>" in page
    assert f"<title>Stap {number} van 5: {title} – Vignet Vitaal Bedrijf aanvragen" in page
    nav = step_list(page)
    assert '<ol class="vignet-steps__list">' in nav
    assert nav.count('aria-current="step"') == 1
    current = re.search(r'<li[^>]*aria-current="step"[^>]*>(.*?)</li>', nav, re.S).group(1)
    assert title in current and "<a " not in current  # the current step is not a link
    for other in range(1, 6):
        if other != number:
            assert f'<a href="{step_url(token, other)}">{TITLES[other - 1]}</a>' in nav


def test_a_new_application_has_no_links_to_later_steps(client):
    nav = step_list(text(client.get(APPLY)))
    assert "<a " not in nav
    assert all(title in nav for title in TITLES)


def test_an_unknown_step_is_a_404(client):
    _application, token = make_draft()
    for path in ("stap/0/", "stap/6/", "stap/99/"):
        assert client.get(draft_url(token) + path).status_code == 404
    assert client.get(draft_url(token) + "stap/een/").status_code == 404


def test_opslaan_en_verder_saves_only_the_steps_own_fields_and_goes_on(client):
    application, token = make_draft(organisation="Blijft Zo BV")
    data = complete_post(organisation="Andere Naam BV", target_group_size="120",
                         guidance_name="Iemand Anders")  # fmt: skip
    response = client.post(step_url(token, 2), data)
    redirected_to_step(response, 3)
    application.refresh_from_db()
    assert application.target_group_size == 120
    assert application.organisation == "Blijft Zo BV"  # step 1's field
    assert application.guidance_name == "Lotte Brinkhorst"  # step 4's field
    assert application.activities.count() == 2  # step 3's rows
    assert "Je antwoorden zijn bewaard." in text(client.get(response["Location"]))


def test_vorige_saves_what_is_filled_in_and_goes_back_without_asking_everything(client):
    application, token = make_draft()
    data = complete_post(action="previous", target_group_size="90", baseline_date=None,
                         baseline_method=None, baseline_participants=None)  # fmt: skip
    redirected_to_step(client.post(step_url(token, 2), data), 1)
    application.refresh_from_db()
    assert (application.target_group_size, application.baseline_date) == (90, None)


def test_vorige_still_refuses_what_is_wrong(client):
    _application, token = make_draft()
    before = counts()
    data = complete_post(action="previous", baseline_date="gisteren")
    response = client.post(step_url(token, 2), data)
    assert response.status_code == 400
    assert "Vul een datum in als 15-01-2025." in error_summary(response)
    assert counts() == before


def test_opslaan_en_later_verder_stays_on_the_step(client):
    application, token = make_draft(activities=[])
    data = complete_post(action="later", **activity_rows(activity_row("roken", 20)))
    response = client.post(step_url(token, 3), data)
    redirected_to_step(response, 3, "later")
    assert [a.theme for a in application.activities.all()] == ["roken"]
    page = text(client.get(response["Location"]))
    assert "Je aanvraag is bewaard. Met de link uit je e-mail ga je later verder" in page
    # stopping needs no activity yet; going on does
    empty = complete_post(action="later", **activity_rows())
    redirected_to_step(client.post(step_url(token, 3), empty), 3, "later")
    assert application.activities.count() == 0


def test_on_step_1_vorige_is_not_offered_and_means_stay(client):
    _application, token = make_draft()
    page = text(client.get(step_url(token, 1)))
    assert 'value="previous"' not in page
    assert 'value="later"' in page
    response = client.post(step_url(token, 1), minimal_post(action="previous"))
    redirected_to_step(response, 1, "later")
    assert 'value="later"' not in text(client.get(APPLY))  # no draft yet: one way on


def test_adding_an_activity_saves_and_returns_to_the_activities(client):
    _application, token = make_draft(activities=[activity("bewegen")])
    data = complete_post(action="add_activity", **activity_rows(activity_row("bewegen", 20)))
    response = client.post(step_url(token, 3), data)
    assert response.status_code == 303
    assert response["Location"] == f"{step_url(token, 3)}?status=bewaard#activiteiten"
    page = text(client.get(response["Location"]))
    assert 'name="activiteit-TOTAL_FORMS" value="2"' in page  # the saved one and a blank one
    assert 'name="activiteit-1-theme"' in page


def test_changing_a_step_from_the_check_page_returns_there(client):
    application, token = make_draft()
    page = text(client.get(step_url(token, 2) + "?controleren=1"))
    assert '<input type="hidden" name="controleren" value="1">' in page
    assert "Opslaan en terug naar controleren" in page
    data = complete_post(target_group_size="100", controleren="1")
    redirected_to_step(client.post(step_url(token, 2), data), 5)
    application.refresh_from_db()
    assert application.target_group_size == 100


# --- validation per step --------------------------------------------------------------------


def test_opslaan_en_verder_asks_only_the_questions_of_its_own_step(client):
    _application, token = make_draft(activities=[], guidance_name="", guidance_organisation="")
    data = {"target_group_size": "", "action": "next"}
    response = client.post(step_url(token, 2), data)
    assert response.status_code == 400
    summary = error_summary(response)
    assert "Er zijn 4 dingen niet goed ingevuld" in summary
    for message in (
        "Vul het aantal medewerkers in de doelgroep in.",
        "Vul de datum van de nulmeting in.",
        "Beschrijf hoe de nulmeting is gedaan.",
        "Vul het aantal deelnemers aan de nulmeting in.",
    ):
        assert message in summary
    assert "begeleider" not in summary  # step 4's questions wait for step 4
    assert "activiteit" not in summary.lower()
    assert '<a href="#id_baseline_date">' in raw(response)


def test_a_renewal_asks_no_baseline(client):
    vignet = awarded_vignet(months_ago=22)
    renewal, token = services.start_renewal(vignet, "Toestemming.")
    response = client.post(step_url(token, 2), {"target_group_size": "70", "action": "next"})
    redirected_to_step(response, 3)
    renewal.refresh_from_db()
    assert (renewal.target_group_size, renewal.baseline_date) == (70, None)


# --- the verdict beside the step it judges --------------------------------------------------


@pytest.mark.parametrize(
    ("number", "shown", "hidden"),
    [
        (2, "nulmeting", ["activiteiten op twee thema's", "deskundige begeleiding"]),
        (3, "activiteiten op twee thema's", ["nulmeting", "deskundige begeleiding"]),
        (4, "deskundige begeleiding", ["nulmeting", "activiteiten op twee thema's"]),
    ],
)
def test_the_verdict_sits_between_the_steps_fields_and_its_buttons(client, number, shown, hidden):
    _application, token = make_draft()
    page = text(client.get(step_url(token, number)))
    fields = page.index('class="vignet-step__fields"')
    verdict = page.index("data-verdict")
    buttons = page.index('class="form-actions vignet-step__actions"')
    assert fields < verdict < buttons  # phones: under the fields, above the buttons
    assert page.index("</form>", buttons) < page.index("</main>")  # all three in the form
    panel = page[verdict:buttons]
    names = re.findall(r'<span class="verdict__name">([^<]+)</span>', panel)
    assert names == [shown]
    assert not any(name in names for name in hidden)


def test_step_1_and_the_new_application_show_no_verdict(client):
    _application, token = make_draft()
    assert "data-verdict" not in text(client.get(step_url(token, 1)))
    assert "data-verdict" not in text(client.get(APPLY))


def test_a_step_sent_back_with_errors_judges_nothing_until_it_is_right(client):
    _application, token = make_draft(activities=[])
    rows = activity_rows(activity_row("bewegen", 20), activity_row("voeding", 20, title=""))
    response = client.post(step_url(token, 3), complete_post(**rows))
    assert response.status_code == 400
    panel = text(response)[text(response).index("data-verdict") :]
    assert "Vul het aantal medewerkers in de doelgroep in (en verbeter" in panel
    assert "Voldaan" not in panel


# --- the check page -------------------------------------------------------------------------


def test_the_check_page_shows_every_answer_with_a_wijzigen_link_per_step(client):
    application, token = make_draft(organisation="Drukkerij Kleurrijk", place="Turfhaven",
                                    province="noord-brabant")  # fmt: skip
    page = text(client.get(step_url(token, 5)))
    assert "<dt>Provincie</dt><dd>Noord-Brabant</dd>" in page
    for value in ("Drukkerij Kleurrijk", "Turfhaven", application.contact_name,
                  application.email, "030 123 45 67", "80", "Vragenlijst vitaliteit", "52",
                  "Bewegen", "Activiteit bewegen", "Voeding", "Activiteit voeding",
                  "Lotte Brinkhorst", "Bureau Vitaal Werk",
                  "Begeleiding bij de nulmeting en de keuze van activiteiten."):  # fmt: skip
        assert value in page, value
    for number in (1, 2, 3, 4):
        link = f'<a href="{step_url(token, number)}?controleren=1">Wijzigen'
        assert link in page, number
        assert f'<span class="visually-hidden">: {TITLES[number - 1]}</span>' in page
    assert 'value="submit"' in page and "Aanvraag indienen" in page
    assert f'href="{step_url(token, 4)}">Vorige</a>' in page
    assert "Dit ontbreekt nog" not in page


def test_the_check_page_shows_the_verdict_per_criterion_in_its_step(client):
    _application, token = make_draft(activities=[activity("bewegen", 20)])
    page = text(client.get(step_url(token, 5)))
    assert "Je aanvraag voldoet nog niet aan alle criteria." in page
    sections = {
        int(number): body
        for number, body in re.findall(
            r'<section class="check-section" aria-labelledby="controle-stap-(\d)">(.*?)</section>',
            page,
            re.S,
        )
    }
    assert sorted(sections) == [1, 2, 3, 4]
    assert "verdict__name" not in sections[1]
    assert "✓ Voldaan:" in sections[2] and "nulmeting" in sections[2]
    assert "○ Nog niet voldaan:" in sections[3] and "Nog 1 thema nodig" in sections[3]
    assert "✓ Voldaan:" in sections[4] and "Lotte Brinkhorst (Bureau Vitaal Werk)" in sections[4]


def test_the_check_page_says_what_is_still_missing_with_links(client):
    token = start(client, minimal_post(phone=""))
    page = text(client.get(step_url(token, 5)))
    assert "Dit ontbreekt nog" in page
    assert f'<a href="{step_url(token, 2)}#id_target_group_size">' in page
    assert f'<a href="{step_url(token, 3)}#activiteiten">' in page
    assert f'<a href="{step_url(token, 4)}#id_guidance_name">' in page
    assert "Niet ingevuld" in page  # the phone, left empty
    assert "Nog geen activiteiten ingevuld." in page


def test_the_check_page_of_a_renewal_says_no_baseline_is_needed(client):
    _renewal, token = services.start_renewal(awarded_vignet(months_ago=22), "Toestemming.")
    page = text(client.get(step_url(token, 5)))
    assert "Niet nodig bij een verlenging" in page
    assert "Datum van de nulmeting" not in page
    assert "verlengen kan sinds" in page  # the renewal criterion, in step 2's section


def test_the_check_page_finds_rows_that_no_longer_fit_a_smaller_target_group(client):
    application, token = make_draft()
    Application.objects.filter(pk=application.pk).update(target_group_size=25)
    page = text(client.get(step_url(token, 5)))
    assert "Activiteit 2: Meer deelnemers (30) dan de doelgroep (25)." in page
    assert f'<a href="{step_url(token, 3)}#id_activiteit-1-participants">' in page
    assert client.get(draft_url(token))["Location"] == step_url(token, 2)  # first: baseline 52 > 25


# --- submitting only from the check page ----------------------------------------------------


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_a_step_never_submits(client, number):
    application, token = make_draft()
    response = client.post(step_url(token, number), complete_post(action="submit"))
    redirected_to_step(response, number + 1)
    application.refresh_from_db()
    assert (application.status, application.reference, application.submitted_at) == (
        Status.DRAFT,
        None,
        None,
    )


def test_the_first_step_never_submits(client):
    response = client.post(APPLY, complete_post(action="submit"))
    redirected_to_step(response, 2, "nieuw")
    assert Application.objects.get().status == Status.DRAFT


def test_the_check_page_submits_once(client):
    application, token = make_draft()
    first = client.post(step_url(token, 5), {"action": "submit"})
    assert first.status_code == 303
    again = client.post(step_url(token, 5), {"action": "submit"})
    assert again.status_code == 409
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.events.filter(action="submit").count() == 1


# --- form conventions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "optional"),
    [
        (1, ["Plaats", "Provincie", "Telefoonnummer"]),
        (2, []),
        (3, ["Einddatum", "Doelgroep van deze activiteit"]),
        (4, ["Wat hield de begeleiding in?", "Bewijsstukken toevoegen"]),
    ],
)
def test_niet_verplicht_once_per_optional_field(client, number, optional):
    _application, token = make_draft(activities=[activity("bewegen")])
    page = text(client.get(step_url(token, number)))
    marked = re.findall(r'>([^<>]+) <span class="form-optional">\(niet verplicht\)</span>', page)
    rows = 3 if number == 3 else 1  # step 3: the saved row, a blank one, the row template
    assert sorted(marked) == sorted(optional * rows)
    assert page.count("(niet verplicht)") == len(optional) * rows


def test_step_1_fills_in_with_autocomplete(client):
    page = text(client.get(APPLY))
    for name, purpose in (("organisation", "organization"), ("contact_name", "name"),
                          ("email", "email"), ("phone", "tel"),
                          ("place", "address-level2")):  # fmt: skip
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        assert f'autocomplete="{purpose}"' in tag, name
    assert 'type="tel"' in re.search(r'<input[^>]*name="phone"[^>]*>', page).group(0)


def test_the_consent_question_links_the_privacy_statement(client):
    root = Site.objects.get(is_default_site=True).root_page
    root.add_child(instance=ContentPage(title="Privacyverklaring", slug="privacyverklaring"))
    cache.clear()  # the navigation (with the privacy statement's address) is cached
    page = text(client.get(APPLY))
    consent = page[page.index('name="consent"') :]
    assert re.search(r'<a href="/privacyverklaring/">[^<]*privacyverklaring', consent, re.I)


def test_long_texts_show_their_maximum(client):
    _application, token = make_draft()
    page = text(client.get(step_url(token, 4)))
    assert "Hoogstens 2000 tekens." in page
    assert 'data-counter-for="id_guidance_description"' in page
    assert 'maxlength="2000"' in page
