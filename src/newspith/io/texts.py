"""Readers of flattened text for text mode: a ``.txt`` file, a WET file, JSONL with a ``text`` field.

Each yields :class:`TextRecord` rows. A record that cannot be read (a truncated WARC record, a
JSONL line that is not JSON or has no ``text``) becomes a record with ``error`` set, never an
exception that ends the batch: the caller writes it as an error row.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newspith.decode import decode
from newspith.document import Document
from newspith.errors import InputError
from newspith.io.sources import Source, is_url, open_binary, source_name
from newspith.io.warc import iter_records

__all__ = ["TextRecord", "read_jsonl_pages", "read_text_records", "sniff_kind"]


@dataclass(frozen=True, slots=True)
class TextRecord:
    """One text to clean, with where it came from."""

    id: str
    text: str = ""
    url: str | None = None
    title: str | None = None
    date: str | None = None
    error: str | None = None


def _open(path: Source):
    raw = io.BufferedReader(open_binary(path)) if is_url(path) else open_binary(path)
    head = raw.peek(2)[:2]
    return gzip.open(raw) if head == b"\x1f\x8b" else raw


def sniff_kind(path: Source) -> str:
    """``warc`` (a WET/WARC file), ``jsonl`` or ``text``, from the first bytes of the file."""
    with _open(path) as fh:
        try:
            head = fh.read(64)
        except (OSError, EOFError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from exc
    if head.startswith(b"WARC/"):
        return "warc"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    return "text"


def read_text_records(path: str | Path) -> Iterator[TextRecord]:
    """The records of one input file (a local path or a URL fsspec opens), whatever its kind."""
    if not is_url(path):
        path = Path(path)
        if not path.is_file():
            raise InputError(f"no such file: {path}")
    kind = sniff_kind(path)
    if kind == "warc":
        yield from _read_wet(path)
    elif kind == "jsonl":
        yield from _read_jsonl(path)
    else:
        with _open(path) as fh:
            data = fh.read()
        yield TextRecord(id=source_name(path), text=decode(data).text)


def _read_jsonl(path: Source) -> Iterator[TextRecord]:
    for doc in read_jsonl_pages(path):
        if doc.error is None and doc.kind != "text":
            yield TextRecord(id=doc.id, url=doc.url, error="the line has 'html', not a 'text' "
                                                           "string (use `newspith run`)")
        else:
            yield TextRecord(id=doc.id, text=doc.body if isinstance(doc.body, str) else "",
                             url=doc.url, title=doc.headers.get("title"), error=doc.error)


def read_jsonl_pages(path: Source) -> Iterator[Document]:
    """JSONL lines as Documents: an ``html`` field is a page, a ``text`` field flattened text
    (``kind="text"``); ``id``, ``url`` and ``title`` are kept when present (a line without
    ``id`` is ``<path or URL>:<line number>``). A line that is not
    JSON or has neither field is an error Document, never a lost line."""
    path = path if isinstance(path, Path) or is_url(path) else Path(path)
    source = str(path)
    with _open(path) as fh:
        for n, line in enumerate(io.TextIOWrapper(fh, encoding="utf-8", errors="replace"), 1):
            if not line.strip():
                continue
            rid = f"{source}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Document(id=rid, source=source, error=f"line {n} is not JSON: {exc.msg}")
                continue
            if not isinstance(row, dict):
                yield Document(id=rid, source=source, error=f"line {n} is not a JSON object")
                continue
            rid = str(row.get("id", rid))
            url = row.get("url") if isinstance(row.get("url"), str) else None
            title = row.get("title") if isinstance(row.get("title"), str) else None
            if isinstance(row.get("html"), str):
                yield Document(id=rid, source=source, body=row["html"], url=url)
            elif isinstance(row.get("text"), str):
                yield Document(id=rid, source=source, body=row["text"], url=url, kind="text",
                               headers={"title": title} if title else {})
            else:
                yield Document(id=rid, source=source, url=url,
                               error=f"line {n} has no 'html' or 'text' string")


def _read_wet(path: Source) -> Iterator[TextRecord]:
    """``conversion`` records of a WET file (text extracted from pages by the crawler)."""
    for rec in iter_records(path, "conversion"):
        text = rec.block.decode("utf-8", errors="replace") if rec.error is None else ""
        yield TextRecord(id=rec.id, text=text, url=rec.url, date=rec.date, error=rec.error)
