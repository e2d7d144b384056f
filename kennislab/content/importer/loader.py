"""Write parsed dump items as Kennislab article pages. Idempotent, one transaction per item.

* An item's identity is its key (title + date, see parser.Item.key), stored on the page.
* An item whose fingerprint is unchanged since the last import is left alone: a second run
  changes nothing, not even a revision.
* When the source changed, the page gets a new published revision. What editors corrected since
  the previous import is kept: the type, themes and domains if they differ from what the importer
  chose last time, and title, intro, body and contacts if an editor changed any of them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from ..models import ArticleContact, ArticlePage, Domain, KennislabIndexPage, Theme
from .guess import Vocabulary, guess_domains, guess_themes, guess_type
from .parser import Block, Item

SLUG_MAX_LENGTH = 80
PUBLISH_HOUR = time(9, 0)


@dataclass
class Outcome:
    status: str  # created | updated | unchanged
    page: ArticlePage
    kept: list[str] = field(default_factory=list)  # fields kept because editors changed them


def theme_vocabulary() -> list[Vocabulary]:
    return [Vocabulary(theme.slug, tuple(theme.keyword_list)) for theme in Theme.objects.all()]


# --- StreamField data -----------------------------------------------------------------------


def block_data(block: Block) -> dict:
    """A parsed block as StreamField raw data."""
    value = block.value
    if block.kind == "paragraph":
        return {"type": "paragraph", "value": f"<p>{escape(value)}</p>"}
    if block.kind == "call_to_action":
        value = {"link_label": "", "page": None, "url": "", **value}
    elif block.kind == "related_item":
        value = {"page": None, "url": "", **value}
    return {"type": block.kind, "value": value}


def _without_ids(value):
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def content_fingerprint(page: ArticlePage, contacts) -> str:
    """What editors could change in an imported page's content, as one hash."""
    data = {
        "title": page.title,
        "date": page.date.isoformat() if page.date else None,
        "intro": page.intro,
        "body": _without_ids(page.body.get_prep_value()),
        "contacts": [(c.person_id, c.role, c.note) for c in contacts],
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


# --- Pages ----------------------------------------------------------------------------------


def unique_slug(parent: KennislabIndexPage, title: str) -> str:
    base = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "item"
    taken = set(
        ArticlePage.objects.child_of(parent)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base[: SLUG_MAX_LENGTH - len(str(number)) - 1]}-{number}"
        number += 1
    return slug


def publication_moment(item: Item) -> datetime:
    return timezone.make_aware(datetime.combine(item.date, PUBLISH_HOUR))


def _apply_content(page: ArticlePage, item: Item) -> list[ArticleContact]:
    page.title = item.title
    page.date = item.date
    page.intro = item.intro
    page.body = [block_data(block) for block in item.body]
    contacts = [
        ArticleContact(role=contact.role[:150], note=contact.note, sort_order=order)
        for order, contact in enumerate(item.contacts)
    ]
    page.contacts = contacts
    return contacts


def load_item(
    item: Item,
    index: KennislabIndexPage,
    vocabulary: list[Vocabulary],
    themes: dict[str, Theme],
    domains: dict[str, Domain],
) -> Outcome:
    """Create or update the page of one item, in its own transaction."""
    guessed_type = guess_type(item.title, item.intro, item.text, item.asides_text)
    guessed_themes = guess_themes(item.title, f"{item.text}\n{item.asides_text}", vocabulary)
    guessed_domains = guess_domains(item.title, item.text)

    with transaction.atomic():
        page = ArticlePage.objects.select_for_update().filter(import_key=item.key).first()
        if page is not None and page.import_hash == item.fingerprint:
            return Outcome("unchanged", page)

        created = page is None
        previous = {} if created else dict(page.import_guesses or {})
        kept: list[str] = []
        if created:
            page = ArticlePage(
                slug=unique_slug(index, item.title),
                import_key=item.key,
                first_published_at=publication_moment(item),
            )

        current_themes = [] if created else sorted(page.themes.values_list("slug", flat=True))
        current_domains = [] if created else sorted(page.domains.values_list("code", flat=True))
        current_contacts = [] if created else list(page.contacts.all())

        if created or content_fingerprint(page, current_contacts) == previous.get("content"):
            contacts = _apply_content(page, item)
        else:
            contacts = current_contacts
            kept.append("inhoud")

        # Each guess replaces the previous one, unless an editor changed the field since.
        guesses = {
            "item_type": guessed_type,
            "themes": sorted(guessed_themes),
            "domains": sorted(guessed_domains),
        }
        current = {
            "item_type": page.item_type,
            "themes": current_themes,
            "domains": current_domains,
        }
        written = {}
        for key, label in (("item_type", "soort"), ("themes", "thema's"), ("domains", "domeinen")):
            follow = created or current[key] == previous.get(key)
            written[key] = guesses[key] if follow else previous.get(key)
            if not follow:
                kept.append(label)
        if "soort" not in kept:
            page.item_type = guessed_type
        if "thema's" not in kept:
            page.themes = [themes[slug] for slug in guessed_themes if slug in themes]
        if "domeinen" not in kept:
            page.domains = [domains[code] for code in guessed_domains if code in domains]

        page.source = item.source
        page.import_hash = item.fingerprint
        page.import_guesses = {"content": content_fingerprint(page, contacts), **written}
        if created:
            index.add_child(instance=page)
        page.save_revision().publish()
        return Outcome("created" if created else "updated", page, kept)
