"""`{% fragment "name" part … %}…{% endfragment %}`: the enclosed HTML kept per cache generation
(kennislab.core.memo), per name and parts. For HTML that is the same for every visitor until
the content changes: the footer, a listing's filter form for a valid selection. An empty part
(None or "") means "do not keep": the fragment is rendered as usual."""

from django import template
from django.utils.safestring import mark_safe

from kennislab.core.memo import memo

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        if any(part is None or part == "" for part in parts):
            return self.nodelist.render(context)
        html = memo(f"fragment:{name}", lambda: str(self.nodelist.render(context)), *parts)
        return mark_safe(html)  # noqa: S308 - the template's own rendered output


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('Usage: {% fragment "name" part … %}…{% endfragment %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
