"""An issue as a mail (render.py): which sections each preference set gets (general to all, a
theme section to who chose it or chose nothing), one rendering per variant, the personal parts
replaced and escaped, HTML that mail programs can show (every image with alt text, every link
absolute, nothing that tracks) and a plain-text part with the same titles and links."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kennislab.campaigns.models import AgendaPage, EventPage
from kennislab.campaigns.tests.relay_factories import build_campaign
from kennislab.content.site import ensure_home
from kennislab.content.tests.factories import ArticlePageFactory
from kennislab.newsletter import render
from kennislab.newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Sending
from kennislab.newsletter.render import PERSONAL_NAME, UNSUBSCRIBE_URL, IssueMail
from kennislab.vouchers.tests.factories import build_voucher_site

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
UNSUBSCRIBE = f"{SITE}/nieuwsbrief/afmelden/SleutelVanLezer1234567890/"
EXTERNAL = "https://www.voorbeeld.example/rapport"


# --- building issues (also used by test_archive.py) -------------------------------------------


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def newsletter_index() -> NewsletterIndexPage:
    index = NewsletterIndexPage.objects.first()
    if index is None:
        index = publish_child(
            ensure_home(),
            NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief", intro="Alle edities."),
        )
    return index


def section(heading: str, *content, theme=None) -> dict:
    return {
        "type": "section",
        "value": {"heading": heading, "theme": theme.pk if theme else None,
                  "content": list(content)},
    }  # fmt: skip


def card(page, note: str = "") -> dict:
    return {"type": "item", "value": {"page": page.pk, "note": note}}


def text(source: str) -> dict:
    return {"type": "text", "value": source}


def cta(title: str, **value) -> dict:
    fields = {"title": title, "text": "", "action": "", "link_label": "", "page": None, "url": ""}
    return {"type": "cta", "value": {**fields, **value}}


def build_issue(slug: str, body=(), *, subject="", intro="Wat er nieuw is.", sent_at=None,
                status=None, live=True) -> NewsletterIssuePage:  # fmt: skip
    """An issue under the newsletter index; with `sent_at` its sending finished then (status
    "sent"), with `status` only a sending in that state."""
    issue = NewsletterIssuePage(
        title=f"Nieuwsbrief {slug}", slug=slug, subject=subject or f"Onderwerp {slug}",
        intro=intro, body=list(body),
    )  # fmt: skip
    index = newsletter_index()
    if live:
        issue = publish_child(index, issue)
    else:
        issue.live = False
        index.add_child(instance=issue)
    if sent_at is not None:
        Sending.objects.create(issue=issue, status=Sending.Status.SENT, scheduled_at=sent_at,
                               started_at=sent_at, finished_at=sent_at)  # fmt: skip
    elif status is not None:
        Sending.objects.create(issue=issue, status=status,
                               scheduled_at=timezone.now() + timedelta(days=1))  # fmt: skip
    return NewsletterIssuePage.objects.get(pk=issue.pk)


def build_event(**fields) -> EventPage:
    agenda = AgendaPage.objects.first() or publish_child(
        ensure_home(), AgendaPage(title="Agenda", slug="agenda")
    )
    starts_at = timezone.now().replace(microsecond=0) + timedelta(days=20)
    values = {
        "title": "Webinar samen gezond", "slug": "webinar-samen-gezond", "kind": "webinar",
        "online": True, "intro": "Een uur over gezonde wijken.", "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=1), **fields,
    }  # fmt: skip
    return publish_child(agenda, EventPage(**values))


@pytest.fixture
def content(themes):
    """An issue with a general section (an article, text with a page link and an external link,
    a call to action), a section for theme A (an event) and one for theme B (a voucher scheme
    and a campaign)."""
    theme_a, theme_b, _theme_c = themes
    article = ArticlePageFactory(title="Gezonde schoolpleinen in Turfhaven", item_type="news",
                                 intro="Drie scholen vergroenden hun plein.")  # fmt: skip
    event = build_event()
    scheme = build_voucher_site(examples=0).page
    campaign = build_campaign()
    issue = build_issue(
        "maart",
        [
            section(
                "Nieuw in het Kennislab",
                card(article),
                text(
                    f'<p>Lees ook <a linktype="page" id="{article.pk}">het verslag</a> en '
                    f'<a href="{EXTERNAL}">het rapport</a>.</p><ul><li>Eén</li><li>Twee</li></ul>'
                ),
                cta("Blijf op de hoogte", text="Elke maand.", action="newsletter"),
            ),
            section(
                "Agenda voor A", card(event, note="Eigen tekst over het webinar."), theme=theme_a
            ),
            section("Voor B", card(scheme), card(campaign), theme=theme_b),
        ],
        subject="Kennislab in maart",
        intro="De lente van het netwerk.",
    )
    return {"issue": issue, "article": article, "event": event, "scheme": scheme,
            "campaign": campaign, "themes": themes}  # fmt: skip


# --- checking the HTML -------------------------------------------------------------------------


class MailParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.links, self.cells, self.scripts, self.html_lang = [], [], [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        elif tag == "a":
            self.links.append(attrs.get("href"))
        elif tag == "td":
            self.cells.append(attrs.get("style") or "")
        elif tag == "script":
            self.scripts += 1
        elif tag == "html":
            self.html_lang = attrs.get("lang")


def parsed(html: str) -> MailParser:
    parser = MailParser()
    parser.feed(html)
    parser.close()
    return parser


def headings(html: str) -> set[str]:
    return {title for title in ("Nieuw in het Kennislab", "Agenda voor A", "Voor B")
            if f">{title}</h2>" in html}  # fmt: skip


# --- personalisation per preference set --------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ([], {"Nieuw in het Kennislab", "Agenda voor A", "Voor B"}),  # nothing chosen: all
        (["a"], {"Nieuw in het Kennislab", "Agenda voor A"}),
        (["b"], {"Nieuw in het Kennislab", "Voor B"}),
        (["a", "b"], {"Nieuw in het Kennislab", "Agenda voor A", "Voor B"}),
        (["c"], {"Nieuw in het Kennislab"}),  # a theme the issue has no section for
        (["a", "c"], {"Nieuw in het Kennislab", "Agenda voor A"}),
    ],
)
def test_sections_follow_the_preferences(content, chosen, expected):
    by_letter = dict(zip("abc", [theme.pk for theme in content["themes"]], strict=True))
    html, text = render.render_for(content["issue"], [by_letter[x] for x in chosen], "Anna",
                                   UNSUBSCRIBE)  # fmt: skip
    assert headings(html) == expected
    for heading in ("Nieuw in het Kennislab", "Agenda voor A", "Voor B"):
        assert (f"=== {heading} ===" in text) == (heading in expected)
    assert ("Webinar samen gezond" in html) == ("Agenda voor A" in expected)
    assert (content["campaign"].title in text) == ("Voor B" in expected)


def test_one_rendering_per_variant(content, django_assert_num_queries):
    theme_a, theme_b, theme_c = content["themes"]
    mail = IssueMail(content["issue"])
    assert mail.section_theme_ids() == [None, theme_a.pk, theme_b.pk]
    key_a = mail.variant_key([theme_a.pk, theme_c.pk])
    assert key_a == frozenset({theme_a.pk}) == mail.variant_key([theme_a.pk])
    assert mail.variant_key([]) is None
    first = mail.for_variant(key_a)
    with django_assert_num_queries(0):
        again = mail.for_variant(mail.variant_key([theme_a.pk]))
    assert again is first
    assert mail.for_variant(None) is not first
    assert set(mail._variants) == {key_a, None}
    assert PERSONAL_NAME in first[0] and PERSONAL_NAME in first[1]
    assert UNSUBSCRIBE_URL in first[0] and UNSUBSCRIBE_URL in first[1]


def test_reading_the_issue_takes_the_same_queries_for_more_cards(themes):
    def queries_for(count: int) -> int:
        articles = [ArticlePageFactory() for _ in range(count)]
        issue = build_issue(f"editie-{count}", [section("Alles", *map(card, articles))])
        with CaptureQueriesContext(connection) as captured:
            mail = IssueMail(issue)
            html, _text = mail.for_variant(None)
        assert all(article.title in html for article in articles)
        return len(captured)

    queries_for(1)  # warm the caches (the site's root paths)
    few, many = queries_for(2), queries_for(8)
    assert many == few <= 6


def test_markers_replaced_and_the_name_escaped(content):
    mail = IssueMail(content["issue"])
    html, text = mail.for_variant(None)
    url = UNSUBSCRIBE + "?a=1&b=2"
    personal_html, personal_text = mail.personalise(html, text, " Anna <b>&  Co ", url)
    assert "\ue000" not in personal_html and "\ue000" not in personal_text
    assert "Beste Anna &lt;b&gt;&amp; Co," in personal_html
    assert "<b>&" not in personal_html
    assert "Beste Anna <b>& Co," in personal_text
    assert f'href="{UNSUBSCRIBE}?a=1&amp;b=2"' in personal_html
    assert f"Afmelden: {url}" in personal_text
    # the variant itself is untouched: the next recipient gets their own name
    other_html, other_text = mail.personalise(html, text, "", UNSUBSCRIBE)
    assert "Beste lezer," in other_html and "Beste lezer," in other_text
    assert "Anna" not in other_html


def test_the_html_is_fit_for_mail_programs(content):
    html, _text = render.render_for(content["issue"], [], "Anna", UNSUBSCRIBE)
    mail = parsed(html)
    assert mail.html_lang == "nl"
    assert mail.scripts == 0
    assert 'name="color-scheme" content="light dark"' in html
    assert "max-width:600px" in html
    assert 'role="presentation"' in html
    assert "De lente van het netwerk." in html.split("<table", 1)[0]  # the preheader
    for image in mail.images:  # none now; any added later must pass
        assert (image.get("alt") or "").strip(), image
        assert (image.get("src") or "").startswith(SITE + "/"), image
    assert "<img" not in html  # no images at all: no tracking pixel either
    assert len(mail.links) >= 10
    for href in mail.links:
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc, href
        assert "utm_" not in href and "track" not in href.lower(), href
        assert href.startswith(SITE + "/") or href == EXTERNAL, href
    for style in mail.cells:  # dark-mode safe: every cell says its own colours
        assert "background-color:" in style and "color:" in style, style
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_every_mail_has_the_footer_links(content):
    issue = content["issue"]
    html, text = render.render_for(issue, [content["themes"][2].pk], "", UNSUBSCRIBE)
    web = f"{SITE}/nieuwsbrief/maart/"
    preferences = f"{SITE}/nieuwsbrief/voorkeuren/"
    links = parsed(html).links
    assert web in links and preferences in links and UNSUBSCRIBE in links
    assert "Voorkeuren wijzigen" in html and "Afmelden" in html
    assert "omdat je je hebt aangemeld voor de nieuwsbrief" in html
    assert f"Bekijk in je browser: {web}" in text
    assert f"Voorkeuren wijzigen: {preferences}" in text
    assert f"Afmelden: {UNSUBSCRIBE}" in text


def test_cards_text_and_calls_to_action(content):
    html, text = render.render_for(content["issue"], [], "Anna", UNSUBSCRIBE)
    article, event = content["article"], content["event"]
    article_url = f"{SITE}/kennislab/{article.slug}/"
    assert f'<a class="nb-link" href="{article_url}"' in html
    assert "Drie scholen vergroenden hun plein." in html  # the page's intro
    assert "Eigen tekst over het webinar." in html  # the card's own note wins
    assert "Een uur over gezonde wijken." not in html
    assert "Evenement" in html and "Online" in html and "Webinar" in html
    assert "Kennisvoucherregeling" in html and "Open van" in html
    assert "Campagne" in html
    # rich text: the page link made absolute, the external one kept
    assert f'href="{article_url}" style=' in html and f'href="{EXTERNAL}"' in html
    assert 'linktype="page"' not in html
    # the call to action's kind decides where the button goes (content/actions.py)
    assert "Meld je aan voor de nieuwsbrief" in html
    assert f'href="{SITE}/nieuwsbrief/aanmelden/"' in html

    # the plain-text part: the same titles and links
    for page in (article, event, content["scheme"], content["campaign"]):
        assert page.title in text
        assert f"{SITE}{page.url}" in text
    assert f"het verslag ({article_url})" in text and f"het rapport ({EXTERNAL})" in text
    assert "- Eén\n- Twee" in text
    assert f"Meld je aan voor de nieuwsbrief: {SITE}/nieuwsbrief/aanmelden/" in text
    assert "<" not in text  # no markup in the plain text
    assert "&amp;" not in text and "&#" not in text


def test_a_page_that_is_gone_leaves_no_card_nor_empty_section(content):
    content["scheme"].unpublish()
    content["campaign"].delete()
    html, text = render.render_for(content["issue"], [], "Anna", UNSUBSCRIBE)
    assert content["scheme"].title not in html
    assert headings(html) == {"Nieuw in het Kennislab", "Agenda voor A"}
    assert "Voor B" not in text


def test_a_general_call_to_action_without_a_target_has_no_button(themes):
    issue = build_issue(
        "leeg", [section("Oproep", cta("Binnenkort meer", text="Houd je mail in de gaten."))]
    )
    html, text = render.render_for(issue, [], "Anna", UNSUBSCRIBE)
    assert "Binnenkort meer" in html and "Houd je mail in de gaten." in text
    assert "nb-button" not in html.split("</style>", 1)[1]


def test_the_revision_being_sent_is_rendered(content):
    """The sending service renders the revision it sends (as_object), not the live page."""
    issue = content["issue"]
    draft = issue.get_latest_revision_as_object()
    draft.subject = "Nieuw onderwerp"
    draft.body = [section("Alleen dit", card(content["article"]))]
    revision = draft.save_revision()
    html, text = render.render_for(revision.as_object(), [], "Anna", UNSUBSCRIBE)
    assert "Nieuw onderwerp" in html and "=== Alleen dit ===" in text
    assert "Nieuw in het Kennislab" not in html
    live_html, _ = render.render_for(NewsletterIssuePage.objects.get(pk=issue.pk), [], "", "")
    assert "Nieuw in het Kennislab" in live_html
