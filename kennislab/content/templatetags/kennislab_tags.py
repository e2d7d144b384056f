"""Template helpers for the public pages."""

from django import template
from django.utils.http import urlencode

from kennislab.content import actions

register = template.Library()


def _theme_urls(request):
    """{theme id: url of its live theme page}, computed once per request."""
    cached = getattr(request, "_kennislab_theme_urls", None)
    if cached is None:
        from kennislab.content.models import ThemePage

        cached = {
            page.theme_id: page.get_url(request)
            for page in ThemePage.objects.live().public().only("id", "url_path", "theme_id", "path")
        }
        if request is not None:
            request._kennislab_theme_urls = cached
    return cached


@register.simple_tag(takes_context=True)
def theme_url(context, theme):
    """The theme's page, or the Kennislab listing filtered on the theme when it has none."""
    request = context.get("request")
    url = _theme_urls(request).get(theme.pk)
    if url:
        return url
    from kennislab.content.models import KennislabIndexPage

    index = KennislabIndexPage.objects.live().first()
    base = index.get_url(request) if index else "/"
    return f"{base}?{urlencode({'thema': theme.slug})}"


@register.simple_tag(takes_context=True)
def nav_state(context, url):
    """'page' when the menu item is the current page, 'true' when the page is below it."""
    request = context.get("request")
    if not request or not url:
        return ""
    if request.path == url:
        return "page"
    if url != "/" and request.path.startswith(url):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def call_to_action(context, value):
    """Where a call-to-action block's button goes (actions.Target): url, text, or the sentence
    that says the action is not available."""
    return actions.target(value, context.get("request"))
