from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "kennislab.campaigns"
    label = "campaigns"
    verbose_name = "Campagnes en evenementen"

    def ready(self):
        from kennislab.search import documents

        from .search import register_providers

        register_providers(documents)
