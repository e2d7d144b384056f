"""{% activity_card activity show_campaign=True heading_tag="h4" %}: an activity's card from
kennislab.campaigns.cards (rendered once per content), for the agenda and campaign pages."""

from django import template

from kennislab.campaigns import cards

register = template.Library()


@register.simple_tag
def activity_card(activity, show_campaign=False, heading_tag=None):
    return cards.activity_card(activity, show_campaign=show_campaign, heading_tag=heading_tag)
