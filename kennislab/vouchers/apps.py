from django.apps import AppConfig


class VouchersConfig(AppConfig):
    name = "kennislab.vouchers"
    label = "vouchers"
    verbose_name = "Kennisvouchers"

    def ready(self):
        from kennislab.search import documents

        from .search import register_providers

        register_providers(documents)
