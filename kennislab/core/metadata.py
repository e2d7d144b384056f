"""What a page tells search engines and social media about itself: the canonical URL, Open Graph
and Twitter card values, and schema.org JSON-LD (docs/decisions: issue 16, item 3).

Plain functions on plain values (no requests, no models), so each rule can be tested alone;
`core/templatetags/metadata_tags.py` gathers the values from a page or a view and renders
`includes/metadata.html`.

* The canonical URL is the address without its query string, except `?pagina=N` for N > 1 on an
  indexable listing: a filtered listing (`?soort=…&thema=…`) points to the unfiltered one, a
  further page of results to itself. A page reached by a private link has no canonical URL.
* JSON-LD follows what Google documents for Article and Event: an Article has a `headline` of at
  most 110 characters, an author (the contacts' organisations, else the network) and its dates;
  an Event has a name, a start with its UTC offset and a location (a Place with an address, or a
  VirtualLocation whose URL is the event's own page, never the private join link). An event is
  offered free ("0" EUR) only when its costs are empty; costs in words are not turned into a
  price. Without a start or a location there is no Event node at all (Google would refuse it).
* The JSON is written with `<`, `>` and `&` escaped (as `\\u003c` …), so a title with
  `</script>` in it cannot end the script element early.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

SCHEMA = "https://schema.org"
LOCALE = "nl_NL"
LANGUAGE = "nl-NL"
HEADLINE_MAX = 110  # Google's limit for Article.headline
DESCRIPTION_MAX = 300
PAGE_PARAMETER = "pagina"
ORGANISATION_ID = "/#organisatie"  # appended to the site's address

ONLINE = f"{SCHEMA}/OnlineEventAttendanceMode"
OFFLINE = f"{SCHEMA}/OfflineEventAttendanceMode"
MIXED = f"{SCHEMA}/MixedEventAttendanceMode"
SCHEDULED = f"{SCHEMA}/EventScheduled"
IN_STOCK = f"{SCHEMA}/InStock"
SOLD_OUT = f"{SCHEMA}/SoldOut"

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}  # fmt: skip


# --- canonical URL ---------------------------------------------------------------------------


def page_number(query: Mapping[str, str]) -> int:
    """The `pagina` parameter as a number (1 when absent or not a positive whole number)."""
    try:
        number = int(str(query.get(PAGE_PARAMETER, "1")).strip())
    except ValueError:
        return 1
    return max(number, 1)


def canonical_url(url: str, query: Mapping[str, str] | None = None, *, indexable=True,
                  last_page: int | None = None) -> str:  # fmt: skip
    """`url` (absolute, without query) with `?pagina=N` when the request asked for page N > 1
    of an indexable listing of `last_page` pages (N capped at it); every other parameter
    (filters, a search query) is left out, and so is `pagina` on a page that is no listing
    (`last_page` None)."""
    base = url.split("?", 1)[0].split("#", 1)[0]
    if not indexable or not query or last_page is None:
        return base
    number = min(page_number(query), max(last_page, 1))
    if number <= 1:
        return base
    return f"{base}?{urlencode({PAGE_PARAMETER: number})}"


# --- text ------------------------------------------------------------------------------------


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with "…")."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"


def strip_site_suffix(title: str, site_name: str) -> str:
    """The title without the site's name at its end: "Webinar – Kennislab" → "Webinar" (a
    document title names the site, a social card shows the site name apart)."""
    title = " ".join((title or "").split())
    for dash in (" – ", " - ", " | "):
        suffix = f"{dash}{site_name}"
        if site_name and title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)]
    return title


# --- Open Graph and Twitter ------------------------------------------------------------------


@dataclass(frozen=True)
class Image:
    url: str
    alt: str = ""


@dataclass(frozen=True)
class SocialCard:
    """The values of the Open Graph and Twitter card tags of one page."""

    title: str
    description: str
    site_name: str
    url: str = ""  # the canonical URL; empty on a private-link page
    type: str = "website"  # "article" for Kennislab items
    image: Image | None = None
    published: date | datetime | None = None  # article:published_time
    modified: date | datetime | None = None  # article:modified_time
    section: str = ""  # article:section (the item type)
    tags: Sequence[str] = field(default_factory=tuple)  # article:tag (the themes)

    def properties(self) -> list[tuple[str, str]]:
        """(property, content) pairs of the <meta property=…> tags, in order."""
        pairs = [("og:type", self.type), ("og:site_name", self.site_name), ("og:locale", LOCALE),
                 ("og:title", self.title)]  # fmt: skip
        if self.description:
            pairs.append(("og:description", self.description))
        if self.url:
            pairs.append(("og:url", self.url))
        if self.image:
            pairs.append(("og:image", self.image.url))
            if self.image.alt:
                pairs.append(("og:image:alt", self.image.alt))
        if self.type == "article":
            if self.published:
                pairs.append(("article:published_time", iso(self.published)))
            if self.modified:
                pairs.append(("article:modified_time", iso(self.modified)))
            if self.section:
                pairs.append(("article:section", self.section))
            pairs.extend(("article:tag", tag) for tag in self.tags)
        return pairs

    def twitter(self) -> list[tuple[str, str]]:
        """(name, content) pairs of the <meta name="twitter:…"> tags."""
        pairs = [("twitter:card", "summary_large_image" if self.image else "summary"),
                 ("twitter:title", self.title)]  # fmt: skip
        if self.description:
            pairs.append(("twitter:description", self.description))
        if self.image:
            pairs.append(("twitter:image", self.image.url))
            if self.image.alt:
                pairs.append(("twitter:image:alt", self.image.alt))
        return pairs


# --- schema.org ------------------------------------------------------------------------------


def iso(value: date | datetime) -> str:
    """ISO 8601: a date as YYYY-MM-DD, a moment with its UTC offset (pass local time)."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def organisation(name: str, url: str = "", *, logo: str = "", email: str = "",
                 node_id: str = "") -> dict:  # fmt: skip
    node = {"@type": "Organization", "name": name}
    if node_id:
        node["@id"] = node_id
    if url:
        node["url"] = url
    if logo:
        node["logo"] = logo
    if email:
        node["email"] = email
        node["contactPoint"] = {"@type": "ContactPoint", "email": email,
                                "contactType": "customer support",
                                "availableLanguage": "nl"}  # fmt: skip
    return node


def article(*, url: str, title: str, description: str, published: date,
            modified: datetime | None, publisher: dict, authors: Iterable[str] = (),
            themes: Iterable[str] = (), section: str = "", news: bool = False,
            image: Image | None = None) -> dict:  # fmt: skip
    """An Article (a NewsArticle for news): the author is each organisation in `authors`, or
    the publisher (the network) when there is none."""
    names = list(dict.fromkeys(name.strip() for name in authors if name and name.strip()))
    node = {
        "@type": "NewsArticle" if news else "Article",
        "@id": f"{url}#artikel",
        "headline": shorten(title, HEADLINE_MAX),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": LANGUAGE,
        "datePublished": iso(published),
        "author": [organisation(name) for name in names] or [publisher],
        "publisher": publisher,
    }
    if modified is not None:
        node["dateModified"] = iso(published if modified.date() < published else modified)
    if description:
        node["description"] = shorten(description, DESCRIPTION_MAX)
    if section:
        node["articleSection"] = section
    about = [{"@type": "Thing", "name": name} for name in themes if name]
    if about:
        node["about"] = about
    if image:
        node["image"] = [image.url]
    return node


def event(*, url: str, name: str, description: str, starts: datetime | None,
          ends: datetime | None, online: bool, location: str, organizer: dict,
          free: bool | None = None, available: bool | None = None,
          image: Image | None = None) -> dict | None:  # fmt: skip
    """An Event, or None without a start or a place to be (online, or a location).

    `free`: True for "no costs" (an Offer of "0" EUR), False or None to leave offers out.
    `available`: True (places left, or no sign-up needed), False (full), None (unknown or
    registration closed: no availability given)."""
    location = " ".join((location or "").split())
    if starts is None or not (online or location):
        return None
    places = []
    if location:
        places.append({"@type": "Place", "name": location, "address": location})
    if online:
        places.append({"@type": "VirtualLocation", "url": url})
    node = {
        "@type": "Event",
        "@id": f"{url}#evenement",
        "name": shorten(name, 200),
        "url": url,
        "inLanguage": LANGUAGE,
        "startDate": iso(starts),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": MIXED if online and location else ONLINE if online else OFFLINE,
        "location": places[0] if len(places) == 1 else places,
        "organizer": organizer,
    }
    if ends is not None:
        node["endDate"] = iso(ends)
    if description:
        node["description"] = shorten(description, DESCRIPTION_MAX)
    if free:
        offer = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
        if available is not None:
            offer["availability"] = IN_STOCK if available else SOLD_OUT
        node["offers"] = offer
        node["isAccessibleForFree"] = True
    if image:
        node["image"] = [image.url]
    return node


def breadcrumbs(trail: Sequence[tuple[str, str]]) -> dict | None:
    """A BreadcrumbList from (name, absolute URL) pairs, the current page last; None for a
    trail of fewer than two steps."""
    if len(trail) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }


def graph(nodes: Iterable[dict | None]) -> dict | None:
    """One JSON-LD document for the page's nodes (None for none)."""
    kept = [node for node in nodes if node]
    if not kept:
        return None
    if len(kept) == 1:
        return {"@context": SCHEMA, **kept[0]}
    return {"@context": SCHEMA, "@graph": kept}


def json_ld(document: Mapping) -> str:
    """The document as JSON that is safe inside <script type="application/ld+json">: no "<",
    ">" or "&" in it, so neither `</script>` nor `<!--` can change how HTML reads it."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.translate(_JSON_ESCAPES)
