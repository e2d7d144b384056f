"""Private links (complete later, confirm, cancel, unsubscribe): a random token in the link,
only its SHA-256 hash in the database, and an expiry. Never sequential ids in public URLs."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.utils import timezone

TOKEN_BYTES = 24  # 192 bits, 32 URL-safe characters


def new_seed() -> str:
    """A random seed for a key that is derived later (derived_key)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def derived_key(purpose: str, seed: str) -> str:
    """A link key that a later job can write again without the database holding it: an HMAC
    of the row's random `seed` with the SECRET_KEY, for one `purpose` (e.g.
    "kennislab.newsletter.unsubscribe"). Store only token_hash() of it: a copy of the database
    alone opens no link (rotating SECRET_KEY changes every key)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{purpose}:{seed}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest[:TOKEN_BYTES]).decode()


def new_token() -> tuple[str, str]:
    """(token for the link, hash to store)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


MAX_TOKEN_LENGTH = 100  # anything longer is not one of ours: no database lookup


def find_by_token(
    queryset, token: str, *, field: str = "token_hash", expires: str = "token_expires_at"
):
    """The record whose private link carries `token`, or None when the token is empty,
    unknown or expired (the caller shows the same "link does not work" page for each)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    found = queryset.filter(**{field: token_hash(token)}).first()
    if found is None or getattr(found, expires) < timezone.now():
        return None
    return found
