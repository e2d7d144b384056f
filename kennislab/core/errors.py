"""The refusal every public workflow raises from its services."""


class Refused(Exception):
    """What was asked cannot be done (closed, duplicate, wrong step, …). `message` is Dutch and
    meant for the person who asked; `field` names the form field it belongs to, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field
