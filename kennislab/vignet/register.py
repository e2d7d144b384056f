"""The public register of current holders and what a verification page shows."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from kennislab.core.siteurl import absolute

from . import criteria
from .models import Vignet

PER_PAGE = 25


def holders(query: str = "", page_number=None):
    """Current holders (valid today, not revoked), by organisation name; `query` matches the
    name or the place."""
    vignets = Vignet.objects.current().order_by("organisation", "pk")
    for word in query.split()[:5]:
        vignets = vignets.filter(Q(organisation__icontains=word) | Q(place__icontains=word))
    return Paginator(vignets, PER_PAGE).get_page(page_number)


def verification(vignet: Vignet, request) -> dict:
    """Context for the verification page (and the holder's page)."""
    verify_url = absolute(reverse("vignet:verify", args=[vignet.public_id]))
    badge_url = absolute(reverse("vignet:badge", args=[vignet.public_id]))
    today = timezone.localdate()
    return {
        "vignet": vignet,
        "state": vignet.state(today),
        "valid_until": criteria.dutch_date(vignet.valid_until),
        "valid_from": criteria.dutch_date(vignet.valid_from),
        "first_awarded_on": criteria.dutch_date(vignet.first_awarded_on),
        "revoked_on": (
            criteria.dutch_date(timezone.localdate(vignet.revoked_at)) if vignet.revoked_at else ""
        ),
        "verify_url": verify_url,
        "badge_url": badge_url,
        "embed_code": (
            f'<a href="{verify_url}"><img src="{badge_url}" width="180" height="72" '
            f'alt="Vignet Vitaal Bedrijf {vignet.awarded_on.year}: controleer de geldigheid"></a>'
        ),
    }
