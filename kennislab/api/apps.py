from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kennislab.api"
    label = "kennislab_api"
    verbose_name = "API"
