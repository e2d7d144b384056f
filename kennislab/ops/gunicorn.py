"""gunicorn's access log with private-link tokens masked (deploy/gunicorn.conf.py sets
`logger_class` to MaskedLogger): every path, request line, referer and environ value in the
log line goes through kennislab.ops.logging.mask_text; query strings are left out."""

from gunicorn.glogging import Logger

from .logging import mask_text


class MaskedLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name, value in atoms.items():
            if isinstance(value, str):
                atoms[name] = mask_text(value)
        for name in ("q", "{query_string}e"):
            if atoms.get(name):
                atoms[name] = "…"
        return atoms
