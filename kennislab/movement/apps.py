from django.apps import AppConfig


class MovementConfig(AppConfig):
    """The map of the movement (/netwerk/kaart/): counts per province of what the other apps
    hold. No models of its own."""

    name = "kennislab.movement"
    label = "movement"
    verbose_name = "Kaart van de beweging"
