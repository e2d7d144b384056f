"""The Kennislab items in the public API: the library as open data. Only what the public site
shows: live, public items; of a contact person what the item page shows (name, role,
organisation, e-mail address and telephone number of the network's advisers)."""

from datetime import date, datetime
from enum import Enum

from django.db.models import Prefetch
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from kennislab.api.base import DATETIME_PATTERN, Pagination, cache_for, query_datetime
from kennislab.api.blocks import Serializer
from kennislab.core.siteurl import absolute

from .models import ArticlePage, Domain, ItemType, Theme

SLUG = r"^[-a-zA-Z0-9_]+$"
router = Router(tags=["Kennislab"])

ItemTypeCode = Enum("ItemTypeCode", {code: code for code in ItemType.values}, type=str)

ORDERINGS = {
    "-date": ("-date", "-pk"),
    "date": ("date", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "updated": ("last_published_at", "pk"),
    "-updated": ("-last_published_at", "-pk"),
}
Ordering = Enum("Ordering", {name.replace("-", "newest_"): name for name in ORDERINGS}, type=str)


class ThemeOut(Schema):
    slug: str
    name: str


class DomainOut(Schema):
    code: str
    name: str


class ItemFields(Schema):
    id: int
    title: str
    url: str = Field(description="Het adres van het item op de site.")
    type: str = Field(description="De soort, bijvoorbeeld `news` of `practice_example`.")
    type_label: str = Field(description="De soort in het Nederlands.")
    date: date
    intro: str
    themes: list[ThemeOut]
    domains: list[DomainOut]
    updated_at: datetime | None = Field(description="Laatst gepubliceerd.")


class ItemOut(ItemFields):
    """An item in a list, read from the page (resolvers)."""

    @staticmethod
    def resolve_url(page, context):
        return absolute(page.get_url(request=context["request"]) or "/")

    @staticmethod
    def resolve_type(page):
        return page.item_type

    @staticmethod
    def resolve_type_label(page):
        return str(ItemType(page.item_type).label)

    @staticmethod
    def resolve_themes(page):
        return list(page.themes.all())

    @staticmethod
    def resolve_domains(page):
        return list(page.domains.all())

    @staticmethod
    def resolve_updated_at(page):
        return page.last_published_at


class ContactOut(Schema):
    name: str | None = Field(description="Leeg bij een contact zonder persoon.")
    role: str
    organisation: str
    email: str
    phone: str
    note: str


class RelatedOut(Schema):
    id: int
    title: str
    url: str


class ItemDetailOut(ItemFields):
    first_published_at: datetime | None
    body: list[dict] = Field(
        description=(
            "De inhoud als blokken (`type`, `id`, `value`) zoals Wagtail ze opslaat; tekst met "
            "opmaak als HTML, gekozen pagina's en documenten als `{id, title, url}`."
        )
    )
    text: str = Field(description="Introductie en lopende tekst als platte tekst.")
    contacts: list[ContactOut]
    read_also: list[RelatedOut] = Field(description="‘Lees ook’: verwante items.")


class ItemFilters(Schema):
    type: ItemTypeCode | None = Field(None, description="Soort (zoals `soort` op /kennislab/).")
    theme: str | None = Field(
        None,
        max_length=100,
        pattern=SLUG,
        description="Thema: de korte naam (zoals `thema` op /kennislab/).",
    )
    domain: str | None = Field(
        None,
        max_length=20,
        pattern=SLUG,
        description="Domein: de code (zoals `domein` op /kennislab/).",
    )
    year: int | None = Field(None, ge=1900, le=2999, description="Jaar van de publicatiedatum.")
    updated_since: str | None = Field(
        None,
        pattern=DATETIME_PATTERN,
        json_schema_extra={"format": "date-time"},
        description=(
            "Alleen items die op of na dit moment zijn gepubliceerd (RFC 3339, bijvoorbeeld "
            "`2026-01-31T09:00:00+01:00` of `2026-01-31T08:00:00Z`)."
        ),
    )
    ordering: Ordering = Field(
        Ordering.newest_date,
        description=(
            "`-date` (nieuwste eerst, standaard), `date`, `title`, `-title`, `updated`, "
            "`-updated` (laatst gepubliceerd)."
        ),
    )


def public_items():
    return ArticlePage.objects.live().public()


def filtered(filters: ItemFilters):
    items = public_items()
    if filters.type:
        items = items.filter(item_type=filters.type.value)
    if filters.theme:
        items = items.filter(themes__slug=filters.theme)
    if filters.domain:
        items = items.filter(domains__code=filters.domain)
    if filters.year:
        items = items.filter(date__year=filters.year)
    since = query_datetime(filters.updated_since, "updated_since")
    if since:
        items = items.filter(last_published_at__gte=since)
    return items


@router.get(
    "/items",
    response=list[ItemOut],
    summary="Kennislab-items, met filters",
    operation_id="items_list",
)
@paginate(Pagination)
@cache_for(60)
def items(request, filters: Query[ItemFilters]):
    """De items van het Kennislab (nieuws, interviews, publicaties, praktijkvoorbeelden, …) met
    dezelfde filters als /kennislab/: soort, thema, domein en jaar, en `updated_since` om alleen
    bij te werken wat sinds de vorige keer is gepubliceerd. Antwoord: `count` (alle items die
    aan de filters voldoen) en `items` (hooguit `limit`, vanaf `offset`)."""
    return (
        filtered(filters)
        .defer("body", "import_guesses", "import_hash", "import_key", "source")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("pk", "slug", "name")),
            Prefetch("domains", queryset=Domain.objects.only("pk", "code", "name")),
        )
        .order_by(*ORDERINGS[filters.ordering.value])
    )


@router.get(
    "/items/{item_id}",
    response=ItemDetailOut,
    summary="Eén Kennislab-item, met de volledige tekst",
    operation_id="items_detail",
)
@cache_for(60)
def item(request, item_id: int):
    """Het item met de volledige tekst als blokken en als platte tekst, thema's, domeinen, de
    contactpersonen (wat de pagina van hen toont) en ‘Lees ook’. 404 voor een nummer dat geen
    gepubliceerd, openbaar item is."""
    if not 0 < item_id < 2**31:
        raise Http404("Er is geen openbaar Kennislab-item met dit nummer.")
    page = public_items().prefetch_related("themes", "domains").filter(pk=item_id).first()
    if page is None:
        raise Http404("Er is geen openbaar Kennislab-item met dit nummer.")
    return {
        **{name: getattr(page, name) for name in ("id", "title", "date", "intro", "text")},
        "url": absolute(page.get_url(request=request) or "/"),
        "type": page.item_type,
        "type_label": page.type_label,
        "themes": list(page.themes.all()),
        "domains": list(page.domains.all()),
        "updated_at": page.last_published_at,
        "first_published_at": page.first_published_at,
        "body": Serializer(request).stream(page.body),
        "contacts": contacts(page),
        "read_also": read_also(request, page),
    }


def contacts(page) -> list[dict]:
    """What the page's contact section shows: a person's name, role, organisation, e-mail
    address and telephone number (content/includes/person_card.html), or a role and a note."""
    found = []
    for contact in page.contacts.select_related("person"):
        person = contact.person
        found.append(
            {
                "name": person.name if person else None,
                "role": contact.display_role,
                "organisation": person.organisation if person else "",
                "email": person.email if person else "",
                "phone": person.phone if person else "",
                "note": contact.note,
            }
        )
    return found


def read_also(request, page) -> list[dict]:
    """The page's ‘Lees ook’ with the items' numbers (the search engine answers with URLs)."""
    related = page.read_also()
    if not related:
        return []
    candidates = public_items().filter(title__in=[item.title for item in related])
    by_url = {candidate.get_url(request=request): candidate for candidate in candidates}
    found = []
    for item in related:
        candidate = by_url.get(item.url)
        if candidate is not None and candidate.pk != page.pk:
            found.append({"id": candidate.pk, "title": candidate.title, "url": absolute(item.url)})
    return found
