"""Local development: `make run`. Debug on, mail to the console, tasks run at once."""

import os

os.environ.setdefault("TASKS_BACKEND", "immediate")

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Template and style changes should show at once while developing.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

# E-mail links follow the address the site is served on (PORT=8080 make run → port 8080): the
# request's own address while a request is handled, else SITE_BASE_URL, derived from PORT.
SITE_URL_FROM_REQUEST = env.bool("SITE_URL_FROM_REQUEST", default=True)
WAGTAILADMIN_BASE_URL = env(
    "SITE_BASE_URL",
    default=f"http://{env('HOST', default='127.0.0.1')}:{env('PORT', default='8000')}",
)

# Staff sign-in: the demo editors of `make run` sign in with their password only, unless
# STAFF_2FA_REQUIRED=true (production always asks for the second factor).
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=False)
