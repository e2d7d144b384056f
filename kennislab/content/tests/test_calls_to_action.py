"""Calls to action always act: every kind leads to its form by itself, says so in one Dutch
sentence when that form does not exist, and the demo content and the seed dumps have no call to
action without a button."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from kennislab.campaigns.models import AgendaPage, EventPage
from kennislab.campaigns.tests.relay_factories import build_campaign
from kennislab.content import actions
from kennislab.content.blocks import CallToActionBlock
from kennislab.content.site import ensure_home
from kennislab.core.testing import data_for_module
from kennislab.questions.models import LearningCommunity
from kennislab.vouchers.tests.factories import build_voucher_site

from .factories import ArticlePageFactory
from .seeds import require_seeds

pytestmark = pytest.mark.django_db

BLOCK = CallToActionBlock()


def render(**fields) -> str:
    data = {"title": "Doe mee", "text": "", "action": "", "link_label": "", "page": None,
            "url": "", **fields}  # fmt: skip
    return BLOCK.render(BLOCK.to_python(data), context={})


def ctas(html: str) -> list[dict]:
    """Each call-to-action component in the HTML: its button (href and text) or its sentence."""
    found = []
    for box in BeautifulSoup(html, "html.parser").select("div.cta"):
        button = box.select_one(".cta__action a.button[href]")
        sentence = box.select_one(".cta__unavailable")
        title = box.select_one(".cta__title")
        found.append(
            {
                "title": title.get_text(strip=True) if title else "",
                "href": button["href"] if button else None,
                "button": button.get_text(strip=True) if button else "",
                "sentence": sentence.get_text(strip=True) if sentence else "",
                "classes": box["class"],
            }
        )
    return found


def only_cta(html: str) -> dict:
    [found] = ctas(html)
    assert bool(found["href"]) != bool(found["sentence"]), found  # a button or a sentence
    if found["href"]:
        assert found["button"], found
    return found


# --- Every kind, with and without its target -------------------------------------------------


def event(*, starts_in: timedelta, materials: bool = False, registration: bool = True):
    agenda = AgendaPage.objects.first()
    if agenda is None:
        agenda = AgendaPage(title="Agenda", slug="agenda")
        ensure_home().add_child(instance=agenda)
        agenda.save_revision().publish()
    number = EventPage.objects.count() + 1
    starts_at = timezone.now() + starts_in
    page = EventPage(
        title=f"Webinar {number}", slug=f"webinar-{number}", kind="webinar", online=True,
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=1), registration=registration,
    )  # fmt: skip
    if materials:
        page.materials = [{"type": "paragraph", "value": "<p>De opname.</p>"}]
    agenda.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def test_voucher_leads_to_the_open_scheme_or_says_there_is_none():
    assert only_cta(render(action="voucher"))["sentence"] == (
        "Er is op dit moment geen kennisvoucherregeling open."
    )
    site = build_voucher_site(examples=1)
    found = only_cta(render(action="voucher"))
    assert (found["href"], found["button"]) == (site.page.url, "Vraag een kennisvoucher aan")
    assert "cta--voucher" in found["classes"]
    site.set_phase("closed")
    assert "geen kennisvoucherregeling open" in only_cta(render(action="voucher"))["sentence"]
    site.set_phase("not_yet")
    assert "geen kennisvoucherregeling open" in only_cta(render(action="voucher"))["sentence"]


@pytest.mark.parametrize(
    ("kind", "url", "button"),
    [
        ("vignet", "/vignet/aanvragen/", "Vraag het vignet aan"),
        ("story", "/netwerk/praktijkverhaal/", "Deel je praktijkverhaal"),
        ("newsletter", "/nieuwsbrief/aanmelden/", "Meld je aan voor de nieuwsbrief"),
        ("contact", "/vragen/stel-je-vraag/", "Stel je vraag"),
    ],
)
def test_forms_that_are_always_there(kind, url, button):
    found = only_cta(render(action=kind))
    assert (found["href"], found["button"]) == (url, button)
    found = only_cta(render(action=kind, link_label="Doe het nu"))
    assert (found["href"], found["button"]) == (url, "Doe het nu")


@override_settings(ROOT_URLCONF="kennislab.content.tests.urls_without_forms")
@pytest.mark.parametrize("kind", ["vignet", "story", "newsletter", "contact", "webinar"])
def test_a_form_that_is_not_mounted_is_named_not_linked(kind):
    found = only_cta(render(action=kind))
    assert found["sentence"] == str(actions.KINDS[kind].unavailable)
    assert "kan op dit moment niet" in found["sentence"] or "nog niet" in found["sentence"]


def test_activity_leads_to_the_open_relay_registration():
    assert only_cta(render(action="activity"))["sentence"] == (
        "Er is op dit moment geen campagne waarvoor je een activiteit kunt aanmelden."
    )
    build_campaign()  # the 2021 edition: registration closed long ago
    assert only_cta(render(action="activity"))["sentence"]
    today = timezone.localdate()
    week = [("Oost", "oost", ["gelderland"], today + timedelta(days=7), today + timedelta(days=11))]
    build_campaign(regions=week, slug="estafette-nu", live=False)
    assert only_cta(render(action="activity"))["sentence"]  # not published
    build_campaign(regions=week, slug="estafette-open")
    found = only_cta(render(action="activity"))
    assert (found["href"], found["button"]) == (
        "/campagnes/estafette-open/aanmelden/",
        "Meld je activiteit aan",
    )


def test_interest_leads_to_an_open_learning_community():
    LearningCommunity.objects.create(name="Leerkring Vol", slug="leerkring-vol", is_open=False)
    assert only_cta(render(action="interest"))["sentence"] == (
        "Er is op dit moment geen leergemeenschap waarvoor je je kunt aanmelden."
    )
    LearningCommunity.objects.create(name="Health Transformation Community", slug="htc")
    found = only_cta(render(action="interest"))
    assert (found["href"], found["button"]) == ("/vragen/interesse/htc/", "Geef je interesse door")


def test_webinar_leads_to_the_watch_back_form_or_the_sign_up_of_its_event():
    past = event(starts_in=timedelta(days=-20), materials=True)
    found = only_cta(render(action="webinar", page=past.pk))
    assert (found["href"], found["button"]) == (
        f"/agenda/{past.slug}/terugkijken/",
        "Bekijk het webinar terug",
    )
    no_recording = event(starts_in=timedelta(days=-20))
    found = only_cta(render(action="webinar", page=no_recording.pk))
    assert found["sentence"] == "De opname van dit webinar is nog niet beschikbaar."
    upcoming = event(starts_in=timedelta(days=5))
    found = only_cta(render(action="webinar", page=upcoming.pk))
    assert (found["href"], found["button"]) == (
        f"/agenda/{upcoming.slug}/aanmelden/",
        "Meld je aan voor het webinar",
    )
    walk_in = event(starts_in=timedelta(days=5), registration=False)
    found = only_cta(render(action="webinar", page=walk_in.pk))
    assert found["href"] == walk_in.url
    # without an event (imported items, older blocks): ask for the recording
    found = only_cta(render(action="webinar"))
    assert (found["href"], found["button"]) == ("/vragen/stel-je-vraag/", "Vraag de opname aan")
    past.unpublish()
    assert only_cta(render(action="webinar", page=past.pk))["href"] == "/vragen/stel-je-vraag/"


def test_every_kind_renders_a_button_or_a_sentence_never_an_empty_box():
    """Without any target in the database: each kind still says something."""
    for kind in actions.KINDS:
        found = only_cta(render(action=kind))
        assert f"cta--{kind}" in found["classes"]


def test_general_goes_to_its_page_or_address():
    article = ArticlePageFactory(title="Groene schoolpleinen")
    found = only_cta(render(page=article.pk))
    assert (found["href"], found["button"]) == (article.url, "Groene schoolpleinen")
    assert "cta--general" in found["classes"]
    found = only_cta(render(url="https://www.example.org/rapport", link_label="Lees het rapport"))
    assert (found["href"], found["button"]) == (
        "https://www.example.org/rapport",
        "Lees het rapport",
    )
    assert only_cta(render(url="https://www.example.org/rapport"))["button"] == "Lees meer"


def test_a_chosen_page_wins_over_the_kinds_form():
    article = ArticlePageFactory(title="Over de vouchers")
    found = only_cta(render(action="voucher", page=article.pk, link_label="Lees meer"))
    assert (found["href"], found["button"]) == (article.url, "Lees meer")
    article.unpublish()  # a page that is gone: back to the kind's own target
    assert (
        "geen kennisvoucherregeling"
        in only_cta(render(action="voucher", page=article.pk))["sentence"]
    )


def test_older_blocks_without_a_kind_keep_their_link():
    """Blocks saved before kinds mattered: no "action" key at all, or an empty one."""
    article = ArticlePageFactory(title="Een ouder artikel")
    value = BLOCK.to_python({"title": "Lees ook", "page": article.pk})
    found = only_cta(BLOCK.render(value, context={}))
    assert found["href"] == article.url
    assert actions.target({"title": "Oud", "url": "https://www.example.org/"}).url == (
        "https://www.example.org/"
    )


# --- Editor validation ----------------------------------------------------------------------


def clean(**fields):
    data = {"title": "Doe mee", "text": "", "action": "", "link_label": "", "page": None,
            "url": "", **fields}  # fmt: skip
    return BLOCK.clean(BLOCK.to_python(data))


def errors(**fields) -> dict:
    with pytest.raises(StructBlockValidationError) as raised:
        clean(**fields)
    return {name: " ".join(error.messages) for name, error in raised.value.block_errors.items()}


def test_a_general_call_to_action_needs_a_page_or_an_address():
    assert errors() == {
        "page": "Kies een pagina of vul een webadres in: een algemene oproep moet ergens naartoe "
        "leiden. Of kies een soort actie."
    }
    article = ArticlePageFactory()
    assert clean(page=article.pk)["page"].pk == article.pk
    assert clean(url="https://www.example.org/")["url"] == "https://www.example.org/"
    assert "niet allebei" in errors(page=article.pk, url="https://www.example.org/")["url"]


def test_a_kind_needs_no_page():
    for kind in actions.KINDS:
        assert clean(action=kind)["action"] == kind


def test_a_webinar_takes_an_event_page_only():
    article = ArticlePageFactory()
    assert errors(action="webinar", page=article.pk) == {
        "page": "Kies de pagina van het webinar in de agenda."
    }
    assert "geen webadres" in errors(action="webinar", url="https://www.example.org/")["url"]
    upcoming = event(starts_in=timedelta(days=3))
    assert clean(action="webinar", page=upcoming.pk)["page"].pk == upcoming.pk


def test_the_kinds_are_the_blocks_choices():
    """The block's choices are frozen in several apps' migrations: codes and order stay."""
    codes = [code for code, _label in CallToActionBlock.ACTIONS]
    assert codes == ["", "voucher", "vignet", "activity", "story", "newsletter", "interest",
                     "contact", "webinar"]  # fmt: skip


# --- Demo content and seed dumps: no call to action without a button -------------------------


@pytest.fixture(scope="module")
def demo_and_seeds(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        paths = [str(path) for path in require_seeds()]
        call_command("import_dump", *paths, "--no-progress", stdout=io.StringIO())
        yield


def test_every_call_to_action_of_the_demo_and_the_seeds_acts(client, demo_and_seeds):
    seen, without, targets = 0, [], set()
    for page in Page.objects.live().specific().filter(depth__gte=2):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        for found in ctas(response.content.decode()):
            seen += 1
            if found["href"]:
                targets.add(found["href"])
            else:
                without.append((page.url, found["title"], found["sentence"]))
    assert without == []
    assert seen >= 40
    for url in sorted(targets):
        if url.startswith("/"):
            assert client.get(url).status_code == 200, url
    # every kind of form is reached from the content
    assert {
        "/vignet/aanvragen/",
        "/netwerk/praktijkverhaal/",
        "/nieuwsbrief/aanmelden/",
        "/vragen/stel-je-vraag/",
        "/kennisvouchers/positieve-gezondheid-2026/",
        "/campagnes/slimme-zorg-estafette/aanmelden/",
        "/vragen/interesse/health-transformation-community/",
    } <= targets


def test_the_home_pages_cards_act(client, demo_and_seeds):
    cards = {found["title"]: found for found in ctas(client.get("/").content.decode())}
    assert cards["Blijf op de hoogte"]["href"] == "/nieuwsbrief/aanmelden/"
    assert cards["Deel jouw praktijkverhaal"]["href"] == "/netwerk/praktijkverhaal/"
    assert cards["Kennisvouchers Positieve Gezondheid 2026"]["href"] == (
        "/kennisvouchers/positieve-gezondheid-2026/"
    )


def test_imported_calls_to_action_act(client, demo_and_seeds):
    from kennislab.content.models import ArticlePage

    imported = ArticlePage.objects.live().exclude(source="")
    found = [cta for page in imported for cta in ctas(client.get(page.url).content.decode())]
    assert len(found) == 11  # every call to action the parser finds in the dumps
    assert all(cta["href"] for cta in found), found
    webinar = [cta for cta in found if cta["title"].startswith("Bekijk hier het webinar")]
    assert webinar and webinar[0]["button"] == "Vraag de opname aan"
