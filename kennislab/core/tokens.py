"""Private links (complete later, confirm, cancel, unsubscribe): a random token in the link,
only its SHA-256 hash in the database, and an expiry. Never sequential ids in public URLs."""

import hashlib
import secrets

from django.utils import timezone

TOKEN_BYTES = 24  # 192 bits, 32 URL-safe characters


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
