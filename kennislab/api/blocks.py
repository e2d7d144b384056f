"""StreamField content as JSON for the API: `[{"type", "id", "value"}]` as Wagtail stores it,
with rich text as HTML (Wagtail's internal links expanded, made absolute), chosen pages and
documents as `{"id", "title", "url"}` (absolute; a page that is not live and public as null),
and a call to action's button target as `target: {"url", "text"}` (content.actions)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from wagtail import blocks
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html

from kennislab.core.siteurl import absolute

_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/[^"]*)"')


def rich_text_html(value) -> str:
    """Rich text as HTML with page and document links resolved and made absolute."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    html = expand_db_html(source)
    return _RELATIVE_LINK.sub(lambda m: f'{m.group(1)}{absolute(m.group(2))}"', html)


class Serializer:
    """Serialises one stream; remembers which pages are public (one query per stream)."""

    def __init__(self, request=None):
        self.request = request
        self._public: dict[int, bool] = {}

    def stream(self, stream) -> list[dict]:
        return [
            {
                "type": child.block_type,
                "id": child.id,
                "value": self.value(child.block, child.value),
            }
            for child in stream
        ]

    def value(self, block, value):
        if isinstance(block, blocks.RichTextBlock):
            return rich_text_html(value)
        if isinstance(block, blocks.PageChooserBlock):
            return self.page(value)
        if isinstance(block, blocks.StructBlock):
            data = {name: self.value(block.child_blocks[name], value.get(name))
                    for name in block.child_blocks}  # fmt: skip
            if block.name == "call_to_action" or "action" in block.child_blocks:
                data["target"] = self.cta_target(value)
            return data
        if isinstance(block, blocks.ListBlock):
            return [self.value(block.child_block, item) for item in value or []]
        if isinstance(block, blocks.StreamBlock):
            return self.stream(value)
        if isinstance(value, AbstractDocument):
            return {"id": value.pk, "title": value.title, "url": absolute(value.url)}
        if isinstance(value, (datetime, date, time)):
            return value.isoformat()
        if isinstance(value, Page):  # another chooser of pages
            return self.page(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return block.get_api_representation(value)

    def page(self, page):
        if page is None:
            return None
        page = page.specific_deferred if type(page) is Page else page
        if not page.live or not self.is_public(page):
            return None
        url = page.get_url(request=self.request)
        return {"id": page.pk, "title": page.title, "url": absolute(url) if url else None}

    def is_public(self, page) -> bool:
        if page.pk not in self._public:
            self._public[page.pk] = not page.get_view_restrictions().exists()
        return self._public[page.pk]

    def cta_target(self, value):
        from kennislab.content import actions

        target = actions.target(value, self.request)
        if not target.url:
            return None
        return {"url": absolute(target.url), "text": str(target.text)}
