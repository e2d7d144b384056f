from importlib import import_module

from django.apps import AppConfig, apps


class PrivacyConfig(AppConfig):
    name = "kennislab.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        # The register is complete once every app's privacy module is imported.
        for config in apps.get_app_configs():
            if config.name.startswith("kennislab."):
                try:
                    import_module(f"{config.name}.privacy")
                except ModuleNotFoundError as error:
                    if error.name != f"{config.name}.privacy":
                        raise
        from . import tasks  # noqa: F401  (registers the daily job)
