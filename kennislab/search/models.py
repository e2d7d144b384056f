"""Storage of the Kennislab search index, synonyms and search statistics.

Why our own tables and not Wagtail's search backend (modelsearch)? Measured on this 2-core machine
with 100,000 items made of recombined demo paragraphs (docs/decisions/0006-search-engine.md):
ranking a broad query in SQLite FTS5 costs ~145 ms (bm25 over 70,000 matches), and PostgreSQL's
GIN + ts_rank 150–300 ms; counting facets over such a match set is as slow on both. modelsearch's
database backends have no hook for our Dutch analysis either. So:

* ``SearchDocument`` holds each searchable thing with its facets and its analysed, weighted terms;
* ``SearchSegment`` / ``SearchPostings`` hold the compiled inverted index: per term one row with
  the document ids and weighted frequencies as packed arrays, loaded in 0.1 ms (SQLite) to 5 ms
  (PostgreSQL) even for a term in 70 % of the documents;
* documents indexed after the current segment was built are read from their own rows until a
  background task compacts them into a new segment (built outside any write transaction and
  switched to in a short one, see indexer.compact);
* each document also stores what its highlighted snippet needs (``snippet_index``, see
  highlight.py), so a result's snippet costs a few substring searches, not an analysis;
* ranking (BM25 with field weights, all query words first, recency as tie-breaker) and facet
  counts run in numpy in the app process, so SQLite and PostgreSQL give identical results.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SearchDocument(models.Model):
    """One searchable object as the search engine sees it."""

    key = models.CharField(max_length=100, unique=True)  # "content.articlepage:42"
    kind = models.CharField(max_length=30, db_index=True)  # article, page, theme, person, …
    item_type = models.CharField(max_length=40, blank=True)  # the "type" facet
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)  # plain text for snippets
    date = models.DateField(null=True, blank=True)
    themes = models.CharField(max_length=1000, blank=True)  # "|slug|slug|"
    domains = models.CharField(max_length=200, blank=True)  # "|wijk|zorg|"
    length = models.PositiveIntegerField(default=0)  # meaningful tokens, for BM25
    terms = models.TextField(blank=True)  # "term weight term weight …" (weights × 4, integers)
    # Word positions of stems and compound parts in the text's first part (highlight.py).
    snippet_index = models.TextField(_("woordposities voor fragmenten"), blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self):
        return self.title


def random_token() -> int:
    return secrets.randbits(62)


class SearchSegment(models.Model):
    """A compiled inverted index over every document with id ≤ max_document_id."""

    token = models.BigIntegerField(default=random_token)  # identity that survives id reuse
    created_at = models.DateTimeField(auto_now_add=True)
    max_document_id = models.BigIntegerField(default=0)
    document_count = models.PositiveIntegerField(default=0)
    term_count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"segment {self.pk}: {self.document_count} documenten"


class SearchPostings(models.Model):
    segment = models.ForeignKey(SearchSegment, on_delete=models.CASCADE, related_name="postings")
    term = models.CharField(max_length=100)
    document_frequency = models.PositiveIntegerField()
    documents = models.BinaryField()  # int32 document ids, ascending
    weights = models.BinaryField()  # uint16 weighted term frequency × 4

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["segment", "term"], name="search_postings_unique_term")
        ]

    def __str__(self):
        return self.term


class SearchVocabulary(models.Model):
    """Surface words of the indexed documents (for spelling suggestions and autocomplete)."""

    segment = models.ForeignKey(SearchSegment, on_delete=models.CASCADE, related_name="words")
    word = models.CharField(max_length=100)
    document_frequency = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["segment", "word"], name="search_vocabulary_unique_word"
            )
        ]

    def __str__(self):
        return self.word


class SearchIndexState(models.Model):
    """One row: which segment is current, and a version that changes with every index write.
    The version is random, not a counter, so that a process never takes a restored or rolled
    back state for the one it already read."""

    segment = models.ForeignKey(
        SearchSegment, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.BigIntegerField(default=0)
    removed_since_segment = models.TextField(blank=True)  # ids removed after the segment was built
    # What a reader must see after refreshing; a mismatch (restored backup, rolled back
    # transaction, reused ids) makes it reload everything.
    document_count = models.PositiveIntegerField(default=0)
    max_document_id = models.BigIntegerField(default=0)
    # The segment a compaction is building (not yet current), and since when: one compaction
    # at a time; a build older than indexer.COMPACT_LEASE counts as abandoned.
    building = models.ForeignKey(
        SearchSegment,
        verbose_name=_("segment in opbouw"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    building_since = models.DateTimeField(_("opbouw begonnen op"), null=True, blank=True)

    def __str__(self):
        return f"zoekindex versie {self.version}"

    @classmethod
    def get(cls, lock=False):
        queryset = cls.objects.select_for_update() if lock else cls.objects
        state = queryset.filter(pk=1).first()
        if state is None:
            cls.objects.get_or_create(pk=1)
            state = queryset.get(pk=1)
        return state


class SearchPendingKey(models.Model):
    """An object whose index task is queued and has not started yet. A change to the same object
    in the meantime needs no task of its own: the task reads the object when it starts. So the
    signals of one publish (saving the revision, the page, page_published, a new slug) make one
    task, also when Wagtail sends them in separate transactions (signals.enqueue_keys)."""

    key = models.CharField(_("sleutel"), max_length=100, unique=True)
    queued_at = models.DateTimeField(_("in de wachtrij sinds"))
    token = models.BigIntegerField()  # which enqueue call added it

    class Meta:
        verbose_name = _("wachtende indextaak")
        verbose_name_plural = _("wachtende indextaken")

    def __str__(self):
        return self.key


class SynonymGroup(models.Model):
    """Words and expressions that mean the same for search: GGZ = geestelijke gezondheidszorg."""

    terms = models.TextField(
        _("woorden of uitdrukkingen"),
        help_text=_(
            "Eén per regel. Wie zoekt op één ervan, vindt ook de andere. Bijvoorbeeld: "
            "‘GGZ’ en ‘geestelijke gezondheidszorg’."
        ),
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return " = ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


class SearchQueryStat(models.Model):
    """How often a query was searched on a day, and how often it found nothing. No visitor data:
    no IP address, no session, only the normalised query text."""

    day = models.DateField(_("dag"))
    query = models.CharField(_("zoekopdracht"), max_length=200)
    searches = models.PositiveIntegerField(_("aantal keer gezocht"), default=0)
    without_results = models.PositiveIntegerField(_("aantal keer zonder resultaat"), default=0)

    class Meta:
        verbose_name = _("zoekopdracht")
        verbose_name_plural = _("zoekopdrachten")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_stat_unique_day")
        ]
        indexes = [models.Index(fields=["query"], name="search_query_stat_query_idx")]

    def __str__(self):
        return self.query
