from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "kennislab.content"
    label = "content"
    verbose_name = "Inhoud"
