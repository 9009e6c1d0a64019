"""Write rows as JSON Lines (``.jsonl``, or gzip-compressed ``.jsonl.gz``).

Rows are encoded with orjson (UTF-8, compact separators), about seven times faster than the
standard library's ``json`` on article rows. A row orjson refuses (an integer past 64 bits, a
lone surrogate from text that was never valid Unicode) goes through ``json`` with non-ASCII
characters escaped instead: still one valid line, never a crash of the batch.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import IO, Any

import orjson

__all__ = ["JsonlWriter", "dumps_line"]


def dumps_line(row: dict[str, Any]) -> bytes:
    """One row as a line of JSON (UTF-8 bytes, ending in a newline)."""
    try:
        return orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        return (json.dumps(row) + "\n").encode("ascii")


class JsonlWriter:
    """A context manager writing one JSON object a line; creates the parent folder."""

    def __init__(self, path: str | Path, gzip_suffix: bool | None = None) -> None:
        self.path = Path(path)
        #: gzip-compress (default: when the name ends in ``.gz``)
        self.compress = self.path.suffix == ".gz" if gzip_suffix is None else gzip_suffix
        self._fh: IO[bytes] | None = None
        self.rows = 0

    def __enter__(self) -> JsonlWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = gzip.open(self.path, "wb") if self.compress else open(self.path, "wb")
        return self

    def write(self, row: dict[str, Any]) -> None:
        assert self._fh is not None, "use JsonlWriter as a context manager"
        self._fh.write(dumps_line(row))
        self.rows += 1

    def write_line(self, line: bytes) -> None:
        """A row already encoded by :func:`dumps_line` (one line, ending in a newline)."""
        assert self._fh is not None, "use JsonlWriter as a context manager"
        self._fh.write(line)
        self.rows += 1

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            self._fh.close()
