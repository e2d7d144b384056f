from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kennislab.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from . import checks, pagecache, routing, signals, sites  # noqa: F401 - checks registers itself

        signals.connect()
        pagecache.connect()
        routing.patch_public()
        sites.connect()
