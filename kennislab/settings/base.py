"""Settings shared by every environment. Everything that differs per machine comes from the
environment (see README, "Configuratie"): DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, DEBUG,
CACHE_URL, EMAIL_URL, DEFAULT_FROM_EMAIL, TASKS_BACKEND, SITE_BASE_URL."""

import os
from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "kennislab.core",
    "kennislab.content",
    "kennislab.search",
    "kennislab.api",
    "kennislab.vouchers",
    "kennislab.vignet",
    "kennislab.campaigns",
    "kennislab.challenge",
    "kennislab.network",
    "kennislab.questions",
    "kennislab.surveys",
    "kennislab.newsletter",
    "kennislab.personal",
    "kennislab.privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kennislab.core.middleware.ContentSecurityPolicyMiddleware",
    "kennislab.core.sites.SiteCacheMiddleware",
    "kennislab.core.siteurl.RequestBaseUrlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kennislab.core.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kennislab.urls"
WSGI_APPLICATION = "kennislab.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kennislab.core.context_processors.site_navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ is the embedded default; DATABASE_URL=postgres://… selects PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kennislab.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + IMMEDIATE transactions make concurrent writers queue instead of failing
    # (docs/decisions/0002-sqlite-concurrency.md).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;"
        ),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (Redis in production: CACHE_URL=redis://127.0.0.1:6379/1) ---------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://kennislab")}
CACHES["default"].setdefault("OPTIONS", {})
if "locmem" in CACHES["default"]["BACKEND"]:
    CACHES["default"]["OPTIONS"].setdefault("MAX_ENTRIES", 2000)
SHARED_CACHE = "locmem" not in CACHES["default"]["BACKEND"]
# Anonymous page cache (kennislab.core.pagecache): seconds a page may be served from the cache.
# Changes invalidate at once in a shared cache; a per-process cache can lag this long.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600 if SHARED_CACHE else 30)
# The search page and the API are not cached: they are fast, and every search counts in the
# editors' search statistics.
PAGE_CACHE_EXEMPT_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documenten/",
    "/static/",
    "/media/",
    "/zoeken/",
    "/api/",
)

# --- Rate limits (kennislab.core.ratelimit; the API uses django-ninja's throttling) -----------
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)  # proxies adding to X-Forwarded-For
API_RATE = env("API_RATE", default="120/m")
# Only for load tests on a scratch database (make loadtest-vouchers): switches the per-visitor
# limits off, because every simulated applicant comes from the same address.
RATE_LIMITS_ENABLED = env.bool("RATE_LIMITS_ENABLED", default=True)

# --- Decision terms (kennislab.core.terms): working days within which staff decide, per kind ----
# Shown to the applicant and in the inbox, which sorts and flags by them. Dutch public holidays do
# not count (core/workdays.py).
DECISION_TERMS = {
    "voucher": env.int("DECISION_TERM_VOUCHER", default=10),  # definitive grant (DOMAIN.md)
    "vignet": env.int("DECISION_TERM_VIGNET", default=20),
    "activity": env.int("DECISION_TERM_ACTIVITY", default=5),
    "pledge": env.int("DECISION_TERM_PLEDGE", default=10),
    "update": env.int("DECISION_TERM_UPDATE", default=5),
    "story": env.int("DECISION_TERM_STORY", default=10),
    "question": env.int("DECISION_TERM_QUESTION", default=5),
    "interest": env.int("DECISION_TERM_INTEREST", default=10),
}

# --- Background tasks (django-tasks; worker: manage.py db_worker) -----------------------------
TASKS_BACKEND = env("TASKS_BACKEND", default="database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}

# --- E-mail ---------------------------------------------------------------------------------
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kennislab <noreply@kennislab.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where replies to decision mails go when the site settings name no contact address.
NETWORK_REPLY_TO = env("NETWORK_REPLY_TO", default="info@kennislab.example")

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------------------------
# The public site is Dutch. Every string a user reads is marked for translation; an English
# catalogue can be added under locale/en (make messages).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Uploads that are not public (vignet evidence, attachments of practice stories): the storage
# alias "private" (kennislab/core/storage.py), never under MEDIA_ROOT, never by URL, read only by
# views that check who asks. By default on disk under PRIVATE_MEDIA_ROOT; several app servers:
# a shared volume, or a private bucket by PRIVATE_STORAGE_BACKEND and PRIVATE_STORAGE_OPTIONS
# (JSON, the backend's options), e.g. storages.backends.s3.S3Storage (README, "Private files").
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private"))
PRIVATE_STORAGE = {
    "BACKEND": env("PRIVATE_STORAGE_BACKEND", default="kennislab.core.storage.PrivateStorage"),
    "OPTIONS": env.json("PRIVATE_STORAGE_OPTIONS", default={}),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Privacy ----------------------------------------------------------------------------------
# Retention terms in days per rule of the privacy register (kennislab/privacy, the table in
# docs/decisions/0020-privacy-register.md): the register's defaults, overridden per rule by
# RETENTION_<RULE>=<days>, e.g. RETENTION_OUTBOX_BODIES=14.
PRIVACY_RETENTION = {
    name[len("RETENTION_") :].lower(): int(value)
    for name, value in os.environ.items()
    if name.startswith("RETENTION_") and value.strip().isdigit()
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kennislab"
# The site's address for links in e-mails, .ics files and embed codes (kennislab.core.siteurl).
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL", default="http://127.0.0.1:8000")
SITE_URL_FROM_REQUEST = False  # development: the address the request came in on
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# The back office is Dutch only, and asks no other host for anything: no Gravatar (it would send
# a hash of each staff member's e-mail address elsewhere), initials instead.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "kennislab.core.admin_forms.LoginForm"

# --- Security headers -----------------------------------------------------------------------
# The public site loads nothing from elsewhere; the CSP below is sent on every public page.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The Wagtail and Django admin ship inline scripts and styles; they get their own header.
CONTENT_SECURITY_POLICY_EXEMPT_PREFIXES = ("/admin/", "/django-admin/")
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_FAILURE_VIEW = "kennislab.core.views.csrf_failure"

# --- Demo content (manage.py load_demo): one loader per app, in this order --------------------
DEMO_LOADERS = [
    "kennislab.content.demo.loader",
    "kennislab.vouchers.demo",
    "kennislab.vignet.demo",
    "kennislab.campaigns.demo",
    "kennislab.challenge.demo",
    "kennislab.network.demo",
    "kennislab.questions.demo",
    "kennislab.surveys.demo",
    "kennislab.newsletter.demo",
]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
