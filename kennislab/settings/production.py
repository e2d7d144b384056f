"""Production: `make serve` and real deployments. Secrets and hosts come from the environment.

SECRET_KEY: from the environment; when absent (a local `make serve`), a random key is created
once in var/secret_key so sessions survive restarts.
"""

import secrets

from kennislab.ops.logging import logging_config
from kennislab.ops.sentry import init as sentry_init

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
    "default": STORAGES["default"],  # noqa: F405 — public media 0644/0755 (base.py)
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

# --- Security headers, cookies and the site's address (README, "Security headers") ----------
# Behind TLS every plain-HTTP request is redirected (the proxy tells HTTPS by X-Forwarded-Proto);
# the health check stays reachable on plain HTTP for a monitor on the same machine.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# HSTS for subdomains and the browsers' preload list bind the whole domain, which belongs to
# the organisation, not to this app: opt in (the matching check --deploy warnings are silenced
# below, with the reason in the README).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
# Cookies: Secure behind TLS, out of reach of scripts (Wagtail reads the CSRF token from the
# page, not from the cookie), and not sent along with requests from other sites.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# The site's public address for links in mails, .ics files and embed codes: required in
# production (a system check error stops `migrate`, and so `make serve`, without it), and on
# https:// when HTTPS=true (kennislab/core/checks.py).
SITE_BASE_URL = env("SITE_BASE_URL", default="")
SITE_BASE_URL_REQUIRED = True

# --- Operations (kennislab.ops; README "Operations") ------------------------------------------
# JSON lines by default in production; error reports to Sentry only when SENTRY_DSN is set, with
# no personal data (kennislab/ops/sentry.py scrubs every event before it leaves).
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING = logging_config(LOG_FORMAT, env("LOG_LEVEL", default="INFO"))
SENTRY_DSN = env("SENTRY_DSN", default="")
sentry_init(
    SENTRY_DSN,
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)

# Staff sign-in: the second factor is always required in production, whatever
# STAFF_2FA_REQUIRED says in the environment (README, "Staff sign-in").
STAFF_2FA_REQUIRED = True
