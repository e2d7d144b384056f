"""Production: `make serve` and real deployments. Secrets and hosts come from the environment.

SECRET_KEY: from the environment; when absent (a local `make serve`), a random key is created
once in var/secret_key so sessions survive restarts.
"""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=False)

if not SECRET_KEY:  # noqa: F405
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Private uploads: PRIVATE_MEDIA_ROOT, or a private bucket by PRIVATE_STORAGE_BACKEND and
    # PRIVATE_STORAGE_OPTIONS (base.py; README, "Private files").
    "private": PRIVATE_STORAGE,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS=true behind TLS (the normal case); `make serve` on a laptop runs on plain HTTP.
HTTPS = env.bool("HTTPS", default=False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SESSION_COOKIE_HTTPONLY = True

LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")  # noqa: F405
