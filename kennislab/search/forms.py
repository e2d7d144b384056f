"""The search page's parameters: q, soort, thema, domein, jaar (repeatable), sorteer, pagina."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .service import MAX_QUERY_LENGTH

SORTS = [("relevantie", _("Meest relevant")), ("datum", _("Nieuwste eerst"))]
FACET_FIELDS = ("soort", "thema", "domein", "jaar")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Zoekterm"), required=False, max_length=MAX_QUERY_LENGTH, strip=True
    )
    soort = forms.MultipleChoiceField(label=_("Soort"), required=False)
    thema = forms.MultipleChoiceField(label=_("Thema"), required=False)
    domein = forms.MultipleChoiceField(label=_("Domein"), required=False)
    jaar = forms.MultipleChoiceField(label=_("Jaar"), required=False)
    sorteer = forms.ChoiceField(label=_("Sorteren"), choices=SORTS, required=False)

    def __init__(self, data=None, *, choices: dict[str, list[tuple[str, str]]]):
        super().__init__(data)
        for name in FACET_FIELDS:
            self.fields[name].choices = choices.get(name, [])
        if data is not None and len(data.get("q", "")) > MAX_QUERY_LENGTH:
            # Long pasted text: search its start rather than refusing it.
            self.data = data.copy()
            self.data["q"] = data["q"][:MAX_QUERY_LENGTH]

    def values(self) -> tuple[str, dict[str, list[str]], str]:
        """(query, filters, sort) from the valid part of the input."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        query = data.get("q", "") if "q" not in self.errors else ""
        filters = {
            name: data.get(name, [])
            for name in FACET_FIELDS
            if name not in self.errors and data.get(name)
        }
        sort = data.get("sorteer") or "relevantie"
        return query, filters, sort
