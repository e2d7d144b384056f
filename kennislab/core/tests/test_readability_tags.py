"""{% readability_report %}: the B1 report of one or more texts, for a form's check step."""

from django.template import Context, Template

from kennislab.core.templatetags.readability_tags import joined


def render(source: str, **context) -> str:
    return Template("{% load readability_tags %}" + source).render(Context(context))


def test_texts_are_joined_as_paragraphs_and_empty_ones_skipped():
    assert joined(["Titel", None, "  ", "Tekst.\n"]) == "Titel\n\nTekst."


def test_the_report_of_several_texts():
    html = render(
        "{% readability_report title summary level=2 %}",
        title="Ons verhaal",
        summary="Wij trachten middels dit verhaal te laten zien wat werkt in de buurt. " * 3,
    )
    assert '<section class="readability notice notice--info stack" id="leesbaarheid"' in html
    assert '<h2 id="leesbaarheid-titel">Leesbaarheid</h2>' in html
    assert '<h3 class="readability__subtitle">Woorden die eenvoudiger kunnen</h3>' in html
    assert "‘trachten’: schrijf liever ‘proberen’ (3 keer)" in html


def test_heading_and_anchor_can_change():
    html = render(
        '{% readability_report text heading=False anchor="check" %}',
        text="Korte zin.",
    )
    assert 'id="check"' in html and "<h2" not in html and 'aria-label="Leesbaarheid"' in html
    assert "Te weinig tekst om het taalniveau te bepalen." in html
    assert "notice--success" in html
