"""{% readability_report text … %}: the plain-Dutch (B1) report of one or more texts, for a
form's check step (kennislab.core.readability; template core/includes/readability.html).

    {% load readability_tags %}
    {% readability_report form.title.value form.summary.value level=2 anchor="leesbaarheid" %}

The texts are joined as separate paragraphs; empty ones are skipped. `level` is the level of the
report's heading (its sub-headings one lower), `anchor` its id (so a form's "Controleer
leesbaarheid" button can post to `…#leesbaarheid` and land on it); heading=False leaves the
heading out."""

from django import template

from kennislab.core.readability import check

register = template.Library()


def joined(texts) -> str:
    return "\n\n".join(str(text).strip() for text in texts if text and str(text).strip())


def report_context(text: str, level: int = 2, anchor: str = "leesbaarheid",
                   heading: bool = True) -> dict:  # fmt: skip
    level = min(max(int(level), 1), 5)
    return {"report": check(text), "level": level, "sub_level": level + 1, "anchor": anchor,
            "heading": heading}  # fmt: skip


@register.inclusion_tag("core/includes/readability.html")
def readability_report(*texts, level=2, anchor="leesbaarheid", heading=True):
    return report_context(joined(texts), level=level, anchor=anchor, heading=heading)
