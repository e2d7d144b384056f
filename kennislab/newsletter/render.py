"""An issue as a mail and as a web page, from the same blocks.

The blocks are read once per issue (IssueMail): the chosen pages in one query per page type, the
section themes in one more. The mail is rendered once per *variant* (rules.variant_key: which of
the issue's section themes a subscriber chose), not once per subscriber; the personal parts are
markers (PERSONAL_NAME, UNSUBSCRIBE_URL) that `personalise` replaces per recipient.

The mail is what mail programs can show: a table layout 600 px wide, inline styles, explicit
colours on every cell (so a dark mode neither inverts it into something unreadable nor leaves
dark text on a dark background), no images, no tracking pixels and no link tracking, and every
link absolute. The plain-text part says the same. The web version (web_context) has no personal
parts at all: no name, no preference or unsubscribe link of anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from kennislab.content import actions
from kennislab.content.text import first_words
from kennislab.core.dates import dutch_date
from kennislab.core.siteurl import absolute, page_url

from . import rules

# Replaced per recipient by personalise(); private-use characters never occur in editors' text.
PERSONAL_NAME = "\ue000naam\ue000"
UNSUBSCRIBE_URL = "\ue000afmelden\ue000"

TEASER_LENGTH = 220

# The mail's colours (the site's): text 12.6:1, muted 7.0:1, links and button 7.4:1 on white.
COLOURS = {
    "page": "#f4f7f6",
    "paper": "#ffffff",
    "text": "#1c2a33",
    "muted": "#4a5b66",
    "primary": "#0b5d5b",
    "on_primary": "#ffffff",
    "tint": "#e3f1ef",
    "border": "#c9d6d3",
}
FONT = "Arial, Helvetica, sans-serif"


# --- what an issue holds, read once ------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """A chosen page as a card: its kind ("Nieuws", "Evenement", …), a line of facts (date,
    place), a short text and where it goes."""

    title: str
    url: str
    label: str
    meta: str
    text: str
    link_text: str
    kind: str = "item"


@dataclass(frozen=True)
class Text:
    """Free text: the editor's rich text (source for the web), as mail HTML and as plain text."""

    source: str
    mail_html: str
    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Action:
    """A call to action: a button to `url`, or the sentence why there is none."""

    title: str
    text: str
    url: str | None
    button: str
    unavailable: str
    kind: str = "cta"


@dataclass(frozen=True)
class Section:
    heading: str
    theme_id: int | None
    theme_name: str
    parts: tuple = field(default_factory=tuple)


def _raw(stream) -> list:
    """A stream's raw JSON-ish items (also for a revision's or a preview's page)."""
    if stream is None:
        return []
    if hasattr(stream, "raw_data"):
        return list(stream.raw_data)
    return list(stream)


def _page_ids(sections_raw) -> set[int]:
    ids = set()
    for section in sections_raw:
        for child in (section.get("value") or {}).get("content") or []:
            value = child.get("value")
            page_id = value.get("page") if isinstance(value, dict) else None
            if child.get("type") in ("item", "cta") and isinstance(page_id, int):
                ids.add(page_id)
    return ids


def _load_pages(ids) -> dict[int, Page]:
    """The live, public pages among `ids`, as their specific classes: one query for the pages
    and one per page type (and one for the voucher schemes)."""
    if not ids:
        return {}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).live().public().specific()}
    scheme_pages = [page for page in pages.values() if hasattr(page, "scheme_id")]
    if scheme_pages:
        from kennislab.vouchers.models import Scheme

        schemes = Scheme.objects.in_bulk([page.scheme_id for page in scheme_pages])
        for page in scheme_pages:
            page.scheme = schemes.get(page.scheme_id)
    return pages


def _moment_day(value) -> str:
    return dutch_date(timezone.localtime(value).date())


def card_for(page, note: str) -> Card | None:
    """The card of a chosen page (ArticlePage, EventPage, VoucherSchemePage, RelayCampaignPage)."""
    from kennislab.campaigns.models import EventPage, RelayCampaignPage
    from kennislab.campaigns.services import when
    from kennislab.content.models import ArticlePage
    from kennislab.vouchers.models import VoucherSchemePage

    intro = (getattr(page, "intro", "") or "").strip()
    text = note.strip() or first_words(intro, TEASER_LENGTH)
    url = page_url(page)
    if isinstance(page, ArticlePage):
        if not note.strip():
            text = page.teaser
        return Card(page.title, url, page.type_label, dutch_date(page.date), text, _("Lees meer"))
    if isinstance(page, EventPage):
        where = _("Online") if page.online else page.location
        meta = " · ".join(part for part in (page.get_kind_display(), when(page), where) if part)
        return Card(page.title, url, _("Evenement"), meta, text, _("Bekijk het evenement"))
    if isinstance(page, VoucherSchemePage):
        scheme, meta = page.scheme, ""
        if scheme is not None and scheme.closes_at:
            meta = _("Open van %(start)s tot %(end)s") % {
                "start": _moment_day(scheme.opens_at), "end": _moment_day(scheme.closes_at)
            }  # fmt: skip
        elif scheme is not None:
            meta = _("Open vanaf %(start)s") % {"start": _moment_day(scheme.opens_at)}
        return Card(page.title, url, _("Kennisvoucherregeling"), meta, text,
                    _("Bekijk de regeling"))  # fmt: skip
    if isinstance(page, RelayCampaignPage):
        return Card(page.title, url, _("Campagne"), "", text, _("Bekijk de campagne"))
    return None


def action_for(value: dict, pages: dict[int, Page]) -> Action:
    """A call to action, its target resolved as on the site (content/actions.py), absolute."""
    chosen = pages.get(value.get("page")) if isinstance(value.get("page"), int) else None
    target = actions.target({**value, "page": chosen})
    url = absolute(target.url) if target.url else None
    return Action(
        title=(value.get("title") or "").strip(),
        text=(value.get("text") or "").strip(),
        url=url,
        button=str(target.text),
        unavailable=str(target.unavailable),
    )


def build_sections(issue) -> list[Section]:
    """Every section of the issue with its parts; parts whose page is gone (deleted, not live,
    not public) are left out, and so is a section left empty."""
    from kennislab.content.models import Theme

    sections_raw = [item for item in _raw(issue.body) if item.get("type") == "section"]
    pages = _load_pages(_page_ids(sections_raw))
    theme_ids = {(item.get("value") or {}).get("theme") for item in sections_raw} - {None}
    themes = Theme.objects.in_bulk(list(theme_ids)) if theme_ids else {}
    sections = []
    for item in sections_raw:
        value = item.get("value") or {}
        parts = []
        for child in value.get("content") or []:
            kind, child_value = child.get("type"), child.get("value")
            if kind == "item":
                page = pages.get((child_value or {}).get("page"))
                card = card_for(page, (child_value or {}).get("note") or "") if page else None
                if card:
                    parts.append(card)
            elif kind == "text" and child_value and str(child_value).strip():
                parts.append(rich_text(str(child_value)))
            elif kind == "cta" and child_value:
                parts.append(action_for(child_value, pages))
        if not parts:
            continue
        theme = themes.get(value.get("theme"))
        sections.append(
            Section(
                heading=(value.get("heading") or "").strip(),
                theme_id=theme.pk if theme else None,  # a deleted theme: general
                theme_name=theme.name if theme else "",
                parts=tuple(parts),
            )
        )
    return sections


# --- rich text for mail programs ---------------------------------------------------------------

_INLINE = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}
_BLOCK_STYLE = {
    "p": "margin:0 0 16px 0;",
    "ul": "margin:0 0 16px 0;padding:0 0 0 24px;",
    "ol": "margin:0 0 16px 0;padding:0 0 0 24px;",
    "li": "margin:0 0 6px 0;",
}
_LINK_STYLE = f"color:{COLOURS['primary']};text-decoration:underline;"


class _MailText(HTMLParser):
    """Rich text (expanded) → mail HTML with inline styles and absolute links, and plain text.
    Only the tags of the issue's text block survive (p, strong, em, a, ul, ol, li, br); other
    tags are dropped, their text kept."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html: list[str] = []
        self.text: list[str] = []
        self.lists: list[list] = []  # per open list: [kind, counter]
        self.links: list[str | None] = []
        self.link_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _INLINE:
            self.html.append(f"<{_INLINE[tag]}>")
        elif tag == "a":
            href = (attrs.get("href") or "").strip()
            url = absolute(href) if href.startswith("/") else href
            if not url.startswith(("http://", "https://", "mailto:")):
                url = ""
            self.links.append(url or None)
            self.link_text.append("")
            if url:
                self.html.append(f'<a href="{escape(url)}" style="{_LINK_STYLE}">')
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
            self.html.append(f'<{tag} style="{_BLOCK_STYLE[tag]}">')
            self.text.append("\n")
        elif tag == "li":
            self.html.append(f'<li style="{_BLOCK_STYLE["li"]}">')
            prefix = "- "
            if self.lists:
                self.lists[-1][1] += 1
                if self.lists[-1][0] == "ol":
                    prefix = f"{self.lists[-1][1]}. "
            self.text.append("\n" + prefix)
        elif tag == "p":
            self.html.append(f'<p style="{_BLOCK_STYLE["p"]}">')
            self.text.append("\n\n")
        elif tag == "br":
            self.html.append("<br>")
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag in _INLINE:
            self.html.append(f"</{_INLINE[tag]}>")
        elif tag == "a" and self.links:
            url, label = self.links.pop(), self.link_text.pop()
            if url:
                self.html.append("</a>")
                if url.removeprefix("mailto:") != label.strip():
                    self.text.append(f" ({url.removeprefix('mailto:')})")
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.html.append(f"</{tag}>")
            self.text.append("\n\n")
        elif tag in ("li", "p"):
            self.html.append(f"</{tag}>")

    def handle_data(self, data):
        self.html.append(escape(data))
        self.text.append(data)
        if self.link_text:
            self.link_text[-1] += data


_BLANK_LINES = re.compile(r"\n[ \t]*(\n[ \t]*)+")


def tidy_text(value: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in value.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def rich_text(source: str) -> Text:
    parser = _MailText()
    parser.feed(expand_db_html(source))
    parser.close()
    return Text(source=source, mail_html="".join(parser.html), text=tidy_text("".join(parser.text)))


# --- the mail ----------------------------------------------------------------------------------


def _organisation_name() -> str:
    from wagtail.models import Site

    from kennislab.core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    name = SiteSettings.for_site(site).organisation_name if site else ""
    return name or "Netwerk Gezond Samen"


class IssueMail:
    """One issue as mails: read once, rendered once per variant, personalised per recipient.

    `issue` is a NewsletterIssuePage (or the page of the revision being sent: as_object())."""

    def __init__(self, issue):
        self.issue = issue
        self.sections = build_sections(issue)
        self.web_url = page_url(issue)
        self.preferences_url = absolute(reverse("newsletter:request-link"))
        self.sign_up_url = absolute(reverse("newsletter:sign-up"))
        self.organisation = _organisation_name()
        self._variants: dict = {}

    def section_theme_ids(self) -> list[int | None]:
        """The theme of each section (None: general), for rules.variant_key."""
        return [section.theme_id for section in self.sections]

    def variant_key(self, chosen_theme_ids):
        return rules.variant_key(chosen_theme_ids, self.section_theme_ids())

    def sections_for(self, key) -> list[Section]:
        """The sections of variant `key`: all (None), else the general sections and the theme
        sections whose theme is in `key`."""
        if key is None:
            return list(self.sections)
        return [s for s in self.sections if s.theme_id is None or s.theme_id in key]

    def for_variant(self, key) -> tuple[str, str]:
        """(html, text) of variant `key`, with the markers in place; rendered once per key."""
        if key not in self._variants:
            context = {
                "issue": self.issue,
                "subject": self.issue.subject or self.issue.title,
                "intro": (self.issue.intro or "").strip(),
                "sections": self.sections_for(key),
                "web_url": self.web_url,
                "preferences_url": self.preferences_url,
                "unsubscribe_url": UNSUBSCRIBE_URL,
                "name": PERSONAL_NAME,
                "organisation": self.organisation,
                "colours": COLOURS,
                "font": FONT,
            }
            html = render_to_string("newsletter/email/issue.html", context)
            text = tidy_text(render_to_string("newsletter/email/issue.txt", context)) + "\n"
            self._variants[key] = (html, text)
        return self._variants[key]

    @staticmethod
    def personalise(html: str, text: str, name: str, unsubscribe_url: str) -> tuple[str, str]:
        """The mail of one recipient: "Beste <naam>," (or "Beste lezer,") and their own
        unsubscribe link; escaped in the HTML part."""
        name = " ".join((name or "").split()) or _("lezer")
        html = html.replace(PERSONAL_NAME, escape(name))
        html = html.replace(UNSUBSCRIBE_URL, escape(unsubscribe_url))
        text = text.replace(PERSONAL_NAME, name).replace(UNSUBSCRIBE_URL, unsubscribe_url)
        return html, text

    def render_for(self, chosen_theme_ids, name: str, unsubscribe_url: str) -> tuple[str, str]:
        html, text = self.for_variant(self.variant_key(chosen_theme_ids))
        return self.personalise(html, text, name, unsubscribe_url)


def render_for(issue, chosen_theme_ids, name: str, unsubscribe_url: str) -> tuple[str, str]:
    """One mail of `issue` for a reader with these themes (empty: everything), e.g. a test
    send to staff."""
    return IssueMail(issue).render_for(chosen_theme_ids, name, unsubscribe_url)


# --- the web version ---------------------------------------------------------------------------


def web_context(issue) -> dict:
    """The web version: every section, no personal parts; the issue's date when it was sent,
    and the issues before and after it in the archive."""
    from .models import NewsletterIssuePage, Sending

    sending = issue.sending_or_none if issue.pk else None
    sent_at = sending.finished_at if sending and sending.status == Sending.Status.SENT else None
    previous_issue = next_issue = None
    parent = issue.get_parent() if issue.path else None
    archive_url = ""
    if parent is not None and parent.url:
        archive_url = parent.url + "archief/"
    if sent_at is not None and parent is not None:
        sent = (
            NewsletterIssuePage.objects.live().public().child_of(parent)
            .filter(sending__status=Sending.Status.SENT).exclude(pk=issue.pk)
        )  # fmt: skip
        previous_issue = (
            sent.filter(sending__finished_at__lt=sent_at).order_by("-sending__finished_at").first()
        )
        next_issue = (
            sent.filter(sending__finished_at__gt=sent_at).order_by("sending__finished_at").first()
        )
    return {
        "sections": build_sections(issue),
        "sent_at": sent_at,
        "sent_on": dutch_date(timezone.localtime(sent_at).date()) if sent_at else "",
        "previous_issue": previous_issue,
        "next_issue": next_issue,
        "sign_up_url": reverse("newsletter:sign-up"),
        "archive_url": archive_url,
    }
