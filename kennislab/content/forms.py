"""The Kennislab listing filters. GET parameters in Dutch: soort, thema, domein, jaar, pagina."""

from django import forms
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from kennislab.core.memo import memo

from .models import Domain, ItemType, Theme


def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The theme slugs and domain codes a filter may name."""
    return (
        frozenset(Theme.objects.values_list("slug", flat=True)),
        frozenset(Domain.objects.values_list("code", flat=True)),
    )


def _with_count(label, count):
    return f"{label} ({count})"


class ArticleFilterForm(forms.Form):
    """Filters for a queryset of articles, with counts per option.

    Counts are computed with the other filters applied, so every option tells how many items
    the visitor gets by choosing it. Invalid values are reported and ignored, never an error page.
    """

    soort = forms.ChoiceField(label=_("Soort"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    domein = forms.ChoiceField(label=_("Domein"), required=False)
    jaar = forms.ChoiceField(label=_("Jaar"), required=False)

    def __init__(self, data=None, *, base, show_theme=True, cache_key=None):
        """`cache_key` names `base` (e.g. "all", "theme:3"): the choices and their counts are
        then kept per selection and cache generation (kennislab.core.memo)."""
        super().__init__(data)
        self.base = base
        if not show_theme:
            del self.fields["thema"]
        if cache_key is None:
            self._build_choices()
        else:
            selection = sorted(self._raw_selection().items())
            choices = memo("listing-filters", self._choices, cache_key, urlencode(selection))
            for name, field_choices in choices.items():
                self.fields[name].choices = field_choices

    def _choices(self) -> dict:
        self._build_choices()
        # plain strings: a lazy translation costs far more to unpickle than to keep as text
        return {
            name: [(value, str(label)) for value, label in field.choices]
            for name, field in self.fields.items()
        }

    # The lookups each filter applies; keys are the field names.
    @staticmethod
    def _lookups(name, value):
        return {
            "soort": {"item_type": value},
            "thema": {"themes__slug": value},
            "domein": {"domains__code": value},
            "jaar": {"date__year": value},
        }[name]

    def _raw_selection(self):
        """The submitted values that belong to the vocabulary (invalid ones are left out)."""
        data = self.data or {}
        themes, domains = memo("vocabulary", _vocabulary)
        valid = {
            "soort": lambda v: v in ItemType.values,
            "thema": lambda v: v in themes,
            "domein": lambda v: v in domains,
            "jaar": lambda v: v.isdigit() and len(v) == 4,
        }
        selection = {}
        for name in self.fields:
            value = data.get(name)
            if isinstance(value, str) and value and valid[name](value):
                selection[name] = value
        return selection

    def _counts(self, selection, skip, field):
        """{value: number of items} for one facet, with the other filters applied."""
        rows = (
            self._filtered(self.base, selection, skip=skip)
            .order_by()
            .values_list(field)
            .annotate(n=Count("pk", distinct=True))
        )
        return dict(rows)

    def _filtered(self, queryset, selection, skip=None):
        for name, value in selection.items():
            if name != skip:
                queryset = queryset.filter(**self._lookups(name, value))
        return queryset

    def _build_choices(self):
        selection = self._raw_selection()
        types = self._counts(selection, "soort", "item_type")
        self.fields["soort"].choices = [("", _("Alle soorten"))] + [
            (code, _with_count(label, types.get(code, 0)))
            for code, label in ItemType.choices
            if types.get(code) or selection.get("soort") == code
        ]
        if "thema" in self.fields:
            themes = self._counts(selection, "thema", "themes__slug")
            self.fields["thema"].choices = [("", _("Alle thema's"))] + [
                (theme.slug, _with_count(theme.name, themes.get(theme.slug, 0)))
                for theme in Theme.objects.all()
                if themes.get(theme.slug) or selection.get("thema") == theme.slug
            ]
        domains = self._counts(selection, "domein", "domains__code")
        self.fields["domein"].choices = [("", _("Alle domeinen"))] + [
            (domain.code, _with_count(domain.name, domains.get(domain.code, 0)))
            for domain in Domain.objects.all()
            if domains.get(domain.code) or selection.get("domein") == domain.code
        ]
        year_counts = self._counts(selection, "jaar", "date__year")
        years = set(year_counts)
        if "jaar" in selection:
            years.add(int(selection["jaar"]))
        self.fields["jaar"].choices = [("", _("Alle jaren"))] + [
            (str(year), _with_count(str(year), year_counts.get(year, 0)))
            for year in sorted(years, reverse=True)
        ]

    def selection(self) -> dict:
        """Valid, non-empty filters. Call after is_valid()."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }

    def apply(self, queryset):
        return self._filtered(queryset, self.selection())

    @cached_property
    def active_filters(self):
        """(human label, query string without this filter) of each active filter."""
        selection = self.selection()
        active = []
        for name, value in selection.items():
            label = str(dict(self.fields[name].choices).get(value, value)).rsplit(" (", 1)[0]
            others = {key: val for key, val in selection.items() if key != name}
            active.append((label, urlencode(others)))
        return active
