"""Load the demo content (data.py) into the page tree. Idempotent: what exists is left alone,
so editors' changes to demo pages survive a second run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from kennislab.core.models import SiteSettings

from ..models import (
    ArticleContact,
    ArticlePage,
    ContentPage,
    Domain,
    PeopleIndexPage,
    Person,
    Theme,
    ThemeIndexPage,
    ThemePage,
)
from ..site import DEFAULT_INDEX_INTRO, ensure_home, ensure_kennislab_index
from . import data
from .pdf import simple_pdf

PUBLISH_HOUR = time(9, 30)
FOOTER_TEXT = (
    "Netwerk Gezond Samen verbindt gemeenten, GGD's, zorg en welzijn, scholen, werkgevers en "
    "bewoners die samen werken aan een gezonder Nederland. Dit is een demonstratiesite: "
    "organisaties en personen zijn verzonnen."
)
CONTACT_EMAIL = "redactie@kennislab.example"
CONTACT_PHONE = "030 000 00 00"


@dataclass
class Report:
    created: list[str] = field(default_factory=list)

    def add(self, what: str):
        self.created.append(what)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, PUBLISH_HOUR))


class DemoLoader:
    def __init__(self):
        self.report = Report()
        self.pages: dict[str, Page] = {}  # page keys and article slugs → page

    # --- blocks -----------------------------------------------------------------------------

    def _link(self, key):
        page = self.pages.get(key) if key else None
        return page.pk if page else None

    def _document(self, spec: dict) -> int:
        Document = get_document_model()
        existing = Document.objects.filter(title=spec["title"]).first()
        if existing:
            return existing.pk
        document = Document(title=spec["title"], collection=Collection.get_first_root_node())
        pdf = simple_pdf(spec["title"], list(spec["content"]))
        document.file.save(spec["filename"], ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
        self.report.add(f"document {spec['title']}")
        return document.pk

    def block(self, kind: str, value) -> dict:
        if kind == "paragraph":
            return {"type": "paragraph", "value": f"<p>{escape(value)}</p>"}
        if kind == "heading":
            heading = value if isinstance(value, dict) else {"text": value}
            return {"type": "heading", "value": {"level": "h2", **heading}}
        if kind in ("list", "numbered"):
            style = "numbered" if kind == "numbered" else "bullet"
            return {"type": "list", "value": {"style": style, "items": list(value)}}
        if kind == "quote":
            return {"type": "quote", "value": {"attribution": "", **value}}
        if kind == "cta":
            return {
                "type": "call_to_action",
                "value": {
                    "title": value["title"],
                    "text": value.get("text", ""),
                    "action": value.get("action", ""),
                    "link_label": value.get("link_label", ""),
                    "page": self._link(value.get("link")),
                    "url": "",
                },
            }
        if kind == "related":
            return {
                "type": "related_item",
                "value": {
                    "title": value["title"],
                    "teaser": value.get("teaser", ""),
                    "page": self._link(value.get("link")),
                    "url": "",
                },
            }
        if kind == "embed":
            return {
                "type": "embed",
                "value": {
                    "url": value["url"],
                    "title": value["title"],
                    "kind": value.get("kind", "video"),
                    "description": value.get("description", ""),
                    "transcript": value.get("transcript", ""),
                },
            }
        if kind == "download":
            return {
                "type": "download",
                "value": {
                    "document": self._document(value),
                    "title": value["title"],
                    "description": value.get("description", ""),
                },
            }
        if kind == "privacy_register":  # the statement generated from the privacy register
            return {"type": "privacy_register", "value": {"email": value.get("email", "")}}
        raise ValueError(f"unknown demo block {kind!r}")

    def stream(self, blocks) -> list[dict]:
        return [self.block(kind, value) for kind, value in blocks]

    # --- pages ------------------------------------------------------------------------------

    def child(self, parent: Page, model, slug: str, **fields) -> tuple[Page, bool]:
        """The live child with this slug, or a new published one."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.add(f"pagina {page.url_path}")
        return model.objects.get(pk=page.pk), True

    def load(self) -> Report:
        home = ensure_home()
        index = ensure_kennislab_index()
        self.pages.update({"home": home, "kennislab": index})
        self._section_intro(index, "kennislab")

        themes_page, _ = self.child(
            home, ThemeIndexPage, "themas", title=data.SECTIONS["themes"]["title"],
            intro=data.SECTIONS["themes"]["intro"], show_in_menus=True,
        )  # fmt: skip
        people_page, _ = self.child(
            home, PeopleIndexPage, "netwerkadviseurs", title=data.SECTIONS["people"]["title"],
            intro=data.SECTIONS["people"]["intro"], show_in_menus=True,
        )  # fmt: skip
        self.pages.update({"themes": themes_page, "people": people_page})

        # Pages link to each other: create them all first, then write the bodies with links.
        new_content_pages = []
        for spec in data.CONTENT_PAGES:
            page, created = self.child(
                home, ContentPage, spec["slug"], title=spec["title"], intro=spec["intro"],
                show_in_menus=spec["show_in_menus"],
            )  # fmt: skip
            self.pages[spec["slug"]] = page
            if created:
                new_content_pages.append((page, spec))
        self._people()
        self._articles(index)
        self._theme_pages(themes_page)
        for page, spec in new_content_pages:
            page.body = self.stream(spec["body"])
            page.save_revision().publish()
        self._home(home)
        self._settings(home)
        return self.report

    def _section_intro(self, page, key):
        """Give a page the demo intro, unless an editor already wrote one."""
        if page.intro in ("", DEFAULT_INDEX_INTRO):
            page.intro = data.SECTIONS[key]["intro"]
            page.save_revision().publish()

    def _people(self):
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        for order, spec in enumerate(data.PEOPLE, start=1):
            person = Person.objects.filter(email=spec["email"]).first()
            if person is None:
                person = Person(
                    name=spec["name"], role=spec["role"], organisation=spec.get("organisation", ""),
                    email=spec["email"], phone=spec.get("phone", ""), bio=spec.get("bio", ""),
                    sort_order=order,
                )  # fmt: skip
                person.themes = [themes[slug] for slug in spec["themes"]]
                person.save()
                self.report.add(f"contactpersoon {person.name}")
            self.pages[f"person:{spec['key']}"] = person

    def _theme_pages(self, parent):
        for theme in Theme.objects.all():
            if ThemePage.objects.filter(theme=theme).exists():
                continue
            spec = data.THEME_PAGES.get(theme.slug, {"intro": theme.description, "body": []})
            self.child(
                parent, ThemePage, theme.slug, title=theme.name, theme=theme,
                intro=spec["intro"], body=self.stream(spec["body"]),
            )  # fmt: skip

    def _articles(self, index):
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        domains = {domain.code: domain for domain in Domain.objects.all()}
        created = []
        # First every page (so that links between articles can be resolved), then the bodies.
        for spec in data.ARTICLES:
            existing = index.get_children().filter(slug=spec["slug"]).specific().first()
            if existing is not None:
                self.pages[spec["slug"]] = existing
                continue
            day = date.fromisoformat(spec["date"])
            page = ArticlePage(
                slug=spec["slug"], title=spec["title"], date=day, item_type=spec["type"],
                intro=spec["intro"], first_published_at=_moment(day),
            )  # fmt: skip
            page.themes = [themes[slug] for slug in spec["themes"]]
            page.domains = [domains[code] for code in spec["domains"]]
            page.contacts = [
                ArticleContact(
                    person=self.pages[f"person:{contact['person']}"],
                    role=contact.get("role", ""),
                    note=contact.get("note", ""),
                    sort_order=order,
                )
                for order, contact in enumerate(spec.get("contacts", []))
            ]
            index.add_child(instance=page)
            self.pages[spec["slug"]] = page
            created.append((page, spec))
        for page, spec in created:
            page.body = self.stream(spec["body"])
            page.save_revision().publish()
            self.report.add(f"item {page.title}")

    def _home(self, home):
        if home.intro:
            return
        home.intro = data.HOME["intro"]
        home.calls_to_action = [self.block("cta", cta) for cta in data.HOME["calls_to_action"]]
        home.save_revision().publish()
        self.report.add("startpagina")

    def _settings(self, home):
        site = Site.objects.filter(root_page=home).first()
        if site is None:
            return
        settings = SiteSettings.for_site(site)
        if not settings.footer_text:
            settings.footer_text = FOOTER_TEXT
            settings.contact_email = CONTACT_EMAIL
            settings.contact_phone = CONTACT_PHONE
            settings.save()
            self.report.add("site-instellingen")


def load_demo() -> Report:
    with transaction.atomic():
        return DemoLoader().load()


def database_has_content() -> bool:
    return ArticlePage.objects.exists()
