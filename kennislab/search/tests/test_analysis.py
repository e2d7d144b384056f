"""The Dutch analysis, pinned on words: pure, no database."""

import pytest

from kennislab.core.testing_queries import HOSTILE_QUERIES
from kennislab.search.analysis.analyzer import (
    EXACT_PREFIX,
    PHRASE_PREFIX,
    TITLE_PREFIX,
    Analyzer,
)
from kennislab.search.analysis.text import fold, tokenise


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(
        synonyms=[
            ["GGZ", "geestelijke gezondheidszorg"],
            ["IZA", "Integraal Zorgakkoord"],
            ["dokter", "arts"],
        ]
    )


# --- compounds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("gezondheidszorg", ("gezondheid", "zorg")),
        ("wijkbewoner", ("wijk", "bewoner")),
        ("wijkbewoners", ("wijk", "bewoners")),
        ("mantelzorg", ("mantel", "zorg")),
        ("kennisvoucher", ("kennis", "voucher")),
        ("preventieakkoorden", ("preventie", "akkoorden")),
        ("jeugdpakket", ("jeugd", "pakket")),
        ("beroepsonderwijs", ("beroep", "onderwijs")),
        ("zorgverzekeraar", ("zorg", "verzekeraar")),
        ("buurtbewoners", ("buurt", "bewoners")),
        ("netwerkadviseur", ("netwerk", "adviseur")),
        ("huisartsenpraktijk", ("huis", "arts", "praktijk")),
        ("ouderenzorg", ("ouder", "zorg")),
    ],
)
def test_compounds_split(analyzer, word, parts):
    assert analyzer.splitter.split(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "aandacht",
        "kinderen",
        "uitvoering",
        "onderzoek",
        "samenwerking",
        "werkgevers",
        "makelaars",
        "organisatie",
        "ondersteuning",
        "overgewicht",
        "gemeenten",
        "verwijzing",
    ],
)
def test_non_compounds_stay_whole(analyzer, word):
    assert analyzer.splitter.split(word) == ()


def test_sub_compounds_of_long_compounds(analyzer):
    assert analyzer.word("huisartsenpraktijk").sub_compounds == ("huisarts",)


# --- stemming -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("gezondheid", "zon"),
        ("gezin", "zin"),
        ("ouders", "ouderen"),  # parents and the elderly
    ],
)
def test_known_bad_pairs_never_share_a_stem(analyzer, a, b):
    assert analyzer.stem(a) != analyzer.stem(b)


@pytest.mark.parametrize(
    "words",
    [
        ("organisatie", "organisaties"),
        ("regio", "regios"),
        ("arts", "artsen"),
        ("huisarts", "huisartsen"),
        ("huis", "huizen"),
        ("positief", "positieve"),
        ("brief", "brieven"),
        ("voucher", "vouchers"),
        ("gemeente", "gemeenten"),
        ("school", "scholen"),
        ("zorgcentrum", "zorgcentra"),
        ("gezond", "gezonde", "gezonder"),
        ("wijk", "wijken"),
    ],
)
def test_inflections_share_a_stem(analyzer, words):
    assert len({analyzer.stem(word) for word in words}) == 1, [analyzer.stem(w) for w in words]


def test_protected_terms_are_not_stemmed_or_split(analyzer):
    assert analyzer.stem("ggds") == "ggd"
    assert analyzer.stem("iza") == "iza"
    assert analyzer.word("zonmw").parts == ()
    assert [t.text for t in analyzer.tokens("ZonMw en GGD’s")] == ["zonmw", "en", "ggds"]


# --- tokenising -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("publiek-private samenwerking", ["publiek", "private", "publiekprivate", "samenwerking"]),
        ("(gezondheids)zorg", ["gezondheids", "zorg", "gezondheidszorg"]),
        ("30DagenGezonder", ["30", "dagen", "gezonder", "30dagengezonder"]),
        ("regio’s", ["regios"]),
        ("werk/zorg", ["werk", "zorg"]),
        ("Coördinator één", ["coordinator", "een"]),
        ("e-health", ["e", "health", "ehealth"]),
    ],
)
def test_tokenise(text, tokens):
    assert [token.text for token in tokenise(text, frozenset({"zonmw"}))] == tokens


def test_fold():
    assert fold("Ézé Ç ß") == "eze c ss"


# --- documents ------------------------------------------------------------------------------


def test_document_terms(analyzer):
    terms, length = analyzer.document(
        [("Wijkbewoners maken een moestuin", 3.0), ("De buurtbewoners in de wijk.", 1.0)],
        title="Wijkbewoners maken een moestuin",
    )
    assert terms["wijkbewoner"] == 3.0
    assert terms["wijk"] == 3.0 * 0.5 + 1.0  # part of a compound in the title, and a word
    assert terms[EXACT_PREFIX + "wijkbewoners"] == 3.0
    assert terms[TITLE_PREFIX + "wijkbewoner"] == 1
    assert TITLE_PREFIX + "wijk" not in terms  # titles record words, not parts
    assert "de" not in terms and "een" not in terms  # stopwords
    assert length == 5  # wijkbewoners maken moestuin · buurtbewoners wijk (stopwords excluded)


# --- queries --------------------------------------------------------------------------------


def kinds(clause):
    return [(alternative.terms, alternative.kind) for alternative in clause.alternatives]


def test_query_drops_stopwords_and_question_fillers(analyzer):
    query = analyzer.query("Wat betekent de moestuin in de wijk?")
    assert [clause.text for clause in query.clauses] == ["moestuin", "wijk"]


def test_query_of_only_stopwords_still_searches(analyzer):
    assert [c.text for c in analyzer.query("de het").clauses] == ["de", "het"]


def test_query_compound_alternatives(analyzer):
    [clause] = analyzer.query("wijkbewoners").clauses
    assert kinds(clause) == [(("wijkbewoner",), "stem"), (("wijk", "bewoner"), "parts")]
    assert clause.bonus_terms == (EXACT_PREFIX + "wijkbewoners",)


def test_query_hyphenated_word_is_one_clause(analyzer):
    [clause] = analyzer.query("publiek-private").clauses
    assert clause.primary == analyzer.stem("publiekprivate")
    assert (("publiek", analyzer.stem("private")), "parts") in kinds(clause)


def test_synonyms_expand_both_ways(analyzer):
    [ggz] = analyzer.query("GGZ").clauses
    assert ((PHRASE_PREFIX + "geestelijk_gezondheidszorg",), "synonym") in kinds(ggz)
    [phrase] = analyzer.query("geestelijke gezondheidszorg").clauses
    assert (("ggz",), "synonym") in kinds(phrase)
    assert ((PHRASE_PREFIX + "geestelijk_gezondheidszorg",), "stem") in kinds(phrase)
    dokters = analyzer.query("jonge dokters").clauses[1]
    assert (("arts",), "synonym") in kinds(dokters)


def test_an_expansion_of_several_words_is_a_phrase_not_its_words(analyzer):
    [ggz] = analyzer.query("ggz").clauses
    assert ggz.all_terms() == {"ggz", PHRASE_PREFIX + "geestelijk_gezondheidszorg"}
    assert "gezondheidszorg" not in ggz.all_terms() and "geestelijk" not in ggz.all_terms()
    assert analyzer.query("ggz").phrases() == {("geestelijk", "gezondheidszorg")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("De geestelijke gezondheidszorg in de regio.", True),
        ("Geestelijke, en de gezondheidszorg.", True),  # stopwords and punctuation are skipped
        ("Geestelijke gezondheidszorgen", True),  # an inflection of the last word
        ("Gezondheidszorg, geestelijk en lichamelijk.", False),  # wrong order
        ("Geestelijke steun en gezondheidszorg.", False),  # not adjacent
        ("Geestelijke gezondheid en zorg.", False),  # only parts of a word
        ("Gezondheidszorg voor iedereen.", False),  # one of the words
    ],
)
def test_documents_record_phrases_only_where_they_stand(analyzer, text, found):
    terms, _ = analyzer.document([(text, 1.0)], title=text)
    term = PHRASE_PREFIX + "geestelijk_gezondheidszorg"
    assert (term in terms) is found
    assert (TITLE_PREFIX + term in terms) is found


def test_a_phrase_counts_once_per_occurrence_with_its_field_weight(analyzer):
    terms, length = analyzer.document(
        [("Integraal Zorgakkoord", 3.0), ("Het integraal zorgakkoord en het IZA.", 1.0)]
    )
    assert terms[PHRASE_PREFIX + "integral_zorgakkoord"] == 4.0
    assert length == 5  # phrases add no words


def test_hostile_queries_analyse_without_error(analyzer):
    for text in HOSTILE_QUERIES:
        clauses = analyzer.query(text).clauses
        assert all(clause.alternatives for clause in clauses)
