"""Settings shared by every environment. Everything that differs per machine comes from the
environment (see README, "Configuratie"): DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, DEBUG,
CACHE_URL, EMAIL_URL, DEFAULT_FROM_EMAIL, TASKS_BACKEND, SITE_BASE_URL."""

import os
from datetime import timedelta
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
    "kennislab.accounts",
    "kennislab.ops",
    "kennislab.discovery",
    "kennislab.movement",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
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
    "corsheaders",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "kennislab.ops.middleware.RequestLogMiddleware",  # one log line per request, tokens masked
    "kennislab.ops.middleware.HealthCheckMiddleware",  # /health/ answers without the database
    "kennislab.ops.middleware.DatabaseUnavailableMiddleware",  # database down: Dutch 503 page
    "kennislab.ops.middleware.RequestBodyLimitMiddleware",  # bodies over REQUEST_BODY_MAX_MB: 413
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kennislab.core.middleware.ContentSecurityPolicyMiddleware",
    "kennislab.core.middleware.MalformedRequestMiddleware",
    "kennislab.core.middleware.ReadOnlyCorsMiddleware",
    "kennislab.core.sites.SiteCacheMiddleware",
    "kennislab.core.siteurl.RequestBaseUrlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kennislab.core.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kennislab.accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Dutch sign-in page
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
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's Redis backend, but the site keeps serving when Redis is gone (kennislab.core.cache)
    CACHES["default"]["BACKEND"] = "kennislab.core.cache.ResilientRedisCache"
if "locmem" in CACHES["default"]["BACKEND"]:
    CACHES["default"]["OPTIONS"].setdefault("MAX_ENTRIES", 2000)
SHARED_CACHE = "locmem" not in CACHES["default"]["BACKEND"]
# Anonymous page cache (kennislab.core.pagecache): seconds a page may be served from the cache.
# Changes invalidate at once in a shared cache; a per-process cache can lag this long.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600 if SHARED_CACHE else 30)
# Data every page reads (routes, menus, theme links, settings, filter counts; kennislab.core.memo),
# kept per generation whether or not the page cache is on. Same lag bound as the page cache.
DATA_CACHE_SECONDS = env.int("DATA_CACHE_SECONDS", default=600 if SHARED_CACHE else 30)
# The search page and the API are not cached: they are fast, and every search counts in the
# editors' search statistics.
PAGE_CACHE_EXEMPT_PREFIXES = (
    "/admin/",
    "/documenten/",
    "/static/",
    "/media/",
    "/zoeken/",
    "/api/",
    "/health/",
)

# --- Rate limits (kennislab.core.ratelimit; the API uses django-ninja's throttling) -----------
# The one client address for every limit (kennislab/core/client.py): X-Forwarded-For is read only
# when the direct peer is one of these proxies, a comma-separated list of IP addresses and CIDR
# networks, e.g. TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8 (a system check refuses anything else).
# Keep gunicorn's FORWARDED_ALLOW_IPS (bin/serve) the same. The default trusts a proxy on
# this machine (nginx in front of `make serve`).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])  # a local nginx
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
# A sender claims a mail (status "sending") before it hands it to the mail server; a claim older
# than this many seconds was left by a sender that died, and the mail is sent again (core/mail.py).
MAIL_CLAIM_TIMEOUT = env.int("MAIL_CLAIM_TIMEOUT", default=600)
# Where replies to decision mails go when the site settings name no contact address.
NETWORK_REPLY_TO = env("NETWORK_REPLY_TO", default="info@kennislab.example")
# Newsletter issues (kennislab.newsletter.sending): at most this many mails a minute, built and
# sent in batches of NEWSLETTER_BATCH_SIZE; test sends go only to staff accounts' addresses.
NEWSLETTER_RATE_PER_MINUTE = env.int("NEWSLETTER_RATE_PER_MINUTE", default=600)
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Staff sign-in (kennislab.accounts; README "Staff sign-in") -----------------------------
# django-axes locks sign-in after AXES_FAILURE_LIMIT failures for a user name and, separately,
# for a client address (the platform's one client-address function), for AXES_COOLOFF_MINUTES;
# an administrator can unlock sooner under Instellingen → Aanmeldbeveiliging.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_CLIENT_IP_CALLABLE = "kennislab.core.client.client_address"
AXES_LOCKOUT_CALLABLE = "kennislab.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins go to Wagtail's audit log instead
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # failures, also for user names that do not exist
AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT = 100
AXES_SENSITIVE_PARAMETERS = ["password", "token", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
# Two-factor sign-in (TOTP app plus recovery codes) for everyone who enters /admin/. Always on
# in production (settings/production.py); `false` switches it off for development and tests.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Kennislab"
STAFF_2FA_MAX_ATTEMPTS = 5  # wrong codes per account within 15 minutes, then a pause
# Sessions: at most SESSION_COOKIE_AGE seconds (8 hours), and staff are signed out of the
# admin after STAFF_IDLE_MINUTES without a request there.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
STAFF_IDLE_MINUTES = env.int("STAFF_IDLE_MINUTES", default=30)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "kennislab.accounts.forms.PasswordResetForm"  # noqa: S105

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
    # Public media are served by the web server: readable by it (0644, folders 0755), set
    # explicitly rather than left to the umask. Private files: 0600/0700 (core/storage.py).
    # Several app servers: a shared volume as MEDIA_ROOT, or an S3-compatible bucket by
    # MEDIA_STORAGE_BACKEND=storages.backends.s3.S3Storage and MEDIA_STORAGE_OPTIONS (JSON).
    "default": {
        "BACKEND": env(
            "MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={})
        or {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
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
# The Wagtail admin (/admin/) gets its own policy (kennislab.core.middleware): nothing from other
# hosts and no inline script or style either (Wagtail's date choosers, its only inline scripts,
# are started by core/js/admin-choosers.js instead); it differs from the public policy only in
# image previews from data: and blob: URLs and the page preview in a frame of its own.
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
    "script-src 'self'; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/",)
# Browser features no page of the site uses, switched off everywhere.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(self), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=(), browsing-topics=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Pages reached by a private link (a token in the URL: Mijn Kennislab, a vignet draft, a
# newsletter or challenge unsubscribe key, …) send `Referrer-Policy: strict-origin`: a Referer
# from them carries only the site's address, never the path with the token, not even on this
# site. (Not `no-referrer`: with it browsers send `Origin: null` with a form's POST, and Django's
# CSRF check refuses every form on those pages; `strict-origin` keeps the Origin header.) The
# URL patterns with one of these arguments are private links; views may also mark a response
# with core.views.private().
PRIVATE_LINK_URL_KWARGS = ("token", "key", "code")
# The public API answers CORS for reading only (GET, HEAD and their preflight), for any origin,
# never with credentials; its POST endpoints get no CORS permission (ReadOnlyCorsMiddleware).
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_PREFLIGHT_MAX_AGE = 86400
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
    "kennislab.movement.demo",  # last: places the other apps' demo records on the map
]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Operations (kennislab.ops; README "Operations") ------------------------------------------
# Logs on standard error: LOG_FORMAT=json (one JSON object per line: one per request, one per
# task; the default in production) or plain; LOG_LEVEL (INFO in production, else WARNING).
# Private-link tokens are masked in every path that reaches a log.
from kennislab.ops.logging import logging_config  # noqa: E402

LOG_FORMAT = env("LOG_FORMAT", default="plain")
LOGGING = logging_config(LOG_FORMAT, env("LOG_LEVEL", default="WARNING"))
# /health/ reports "degraded" when a due task waits longer than HEALTH_TASK_MAX_AGE seconds (no
# worker?), an unsent mail is older than HEALTH_MAIL_MAX_AGE, the daily jobs last ran more than
# HEALTH_DAILY_MAX_AGE ago, or a media disk has less than HEALTH_DISK_FREE_MIN_MB free.
HEALTH_TASK_MAX_AGE = env.int("HEALTH_TASK_MAX_AGE", default=300)
HEALTH_MAIL_MAX_AGE = env.int("HEALTH_MAIL_MAX_AGE", default=900)
HEALTH_DAILY_MAX_AGE = env.int("HEALTH_DAILY_MAX_AGE", default=26 * 3600)
HEALTH_DISK_FREE_MIN_MB = env.int("HEALTH_DISK_FREE_MIN_MB", default=500)
# A task RUNNING longer than this (seconds) was left by a worker that died: it goes back in the
# queue when a worker starts and daily (manage.py recover_tasks; kennislab/ops/recovery.py).
TASK_RUNNING_TIMEOUT = env.int("TASK_RUNNING_TIMEOUT", default=30 * 60)
# The largest request body the site accepts (the vignet form: ten evidence files of 10 MB);
# nginx's client_max_body_size in deploy/nginx-kennislab.conf is the same.
REQUEST_BODY_MAX_MB = env.int("REQUEST_BODY_MAX_MB", default=105)
