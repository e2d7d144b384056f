"""Settings for `make bench-http` only: production, plus a bare Django view at /__bench__/.

The benchmark's server is `make serve` (bin/serve), which always exports
DJANGO_SETTINGS_MODULE=kennislab.settings.production; kennislab.bench.http points gunicorn's
workers here instead, with gunicorn's --env in GUNICORN_CMD_ARGS.
Nothing in production names this module, so the bare view never exists on a real site: it is
not in kennislab.urls, only in kennislab.bench.http_urls.
"""

from kennislab.settings.production import *  # noqa: F403
from kennislab.settings.production import PAGE_CACHE_EXEMPT_PREFIXES

ROOT_URLCONF = "kennislab.bench.http_urls"
# The baseline is the view itself through the whole middleware stack, never a page-cache hit, and
# without the page cache's lookup, so it costs the same whether the cache is on or off.
PAGE_CACHE_EXEMPT_PREFIXES = (*PAGE_CACHE_EXEMPT_PREFIXES, "/__bench__/")
