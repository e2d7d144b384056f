"""The admin's session rules for signed-in staff: the second factor and the idle timeout.

Only requests under /admin/ from a signed-in user are looked at; everything else passes
untouched (public pages do not read or write the session here, so the anonymous page cache
keeps working).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services

ADMIN_PREFIX = "/admin/"
LAST_ACTIVITY_KEY = "kennislab_last_activity"
ACTIVITY_RESOLUTION = 60  # seconds: the session is written at most once a minute for this
# Pages a signed-in user reaches before the second factor (and the admin's assets).
OPEN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",
    "/admin/tweestapsverificatie/instellen/",
    "/admin/tweestapsverificatie/controleren/",
)
# Requests the admin makes by itself (an open editor pings these): they do not count as
# activity, so an open tab does not keep an unattended session alive.
BACKGROUND_PATHS = ("/admin/editing-sessions/", "/admin/dismissibles/", "/admin/jsi18n/")


def login_url(next_path: str = "") -> str:
    url = reverse("wagtailadmin_login")
    return f"{url}?{urlencode({'next': next_path})}" if next_path else url


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        if request.path.startswith(("/admin/login/", "/admin/logout/")):
            return None
        if self.idle_expired(request):
            logout(request)
            messages.info(
                request,
                _("Je bent afgemeld omdat je %(minutes)s minuten niets in het beheer hebt gedaan. "
                  "Meld je opnieuw aan.") % {"minutes": settings.STAFF_IDLE_MINUTES},
            )  # fmt: skip
            return redirect(login_url(request.get_full_path()))
        if (
            services.two_factor_required()
            and not request.path.startswith(OPEN_PATHS)
            and not request.user.is_verified()
        ):
            if services.has_two_factor(request.user):
                target = reverse("accounts_2fa_verify")
            else:
                target = reverse("accounts_2fa_setup")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return None

    def idle_expired(self, request) -> bool:
        """True when the last admin request is longer ago than STAFF_IDLE_MINUTES; otherwise
        the time of this one is kept (at most once a minute, so most requests write nothing)."""
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY_KEY)
        limit = settings.STAFF_IDLE_MINUTES * 60
        if limit and isinstance(last, int) and now - last > limit:
            return True
        background = request.path.startswith(BACKGROUND_PATHS)
        if (last is None or now - last >= ACTIVITY_RESOLUTION) and not background:
            request.session[LAST_ACTIVITY_KEY] = now
        return False
