"""Guessing type, themes and domains: pure rules, pinned on the seed items."""

import importlib

import pytest

from kennislab.content.importer.guess import (
    Vocabulary,
    guess_domains,
    guess_themes,
    guess_type,
    keyword_score,
)
from kennislab.content.importer.parser import parse_bytes

from .seeds import require_seeds

THEMES_MIGRATION = importlib.import_module("kennislab.content.migrations.0002_themes_and_domains")
VOCABULARY = [
    Vocabulary(slug, tuple(k.strip() for k in keywords.split(",") if k.strip()))
    for _, slug, _, keywords in THEMES_MIGRATION.THEMES
]

# title prefix → (type, primary theme)
EXPECTED = {
    "Vignet voor bedrijven": ("news", "werk-en-vitaliteit"),
    "Denktank lanceert boek": ("publication", "mentale-gezondheid"),
    "30DagenGezonder": ("campaign", "leefstijl"),
    "Kennisvouchers Positieve Gezondheid": ("news", "positieve-gezondheid"),
    "Transformatie in de regio": ("news", "regio-en-transformatie"),
    "Reactie op discussiestuk": ("consultation_response", "regio-en-transformatie"),
    "Oproep: Welzijn": ("call", "jeugd-en-gezin"),
    "Slimme Zorg Estafette": ("campaign", "zorginnovatie"),
    "Achterhoek eerste kavel": ("news", "regio-en-transformatie"),
    "Jeugdpakket": ("news", "jeugd-en-gezin"),
    "Aan de slag met een Sociale Basisinfrastructuur": ("webinar", "wijk-en-sociale-basis"),
    "Kennisvoucher Positieve Gezondheid in beleid": ("practice_example", "positieve-gezondheid"),
    "Onderzoek naar werkplezier": ("news", "werk-en-vitaliteit"),
    "In beeld: jongeren": ("in_beeld", "jeugd-en-gezin"),
    "In beeld: samenwerken aan natuur": ("in_beeld", "groen-en-gezondheid"),
    "Grijs, Groen & Gelukkig": ("practice_example", "groen-en-gezondheid"),
    "Welzijn op recept": ("practice_example", "mentale-gezondheid"),
    "Kennisvoucher Positieve Gezondheid in de regio": ("practice_example", "positieve-gezondheid"),
    "Interview Margriet": ("interview", "regio-en-transformatie"),
    "Samen (net)werken 1": ("series_part", "regio-en-transformatie"),
    "Natuur voor Gezondheid": ("toolkit", "groen-en-gezondheid"),
    "Publicatie Wendbaar opleiden": ("publication", "onderwijs-en-opleiding"),
    "Sociale basisinfrastructuur: voor vitale": ("publication", "wijk-en-sociale-basis"),
    "Tijd voor ontschotting": ("news", "wijk-en-sociale-basis"),
    "Sociaal makelaars krijgen ruimte": ("practice_example", "wijk-en-sociale-basis"),
    "Preventie ja!": ("publication", "preventie"),
    "Lokale preventieakkoorden": ("news", "preventie"),
}


@pytest.fixture(scope="module")
def seed_items():
    return [
        item for path in require_seeds() for item in parse_bytes(path.name, path.read_bytes()).items
    ]


def _find(items, prefix):
    [item] = [item for item in items if item.title.startswith(prefix)]
    return item


def test_every_seed_item_is_pinned(seed_items):
    assert len(seed_items) == len(EXPECTED) == 27
    for item in seed_items:
        assert sum(item.title.startswith(prefix) for prefix in EXPECTED) == 1, item.title


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_type_and_primary_theme(seed_items, prefix):
    item = _find(seed_items, prefix)
    expected_type, expected_theme = EXPECTED[prefix]
    assert guess_type(item.title, item.intro, item.text, item.asides_text) == expected_type
    themes = guess_themes(item.title, f"{item.text}\n{item.asides_text}", VOCABULARY)
    assert 1 <= len(themes) <= 3
    assert themes[0] == expected_theme


def test_every_type_but_one_occurs_in_the_seeds(seed_items):
    types = {guess_type(i.title, i.intro, i.text, i.asides_text) for i in seed_items}
    assert types == {
        "news", "interview", "publication", "practice_example", "toolkit", "webinar",
        "in_beeld", "campaign", "call", "consultation_response", "series_part",
    }  # fmt: skip


def test_domains_of_some_seed_items(seed_items):
    assert guess_domains(*_text(_find(seed_items, "Vignet voor bedrijven"))) == ["werk"]
    assert guess_domains(*_text(_find(seed_items, "Sociaal makelaars"))) == ["wijk", "zorg"]
    assert "school" in guess_domains(*_text(_find(seed_items, "Publicatie Wendbaar")))
    assert "regio" in guess_domains(*_text(_find(seed_items, "Slimme Zorg Estafette")))


def _text(item):
    return item.title, item.text


# --- Rules on small inputs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "intro", "text", "asides", "expected"),
    [
        ("In beeld: een bijeenkomst", "", "", "", "in_beeld"),
        ("Interview met een adviseur", "", "", "", "interview"),
        ("Samen leren 2: de tweede fase", "", "", "", "series_part"),
        ("Oproep: doe mee", "", "", "", "call"),
        ("Reactie op de consultatie", "", "", "", "consultation_response"),
        ("Iets", "", "", "TOOLKIT Bewegen", "toolkit"),
        ("Iets", "Een webinar over groen.", "", "", "webinar"),
        ("Nieuw boek over veerkracht", "", "", "", "publication"),
        ("Iets", "", "De campagne loopt. Meer over de campagne.", "", "campaign"),
        ("Iets", "", "", "Vraag een Kennisvoucher aan bij dit voorbeeld.", "practice_example"),
        ("Iets", "", "Gewone tekst.", "", "news"),
    ],
)
def test_type_rules(title, intro, text, asides, expected):
    assert guess_type(title, intro, text, asides) == expected


def test_keyword_score_matches_word_starts_and_weighs_the_title():
    assert keyword_score(["natuur"], "Natuur en zorg", "natuurlijk de natuur, wegnatuur") == 5
    assert keyword_score(["regio's"], "", "Regio’s werken samen") == 1


def test_guess_themes_keeps_strong_themes_only():
    vocabulary = [Vocabulary("groen", ("natuur",)), Vocabulary("werk", ("werkgever",))]
    assert guess_themes("Natuur", "natuur natuur natuur werkgever", vocabulary) == ["groen"]
    assert guess_themes("", "niets", vocabulary) == []
    assert guess_themes("", "werkgever", vocabulary) == ["werk"]  # weak, but better than none


def test_guess_domains_in_fixed_order():
    assert guess_domains("", "regio regio regio wijk wijk wijk buurt") == ["wijk", "regio"]
