"""newspith as an HTTP service and a web page (``newspith serve``; needs the ``serve`` extra).

``create_app(ServiceConfig(db=...))`` is the ASGI application: the JSON API (``POST /extract``,
``GET /articles``, ``GET /articles/{id}``, ``GET /healthz``, OpenAPI docs at ``/docs``) and the
web page (``/``, ``/search``, ``/read/{id}``).
"""

from newspith.service.app import create_app
from newspith.service.config import ServiceConfig

__all__ = ["create_app", "ServiceConfig"]
