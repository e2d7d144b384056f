"""Views of staff sign-in: the second factor (set up, verify, recovery codes, reset), the
administrators' page Aanmeldbeveiliging, the lockout page and the rate-limited password reset."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from wagtail.admin.views.account import PasswordResetView, get_user_login_form

from kennislab.core.ratelimit import rate_limited

from . import services
from .forms import CodeForm, PasswordConfirmForm, SetupCodeForm

RECOVERY_CODES_SESSION_KEY = "kennislab_recovery_codes"


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def qr_svg(url: str) -> str:
    """The otpauth:// address as an inline SVG (no image request, nothing from elsewhere)."""
    return segno.make(url, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff", title=_("QR-code voor je authenticator-app")
    )


def setup(request):
    """First sign-in without an app: scan the QR code (or type the key), confirm with a code,
    then see the recovery codes once."""
    user = request.user
    if services.has_two_factor(user):
        # a second app only after a reset with the password (own_two_factor)
        if user.is_verified():
            return redirect("accounts_2fa_own")
        return redirect(with_next("accounts_2fa_verify", request))
    device = services.pending_device(user)
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verification = services.verify_allowed(user)
        if verification.refused:
            form.add_error("code", verification.refused)
        else:
            codes = services.confirm_setup(user, device, form.cleaned_data["code"])
            if codes is None:
                services.count_failure(user)
                form.add_error(
                    "code", _("Deze code klopt niet. Kijk of de tijd op je telefoon goed staat.")
                )
            else:
                device.refresh_from_db()
                otp_login(request, device)
                request.session[RECOVERY_CODES_SESSION_KEY] = codes
                return redirect(with_next("accounts_2fa_recovery_codes", request))
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr": qr_svg(device.config_url),
            "secret": services.secret_text(device),
            "next": next_url(request),
        },
    )


def verify(request):
    """Second step of signing in: a code from the app or a recovery code."""
    user = request.user
    if not services.has_two_factor(user):
        return redirect(with_next("accounts_2fa_setup", request))
    if user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verification = services.verify_code(user, form.cleaned_data["code"])
        if verification.refused:
            form.add_error("code", verification.refused)
        elif verification.device is None:
            form.add_error("code", _("Deze code klopt niet. Probeer het opnieuw."))
        else:
            otp_login(request, verification.device)
            if services.is_recovery_device(verification.device):
                messages.warning(
                    request,
                    _("Je hebt een herstelcode gebruikt; die werkt niet nog eens. Nog %(n)s "
                      "over. Raakte je je telefoon kwijt? Stel dan een nieuwe app in via je "
                      "account.") % {"n": verification.device.token_set.count()},
                )  # fmt: skip
            return redirect(next_url(request))
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": next_url(request)}
    )


def recovery_codes(request):
    """The recovery codes, shown once right after setting up."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(next_url(request))
    return TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)}
    )


def own_two_factor(request):
    """The signed-in user's own second factor: reset it (after their password) to set up a
    new app, e.g. on a new phone."""
    user = request.user
    form = PasswordConfirmForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reset_two_factor(user, actor=user)
        messages.success(
            request, _("Je tweestapsverificatie is gereset. Stel nu een nieuwe app in.")
        )
        return redirect("accounts_2fa_setup")
    return TemplateResponse(
        request,
        "accounts/own_two_factor.html",
        {
            "form": form,
            "has_two_factor": services.has_two_factor(user),
            "remaining": services.remaining_recovery_codes(user),
            "required": services.two_factor_required(),
        },
    )


def require_superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def security(request):
    """Aanmeldbeveiliging (administrators): current lockouts with "Deblokkeren", recent failed
    sign-ins, and who has two-factor sign-in set up, with "Resetten"."""
    require_superuser(request)
    User = get_user_model()
    staff = User.objects.filter(is_active=True).order_by("username")
    with_device = services.users_with_two_factor()
    return TemplateResponse(
        request,
        "accounts/security.html",
        {
            "lockouts": services.current_lockouts(),
            "failures": services.recent_failures(),
            "staff": [(user, user.pk in with_device) for user in staff],
        },
    )


@require_POST
def unlock(request):
    require_superuser(request)
    kind = request.POST.get("kind", "")
    value = request.POST.get("value", "")
    if kind not in ("username", "ip_address") or not value:
        messages.error(request, _("Onbekende blokkade."))
    else:
        services.unlock(kind, value, actor=request.user)
        messages.success(request, _("Gedeblokkeerd: %(value)s.") % {"value": value})
    return redirect("accounts_security")


@require_POST
def reset_user_two_factor(request, user_id: int):
    require_superuser(request)
    user = get_object_or_404(get_user_model(), pk=user_id)
    services.reset_two_factor(user, actor=request.user)
    messages.success(
        request,
        _("De tweestapsverificatie van %(name)s is gereset; bij de volgende keer aanmelden stelt "
          "deze persoon een nieuwe app in.") % {"name": user.get_username()},
    )  # fmt: skip
    return redirect("accounts_security")


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the admin's sign-in page with a Dutch explanation (status 429),
    instead of axes' English page."""
    minutes = int(services.settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = get_user_login_form()(request)
    message = _(
        "Aanmelden is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over "
        "%(minutes)s minuten opnieuw, of vraag een beheerder om je te deblokkeren."
    ) % {"minutes": minutes}
    messages.error(request, message)
    response = render(
        request,
        "wagtailadmin/login.html",
        {"form": form, "next": next_url(request), "show_password_reset": True},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


# "Wachtwoord vergeten": at most 5 requests per 15 minutes per client address (the form is
# free to read); the answer is the same whether or not the address has an account.
password_reset = rate_limited("password-reset", limit=5, window=15 * 60, methods=["POST"])(
    PasswordResetView.as_view()
)
