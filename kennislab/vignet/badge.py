"""The embeddable SVG badge (templates/vignet/badge.svg): the vignet's name, the year of the
last award and its state. An <img> cannot link, so the embed code (register.verification) wraps
it in a link to the verification page, where anyone can check it."""

from django.template.loader import render_to_string
from django.utils import timezone

from . import criteria

STATES = {  # state → (colour, text); the colours keep 4.5:1 contrast on white
    "valid": ("#0b6b3a", "geldig t/m {until}"),
    "expired": ("#595959", "verlopen"),
    "revoked": ("#595959", "ingetrokken"),
}


def render_svg(vignet, today=None) -> str:
    state = vignet.state(today or timezone.localdate())
    colour, template = STATES[state]
    status = template.format(until=f"{vignet.valid_until:%m-%Y}")
    year = vignet.awarded_on.year
    title = (
        f"Vignet Vitaal Bedrijf {year} – {vignet.organisation} – {status} "
        f"(geldig tot en met {criteria.dutch_date(vignet.valid_until)})"
    )
    context = {"state": state, "colour": colour, "status": status, "year": year, "title": title}
    return render_to_string("vignet/badge.svg", context)
