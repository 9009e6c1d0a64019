"""The unit a batch moves: one captured page, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from newspith.pickling import as_constructor_call

__all__ = ["Document"]


@dataclass(frozen=True, slots=True)
class Document:
    """One page as read from an input: raw bytes (or text already decoded) plus provenance.

    ``id`` is stable across runs (a path, a WARC record id, a JSONL line number), so that a
    rerun can tell which pages it has done. ``error`` is set when the reader could not read the
    page whole (a truncated WARC record): the batch writes an error row for it. ``kind`` is
    ``"html"`` for a page, ``"text"`` for text already flattened from one (a WET record, a JSONL
    ``text`` field), which goes to text mode.
    """

    id: str
    source: str                     # the file, archive or URL it was read from
    body: bytes | str = b""
    url: str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    kind: str = "html"
    seq: int = 0                    # its place in the run's input order (set by the batch)

    __reduce__ = as_constructor_call
