"""Every public form of the demo site follows the Dutch government's conventions: autocomplete
purposes on the person's fields (WCAG 1.3.5) with `type="tel"` for a phone number, "(niet
verplicht)" once on each optional field and never on a required one, the privacy statement
linked wherever consent is asked, and a character counter tied to each long field."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client

from kennislab.core.forms import AUTOCOMPLETE
from kennislab.core.testing import data_for_module

pytestmark = pytest.mark.django_db


class Fields(HTMLParser):
    """The input, textarea and select elements of the page's POST forms (attributes), and
    the text of each label by the id it is for."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.fields, self.labels, self.links, self._label = [], {}, [], None
        self._in_post_form = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_post_form = (attrs.get("method") or "").lower() == "post"
        if self._in_post_form and tag in ("input", "textarea", "select"):
            self.fields.append({"tag": tag, **attrs})
        if tag == "label":
            self._label = [attrs.get("for"), ""]
        if tag == "a":
            self.links.append(attrs.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "label" and self._label:
            self.labels[self._label[0]] = self._label[1]
            self._label = None
        if tag == "form":
            self._in_post_form = False

    def handle_data(self, data):
        if self._label is not None:
            self._label[1] += data


@pytest.fixture(scope="module")
def form_pages(django_db_setup, django_db_blocker):
    """The public forms of the demo site, by name: their URL."""
    with data_for_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        from kennislab.campaigns.models import EventPage, RelayCampaignPage
        from kennislab.challenge.models import ChallengePage
        from kennislab.questions.models import LearningCommunity
        from kennislab.vouchers.models import GoodExamplePage

        example = GoodExamplePage.objects.live().first()
        event = EventPage.objects.live().filter(registration=True).first()
        yield {
            "kennisvoucher": f"{example.url}aanvragen/",
            "vignet": "/vignet/aanvragen/",
            "evenement": f"/agenda/{event.slug}/aanmelden/",
            "estafette": f"/campagnes/{RelayCampaignPage.objects.first().slug}/aanmelden/",
            "uitdaging": f"/uitdaging/{ChallengePage.objects.order_by('-starts_on').first().slug}/aanmelden/",
            "pledge": "/netwerk/pledges/tekenen/",
            "praktijkverhaal": "/netwerk/praktijkverhaal/",
            "vraag": "/vragen/stel-je-vraag/",
            "interesse": f"/vragen/interesse/{LearningCommunity.objects.first().slug}/",
            "nieuwsbrief": "/nieuwsbrief/aanmelden/",
            "mijn-kennislab": "/mijn-kennislab/",
        }


@pytest.mark.parametrize(
    "name",
    ["kennisvoucher", "vignet", "evenement", "estafette", "uitdaging", "pledge",
     "praktijkverhaal", "vraag", "interesse", "nieuwsbrief", "mijn-kennislab"],
)  # fmt: skip
def test_the_form_follows_the_conventions(form_pages, name):
    response = Client().get(form_pages[name])
    assert response.status_code == 200, form_pages[name]
    html = response.content.decode()
    page = Fields(html)
    named = {field.get("name"): field for field in page.fields if field.get("name")}
    assert named, "no form found"
    for field_name, purpose in AUTOCOMPLETE.items():
        field = named.get(field_name)
        if field is None or field.get("type") == "hidden":
            continue
        assert field.get("autocomplete") == purpose, (name, field_name, field)
        if purpose == "tel":
            assert field.get("type") == "tel", (name, field)
    for field in page.fields:
        label = page.labels.get(field.get("id"), "")
        optional = "(niet verplicht)" in label
        if (field.get("type") in ("hidden", "checkbox", "radio", "submit", None) and field[
                "tag"] == "input") or not label:  # fmt: skip
            continue
        assert label.count("(niet verplicht)") <= 1, label
        assert not (optional and "required" in field), (name, label)
        limit = int(field.get("maxlength") or 0)
        if limit >= 200 and field.get("type") not in ("email", "url"):
            described = (field.get("aria-describedby") or "").split()
            assert f"{field['id']}-teller" in described, (name, field.get("name"))
            assert f'id="{field["id"]}-teller"' in html
    if "consent" in named:
        privacy = [link for link in page.links if "privacy" in link]
        assert privacy, f"{name}: consent without a link to the privacy statement"
        assert Client().get(privacy[0]).status_code == 200
    text = re.sub(r"<[^>]+>", " ", html)  # the words, not the addresses
    assert not re.search(r"\b(uw|U kunt|Uw)\b", text), name  # je-vorm
