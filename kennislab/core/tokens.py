"""Private links (complete later, confirm, cancel, unsubscribe): a random token in the link,
only its SHA-256 hash in the database, and an expiry. Never sequential ids in public URLs."""

import hashlib
import secrets

TOKEN_BYTES = 24  # 192 bits, 32 URL-safe characters


def new_token() -> tuple[str, str]:
    """(token for the link, hash to store)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
