"""Signing in, out, failing and being locked out, written to Wagtail's audit log."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from . import services
from .middleware import LAST_ACTIVITY_KEY


def on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        # a fresh sign-in starts the idle clock again (a session kept over the sign-in
        # would otherwise carry the old time)
        request.session[LAST_ACTIVITY_KEY] = int(time.time())
    services.audit(user, services.SIGNED_IN)


def on_logged_out(sender, request, user, **kwargs):
    services.audit(user, services.SIGNED_OUT)


def on_login_failed(sender, credentials, request=None, **kwargs):
    """A wrong password for an existing account goes to its audit log; an unknown user name is
    kept by axes (AccessFailureLog), shown on Aanmeldbeveiliging. `credentials` holds the
    password masked by Django; nothing of it is stored."""
    if getattr(request, "axes_locked_out", False):
        return  # a refused attempt during a lockout: the lockout itself was logged
    services.audit(services.user_for_username(credentials.get("username")), services.SIGN_IN_FAILED)


def on_locked_out(sender, request, username, ip_address, **kwargs):
    services.audit(services.user_for_username(username), services.LOCKED_OUT)


def connect() -> None:
    user_logged_in.connect(on_logged_in, dispatch_uid="accounts-logged-in")
    user_logged_out.connect(on_logged_out, dispatch_uid="accounts-logged-out")
    user_login_failed.connect(on_login_failed, dispatch_uid="accounts-login-failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="accounts-locked-out")
