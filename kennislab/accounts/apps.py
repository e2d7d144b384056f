from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kennislab.accounts"
    label = "accounts"
    verbose_name = "Aanmelden"

    def ready(self):
        from . import signals

        signals.connect()
