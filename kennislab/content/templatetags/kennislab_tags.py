"""Template helpers for the public pages."""

from django import template
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from kennislab.content import actions

register = template.Library()


@register.simple_tag(takes_context=True)
def theme_url(context, theme):
    """The theme's page, or the Kennislab listing filtered on the theme when it has none."""
    from kennislab.content.links import kennislab_url, theme_urls

    request = context.get("request")
    url = theme_urls(request).get(theme.pk)
    if url:
        return url
    return f"{kennislab_url(request) or '/'}?{urlencode({'thema': theme.slug})}"


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


# Blocks whose HTML depends only on the page's content (and the pages and documents they link
# to): rendered once per cache generation. Everything else — a call to action says whether a
# round is open now — is rendered on every request.
STATIC_BLOCK_TYPES = frozenset(
    {"paragraph", "heading", "list", "quote", "related_item", "download", "embed"}
)


@register.simple_tag(takes_context=True)
def stream_body(context, page, field="body", heading="h2"):
    """The page's StreamField `field`, as `{% for block in … %}{% include_block block with
    heading=… %}{% endfor %}` renders it; the static blocks' HTML kept per page and generation
    (kennislab.core.memo), so a served page neither converts nor renders them again."""
    from kennislab.core.memo import memo

    value = getattr(page, field)
    request = context.get("request")

    def render(index):
        block = value[index]
        new_context = context.flatten()
        new_context["heading"] = heading
        return conditional_escape(block.render_as_block(context=new_context))

    def segments():
        return [
            render(index) if block["type"] in STATIC_BLOCK_TYPES else index
            for index, block in enumerate(value.raw_data)
        ]

    if getattr(request, "is_preview", False) or not page.pk or not page.live:
        parts = [render(index) for index in range(len(value))]
    else:
        parts = memo("stream", segments, page.pk, field, heading)
    return mark_safe("".join(render(part) if isinstance(part, int) else part for part in parts))  # noqa: S308


@register.simple_tag(takes_context=True)
def article_card(context, article, heading="h3"):
    """content/includes/article_card.html for one article; its HTML kept per article, heading
    and cache generation (kennislab.core.memo): a listing renders its cards once per change."""
    from django.template import Context
    from django.template.loader import get_template

    from kennislab.core.memo import memo

    request = context.get("request")

    def render():  # the card needs no context processor: only the request, for its URL
        card = get_template("content/includes/article_card.html").template
        return card.render(Context({"article": article, "heading": heading, "request": request}))

    if getattr(request, "is_preview", False) or not article.pk:
        return mark_safe(render())  # noqa: S308
    return mark_safe(memo("card", render, article.pk, heading))  # noqa: S308
