"""Organisation names compared as people mean them."""

from __future__ import annotations

import re
import unicodedata


def organisation_key(name: str | None) -> str:
    """The name with case, accents, punctuation and spacing folded: "Gemeente  Zilverdám" and
    "gemeente zilverdam." are one organisation (the vouchers' one-application-per-example rule,
    the pledges' suggested deeds)."""
    folded = unicodedata.normalize("NFKD", (name or "").casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", " ", folded).strip()[:200]
