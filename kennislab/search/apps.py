from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kennislab.search"
    label = "kennislab_search"
    verbose_name = "Zoeken"
