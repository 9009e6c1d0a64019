"""Read pages from WARC files (``.warc``, ``.warc.gz``): Common Crawl CC-MAIN, CC-NEWS, own crawls.

``response`` records whose HTTP ``Content-Type`` is HTML become :class:`Document` rows, with the
HTTP charset passed on to decoding and the WARC record id, target URI and date kept as
provenance. Every other response record is *dropped with a reason* (``not-html``), never silently,
so that a batch can check ``read = written + dropped``. A record that cannot be read whole (a
truncated download, a corrupt gzip member) becomes a Document with ``error`` set: the batch
writes it as an error row. Reading stops at a corrupt record, since the rest of the file cannot
be trusted to line up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newspith.document import Document
from newspith.io.sources import Source, open_binary, source_name

__all__ = ["Dropped", "RawRecord", "WARC_SUFFIXES", "is_warc", "iter_records", "read_warc",
           "split_http"]

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml+xhtml")


@dataclass(frozen=True, slots=True)
class Dropped:
    """A record read but not turned into a row, and why (``not-html``)."""

    id: str
    source: str
    reason: str


def is_warc(path: Source) -> bool:
    name = source_name(path).lower()
    return name.endswith(WARC_SUFFIXES) and not name.endswith((".wet", ".wet.gz", ".warc.wet",
                                                               ".warc.wet.gz"))


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One WARC record's identity and block, or why its block could not be read."""

    id: str
    url: str | None
    date: str | None
    block: bytes = b""
    error: str | None = None


def iter_records(path: Source, record_type: str) -> Iterator[RawRecord]:
    """The records of one type (``"response"``, ``"conversion"``) of a WARC or WET file.

    A record that cannot be read whole is yielded with ``error`` set (unreadable, truncated);
    a corrupt one ends the file, since the rest cannot be trusted to line up.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    path = path if isinstance(path, Path) or "://" in path else Path(path)
    with open_binary(path) as fh:
        records = ArchiveIterator(fh, record_types=getattr(WarcRecordType, record_type),
                                  parse_http=False)
        n = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - a corrupt record ends what can be read
                yield RawRecord(id=f"{path}#{n + 1}", url=None, date=None,
                                error=f"corrupt WARC record: {exc}")
                return
            n += 1
            headers = record.headers
            rid = headers.get("WARC-Record-ID") or f"{path}#{n}"
            url, date = headers.get("WARC-Target-URI"), headers.get("WARC-Date")
            try:
                block = record.reader.read()
            except Exception as exc:  # noqa: BLE001
                yield RawRecord(rid, url, date, error=f"unreadable record: {exc}")
                continue
            expected = record.content_length
            if expected is not None and len(block) < expected:
                yield RawRecord(rid, url, date,
                                error=f"truncated record: {len(block)} of {expected} bytes")
                continue
            yield RawRecord(rid, url, date, block)


def read_warc(path: Source) -> Iterator[Document | Dropped]:
    """Documents (and drops) of the ``response`` records of one WARC file, in file order."""
    source = str(path)
    for rec in iter_records(path, "response"):
        meta = {"warc-date": rec.date or "", "warc-record-id": rec.id}
        if rec.error is not None:
            yield Document(id=rec.id, source=source, url=rec.url, headers=meta, error=rec.error)
            continue
        content_type, body = split_http(rec.block)
        if content_type is None or content_type.lower().split(";")[0].strip() \
                not in _HTML_TYPES:
            yield Dropped(id=rec.id, source=source, reason="not-html")
            continue
        yield Document(id=rec.id, source=source, body=body, url=rec.url,
                       content_type=content_type, headers=meta)


def split_http(block: bytes) -> tuple[str | None, bytes]:
    """``(Content-Type, body)`` of an HTTP response as stored in a WARC record."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep or not head.startswith(b"HTTP/"):
        return None, block
    for line in head.split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-type":
            return value.strip().decode("latin-1"), body
    return None, body
