"""The dump parser: every seed file, and the malformed cases. Pure: no database."""

from datetime import date

import pytest

from kennislab.content.importer.parser import (
    Item,
    clean_line,
    continues,
    is_contact,
    is_role,
    is_title_like,
    parse_bytes,
    parse_date,
    parse_text,
)

from .seeds import require_seeds

EXPECTED = {
    "000_8eb5780c4f71963a.txt": [
        (
            "Vignet voor bedrijven die actief met vitaliteit en Positieve Gezondheid bezig zijn",
            "2021-03-18",
        ),
        (
            "Denktank lanceert boek Mentale Vooruitgang om mentale kracht Nederland te vergroten",
            "2021-03-15",
        ),
        ("30DagenGezonder", "2021-02-10"),
        ("Kennisvouchers Positieve Gezondheid", "2021-02-08"),
        ("Transformatie in de regio: zo dus!?", "2021-02-04"),
        ("Reactie op discussiestuk ‘Zorg voor de Toekomst’", "2021-02-02"),
        ("Oproep: Welzijn van 3 miljoen ouders en kinderen in gedrang!", "2021-01-26"),
        ("Slimme Zorg Estafette", "2021-01-04"),
        ("Achterhoek eerste kavel in acceleratiefase", "2020-12-30"),
        ("Jeugdpakket activiteiten kunnen doorgaan tijdens lockdown", "2020-12-21"),
    ],
    "001_85496a5afae921d8.txt": [
        ("Aan de slag met een Sociale Basisinfrastructuur in de wijk", "2021-02-11"),
        (
            "Kennisvoucher Positieve Gezondheid in beleid, praktijk, onderzoek & onderwijs – "
            "Chantal Walg",
            "2020-11-02",
        ),
        ("Onderzoek naar werkplezier en werkstress bij jonge dokters", "2020-08-11"),
        ("In beeld: jongeren en mentale gezondheid", "2020-06-04"),
        ("In beeld: samenwerken aan natuur en gezondheid", "2020-02-21"),
        ("Grijs, Groen & Gelukkig", "2019-05-16"),
        ("Welzijn op recept", "2019-01-08"),
    ],
    "002_7635dff8af445e59.txt": [
        (
            "Kennisvoucher Positieve Gezondheid in de regio en in de wijk – Alliantie Positieve "
            "Gezondheid Zuid Holland Noord en Wijzer in de Wijk",
            "2020-11-02",
        ),
    ],
    "003_a52bc7a4c48ac2c3.txt": [
        ("Interview Margriet de Jager: ‘De werkelijkheid is geen model’", "2024-01-09"),
        ("Samen (net)werken 1: netwerkopbouw", "2023-10-22"),
        ("Natuur voor Gezondheid", "2022-11-10"),
        ("Publicatie Wendbaar opleiden voor de toekomst", "2021-12-24"),
        ("Sociale basisinfrastructuur: voor vitale en gezonde gemeenschappen", "2020-09-01"),
        (
            "Tijd voor ontschotting: gezondheid is niet langer exclusief van de gezondheidszorg",
            "2019-03-18",
        ),
        ("Sociaal makelaars krijgen ruimte in Gouda", "2019-01-03"),
        ("Preventie ja! Maar hoe dan?", "2018-08-21"),
    ],
    "004_c2a9f76bbc10af41.txt": [
        ("Lokale preventieakkoorden en Alles is Gezondheid", "2020-03-12"),
    ],
}

ROLE_LINES = [
    "Netwerkadviseur & regiocoördinator",
    "Adviseur Positieve Gezondheid",
    "Netwerkadviseur groen",
    "Programmacoördinator",
    "Communicatieadviseur",
    "Netwerkadviseur",
    "Directeur Alles is Gezondheid & Positieve Gezondheid",
    "Adviseur regio's",
]
CTA_PHRASES = [
    "Vraag een Kennisvoucher aan",
    "Vraag een kennisvoucher aan",
    "vraag een vignet aan",
    "Meld jouw activiteit aan",
    "Heb je ook relevante praktijkkennis",
    "We komen er graag bij je op terug",
    "KENNISVOUCHER AANVRAGEN",
]


@pytest.fixture(scope="module")
def seeds():
    """{file name: ParseResult} for every seed dump."""
    return {path.name: parse_bytes(path.name, path.read_bytes()) for path in require_seeds()}


@pytest.fixture(scope="module")
def items(seeds):
    return {item.title: item for result in seeds.values() for item in result.items}


def item_starting(items, prefix) -> Item:
    matches = [item for title, item in items.items() if title.startswith(prefix)]
    assert len(matches) == 1, f"expected one item starting with {prefix!r}"
    return matches[0]


# --- Every seed file ------------------------------------------------------------------------


def test_all_seed_files_parse_without_problems(seeds):
    assert sorted(seeds) == sorted(EXPECTED)
    for name, result in seeds.items():
        assert result.errors == [], name
        assert result.warnings == [], name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_and_dates_are_exact(seeds, name):
    found = [(item.title, item.date.isoformat()) for item in seeds[name].items]
    assert found == EXPECTED[name]


def test_twenty_seven_items_with_distinct_keys(seeds):
    all_items = [item for result in seeds.values() for item in result.items]
    assert len(all_items) == 27
    assert len({item.key for item in all_items}) == 27


def test_no_contact_role_or_call_to_action_lines_in_text(items):
    for title, item in items.items():
        lines = {line.strip() for line in item.text.splitlines()}
        for role in ROLE_LINES:
            assert role not in lines, f"role line {role!r} left in the text of {title!r}"
        for phrase in CTA_PHRASES:
            assert phrase not in item.text, f"call to action {phrase!r} left in {title!r}"
        assert "Terug" not in lines
        assert "Kennislab" not in lines


def test_texts_are_clean_of_stray_spacing(items):
    for title, item in items.items():
        assert "\u00a0" not in item.text, title
        assert "  " not in item.text, title
        for line in item.text.splitlines():
            assert line == line.strip(), title


def test_header_section_is_skipped(seeds):
    first = seeds["002_7635dff8af445e59.txt"].items[0]
    assert first.title.startswith("Kennisvoucher Positieve Gezondheid in de regio")
    assert "Vind relevante kennis" not in first.text


def test_marker_glued_to_the_end_of_a_line(items):
    denktank = item_starting(items, "Denktank lanceert boek")
    cards = [b.value for b in denktank.body if b.kind == "related_item"]
    assert cards == [
        {
            "title": "Missie Mentaal",
            "teaser": "Wat is er nodig om een samenleving te creëren waarin iedereen mentaal "
            "vitaal kan opgroeien en blijven?",
        }
    ]
    assert item_starting(items, "30DagenGezonder").date == date(2021, 2, 10)


def test_date_glued_to_the_first_sentence(items):
    denktank = item_starting(items, "Denktank lanceert boek")
    assert denktank.date == date(2021, 3, 15)
    assert denktank.intro.startswith("Hoe versterken we de mentale kracht van alle Nederlanders?")


def test_bullets_numbered_lists_and_headings(items):
    vignet = item_starting(items, "Vignet voor bedrijven")
    lists = [b.value for b in vignet.body if b.kind == "list"]
    assert len(lists) == 1 and lists[0]["style"] == "bullet"
    assert len(lists[0]["items"]) == 4
    assert lists[0]["items"][0].startswith("De organisatie heeft een nulmeting gedaan")
    assert {"text": "Criteria", "level": "h2"} in [
        b.value for b in vignet.body if b.kind == "heading"
    ]

    reactie = item_starting(items, "Reactie op discussiestuk")
    numbered = [b.value for b in reactie.body if b.kind == "list"]
    assert numbered[0]["style"] == "numbered"
    assert numbered[0]["items"][0] == "Fundamentele Transitie Positieve Gezondheid is nodig"
    assert len(numbered[0]["items"]) == 4


def test_heading_followed_by_sub_heading(items):
    natuur = item_starting(items, "Natuur voor Gezondheid")
    headings = [b.value for b in natuur.body if b.kind == "heading"][:2]
    assert headings == [
        {"text": "Waarom Natuur voor Gezondheid?", "level": "h2"},
        {"text": "Wetenschap en visie", "level": "h3"},
    ]


def test_quote_split_over_two_lines_is_one_quote(items):
    wendbaar = item_starting(items, "Publicatie Wendbaar opleiden")
    quotes = [b.value["text"] for b in wendbaar.body if b.kind == "quote"]
    assert len(quotes) == 1
    assert quotes[0].startswith("Opleidingen moeten zich meer richten")
    assert quotes[0].endswith("steeds gericht op het blijven leren en – ontwikkelen.")


def test_contact_roles_become_contacts(items):
    kennisvouchers = item_starting(items, "Kennisvouchers Positieve Gezondheid")
    assert [c.role for c in kennisvouchers.contacts] == [
        "Programmacoördinator",
        "Netwerkadviseur & regiocoördinator",
    ]
    jeugd = item_starting(items, "Jeugdpakket")
    assert [c.role for c in jeugd.contacts] == ["Communicatieadviseur"]
    reactie = item_starting(items, "Reactie op discussiestuk")
    assert [c.role for c in reactie.contacts if c.role] == [
        "Directeur Alles is Gezondheid & Positieve Gezondheid",
        "Netwerkadviseur",
    ]


def test_contact_paragraphs_become_contact_notes(items):
    example = item_starting(items, "Kennisvoucher Positieve Gezondheid in de regio")
    notes = [c.note for c in example.contacts if c.note]
    assert len(notes) == 1 and notes[0].startswith("Meer weten over dit voorbeeld?")
    headings = [b.value["text"] for b in example.body if b.kind == "heading"]
    assert "Contact" not in headings  # the heading above the contact went with it
    lokaal = item_starting(items, "Lokale preventieakkoorden")
    assert any("06-52535625" in c.note for c in lokaal.contacts)
    assert "Meer weten?" not in lokaal.text


def test_calls_to_action(items):
    def ctas(prefix):
        return [b.value for b in item_starting(items, prefix).body if b.kind == "call_to_action"]

    assert [c["action"] for c in ctas("Vignet voor bedrijven")] == ["vignet"]
    assert ctas("Slimme Zorg Estafette") == [
        {"title": "Meld jouw activiteit aan!", "text": "", "action": "activity"}
    ]
    assert ctas("Welzijn op recept") == [
        {
            "title": "Relevant praktijkverhaal",
            "text": "Heb je ook relevante praktijkkennis, een leermoment of succesverhaal "
            "te delen?",
            "action": "story",
        }
    ]
    voucher = ctas("Kennisvoucher Positieve Gezondheid in beleid")
    assert [(c["title"], c["action"]) for c in voucher] == [
        ("Kennisvoucher aanvragen", "voucher"),
        ("KENNISVOUCHER AANVRAGEN", "voucher"),
    ]
    interest = ctas("Transformatie in de regio")
    assert interest[0]["title"] == "Meer Health Transformation Community"
    assert interest[0]["text"].startswith("Heb jij interesse mee te denken of te doen?")
    assert interest[0]["text"].endswith("We komen er graag bij je op terug!")
    assert [c["action"] for c in ctas("Achterhoek eerste kavel")] == ["newsletter"]


def test_related_item_cards_at_the_end(items):
    def cards(prefix):
        body = item_starting(items, prefix).body
        return [(b.value["title"], b.value["teaser"]) for b in body if b.kind == "related_item"]

    assert cards("Welzijn op recept") == [
        ("Video", "Waarom zou je als huisarts werken met Welzijn op recept?"),
        ("Website", "Trainingen, nieuws, video’s en informatie over het kennisnetwerk."),
        (
            "Reportage EenVandaag",
            "EenVandaag liep mee met twee voormalig patiënten, die via welzijnsactiviteiten "
            "weer meedoen, huisartsen en de grondlegger van Welzijn op recept. Bekijk het "
            "succesverhaal:",
        ),
    ]
    assert cards("Preventie ja!") == [
        (
            "Essay Tijdig en doordacht",
            "Over preventie bij maatschappelijke opgaven en de rol van gemeenten.",
        )
    ]
    interview = cards("Interview Margriet")
    assert interview[1] == (
        "Netwerkregie: Omarm de eenvoud",
        "Whitepaper over regionaal samenwerken in het licht van IZA, GALA en WOZO door Common Eye.",
    )
    # Running text above the cards is not mistaken for cards.
    assert cards("Kennisvoucher Positieve Gezondheid in de regio") == []
    assert (
        "Voor wie?" in item_starting(items, "Kennisvoucher Positieve Gezondheid in de regio").text
    )
    assert cards("Oproep: Welzijn") == []
    assert cards("Slimme Zorg Estafette") == []


def test_items_without_tail_keep_their_last_paragraph(items):
    oproep = item_starting(items, "Oproep: Welzijn")
    assert oproep.text.endswith("verstuurd aan het ministerie van OCW.")
    assert oproep.intro == (
        "Nevenschade cruciaal om mee te nemen in afwegingen en beslissingen over te nemen "
        "maatregelen."
    )


# --- Malformed and unusual input ------------------------------------------------------------

VALID = "Terug\n\nEen titel\n\n3 januari 2024\n\nEen eerste alinea met tekst.\n"


def test_minimal_item():
    result = parse_text("x.txt", VALID)
    assert result.errors == []
    [item] = result.items
    assert (item.title, item.date, item.intro, item.line) == (
        "Een titel",
        date(2024, 1, 3),
        "Een eerste alinea met tekst.",
        3,
    )


def test_file_without_marker_is_an_error():
    result = parse_text("leeg.txt", "Gewoon wat tekst\nzonder items\n")
    assert result.items == []
    assert [str(e) for e in result.errors] == [
        "leeg.txt: geen items gevonden: een item begint met een regel 'Terug'"
    ]


def test_empty_file_is_an_error():
    result = parse_bytes("leeg.txt", b"")
    assert result.items == [] and len(result.errors) == 1


def test_item_without_title():
    text = VALID + "Terug\n\n12 mei 2023\n\nTekst.\n"
    result = parse_text("x.txt", text)
    assert len(result.items) == 1
    assert [str(e) for e in result.errors] == [
        "x.txt:10: item zonder titel: na 'Terug' staat direct een datum"
    ]


def test_item_with_nothing_after_the_marker():
    result = parse_text("x.txt", VALID + "Terug\n\n\n")
    assert len(result.items) == 1
    assert [str(e) for e in result.errors] == [
        "x.txt:8: item zonder titel: na 'Terug' volgt geen tekst"
    ]


def test_item_without_date_is_reported_with_its_line():
    text = "Terug\nTitel zonder datum\nGewoon een zin.\n" + VALID
    result = parse_text("x.txt", text)
    assert [i.title for i in result.items] == ["Een titel"]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.source, error.line) == ("x.txt", 3)
    assert "geen geldige datum" in error.message and "Titel zonder datum" in error.message


def test_item_with_title_only():
    result = parse_text("x.txt", "Terug\nAlleen een titel\n")
    assert [str(e) for e in result.errors] == ["x.txt:2: item 'Alleen een titel' heeft geen datum"]


def test_impossible_date():
    result = parse_text("x.txt", "Terug\nTitel\n31 februari 2021\nTekst.\n")
    assert result.items == []
    assert "ongeldige datum '31 februari 2021'" in result.errors[0].message


def test_title_too_long():
    result = parse_text("x.txt", f"Terug\n{'a' * 300}\n1 mei 2020\n")
    assert "titel is te lang (300 tekens" in result.errors[0].message


def test_not_utf8():
    result = parse_bytes("latin1.txt", "Terug\nCafé\n1 mei 2020\n".encode("latin-1"))
    assert result.items == []
    assert [str(e) for e in result.errors] == [
        "latin1.txt:2: geen geldige UTF-8-tekst; sla het bestand op als UTF-8"
    ]


def test_binary_file():
    result = parse_bytes("plaatje.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert result.items == [] and len(result.errors) == 1


def test_bom_crlf_and_nbsp_are_handled():
    data = (
        "\ufeffTerug\r\n\r\nTitel\u00a0met  ruimte \r\n1\u00a0juni\u00a02022\r\n\r\nTekst.\r\n"
    ).encode()
    [item] = parse_bytes("x.txt", data).items
    assert (item.title, item.date, item.intro) == ("Titel met ruimte", date(2022, 6, 1), "Tekst.")


def test_unknown_text_before_the_first_item_is_a_warning():
    result = parse_text("x.txt", "Iets anders\n\n" + VALID)
    assert len(result.items) == 1 and result.errors == []
    assert [str(w) for w in result.warnings] == [
        "x.txt:1: tekst vóór het eerste item ('Terug') is overgeslagen"
    ]


def test_terug_inside_a_sentence_is_not_a_marker():
    text = VALID + "Bekijk de talkshow hier terug.\n\nKlik daarna op Terug\n\nEn lees verder.\n"
    [item] = parse_text("x.txt", text).items
    assert "Bekijk de talkshow hier terug." in item.text
    assert "Klik daarna op Terug" in f"{item.text}\n{item.asides_text}"
    assert "En lees verder." in f"{item.text}\n{item.asides_text}"


def test_weekday_before_the_date():
    [item] = parse_text("x.txt", "Terug\nTitel\ndinsdag 25 januari 2022\nTekst.\n").items
    assert item.date == date(2022, 1, 25)


def test_one_bad_item_does_not_stop_the_others():
    text = VALID + "Terug\nKapot\ngeen datum\n" + VALID.replace("Een titel", "Nog een titel")
    result = parse_text("x.txt", text)
    assert [i.title for i in result.items] == ["Een titel", "Nog een titel"]
    assert len(result.errors) == 1


# --- Helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 maart 2021", (date(2021, 3, 18), "")),
        ("15 maart 2021Hoe versterken we", (date(2021, 3, 15), "Hoe versterken we")),
        ("1 MEI 2020", (date(2020, 5, 1), "")),
        ("maart 2021", None),
        ("18 maart 20210", None),
        ("In november 2018 ondertekenden", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_clean_line():
    assert clean_line("\u00a0 a\u200b  b\t c \u202f") == "a b c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over het onderzoek", True),
        ("Fase 2. Ontwikkeling en groei", True),
        ("Waarom de Slimme Zorg Estafette?", True),
        ("Lees meer over deze bijeenkomst.", False),
        ("* Bewegen, Roken, Voeding", False),
        ("Vragen? Neemt contact op met Janny of Karen", False),
        ("Bekijk hier het webinar terug (aanmelden met e-mail)::", False),
    ],
)
def test_is_title_like(text, expected):
    assert is_title_like(text) is expected


@pytest.mark.parametrize("text", ROLE_LINES)
def test_role_lines(text):
    assert is_role(text)


@pytest.mark.parametrize(
    "text", ["Advies bij het gezamenlijke doel", "Directeur Jansen zei dat het goed ging."]
)
def test_not_role_lines(text):
    assert not is_role(text)


def test_is_contact():
    assert is_contact("Meer weten? Neem contact op met Piet via piet@example.org.")
    assert is_contact("info@example.org 06-12345678")
    assert not is_contact("De Toolkit groeit. Heb je ideeën? Mail dan naar info@example.org.")
    assert not is_contact("Wij danken iedereen. Neem contact op met Ferry.")


def test_continues():
    assert continues("in het licht van", "IZA, GALA en WOZO.")
    assert continues("het blijven leren en –", "ontwikkelen.”")
    assert not continues("Meer weten?", "Janny@example.org")
    assert not continues("Wetenschap en visie", "Natuur heeft een positief effect.")
