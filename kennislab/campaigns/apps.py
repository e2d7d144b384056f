from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "kennislab.campaigns"
    label = "campaigns"
    verbose_name = "Campagnes en evenementen"

    def ready(self):
        from kennislab.search import documents

        from . import tasks  # noqa: F401  (registers the daily job)
        from .search import register_providers

        register_providers(documents)
