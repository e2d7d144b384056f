"""System checks for settings that would otherwise fail silently at run time.

Normal checks (not only with --deploy): `migrate`, `runserver` and `check` refuse to go on with
an error, and `make serve` runs `migrate` before it starts the server.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from kennislab.core.client import parse_proxies

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}  # noqa: S104 - names, not binds


@register(Tags.security)
def trusted_proxies_check(app_configs=None, **kwargs):
    """TRUSTED_PROXIES holds IP addresses and CIDR networks, nothing else."""
    _, invalid = parse_proxies(getattr(settings, "TRUSTED_PROXIES", ()) or ())
    if not invalid:
        return []
    return [
        Error(
            "TRUSTED_PROXIES bevat iets wat geen IP-adres of netwerk is: "
            + ", ".join(repr(value) for value in invalid),
            hint=(
                "Geef de adressen van de proxy's die X-Forwarded-For toevoegen, met komma's "
                "gescheiden, bijvoorbeeld TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8 (een netwerk "
                "zonder hostbits). Vroeger was dit een aantal proxy's; een getal als '1' geldt "
                "niet meer. (TRUSTED_PROXIES must list IP addresses or CIDR networks.)"
            ),
            id="core.E001",
        )
    ]


@register()
def site_base_url_check(app_configs=None, **kwargs):
    """Production needs the site's real address, or every mail links to the development one."""
    if not getattr(settings, "SITE_BASE_URL_REQUIRED", False):
        return []
    url = (getattr(settings, "SITE_BASE_URL", "") or "").strip()
    if not url:
        return [
            Error(
                "SITE_BASE_URL ontbreekt: zonder het adres van de site verwijzen e-mails, "
                ".ics-bestanden en insluitcodes naar het ontwikkeladres.",
                hint=(
                    "Zet SITE_BASE_URL op het openbare adres, bijvoorbeeld "
                    "SITE_BASE_URL=https://kennislab.example.nl (README, Configuration). "
                    "(Production refuses to start without SITE_BASE_URL.)"
                ),
                id="core.E002",
            )
        ]
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or not host:
        return [
            Error(
                f"SITE_BASE_URL is geen geldig adres: {url!r}.",
                hint="Bijvoorbeeld SITE_BASE_URL=https://kennislab.example.nl",
                id="core.E003",
            )
        ]
    if getattr(settings, "HTTPS", False) and (parts.scheme != "https" or host in LOCAL_HOSTS):
        return [
            Error(
                f"SITE_BASE_URL ({url}) is geen openbaar https-adres, terwijl HTTPS=true: "
                "e-mails zouden naar een verkeerd adres verwijzen.",
                hint=(
                    "Zet SITE_BASE_URL op het https-adres waarop bezoekers de site openen. "
                    "(With HTTPS=true, SITE_BASE_URL must be a public https:// address.)"
                ),
                id="core.E004",
            )
        ]
    return []


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs=None, **kwargs):
    """Rate limits and the page cache hold across workers and servers only in a shared cache."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if "locmem" in backend.lower() or "dummy" in backend.lower():
        return [
            Warning(
                "De cache is per proces (CACHE_URL niet gezet): elke worker telt zijn eigen "
                "snelheidslimieten en houdt zijn eigen paginacache bij.",
                hint="Zet in productie CACHE_URL=redis://127.0.0.1:6379/1 (README, Configuration).",
                id="core.W001",
            )
        ]
    return []
