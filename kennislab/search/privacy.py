"""Search in the privacy register: the index holds published content only; the statistics
hold what was searched for, without who searched."""

from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, not_personal, register

from .models import SearchQueryStat
from .service import STATISTICS_DAYS

register(
    Entry(
        key="search.query_stat",
        label=_("Zoekstatistieken"),
        model=SearchQueryStat,
        person=None,
        fields=("query",),
        purpose=_(
            "Zien waar bezoekers naar zoeken en wat ze niet vinden, om de site te verbeteren."
        ),
        legal_basis="legitimate_interest",
        retention_text=_("%(days)s dagen, per dag geteld, zonder wie zocht.")
        % {"days": STATISTICS_DAYS},
        from_public=False,
    ),
)

not_personal(
    "kennislab_search.SearchDocument", "kennislab_search.SearchSegment",
    "kennislab_search.SearchPostings", "kennislab_search.SearchVocabulary",
    "kennislab_search.SearchIndexState", "kennislab_search.SynonymGroup",
    "kennislab_search.SearchPendingKey",
    why="De zoekindex bevat alleen gepubliceerde inhoud.",
)  # fmt: skip
