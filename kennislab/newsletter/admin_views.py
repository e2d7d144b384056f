"""Admin views of a newsletter issue: "Versturen" (test send, schedule or send now, cancel, and
the progress while it goes out) and "Vul aan met wat nieuw is". Only staff who may publish the
issue use them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import compose, sending
from .models import NewsletterIssuePage, Sending, Subscriber


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("E-mailadressen van medewerkers"),
        help_text=gettext_lazy("Eén of meer, gescheiden door komma's (hoogstens 10)."),
        max_length=2000,
    )

    def clean_addresses(self):
        raw = [part.strip() for part in self.cleaned_data["addresses"].replace(";", ",").split(",")]
        addresses = [part for part in raw if part]
        validator = forms.EmailField()
        for address in addresses:
            try:
                validator.clean(address)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(address)s is geen geldig e-mailadres.") % {"address": address}
                ) from None
        return addresses


class ScheduleForm(forms.Form):
    when = forms.ChoiceField(
        label=gettext_lazy("Wanneer"),
        choices=[("now", gettext_lazy("Nu versturen")), ("later", gettext_lazy("Inplannen"))],
        widget=forms.RadioSelect,
        initial="now",
    )
    at = forms.DateTimeField(
        label=gettext_lazy("Datum en tijd"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=gettext_lazy("Alleen bij inplannen; in Nederlandse tijd."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Ik heb de test bekeken; de nieuwsbrief mag naar alle abonnees"),
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            at = data.get("at")
            if at is None:
                self.add_error("at", _("Vul de datum en tijd in waarop de nieuwsbrief uitgaat."))
            elif at <= timezone.now():
                self.add_error("at", _("Kies een moment in de toekomst."))
        return data


def _issue_for(request, page_id: int) -> NewsletterIssuePage:
    issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
    if not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return issue


def send_view(request, page_id: int):
    issue = _issue_for(request, page_id)
    current = Sending.objects.filter(issue=issue).first()
    test_form = TestSendForm(initial={"addresses": request.user.email})
    schedule_form = ScheduleForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "test":
                test_form = TestSendForm(request.POST)
                if test_form.is_valid():
                    count = sending.send_test(issue, test_form.cleaned_data["addresses"],
                                              request.user)  # fmt: skip
                    messages.success(
                        request, _("De test is verstuurd naar %(n)s adres(sen).") % {"n": count}
                    )
                    return redirect("newsletter_send", page_id=issue.pk)
            elif action == "schedule":
                schedule_form = ScheduleForm(request.POST)
                if schedule_form.is_valid():
                    data = schedule_form.cleaned_data
                    at = data["at"] if data["when"] == "later" else None
                    planned = sending.schedule(issue, at, request.user)
                    if at:
                        messages.success(
                            request,
                            _("De nieuwsbrief gaat uit op %(moment)s.")
                            % {"moment": timezone.localtime(planned.scheduled_at)
                               .strftime("%d-%m-%Y %H:%M")},
                        )  # fmt: skip
                    else:
                        messages.success(request, _("De nieuwsbrief wordt nu verstuurd."))
                    return redirect("newsletter_send", page_id=issue.pk)
            elif action == "cancel":
                sending.cancel(issue, request.user)
                messages.success(request, _("Het inplannen is geannuleerd."))
                return redirect("newsletter_send", page_id=issue.pk)
        except sending.SendingError as error:
            messages.error(request, str(error))
            return redirect("newsletter_send", page_id=issue.pk)
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "sending": current,
            "progress": sending.progress(current) if current else None,
            "test_form": test_form,
            "schedule_form": schedule_form,
            "recipients": Subscriber.objects.mailable().count(),
            "rate": sending.rate_per_minute(),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[issue.pk]),
        },
    )


def fill_view(request, page_id: int):
    """GET: what would be added; POST: add it as a new draft revision."""
    issue = _issue_for(request, page_id)
    if not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method != "POST":
        draft = issue.get_latest_revision_as_object()
        return TemplateResponse(
            request,
            "newsletter/admin/fill.html",
            {
                "issue": issue,
                "suggestions": compose.suggestions(draft),
                "since": compose.previous_start(issue),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[issue.pk]),
            },
        )
    added = compose.fill(issue, request.user)
    if added:
        messages.success(
            request,
            _(
                "%(n)s nieuwe item(s) toegevoegd, per thema in een sectie. Verplaats of "
                "verwijder wat je niet wilt en publiceer daarna."
            )
            % {"n": added},
        )
    else:
        messages.info(request, _("Er is niets nieuws sinds de vorige nieuwsbrief."))
    return redirect("wagtailadmin_pages:edit", issue.pk)
