"""`{% movement_home_map %}`: the home page's small block with the map of the movement (the
pledges per province, all years) and the national figure of each kind, linking to
/netwerk/kaart/. Its figures are kept per cache generation (services.home_counts); the page's
css is movement/css/map.css."""

from django import template
from django.urls import NoReverseMatch, reverse

from kennislab.movement import display, rules, services

register = template.Library()


@register.inclusion_tag("movement/includes/home_map.html")
def movement_home_map():
    try:
        map_url = reverse("movement:map")
    except NoReverseMatch:  # a URL configuration without the map (some tests): no block
        return {}
    tallies = services.home_counts()
    kind = rules.DEFAULT_KIND
    return {
        "map": display.drawing(tallies[kind], kind),
        "totals": [
            (display.map_url(each), display.count_text(each, tallies[each].total))
            for each in rules.KINDS
        ],
        "map_url": map_url,
    }
