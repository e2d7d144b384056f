"""The search engine against the database: ranking rules, facets, spelling, synonyms, the
segment/delta lifecycle, and the index following content through signals and tasks."""

import io
import re
from datetime import date

import pytest
from django.core.management import call_command

from kennislab.content.tests.factories import ArticlePageFactory, PersonFactory, theme
from kennislab.content.tests.seeds import require_seeds
from kennislab.core.testing_queries import HOSTILE_QUERIES
from kennislab.search import indexer, service
from kennislab.search.documents import BODY, TITLE, DocumentData
from kennislab.search.models import SearchDocument, SearchIndexState, SynonymGroup

pytestmark = pytest.mark.django_db


def doc(key, title, body="", *, day=date(2025, 1, 1), item_type="news", themes=(), domains=()):
    return DocumentData(
        key=f"test.item:{key}",
        kind="article",
        url=f"/test/{key}/",
        title=title,
        fields=[(title, TITLE), (body, BODY)],
        text=body,
        date=day,
        item_type=item_type,
        themes=list(themes),
        domains=list(domains),
    )


def index(*documents, compact=True):
    for data in documents:
        indexer.write_document(data, data.key)
    if compact:
        indexer.compact()


def titles(query, **options):
    return [result.title for result in service.search(query, **options).results]


def test_documents_matching_all_query_words_come_first(corpus):
    ranked = titles("moestuin wijk")
    assert ranked[0] == "Moestuin in de wijk"
    assert set(ranked[1:]) == {"Sport in de wijk", "Moestuinen op school", "Eenzaamheid"}  # OR


def test_a_query_word_in_the_title_outranks_the_body():
    index(
        doc(
            "body", "Verslag van de dag", "Het ging over de moestuin. " + "En nog veel meer. " * 30
        ),
        doc("title", "De moestuin", "Een kort verslag."),
    )
    assert titles("moestuin")[0] == "De moestuin"


def test_recency_breaks_ties_and_date_sort():
    index(
        doc("old", "Groene daken", "Over groene daken.", day=date(2020, 5, 1)),
        doc("new", "Groene daken", "Over groene daken.", day=date(2024, 5, 1)),
        doc("other", "Groen", "Groen.", day=date(2025, 5, 1)),
    )
    results = service.search("groene daken").results
    assert [r.date.year for r in results[:2]] == [2024, 2020]
    by_date = service.search("groene daken", sort="date").results
    assert [r.date.year for r in by_date] == [2025, 2024, 2020]


def test_compound_query_finds_the_parts_and_the_compound():
    index(
        doc("parts", "Bewoners van de wijk", "De bewoners in de wijk praten mee."),
        doc("compound", "Wijkbewoners praten mee", "Iedereen doet mee."),
        doc("none", "Iets anders", "Niets hiervan."),
    )
    assert set(titles("wijkbewoners")) == {"Bewoners van de wijk", "Wijkbewoners praten mee"}
    assert set(titles("bewoners wijk")[:2]) == {"Bewoners van de wijk", "Wijkbewoners praten mee"}


def test_spelling_is_corrected_from_the_index_vocabulary(corpus):
    found = service.search("moestiun")
    assert found.corrections == {"moestiun": "moestuin"}
    assert found.corrected_query == "moestuin"
    assert found.results[0].title.startswith("Moestuin")


def test_prefix_completion_counts_as_a_weaker_match():
    index(
        doc("1", "Mantelzorgers", "Mantelzorgers krijgen steun."),
        doc("2", "Zorg", "Over zorg."),
    )
    assert titles("mantelzorg")[0] == "Mantelzorgers"


def test_synonyms_from_the_admin_take_effect():
    index(
        doc("g", "Geestelijke gezondheidszorg", "Over geestelijke gezondheidszorg voor jongeren.")
    )
    SynonymGroup.objects.all().delete()  # the starting list already knows GGZ
    service.synonyms_changed()
    assert titles("ggz") == []
    SynonymGroup.objects.create(terms="GGZ\ngeestelijke gezondheidszorg")
    service.synonyms_changed()
    assert titles("ggz") == ["Geestelijke gezondheidszorg"]


def test_filters_and_facet_counts():
    index(
        doc("1", "Groen A", "groen", item_type="news", themes=["leefstijl"], day=date(2024, 1, 1)),
        doc("2", "Groen B", "groen", item_type="news", themes=["preventie"], day=date(2025, 1, 1)),
        doc(
            "3", "Groen C", "groen", item_type="toolkit", themes=["leefstijl"], day=date(2025, 2, 1)
        ),
        doc("4", "Rood", "rood", item_type="toolkit", themes=["leefstijl"]),
    )
    found = service.search("groen", facets=True)
    assert found.total == 3
    assert found.facets["soort"] == {"news": 2, "toolkit": 1}
    assert found.facets["thema"] == {"leefstijl": 2, "preventie": 1}
    assert found.facets["jaar"] == {"2024": 1, "2025": 2}
    filtered = service.search("groen", filters={"soort": ["news"]}, facets=True)
    assert sorted(r.title for r in filtered.results) == ["Groen A", "Groen B"]
    # A facet's own counts ignore its own selection (multi-select), the others apply it.
    assert filtered.facets["soort"] == {"news": 2, "toolkit": 1}
    assert filtered.facets["thema"] == {"leefstijl": 1, "preventie": 1}
    both = service.search("groen", filters={"soort": ["news", "toolkit"], "thema": ["leefstijl"]})
    assert sorted(r.title for r in both.results) == ["Groen A", "Groen C"]


def test_pagination_offsets():
    index(*[doc(str(n), f"Groen {n:02d}", "groen", day=date(2020, 1, n + 1)) for n in range(25)])
    first = service.search("groen", limit=10)
    third = service.search("groen", offset=20, limit=10)
    assert first.total == third.total == 25
    assert len(third.results) == 5
    assert not {r.title for r in first.results} & {r.title for r in third.results}


def test_delta_and_compacted_segment_give_the_same_results(corpus):
    index(doc("e", "Moestuin bij de bieb", "Een moestuin en boeken."), compact=False)
    state = SearchIndexState.get()
    assert SearchDocument.objects.get(key="test.item:e").id > state.segment.max_document_id
    before = [(r.title, r.score) for r in service.search("moestuin wijk").results]
    indexer.compact()
    after = [(r.title, r.score) for r in service.search("moestuin wijk").results]
    assert before == after
    assert "Moestuin bij de bieb" in [title for title, _ in after]


def test_removed_documents_disappear_from_segment_and_delta(corpus):
    indexer.remove_object("test.item:a")  # in the segment
    index(doc("e", "Moestuin bij de bieb", "Een moestuin."), compact=False)
    indexer.remove_object("test.item:e")  # in the delta
    assert set(titles("moestuin")) == {"Moestuinen op school"}


def test_unchanged_documents_do_not_bump_the_version(corpus):
    version = SearchIndexState.get().version
    indexer.write_document(
        doc("a", "Moestuin in de wijk", "Bewoners beginnen samen een moestuin in hun wijk."),
        "test.item:a",
    )
    assert SearchIndexState.get().version == version


def test_compaction_is_due_after_many_changes(corpus, monkeypatch):
    monkeypatch.setattr(indexer, "COMPACT_MIN", 3)
    assert not indexer.write_document(doc("x1", "Een", "een"), "test.item:x1")
    assert not indexer.write_document(doc("x2", "Twee", "twee"), "test.item:x2")
    assert indexer.write_document(doc("x3", "Drie", "drie"), "test.item:x3")


def test_hostile_queries_never_fail(corpus):
    for query in HOSTILE_QUERIES:
        found = service.search(query, facets=True)
        assert found.total >= 0
    assert SearchDocument.objects.count() == 4


# --- the index follows the content ----------------------------------------------------------


def test_publishing_editing_unpublishing_and_deleting_update_results(
    django_capture_on_commit_callbacks,
):
    # Index updates are queued after commit (a task: the worker in production, at once here).
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(title="Buurtkamers in Zilverdam", intro="Een plek voor iedereen.")
    assert titles("buurtkamers") == ["Buurtkamers in Zilverdam"]
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Ontmoetingsplekken in Zilverdam"
        page.save_revision().publish()
    assert titles("ontmoetingsplekken") == ["Ontmoetingsplekken in Zilverdam"]
    assert titles("buurtkamers") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert titles("ontmoetingsplekken") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert titles("ontmoetingsplekken") == ["Ontmoetingsplekken in Zilverdam"]
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert titles("ontmoetingsplekken") == []


def test_nothing_is_indexed_before_commit():
    ArticlePageFactory(title="Buurtkamers in Zilverdam")
    assert titles("buurtkamers") == []  # the transaction is still open


def test_private_pages_are_not_found(django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(title="Vertrouwelijk verslag")
    assert titles("vertrouwelijk") == ["Vertrouwelijk verslag"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        page.save_revision().publish()
    assert titles("vertrouwelijk") == []


def test_advisers_are_found_and_leave_when_deleted(django_capture_on_commit_callbacks):
    from kennislab.content.tests.factories import PeopleIndexPageFactory

    PeopleIndexPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        person = PersonFactory(name="Sanne Veldkamp", role="Netwerkadviseur groen")
    found = service.search("veldkamp").results
    assert [(r.title, r.type) for r in found] == [("Sanne Veldkamp", "person")]
    assert found[0].url == f"/netwerkadviseurs/#persoon-{person.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        person.delete()
    assert titles("veldkamp") == []


def test_update_index_rebuilds_everything():
    ArticlePageFactory(title="Natuur op recept")
    SearchDocument.objects.all().delete()
    assert titles("natuur") == []
    call_command("update_index", verbosity=0)
    assert titles("natuur") == ["Natuur op recept"]


def test_related_items_share_terms_and_themes(django_capture_on_commit_callbacks):
    from kennislab.content.tests.factories import ThemeIndexPageFactory, ThemePageFactory

    groen = theme("groen-en-gezondheid")
    with django_capture_on_commit_callbacks(execute=True):
        source = ArticlePageFactory(
            title="Groene schoolpleinen",
            intro="Bomen en een moestuin op het schoolplein.",
            themes=[groen],
        )
        ArticlePageFactory(
            title="Natuur bij school", intro="Kinderen in de natuur en de moestuin.", themes=[groen]
        )
        ArticlePageFactory(title="Begroting", intro="Cijfers over geld.")
        ThemePageFactory(parent=ThemeIndexPageFactory(), theme=groen)  # not an item
    related = service.related(f"content.articlepage:{source.pk}")
    assert [r.title for r in related][:1] == ["Natuur bij school"]
    assert "Groene schoolpleinen" not in [r.title for r in related]
    assert {r.kind for r in related} == {"article"}


def test_search_statistics_are_aggregated_per_day():
    from kennislab.search.models import SearchQueryStat

    service.record_query("  Moestuin   in de WIJK ", 3)
    service.record_query("moestuin in de wijk", 0)
    service.record_query("", 0)
    [stat] = SearchQueryStat.objects.all()
    assert (stat.query, stat.searches, stat.without_results) == ("moestuin in de wijk", 2, 1)


# --- phrases: an abbreviation's expansion of several words -----------------------------------


@pytest.fixture
def ggd_corpus():
    index(
        doc("ggd", "Samen met de GGD", "De GGD meet de gezondheid van inwoners."),
        doc("voluit", "Gezondheidsmonitor", "De gemeentelijke gezondheidsdienst meet jaarlijks."),
        doc("gemeenten", "Gemeenten werken samen", "Veertig gemeenten en hun inwoners."),
        doc("dienst", "Een dienst", "De gezondheidsdienst van het bedrijf."),
        doc("los", "Verspreid", "Gemeentelijke taken en een gezondheidsdienst elders."),
        doc("omgekeerd", "Omgekeerd", "Gezondheidsdienst gemeentelijke stijl."),
    )


def test_an_abbreviation_finds_its_expansion_only_as_a_phrase(ggd_corpus):
    found = service.search("ggd", limit=10)
    assert {r.title for r in found.results} == {"Samen met de GGD", "Gezondheidsmonitor"}
    assert found.total == 2  # not every text with "gemeenten" or "gezondheidsdienst"
    assert titles("GGD's") == titles("ggd")


def test_the_expansion_typed_out_prefers_the_phrase(ggd_corpus):
    ranked = titles("gemeentelijke gezondheidsdienst")
    assert set(ranked[:2]) == {"Gezondheidsmonitor", "Samen met de GGD"}
    assert "Gemeenten werken samen" in ranked  # the typed words still count on their own


def test_snippets_mark_the_phrase_and_not_its_words(ggd_corpus):
    snippets = {r.title: r.snippet for r in service.search("ggd").results}
    assert snippets["Gezondheidsmonitor"] == (
        "De <mark>gemeentelijke gezondheidsdienst</mark> meet jaarlijks"
    )
    assert snippets["Samen met de GGD"].startswith("De <mark>GGD</mark> meet")
    index(doc("beide", "Beide", "Veertig gemeenten en de GGD."), compact=False)
    [both] = [r for r in service.search("ggd").results if r.title == "Beide"]
    assert both.snippet == "Veertig gemeenten en de <mark>GGD</mark>"


def test_a_new_synonym_of_several_words_reaches_documents_indexed_before(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(title="Opvoeden", intro="Het Centrum voor Jeugd en Gezin helpt ouders.")
        ArticlePageFactory(title="Jeugdzorg", intro="Jeugd en gezin in de wijk: een centrum.")
    assert titles("cjg") == []
    with django_capture_on_commit_callbacks(execute=True):
        SynonymGroup.objects.create(terms="CJG\nCentrum voor Jeugd en Gezin")
    assert titles("cjg") == ["Opvoeden"]


def test_ggd_finds_just_the_seed_items_that_mention_it():
    """Issue 12: "ggd" returned every item with "gemeenten" or "gezondheidsdienst" in it."""
    call_command("import_dump", *map(str, require_seeds()), "--no-progress", stdout=io.StringIO())
    indexer.rebuild()
    mention = re.compile(r"\bGGD|gemeentelijke gezondheidsdienst", re.IGNORECASE)
    mentioning = {
        title
        for title, text in SearchDocument.objects.values_list("title", "text")
        if mention.search(f"{title} {text}")
    }
    found = service.search("ggd", limit=50)
    assert len(mentioning) == 6
    assert found.total == 6
    assert {result.title for result in found.results} == mentioning
    assert all("<mark>gemeente" not in result.snippet.lower() for result in found.results)
