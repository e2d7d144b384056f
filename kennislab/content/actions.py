"""What a call to action does: per kind, where its button goes, the button's default text, and
the sentence shown instead when there is nowhere to go. The one table of kinds is KINDS.

* voucher — the open knowledge-voucher scheme: the newest scheme page whose scheme is open;
* vignet — the vignet application form;
* activity — the activity registration of a live relay campaign that still takes activities;
* story — the form to share a practice story;
* newsletter — the newsletter sign-up;
* interest — the interest form of an open learning community;
* contact — the form to ask the network a question;
* webinar — of the event page chosen in the block: its watch-back form once it is over (when it
  has materials), its sign-up form while sign-up is open, else the event page itself. Without an
  event (imported items, older blocks) the question form, to ask for the recording.

A general call to action (stored kind "") goes to the page or web address the editor chose. On
the other kinds (not webinar) a chosen page or address wins over the kind's own form; when the
kind's target does not exist and nothing was chosen, the block shows the kind's sentence.

The targets live in apps that import this app's blocks, so they are found by URL name and
read-only queries through the app registry, never imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennislab.core.memo import memo

GENERAL = "general"  # what the stored kind "" means
WEBINAR = "webinar"


@dataclass(frozen=True)
class Target:
    """Where a call to action's button goes and what it says; `url` None: no button, and
    `unavailable` says why (empty for a general call to action without a link)."""

    kind: str
    url: str | None
    text: str = ""
    unavailable: str = ""


# A finder gets the request (or None) and the page chosen in the block (or None), and returns
# (url, button text or "" for the kind's default), or None when the target does not exist.
Finder = Callable[..., tuple[str, str] | None]


@dataclass(frozen=True)
class Kind:
    label: str  # in the editor's list of kinds
    button: str  # default text on the button
    unavailable: str  # shown instead of the button when there is no target
    find: Finder


def _reverse(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the app is not mounted
        return None


def _model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _form(name: str) -> Finder:
    def find(request, chosen):
        url = _reverse(name)
        return (url, "") if url else None

    return find


def _open_voucher_scheme(request, chosen):
    model = _model("vouchers.VoucherSchemePage")
    if model is None:
        return None

    def schemes():  # which schemes there are changes with the content; which is open, by the minute
        pages = model.objects.live().public().select_related("scheme")
        return [
            (page.get_url(request), page.scheme) for page in pages.order_by("-scheme__opens_at")
        ]

    now = timezone.now()
    for url, scheme in memo("cta-voucher-schemes", schemes):
        if scheme.phase(now) == "open":
            return (url, "") if url else None
    return None


def _open_relay(request, chosen):
    model = _model("campaigns.RelayCampaignPage")
    if model is None:
        return None
    today = timezone.localdate()

    def campaigns():  # with their regions: whether registration is open is decided per day
        return list(model.objects.live().public().prefetch_related("regions").order_by("path"))

    for page in memo("cta-relay-campaigns", campaigns):
        if page.registration_open(today):
            url = _reverse("relay:register", page.slug)
            return (url, "") if url else None
    return None


def _open_community(request, chosen):
    model = _model("questions.LearningCommunity")
    if model is None:
        return None
    community = model.objects.filter(is_open=True).order_by("name").first()
    url = _reverse("questions:interest", community.slug) if community else None
    return (url, "") if url else None


def is_event_page(page) -> bool:
    model = _model("campaigns.EventPage")
    if page is None or model is None:
        return False
    return issubclass(page.specific_class or type(page), model)


def event_page(page):
    """The chosen page as a live event page, or None."""
    return page.specific if is_event_page(page) and page.live else None


def _webinar(request, chosen):
    event = event_page(chosen)
    if event is None:
        url = _reverse("questions:ask")
        return (url, _("Vraag de opname aan")) if url else None
    if event.is_past:
        if not event.materials:
            return None
        url = _reverse("campaigns:recording", event.slug)
        return (url, "") if url else None
    if event.registration and event.phase() == "open":
        url = _reverse("campaigns:register", event.slug)
        return (url, _("Meld je aan voor het webinar")) if url else None
    url = event.get_url(request)
    return (url, _("Bekijk het webinar in de agenda")) if url else None


KINDS: dict[str, Kind] = {
    "voucher": Kind(
        _("Kennisvoucher aanvragen"),
        _("Vraag een kennisvoucher aan"),
        _("Er is op dit moment geen kennisvoucherregeling open."),
        _open_voucher_scheme,
    ),
    "vignet": Kind(
        _("Vignet aanvragen"),
        _("Vraag het vignet aan"),
        _("Het vignet aanvragen kan op dit moment niet."),
        _form("vignet:apply"),
    ),
    "activity": Kind(
        _("Activiteit aanmelden"),
        _("Meld je activiteit aan"),
        _("Er is op dit moment geen campagne waarvoor je een activiteit kunt aanmelden."),
        _open_relay,
    ),
    "story": Kind(
        _("Praktijkverhaal delen"),
        _("Deel je praktijkverhaal"),
        _("Een praktijkverhaal delen kan op dit moment niet."),
        _form("network:story"),
    ),
    "newsletter": Kind(
        _("Aanmelden voor de nieuwsbrief"),
        _("Meld je aan voor de nieuwsbrief"),
        _("Aanmelden voor de nieuwsbrief kan op dit moment niet."),
        _form("newsletter:sign-up"),
    ),
    "interest": Kind(
        _("Interesse doorgeven"),
        _("Geef je interesse door"),
        _("Er is op dit moment geen leergemeenschap waarvoor je je kunt aanmelden."),
        _open_community,
    ),
    "contact": Kind(
        _("Contact opnemen"),
        _("Stel je vraag"),
        _("Een vraag stellen kan op dit moment niet."),
        _form("questions:ask"),
    ),
    WEBINAR: Kind(
        _("Webinar terugkijken"),
        _("Bekijk het webinar terug"),
        _("De opname van dit webinar is nog niet beschikbaar."),
        _webinar,
    ),
}

# The block's choices; "" is a general call to action (the stored value since the first version).
CHOICES = [("", _("Algemeen")), *((code, kind.label) for code, kind in KINDS.items())]


def kind_target(code: str, request=None, *, chosen=None, label: str = "") -> Target:
    """The kind's own target; `label` (the editor's button text) wins over the default text."""
    kind = KINDS[code]
    found = kind.find(request, chosen)
    if not found:
        return Target(code, None, unavailable=str(kind.unavailable))
    url, text = found
    return Target(code, url, label or str(text or kind.button))


def target(value, request=None) -> Target:
    """Where the call to action `value` (a CallToActionBlock value, or a dict with its fields)
    sends the visitor."""
    code = value.get("action") or ""
    label = (value.get("link_label") or "").strip()
    page, address = value.get("page"), (value.get("url") or "").strip()
    if code == WEBINAR:  # its page is the event
        return kind_target(code, request, chosen=page, label=label)
    url = page.get_url(request) if page is not None and page.live else None
    if url:
        return Target(code or GENERAL, url, label or page.title)
    if address:
        default = KINDS[code].button if code in KINDS else _("Lees meer")
        return Target(code or GENERAL, address, label or str(default))
    if code in KINDS:
        return kind_target(code, request, label=label)
    return Target(GENERAL, None)
