"""What goes into the search index: a registry of providers, one per searchable model.

A provider turns an object into ``DocumentData`` (title, weighted fields, facets, URL) or None
when the object must not be found (a draft, a private page). Apps register their own providers
(``register(model, provider)``); the content app's are below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models

# Field weights: a word in the title counts this many times a word in the body.
TITLE = 3.0
SUMMARY = 1.5
BODY = 1.0
ASIDE = 0.5  # calls to action, related-item cards, theme names, roles


@dataclass
class DocumentData:
    key: str
    kind: str
    url: str
    title: str
    fields: list[tuple[str, float]]  # (text, weight), title included
    text: str = ""  # readable text for snippets
    date: date | None = None
    item_type: str = ""
    themes: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)


Provider = Callable[[models.Model], DocumentData | None]
_providers: dict[type[models.Model], tuple[Provider, Callable[[], Iterable[models.Model]]]] = {}


def register(model: type[models.Model], provider: Provider, all_objects: Callable[[], Iterable]):
    """Make `model` searchable: `provider(obj)` builds its document, `all_objects()` lists what
    a full rebuild indexes."""
    _providers[model] = (provider, all_objects)


def registered_models() -> list[type[models.Model]]:
    return list(_providers)


def provider_for(model: type[models.Model]) -> Provider | None:
    for klass in model.__mro__:
        if klass in _providers:
            return _providers[klass][0]
    return None


def object_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def document_for_key(key: str) -> tuple[bool, DocumentData | None]:
    """(whether a provider knows the key, the current document for it or None)."""
    from django.apps import apps

    label, _, pk = key.rpartition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return False, None
    provider = provider_for(model)
    if provider is None:
        return False, None
    obj = model._default_manager.filter(pk=pk).first()
    if obj is not None and hasattr(obj, "specific"):
        obj = obj.specific
    return True, provider(obj) if obj is not None else None


def all_documents() -> Iterable[DocumentData]:
    for provider, all_objects in _providers.values():
        for obj in all_objects():
            data = provider(obj)
            if data is not None:
                yield data


# --- The content app's providers ------------------------------------------------------------


def is_public(page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def _stream_asides(stream) -> str:
    parts = []
    for block in stream:
        if block.block_type in ("call_to_action", "related_item", "embed", "download"):
            value = block.value
            for name in ("title", "text", "teaser", "description"):
                text = value.get(name) if hasattr(value, "get") else None
                if text:
                    parts.append(str(text))
    return "\n".join(parts)


def article_document(page) -> DocumentData | None:
    if not is_public(page):
        return None
    themes = list(page.themes.all())
    contacts = [c.person.name for c in page.contacts.select_related("person") if c.person]
    body = page.body_text
    return DocumentData(
        key=object_key(page),
        kind="article",
        url=page.url or page.url_path,
        title=page.title,
        fields=[
            (page.title, TITLE),
            (page.intro, SUMMARY),
            (body, BODY),
            (_stream_asides(page.body), ASIDE),
            (" ".join(theme.name for theme in themes), ASIDE),
            (" ".join(contacts), ASIDE),
        ],
        text="\n\n".join(part for part in (page.intro, body) if part),
        date=page.date,
        item_type=page.item_type,
        themes=[theme.slug for theme in themes],
        domains=[domain.code for domain in page.domains.all()],
    )


def content_page_document(page) -> DocumentData | None:
    if not is_public(page):
        return None
    from kennislab.content.text import stream_text

    body = stream_text(page.body)
    return DocumentData(
        key=object_key(page),
        kind="page",
        url=page.url or page.url_path,
        title=page.title,
        fields=[(page.title, TITLE), (page.intro, SUMMARY), (body, BODY)],
        text="\n\n".join(part for part in (page.intro, body) if part),
        date=(page.last_published_at or page.first_published_at).date()
        if (page.last_published_at or page.first_published_at)
        else None,
        item_type="page",
    )


def theme_page_document(page) -> DocumentData | None:
    if not is_public(page):
        return None
    from kennislab.content.text import stream_text

    body = stream_text(page.body)
    theme = page.theme
    return DocumentData(
        key=object_key(page),
        kind="theme",
        url=page.url or page.url_path,
        title=page.title,
        fields=[
            (page.title, TITLE),
            (page.intro, SUMMARY),
            (theme.description, SUMMARY),
            (body, BODY),
        ],
        text="\n\n".join(part for part in (page.intro, theme.description, body) if part),
        item_type="theme",
        themes=[theme.slug],
    )


def person_document(person) -> DocumentData | None:
    if not person.is_adviser:
        return None
    from kennislab.content.models import PeopleIndexPage

    people_page = PeopleIndexPage.objects.live().first()
    if people_page is None:
        return None
    themes = list(person.themes.all())
    return DocumentData(
        key=object_key(person),
        kind="person",
        url=f"{people_page.url}#persoon-{person.pk}",
        title=person.name,
        fields=[
            (person.name, TITLE),
            (person.role, SUMMARY),
            (person.organisation, BODY),
            (person.bio, BODY),
            (" ".join(theme.name for theme in themes), ASIDE),
        ],
        text=" – ".join(part for part in (person.role, person.bio) if part),
        item_type="person",
        themes=[theme.slug for theme in themes],
    )


def register_content_providers():
    from kennislab.content.models import ArticlePage, ContentPage, Person, ThemePage

    register(
        ArticlePage,
        article_document,
        lambda: ArticlePage.objects.live().prefetch_related("themes", "domains").iterator(200),
    )
    register(ContentPage, content_page_document, lambda: ContentPage.objects.live().iterator(200))
    register(
        ThemePage,
        theme_page_document,
        lambda: ThemePage.objects.live().select_related("theme").iterator(200),
    )
    register(
        Person,
        person_document,
        lambda: Person.objects.filter(is_adviser=True).prefetch_related("themes").iterator(200),
    )
