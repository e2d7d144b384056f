"""The editor's panel of a newsletter issue: whether and how far it has gone out, with the way
to "Versturen" and "Vul aan met wat nieuw is"."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class SendingPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletter/admin/sending_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import Sending
            from .sending import progress

            context = super().get_context_data(parent_context)
            page = self.instance
            sending = Sending.objects.filter(issue_id=page.pk).first() if page.pk else None
            may_send = bool(page.pk) and page.permissions_for_user(self.request.user).can_publish()
            context.update(
                {
                    "sending": sending,
                    "progress": progress(sending) if sending else None,
                    "saved": bool(page.pk),
                    "send_url": reverse("newsletter_send", args=[page.pk]) if may_send else "",
                    "fill_url": reverse("newsletter_fill", args=[page.pk]) if may_send else "",
                }
            )
            return context
