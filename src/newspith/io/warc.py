"""Read pages from WARC files (``.warc``, ``.warc.gz``): Common Crawl CC-MAIN, CC-NEWS, own crawls.

``response`` records whose HTTP ``Content-Type`` is HTML become :class:`Document` rows, with the
HTTP charset passed on to decoding and the WARC record id, target URI and date kept as
provenance. Every other response record is *dropped with a reason* (``not-html``), never silently,
so that a batch can check ``read = written + dropped``. A record that cannot be read whole becomes
a Document with ``error`` set and its reason in ``headers["read-error"]``: the batch writes it as
an error row. A record cut short (in its header or its block, or without a ``Content-Length``) is
``truncated``. A ``.warc.gz`` is read one gzip member at a time: a damaged member is one error
row (``corrupt-gzip-member``) and reading goes on at the next member start (``1f 8b 08``).
In an uncompressed file, reading stops at a record that cannot be parsed, since the rest of the
file cannot be trusted to line up.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# gzip members are inflated by ISA-L, about twice as fast as zlib on the same streams.
from isal.isal_zlib import decompressobj as _inflater
from isal.isal_zlib import error as _InflateError

from newspith.document import Document
from newspith.io.sources import Source, open_binary, source_name

__all__ = ["Dropped", "RawRecord", "WARC_SUFFIXES", "gzip_members", "is_warc", "iter_records",
           "read_warc", "split_http"]

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
    reason: str | None = None  # the error's kind: truncated, corrupt-gzip-member, corrupt


def iter_records(path: Source, record_type: str) -> Iterator[RawRecord]:
    """The records of one type (``"response"``, ``"conversion"``) of a WARC or WET file.

    A record that cannot be read whole is yielded with ``error`` and ``reason`` set; a damaged
    gzip member is one such record, and reading goes on at the next member.
    """
    path = path if isinstance(path, Path) or "://" in path else Path(path)
    with open_binary(path) as fh:
        if not str(path).lower().endswith(".gz"):
            yield from _records(fh, record_type, str(path), "")
            return
        for m, (member, whole) in enumerate(gzip_members(fh, max_member=MAX_MEMBER_BYTES), 1):
            if member is None:
                yield RawRecord(id=f"{path}#member-{m}", url=None, date=None,
                                error="corrupt gzip member: skipped to the next member",
                                reason="corrupt-gzip-member")
                continue
            stream = member if isinstance(member, _GzipStream) else io.BytesIO(member)
            got = yield from _records(stream, record_type, str(path), f"{m}.")
            if not whole and not got:
                yield RawRecord(id=f"{path}#member-{m}", url=None, date=None,
                                error="the file ends inside a gzip member", reason="truncated")


def _records(fh: BinaryIO, record_type: str, path: str, prefix: str) -> Iterator[RawRecord]:
    """The records of one stream (a file, or one decompressed gzip member); returns how many."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(fh, record_types=getattr(WarcRecordType, record_type),
                              parse_http=False)
    n = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return n
        except Exception as exc:  # noqa: BLE001 - a corrupt record ends what can be read
            yield RawRecord(id=f"{path}#{prefix}{n + 1}", url=None, date=None,
                            error=f"corrupt WARC record: {exc}", reason="corrupt")
            return n + 1
        n += 1
        headers = record.headers
        rid = headers.get("WARC-Record-ID") or f"{path}#{prefix}{n}"
        url, date = headers.get("WARC-Target-URI"), headers.get("WARC-Date")
        if not headers.get("Content-Length"):
            yield RawRecord(rid, url, date, error="truncated record: its header is cut short "
                            "or has no Content-Length", reason="truncated")
            continue
        try:
            block = record.reader.read()
        except Exception as exc:  # noqa: BLE001
            yield RawRecord(rid, url, date, error=f"unreadable record: {exc}", reason="corrupt")
            continue
        expected = record.content_length
        if expected is not None and len(block) < expected:
            yield RawRecord(rid, url, date, reason="truncated",
                            error=f"truncated record: {len(block)} of {expected} bytes")
            continue
        yield RawRecord(rid, url, date, block)


_GZIP_START = b"\x1f\x8b\x08"
#: A gzip member whose compressed size passes this is not one record but a whole file compressed
#: at once (``gzip file.warc``), or a huge record: the rest of the file is streamed, not held in
#: memory (a damaged stretch in that rest then ends the file).
MAX_MEMBER_BYTES = 8 << 20


class _GzipStream(io.RawIOBase):
    """The rest of a gzip file as one stream, from a member already begun (its decompressor, the
    output it gave and the input it has not read yet), member after member, in bounded memory.
    A damaged stretch ends the stream: past one, nothing can be trusted to line up."""

    def __init__(self, fh: BinaryIO, d, out: list[bytes], data: bytes, chunk: int) -> None:
        self._fh, self._d, self._chunk = fh, d, chunk
        self._buf = bytearray(b"".join(out))
        self._pending, self._eof, self._pos = data, False, 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:  # (the WARC reader asks where it is; it never seeks)
        return self._pos

    def readinto(self, target) -> int:
        while not self._buf and not self._eof:
            if self._d.eof:  # the next member starts in what the last one left
                self._pending, self._d = self._d.unused_data, _inflater(31)
            if not self._pending:
                self._pending = self._fh.read(self._chunk)
                if not self._pending:
                    self._eof = True
                    break
            try:
                self._buf += self._d.decompress(self._pending)
            except _InflateError:
                self._eof = True
                break
            self._pending = b""
        n = min(len(target), len(self._buf))
        target[:n] = self._buf[:n]
        del self._buf[:n]
        self._pos += n
        return n


def gzip_members(fh: BinaryIO, chunk: int = 1 << 16, max_member: int = MAX_MEMBER_BYTES
                 ) -> Iterator[tuple[bytes | _GzipStream | None, bool]]:
    """``(data, whole)`` for each gzip member of a stream, in order: ``data`` is ``None`` for a
    damaged stretch (skipped up to the next member start); ``whole`` is false for a last member
    the stream ends inside. A member over ``max_member`` compressed bytes is given as a stream
    of the rest of the file instead (the last item)."""
    data, eof = b"", False
    while True:
        if not data and not eof:
            data = fh.read(chunk)
            eof = not data
        if not data:
            return
        d, raw, out = _inflater(31), bytearray(), []
        try:
            while True:
                raw += data
                out.append(d.decompress(data))
                if d.eof:
                    data = d.unused_data
                    break
                if len(raw) > max_member:
                    yield _GzipStream(fh, d, out, b"", chunk), True
                    return
                data = fh.read(chunk)
                if not data:
                    eof = True
                    break
        except _InflateError:
            yield None, True
            rest = bytes(raw[1:])
            at = rest.find(_GZIP_START)
            while at < 0 and not eof:
                more = fh.read(chunk)
                eof = not more
                rest = rest[-2:] + more
                at = rest.find(_GZIP_START)
            data = rest[at:] if at >= 0 else b""
            continue
        yield b"".join(out), d.eof


def read_warc(path: Source) -> Iterator[Document | Dropped]:
    """Documents (and drops) of the ``response`` records of one WARC file, in file order."""
    source = str(path)
    for rec in iter_records(path, "response"):
        meta = {"warc-date": rec.date or "", "warc-record-id": rec.id}
        if rec.error is not None:
            meta["read-error"] = rec.reason or "corrupt"
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
    """``(Content-Type, body)`` of an HTTP response as stored in a WARC record.

    Crawlers store the body as it came over the wire: a ``Transfer-Encoding: chunked`` body is
    joined, and a ``Content-Encoding: gzip`` or ``deflate`` one decompressed (up to
    ``MAX_DECODED_BYTES``); a body that does not decode is kept as it is.
    """
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep or not head.startswith(b"HTTP/"):
        return None, block
    fields: dict[bytes, bytes] = {}
    for line in head.split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        fields.setdefault(name.strip().lower(), value.strip())
    content_type = fields.get(b"content-type")
    if b"chunked" in fields.get(b"transfer-encoding", b"").lower():
        body = _dechunk(body)
    encoding = fields.get(b"content-encoding", b"").lower()
    if encoding in (b"gzip", b"x-gzip", b"deflate"):
        body = _decompress(body, gzip_wrapped=encoding != b"deflate")
    return (content_type.decode("latin-1") if content_type is not None else None), body


#: A compressed HTTP body is decompressed up to this many bytes (a zip bomb stops there).
MAX_DECODED_BYTES = 64 << 20


def _decompress(body: bytes, gzip_wrapped: bool) -> bytes:
    for wbits in ((31,) if gzip_wrapped else (15, -15)):
        d = zlib.decompressobj(wbits)
        try:
            out = d.decompress(body, MAX_DECODED_BYTES)
        except zlib.error:
            continue
        return out
    return body


def _dechunk(body: bytes) -> bytes:
    """A chunked body joined; the body as it is when it is not well-formed chunks."""
    out, pos = [], 0
    while True:
        end = body.find(b"\r\n", pos)
        if end < 0:
            return body
        size_field = body[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(out)
        start = end + 2
        out.append(body[start:start + size])
        pos = start + size + 2
        if pos > len(body):
            return b"".join(out)  # the last chunk was cut short: keep what there is
