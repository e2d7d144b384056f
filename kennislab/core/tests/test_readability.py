"""The plain-Dutch (B1) check (kennislab.core.readability): each rule on its own, then the scores
of a few fixed Dutch texts, pinned."""

import pytest

from kennislab.core import readability as r

# --- sentences and words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dit is één zin. Dit is er nog een.", ["Dit is één zin.", "Dit is er nog een."]),
        # abbreviations and initials do not end a sentence
        ("Bijv. Utrecht doet mee. Klaar.", ["Bijv. Utrecht doet mee.", "Klaar."]),
        ("Vraag het dr. Jansen of J. de Vries.", ["Vraag het dr. Jansen of J. de Vries."]),
        ("Zie blz. 4 voor meer.", ["Zie blz. 4 voor meer."]),
        # o.a., d.w.z.: a lower-case word follows, so no sentence end
        (
            "Dat geldt o.a. voor scholen, d.w.z. alle scholen.",
            ["Dat geldt o.a. voor scholen, d.w.z. alle scholen."],
        ),
        # numbers with a full stop or comma stay whole; a number after a sentence end starts one
        (
            "Het kost 1.000 euro. 25 mensen doen mee.",
            ["Het kost 1.000 euro.", "25 mensen doen mee."],
        ),
        ("Echt? Ja! Nou…", ["Echt?", "Ja!", "Nou…"]),
        ("Hij zei: “Kom.” Toen ging hij.", ["Hij zei: “Kom.”", "Toen ging hij."]),
        # every line is a sentence (headings, list items); list markers go
        (
            "Een kop\n\n• eerste punt\n- tweede punt\n3. derde punt",
            ["Een kop", "eerste punt", "tweede punt", "derde punt"],
        ),
        ("", []),
        ("   \n\n …", []),
    ],
)
def test_split_sentences(text, expected):
    assert r.split_sentences(text) == expected


def test_words():
    assert r.words("Auto's, e-health en o.a. 1.000 of 25% — klaar.") == [
        "Auto's", "e-health", "en", "o.a", "1.000", "of", "25%", "klaar",
    ]  # fmt: skip
    assert r.words("— … !") == []


# --- syllables ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("de", 1), ("huis", 1), ("mooi", 1), ("nieuw", 1), ("eeuw", 1), ("bij", 1),
        ("gezondheid", 3), ("samenwerking", 4), ("vrijwilligers", 4), ("organisatie", 5),
        ("theater", 3), ("materiaal", 4), ("ideaal", 3),  # two vowels without a group: two
        ("coördinator", 5), ("financiële", 5), ("geëvalueerd", 5), ("hygiëne", 4),  # diaeresis
        ("café", 2), ("één", 1),  # accents without diaeresis change nothing
        ("GGD", 3), ("VWS", 3), ("IZA", 2), ("t", 1), ("1.000", 1), ("", 0),
    ],
)  # fmt: skip
def test_syllables(word, count):
    assert r.syllables(word) == count


def test_long_words_have_four_or_more_syllables():
    assert r.is_long_word("samenwerking")  # 4
    assert not r.is_long_word("gezondheid")  # 3
    assert not r.is_long_word("buurthuisje")  # long in letters, 3 syllables
    assert not r.is_long_word("1.000.000")
    assert r.is_long_word("gezondheid", r.Thresholds(long_word_syllables=3))


def test_flesch_douma():
    # 206.835 − 0.93 × 10 − 77 × 1.5
    assert r.flesch_douma(20, 2, 30) == pytest.approx(82.035)
    assert r.flesch_douma(0, 0, 0) == 0.0
    assert r.flesch_douma(10, 0, 12) == 0.0


# --- the word list --------------------------------------------------------------------------


def test_word_forms_by_word_class():
    assert r.word_forms("indien") == {"indien"}  # so 'indienen' is no hit
    assert r.word_forms("interventie", r.NOUN) >= {"interventie", "interventies"}
    assert r.word_forms("relevant", r.ADJECTIVE) == {"relevant", "relevante"}
    verb = r.word_forms("realiseren", r.VERB)
    assert {"realiseer", "realiseert", "realiseerde", "gerealiseerd", "gerealiseerde"} <= verb
    assert {"verstrek", "verstrekt", "verstrekte"} <= r.word_forms("verstrekken", r.VERB)
    assert "geïmplementeerd" in r.word_forms("implementeren", r.VERB)
    assert "beoogd" in r.word_forms("beogen", r.VERB)  # be-: no ge-
    assert "gebeoogd" not in r.word_forms("beogen", r.VERB)


def test_parse_word_list():
    entries = r.parse_word_list(
        ["# commentaar", "", "middels\tmet", "verzoeken|verzocht\tvragen\tww", "dient te\tmoet"]
    )
    assert entries == [
        r.HardWord("middels", "met"),
        r.HardWord("verzoeken", "vragen", r.VERB, ("verzocht",)),
        r.HardWord("dient te", "moet"),
    ]
    with pytest.raises(ValueError, match="regel 1"):
        r.parse_word_list(["middels met"])
    with pytest.raises(ValueError, match="onbekende woordsoort"):
        r.parse_word_list(["middels\tmet\txx"])


def test_the_bundled_list_reads_and_has_plain_alternatives():
    entries = r.default_word_list()
    assert 100 <= len(entries) <= 200
    words = [entry.word for entry in entries]
    assert len(words) == len(set(words))
    for entry in entries:
        assert entry.alternative and entry.alternative.lower() != entry.word
    assert {"middels", "teneinde", "indien", "aanvangen"} <= set(words)


def test_find_hard_words():
    index = r.build_index(r.parse_word_list([
        "indien\tals", "verzoeken|verzocht\tvragen\tww", "met betrekking tot\tover",
        "relevant\tbelangrijk\tbn",
    ]))  # fmt: skip
    hits = r.find_hard_words(
        "Indien u het verzocht, sturen we relevante stukken. Wilt u een aanvraag indienen? "
        "Met betrekking tot de kosten: indien nodig bellen we. Dat verzoekt u zelf.",
        index,
    )
    assert [(hit.word, hit.found, hit.count) for hit in hits] == [
        ("indien", "Indien", 2),
        ("verzoeken", "verzocht", 2),
        ("relevant", "relevante", 1),
        ("met betrekking tot", "Met betrekking tot", 1),
    ]
    assert hits[0].alternative == "als"
    assert r.find_hard_words("betrekking tot de zaak", index) == []  # a phrase is whole or nothing


# --- the verdict ----------------------------------------------------------------------------


def test_too_short_to_judge():
    report = r.check("Mag ik bijv. bellen? Dat is o.a. makkelijker.")
    assert report.verdict == r.TOO_SHORT and report.passes
    assert report.reasons == ()
    assert r.check("").verdict == r.TOO_SHORT
    # hard words are still listed
    assert [hit.word for hit in r.check("Indien mogelijk.").hard_words] == ["indien"]


def test_each_limit_fails_on_its_own():
    plain = " ".join(["Wij gaan naar huis."] * 10)  # 40 words, 4 per sentence, 1 syllable
    assert r.check(plain).verdict == r.B1
    strict = r.Thresholds(max_sentence_words=3)
    assert r.check(plain, strict).reasons == (
        "Gemiddeld 4,0 woorden per zin; probeer er hoogstens 3.",
    )
    # 206.835 − 0.93 × 4 − 77 × 1 = 126.115
    assert r.check(plain, r.Thresholds(min_flesch_douma=130)).reasons == (
        "Leesgemak (Flesch-Douma) 126,1; voor B1 is 130 of hoger nodig.",
    )
    long_words = " ".join(["Wij gaan samenwerken."] * 10)  # a third of the words are long
    assert r.check(long_words, r.Thresholds(min_flesch_douma=0)).reasons == (
        "33,3 % lange woorden (4 lettergrepen of meer); probeer hoogstens 15 %.",
    )
    hard = " ".join(["Wij gaan naar huis."] * 9 + ["Wij gaan middels de bus."])
    # 1 hard word in 41 words is 2.4 per 100: above the limit of 1
    assert r.check(hard).reasons == (
        "1 moeilijk woord, zoals ‘middels’ (schrijf liever ‘met, via’).",
    )
    assert r.check(hard, r.Thresholds(max_hard_words_per_100=2.5)).verdict == r.B1


def test_reasons_come_in_a_fixed_order():
    text = " ".join(
        ["Indien de gemeentelijke organisatie middels duurzame samenwerkingsverbanden met "
         "partners de implementatie van preventieakkoorden realiseert, verbetert de gezondheid "
         "van de inwoners."] * 2
    )  # fmt: skip
    reasons = r.check(text).reasons
    assert [reason.split()[0] for reason in reasons] == [
        "Gemiddeld", "Leesgemak", "30,0", "8",
    ]  # fmt: skip


# --- pinned scores of fixed texts ----------------------------------------------------------

PLAIN = """Samen koken in de buurt

In de Lindestraat koken buren elke dinsdag samen. Ze kiezen een recept en kopen de boodschappen bij de markt. Daarna eten ze aan één lange tafel.
Wie wil, neemt een bakje mee naar huis. Zo eet niemand alleen.
• Je betaalt drie euro.
• Kinderen eten gratis mee.
Meer weten? Bel of mail Sanne de Wit."""

OFFICIAL = """Indien u middels dit formulier een verzoek indient, dient u tevens de relevante stukken mee te sturen. Wij trachten uw verzoek binnen vier weken af te handelen. Teneinde de voortgang te bewaken, wordt uw aanvraag geregistreerd in ons systeem. Derhalve ontvangt u te zijner tijd een bevestiging. Met betrekking tot de financiering van uw initiatief geldt dat de gemeente uitsluitend bijdraagt aan activiteiten die reeds zijn opgenomen in het preventieakkoord."""

LONG = """De gemeente Veenhoven wil samen met de huisartsen, de wijkverpleging, het welzijnswerk en de scholen in de komende twee jaar onderzoeken hoe bewoners die zich eenzaam voelen sneller de weg vinden naar activiteiten in hun eigen buurt, zodat zij minder vaak een beroep hoeven te doen op zorg. Daarvoor komt er in elke wijk een vast aanspreekpunt dat bewoners kennen, dat korte lijnen heeft met de huisarts en dat weet welke clubs, koffieochtenden en wandelgroepen er in de buurt te vinden zijn."""


@pytest.mark.parametrize(
    ("text", "sentences", "words", "syllables", "long_words", "flesch_douma", "verdict"),
    [
        (PLAIN, 10, 59, 88, 0, 86.5, r.B1),
        (OFFICIAL, 5, 70, 130, 8, 50.8, r.ABOVE_B1),
        (LONG, 2, 82, 134, 5, 42.9, r.ABOVE_B1),
    ],
)
def test_pinned_scores(text, sentences, words, syllables, long_words, flesch_douma, verdict):
    report = r.check(text)
    assert (report.sentences, report.words, report.syllables, report.long_words) == (
        sentences, words, syllables, long_words,
    )  # fmt: skip
    assert round(report.flesch_douma, 1) == flesch_douma
    assert report.average_sentence_length == pytest.approx(words / sentences)
    assert report.long_word_share == pytest.approx(long_words / words)
    assert report.verdict == verdict


def test_pinned_advice_for_the_official_text():
    report = r.check(OFFICIAL)
    assert report.reasons == (
        "Leesgemak (Flesch-Douma) 50,8; voor B1 is 60 of hoger nodig.",
        "12 moeilijke woorden, zoals ‘Indien’ (schrijf liever ‘als’).",
    )
    assert [(hit.word, hit.count) for hit in report.hard_words] == [
        ("indien", 1), ("middels", 1), ("verzoek", 2), ("tevens", 1), ("relevant", 1),
        ("trachten", 1), ("teneinde", 1), ("derhalve", 1), ("met betrekking tot", 1),
        ("uitsluitend", 1), ("reeds", 1),
    ]  # fmt: skip
    assert report.summary == "Deze tekst is waarschijnlijk moeilijker dan taalniveau B1."


def test_pinned_advice_for_the_long_sentences():
    report = r.check(LONG)
    assert report.reasons == (
        "Gemiddeld 41,0 woorden per zin; probeer er hoogstens 15.",
        "Leesgemak (Flesch-Douma) 42,9; voor B1 is 60 of hoger nodig.",
    )
    assert len(report.long_sentences) == 2
    assert report.long_sentences[0].startswith("De gemeente Veenhoven")  # the longest first
    assert r.check(PLAIN).summary == "Deze tekst is goed te lezen: taalniveau B1."
