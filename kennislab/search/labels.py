"""Dutch labels for what the search index holds besides Kennislab items."""

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "page": _("Pagina"),
    "theme": _("Thema"),
    "person": _("Netwerkadviseur"),
}

FACET_LABELS = {
    "soort": _("Soort"),
    "thema": _("Thema"),
    "domein": _("Domein"),
    "jaar": _("Jaar"),
}
