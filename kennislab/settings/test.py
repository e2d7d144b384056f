"""Test settings: pytest uses these (pyproject.toml). DATABASE_URL still selects the database."""

import os

os.environ["TASKS_BACKEND"] = "immediate"

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
PAGE_CACHE_SECONDS = 0  # tests of the page cache switch it on themselves

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the concurrency tests need threads with their own connections.
    # TEST_SQLITE_PATH lets two test runs share a checkout without sharing a database file.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_PATH") or str(VAR_DIR / "test.sqlite3")  # noqa: F405
    }
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"  # noqa: F405
# Staff sign-in: tests that sign in with force_login see the admin at once; the tests of
# kennislab.accounts switch the second factor on themselves (override_settings).
STAFF_2FA_REQUIRED = os.environ.get("STAFF_2FA_REQUIRED", "false").lower() in ("1", "true", "yes")
