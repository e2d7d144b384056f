"""Contact persons of the knowledge library in the privacy register. They are entered by the
editors (with the person's agreement), not by visitors; erasing one is an editor's task, because
the person appears on published pages."""

from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, not_personal, register

from .models import Person

register(
    Entry(
        key="content.person",
        label=_("Contactpersonen bij kennis en activiteiten"),
        model=Person,
        fields=("name", "role", "organisation", "email", "phone", "bio"),
        purpose=_("Lezers laten weten wie ze over een onderwerp kunnen benaderen."),
        legal_basis="legitimate_interest",
        retention_text=_("Zolang de persoon contactpersoon is; de redactie haalt de persoon weg."),
        pending=lambda person: _(
            "Staat als contactpersoon op pagina's van de site: de redactie haalt de persoon weg."
        ),
        from_public=False,
    ),
)

not_personal(
    "content.Theme", "content.Domain", "content.HomePage", "content.KennislabIndexPage",
    "content.ArticlePage", "content.ThemeIndexPage", "content.ThemePage",
    "content.PeopleIndexPage", "content.ContentPage", "content.ArticleContact",
    why="Inhoud van de redactie.",
)  # fmt: skip
