"""Staff sign-in: the second factor (TOTP app plus recovery codes), lockouts (django-axes) and
the audit trail of signing in (README, "Staff sign-in").

Every event goes to Wagtail's audit log on the user it concerns (`log(instance=user, ...)`), so
it shows in the admin's site history. A failed sign-in for a user name that does not exist has
no user to log on: axes keeps it in its AccessFailureLog, listed on the admin page
Aanmeldbeveiliging. The password typed is never stored anywhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from kennislab.core.ratelimit import allow

# Audit actions (registered with Dutch labels in wagtail_hooks.py).
SIGNED_IN = "kennislab.signin"
SIGNED_OUT = "kennislab.signout"
SIGN_IN_FAILED = "kennislab.signin_failed"
LOCKED_OUT = "kennislab.lockout"
UNLOCKED = "kennislab.unlock"
TWO_FACTOR_SET_UP = "kennislab.2fa_setup"
TWO_FACTOR_RESET = "kennislab.2fa_reset"
TWO_FACTOR_FAILED = "kennislab.2fa_failed"
TWO_FACTOR_RECOVERY_USED = "kennislab.2fa_recovery_used"

ACTION_LABELS = {
    SIGNED_IN: (_("Aanmelden"), _("Aangemeld")),
    SIGNED_OUT: (_("Afmelden"), _("Afgemeld")),
    SIGN_IN_FAILED: (_("Aanmelden mislukt"), _("Aanmelden mislukt (verkeerd wachtwoord)")),
    LOCKED_OUT: (_("Geblokkeerd"), _("Aanmelden geblokkeerd na te veel pogingen")),
    UNLOCKED: (_("Deblokkeren"), _("Aanmelden gedeblokkeerd")),
    TWO_FACTOR_SET_UP: (_("Tweestapsverificatie instellen"), _("Tweestapsverificatie ingesteld")),
    TWO_FACTOR_RESET: (_("Tweestapsverificatie resetten"), _("Tweestapsverificatie gereset")),
    TWO_FACTOR_FAILED: (_("Verificatiecode fout"), _("Verkeerde verificatiecode ingevuld")),
    TWO_FACTOR_RECOVERY_USED: (_("Herstelcode gebruikt"), _("Aangemeld met een herstelcode")),
}

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"
VERIFY_WINDOW = 15 * 60  # seconds in which STAFF_2FA_MAX_ATTEMPTS codes may be tried


def audit(user, action: str, actor=None, **data) -> None:
    """Write `action` about `user` to Wagtail's audit log (`actor`: who did it, default the
    user themself)."""
    if user is None or user.pk is None:
        return
    # request.user is a lazy wrapper (django-otp), which Wagtail's log registry does not know
    user = getattr(user, "_wrapped", user)
    actor = getattr(actor, "_wrapped", actor) or user
    log(instance=user, action=action, user=actor, data=data or None)


# --- the second factor --------------------------------------------------------------------


def two_factor_required() -> bool:
    return bool(getattr(settings, "STAFF_2FA_REQUIRED", True))


def has_two_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def normalise_code(code: str) -> str:
    """What a person typed, as the devices compare it: no spaces or dashes, lower case (the
    app's six digits and the recovery codes alike)."""
    return "".join((code or "").split()).replace("-", "").lower()


def pending_device(user) -> TOTPDevice:
    """The TOTP device being set up (unconfirmed), created on first use: the QR code stays the
    same when the setup page is reloaded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The key in base32 in groups of four, for typing it into an app by hand."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@transaction.atomic
def confirm_setup(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; then replace the recovery codes. Returns the new
    recovery codes (to show once), or None when the code is wrong."""
    if device.user_id != user.pk or not device.verify_token(normalise_code(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    codes = new_recovery_codes(user)
    audit(user, TWO_FACTOR_SET_UP)
    return codes


def new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@dataclass(frozen=True)
class Verification:
    device: object | None
    refused: object = ""  # Dutch: why no code was checked (too many attempts)


def _blocked_key(user) -> str:
    return f"staff-2fa-blocked:{user.pk}"


def verify_allowed(user) -> Verification:
    """May `user` try a code now? After STAFF_2FA_MAX_ATTEMPTS wrong codes within 15 minutes
    they wait until that window ends (a cache counter, shared by all processes with Redis)."""
    until = cache.get(_blocked_key(user))
    if until is None or until <= time.time():
        return Verification(None)
    minutes = max(1, round((until - time.time()) / 60))
    return Verification(
        None,
        _("Te veel verkeerde codes. Wacht %(minutes)s minuten en probeer het dan opnieuw.")
        % {"minutes": minutes},
    )


def count_failure(user) -> None:
    """A wrong code: written to the audit log and counted towards the pause."""
    audit(user, TWO_FACTOR_FAILED)
    limit = max(1, getattr(settings, "STAFF_2FA_MAX_ATTEMPTS", 5))
    allowed, retry = allow("staff-2fa", str(user.pk), limit - 1, VERIFY_WINDOW)
    if not allowed:
        cache.set(_blocked_key(user), time.time() + retry, retry)


def verify_code(user, code: str) -> Verification:
    """Check a code from the app or a recovery code (a recovery code works once), unless the
    user must pause after too many wrong codes."""
    pause = verify_allowed(user)
    if pause.refused:
        return pause
    token = normalise_code(code)
    device = None
    if token:
        with transaction.atomic():
            for candidate in devices_for_user(user, confirmed=True, for_verify=True):
                if candidate.verify_token(token):
                    device = candidate
                    break
    if device is None:
        count_failure(user)
    elif is_recovery_device(device):
        audit(user, TWO_FACTOR_RECOVERY_USED, remaining=device.token_set.count())
    return Verification(device)


def is_recovery_device(device) -> bool:
    return isinstance(device, StaticDevice)


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def users_with_two_factor() -> set[int]:
    return set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))


@transaction.atomic
def reset_two_factor(user, actor) -> None:
    """Remove the user's app and recovery codes: at the next visit to the admin they set up a
    new app. `actor` is the user themself or an administrator (both logged)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    audit(user, TWO_FACTOR_RESET, actor=actor, by_administrator=actor.pk != user.pk)


# --- lockouts -----------------------------------------------------------------------------


def cooloff_start(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - settings.AXES_COOLOFF_TIME


@dataclass(frozen=True)
class Lockout:
    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime

    @property
    def kind_label(self):
        return _("Gebruikersnaam") if self.kind == "username" else _("Adres")

    @property
    def until(self) -> datetime:
        return self.last_attempt + settings.AXES_COOLOFF_TIME


def current_lockouts() -> list[Lockout]:
    """The user names and client addresses locked now: their failures within the cool-off
    time add up to the limit (axes counts per user name and per address apart,
    AXES_LOCKOUT_PARAMETERS)."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=cooloff_start())
    out = []
    for kind in ("username", "ip_address"):
        rows = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by("-last")
        )
        out.extend(Lockout(kind, row[kind], row["failures"], row["last"]) for row in rows)
    return out


def recent_failures(limit: int = 50):
    return AccessFailureLog.objects.order_by("-attempt_time")[:limit]


def unlock(kind: str, value: str, actor) -> int:
    """Lift the lockout of a user name or a client address: its recorded failures are
    forgotten. Returns how many attempt records went."""
    if kind == "username":
        removed = axes_reset(username=value)
        audit(user_for_username(value), UNLOCKED, actor=actor)
    elif kind == "ip_address":
        removed = axes_reset(ip=value)
        audit(actor, UNLOCKED, actor=actor, unlocked="adres")  # the address is not logged
    else:
        raise ValueError(kind)
    return removed


def user_for_username(username: str | None):
    if not username:
        return None
    return get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
