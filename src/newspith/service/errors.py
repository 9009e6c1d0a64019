"""The service's errors and their HTTP status: every refusal is a JSON body with a clear message.

The JSON shape is :meth:`NewspithError.to_dict` (``error``, ``stage``, ``message``, ``page_id``,
``url``) with ``status`` added, for library errors and the service's own alike.
"""

from __future__ import annotations

from newspith.errors import DecodeError, FetchError, InputError, NewspithError, TooLargeError

__all__ = ["ServiceError", "NotFoundError", "NoCorpusError", "UnsupportedMediaError",
           "BadRequestError", "BusyError", "status_of", "error_body"]


class ServiceError(NewspithError):
    """A request the service refuses for a reason of its own (not the library's)."""

    stage = "service"
    status = 400


class BadRequestError(ServiceError):
    """The request is malformed: invalid JSON, a missing or conflicting field, a bad parameter."""


class NotFoundError(ServiceError):
    status = 404


class NoCorpusError(ServiceError):
    """A corpus route was called on a service started without ``--db``."""

    status = 409


class BusyError(ServiceError):
    """Every extraction slot stayed taken for ``ServiceConfig.queue_timeout`` seconds: the
    request was fine, the service is overloaded (retry later)."""

    status = 503


class UnsupportedMediaError(InputError):
    """A body or fetched page of a type that is not a web page or text (an image, a PDF)."""

    status = 415


def status_of(exc: NewspithError) -> int:
    """The HTTP status of an error: a 4xx, since each names a fault of the request, except
    :class:`BusyError` (503: the service is overloaded)."""
    explicit = getattr(exc, "status", None)
    if isinstance(explicit, int):
        return explicit
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, (FetchError, DecodeError)):
        return 422  # the URL or the bytes given cannot be turned into a page
    return 400


def error_body(exc: NewspithError) -> dict:
    return {**exc.to_dict(), "status": status_of(exc)}
