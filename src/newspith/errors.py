"""newspith's one error hierarchy.

Every error newspith raises on purpose is a :class:`NewspithError`, carrying the page id and URL it
concerns and the stage that failed, so that a batch can turn it into a row with its reason.

    NewspithError
    ├── InputError        the input cannot be used at all (wrong type, unreadable file)
    │   └── TooLargeError the input is over a configured size cap
    ├── DecodeError       bytes could not be turned into text
    └── FetchError        a URL could not be fetched (network, HTTP status, size, content type)

Pages that are readable but hold no article do *not* raise: ``extract`` returns an
:class:`~newspith.article.Article` with empty text and ``reason`` saying why.
"""

from __future__ import annotations

__all__ = ["NewspithError", "InputError", "TooLargeError", "DecodeError", "FetchError"]


class NewspithError(Exception):
    """Base of all newspith errors."""

    stage = "newspith"

    def __init__(self, message: str, *, page_id: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.page_id = page_id
        self.url = url

    def __str__(self) -> str:
        where = ", ".join(f"{k}={v}" for k, v in (("page", self.page_id), ("url", self.url)) if v)
        return f"{self.message} ({where})" if where else self.message

    def to_dict(self) -> dict[str, str | None]:
        """The error as a JSON-ready row: what a batch writes instead of a lost record."""
        return {"error": type(self).__name__, "stage": self.stage, "message": self.message,
                "page_id": self.page_id, "url": self.url}


class InputError(NewspithError):
    """The input cannot be used: wrong type, unreadable file, not HTML at all."""

    stage = "input"


class TooLargeError(InputError):
    """The input is over a size cap (``ExtractConfig.max_bytes`` or ``FetchConfig.max_bytes``)."""


class DecodeError(NewspithError):
    """Bytes could not be turned into text with any candidate encoding."""

    stage = "decode"


class FetchError(NewspithError):
    """A URL could not be fetched: network error, timeout, HTTP error status, size cap."""

    stage = "fetch"
