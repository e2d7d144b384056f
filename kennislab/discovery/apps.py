from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How the library is found: /sitemap.xml, /robots.txt and the RSS feeds."""

    name = "kennislab.discovery"
    label = "discovery"
    verbose_name = "Vindbaarheid"
