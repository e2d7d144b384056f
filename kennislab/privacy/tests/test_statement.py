"""The privacy statement comes from the register: every entry visitors fill in is on it with its
data, purpose, legal basis and retention (with the term as configured now), and the demo's
privacy page shows it instead of terms written by hand."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from kennislab.core.testing import data_for_module
from kennislab.privacy import register, statement

pytestmark = pytest.mark.django_db


def text(content) -> str:
    """Rendered HTML as a reader sees the words: entities unescaped, tags gone, spaces single."""
    if isinstance(content, bytes):
        content = content.decode()
    plain = html_lib.unescape(re.sub(r"<[^>]+>", " ", content))
    return re.sub(r"\s+", " ", plain)


def rendered() -> str:
    request = RequestFactory().get("/privacyverklaring/")
    return render_to_string(
        "privacy/statement.html",
        {"statement": statement.build(), "email": "privacy@voorbeeld.example"},
        request=request,
    )


def public_entries() -> list[register.Entry]:
    return [entry for entry in register.entries() if entry.from_public]


def test_the_register_has_entries_from_the_public():
    assert len(public_entries()) >= 5


def test_every_public_entry_is_on_it_with_purpose_basis_and_retention():
    page = text(rendered())
    for entry in public_entries():
        assert str(entry.label) in page, entry.key
        assert str(entry.purpose) in page, entry.key
        assert entry.basis_text[1:] in page, entry.key  # (the first letter is a capital there)
        for label in entry.field_labels:
            assert label[1:] in page, (entry.key, label)
        assert entry.retention or entry.retention_text, f"{entry.key}: no retention"
        for line in entry.retention_lines:
            assert line in page, (entry.key, line)
        if entry.recipients:
            assert str(entry.recipients) in page, entry.key


def test_entries_editors_enter_are_not_on_it():
    keys = {item.key for item in statement.build().items}
    assert keys == {entry.key for entry in public_entries()}
    for entry in register.entries():
        if not entry.from_public:
            assert entry.key not in keys


def test_entries_are_grouped_per_process_in_a_fixed_order():
    groups = statement.build().groups
    keys = [group.key for group in groups]
    assert len(keys) == len(set(keys))
    known = [key for key, _title in statement.GROUPS]
    listed = [key for key in keys if key in known]
    assert listed == sorted(listed, key=known.index)
    for group in groups:
        assert group.title and group.items
        for item in group.items:
            assert register.REGISTRY[item.key].model._meta.app_label == group.key


def test_special_category_data_is_pointed_out():
    special = [entry for entry in public_entries() if entry.special]
    page = rendered()
    note = "bijzondere persoonsgegevens"
    assert page.count(note) == len(special)


def test_the_rights_and_how_to_use_them():
    page = text(rendered())
    for words in ("Inzage", "Correctie", "Verwijdering", "Bezwaar", "Toestemming intrekken",
                  "Autoriteit Persoonsgegevens", "Naar Mijn Kennislab",
                  "privacy@voorbeeld.example", "We leggen vast wie welke gegevens bekijkt"):  # fmt: skip
        assert words in page, words
    assert 'href="/mijn-kennislab/"' in rendered()


@pytest.mark.parametrize(
    ("days", "words"),
    [(2557, "7 jaar"), (365, "1 jaar"), (730, "2 jaar"), (91, "3 maanden"), (30, "1 maand"),
     (14, "2 weken"), (7, "1 week"), (1, "1 dag"), (45, "45 dagen")],
)  # fmt: skip
def test_terms_read_as_people_say_them(days, words):
    assert statement.human_term(days) == words


def worded_rule() -> register.Rule:
    """A rule on the statement whose description names its default term ("1 jaar na …")."""
    return next(rule for entry, rule in register.rules() if entry.from_public
                and statement.human_term(rule.days) in str(rule.description))  # fmt: skip


def test_a_configured_term_replaces_the_default_in_the_text(settings):
    rule = worded_rule()
    default = statement.human_term(rule.days)
    settings.PRIVACY_RETENTION = {rule.key: rule.days + 3 * 365 + 1}
    wanted = statement.human_term(rule.days + 3 * 365 + 1)
    assert wanted != default
    line = statement.rule_line(rule)
    assert wanted in line and default not in line
    page = text(rendered())
    assert line in page
    assert str(rule.description) not in page


def test_every_public_rule_follows_its_setting(settings):
    """Whatever the wording of a rule, the page shows the configured term, not the default."""
    for entry, rule in register.rules():
        if not entry.from_public:
            continue
        settings.PRIVACY_RETENTION = {rule.key: 4 * 365 + 1}
        line = statement.rule_line(rule)
        assert "4 jaar" in line, (rule.key, line)
        assert line in text(rendered()), rule.key
    settings.PRIVACY_RETENTION = {}
    for _entry, rule in register.rules():
        assert statement.rule_line(rule) == str(rule.description), rule.key


def test_a_description_without_the_term_gets_it_added(settings):
    rule = register.Rule(key="test_rule", description="Tot de actie voorbij is", days=30,
                         due=lambda cutoff, now: None)  # fmt: skip
    assert statement.rule_line(rule) == "Tot de actie voorbij is"
    settings.PRIVACY_RETENTION = {"test_rule": 60}
    assert statement.rule_line(rule) == "Tot de actie voorbij is (bewaartermijn: 2 maanden)"
    other = register.Rule(key="test_rule", description="1 jaar, niet 11 jaar", days=365,
                          due=lambda cutoff, now: None)  # fmt: skip
    assert statement.rule_line(other) == "2 maanden, niet 11 jaar"


# --- the demo's privacy page ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from django.core.management import call_command

    with data_for_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        yield


def test_the_demo_privacy_page_shows_the_generated_statement(demo, client):
    from kennislab.content.models import ContentPage

    page = ContentPage.objects.get(slug="privacyverklaring")
    assert [block.block_type for block in page.body].count("privacy_register") == 1
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    shown = text(html)
    for entry in public_entries():
        assert str(entry.label) in shown, entry.key
        for line in entry.retention_lines:
            assert line in shown, (entry.key, line)
    for entry, rule in register.rules():
        if entry.from_public:
            assert str(rule.description) in shown, rule.key
    assert "privacy@kennislab.example" in shown


def test_the_demo_privacy_page_writes_no_term_by_hand(demo):
    """The only terms on the page are the register's: the page's own text names none."""
    from kennislab.content.models import ContentPage
    from kennislab.content.text import stream_text

    own = stream_text(ContentPage.objects.get(slug="privacyverklaring").body).lower()
    term = re.compile(r"\b(\d+|een|twee|drie|zes|zeven|twaalf)\s+(dag|dagen|week|weken|maand|"
                      r"maanden|jaar)\b")  # fmt: skip
    assert not term.search(own), term.search(own)
    assert "toestemming geeft" not in own  # not every basis is consent


def test_the_demo_privacy_page_follows_a_changed_term(demo, client, settings):
    from kennislab.content.models import ContentPage

    rule = worded_rule()
    settings.PRIVACY_RETENTION = {rule.key: rule.days + 5 * 365 + 1}
    shown = text(client.get(ContentPage.objects.get(slug="privacyverklaring").url).content)
    assert statement.rule_line(rule) in shown
    assert str(rule.description) not in shown
