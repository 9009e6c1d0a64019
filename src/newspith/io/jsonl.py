"""Write rows as JSON Lines (``.jsonl``, or gzip-compressed ``.jsonl.gz``)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import IO, Any

__all__ = ["JsonlWriter"]


class JsonlWriter:
    """A context manager writing one JSON object a line; creates the parent folder."""

    def __init__(self, path: str | Path, gzip_suffix: bool | None = None) -> None:
        self.path = Path(path)
        #: gzip-compress (default: when the name ends in ``.gz``)
        self.compress = self.path.suffix == ".gz" if gzip_suffix is None else gzip_suffix
        self._fh: IO[str] | None = None
        self.rows = 0

    def __enter__(self) -> JsonlWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.compress:
            self._fh = gzip.open(self.path, "wt", encoding="utf-8")
        else:
            self._fh = open(self.path, "w", encoding="utf-8")
        return self

    def write(self, row: dict[str, Any]) -> None:
        assert self._fh is not None, "use JsonlWriter as a context manager"
        self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.rows += 1

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            self._fh.close()
