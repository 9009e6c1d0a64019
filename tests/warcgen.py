"""WARC files generated from the project's sample pages, for the batch and executor tests.

Each file holds HTML responses (the sample pages in turn, each at its own URL and record id),
and optionally a non-HTML response (dropped with a reason), a truncated record (an error row)
and a request record (not a response: not read).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import sample_pages


def http(content_type: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def record(kind: str, uri: str, rid: str, block: bytes, second: int = 0, cut: int = 0) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-05-02T10:{second // 60 % 60:02d}:{second % 60:02d}Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    rec = head + block + b"\r\n\r\n"
    return rec[:-cut] if cut else rec


@dataclass
class Generated:
    paths: list[Path] = field(default_factory=list)
    page_ids: set[str] = field(default_factory=set)   # records that must give one row each
    records: int = 0                                  # response records (read)
    dropped: int = 0                                  # non-HTML responses


def write_warcs(folder: Path, files: int, pages: int, image: bool = True,
                truncated: bool = True, name: str = "crawl") -> Generated:
    """``files`` WARC files of ``pages`` HTML responses each, plus the extras asked for."""
    bodies = [p.read_bytes() for p in sample_pages()]
    folder.mkdir(parents=True, exist_ok=True)
    out = Generated()
    n = 0
    for f in range(files):
        members = []
        for i in range(pages):
            n += 1
            rid = f"00000000-0000-0000-{f:04d}-{n:012d}"
            uri = f"https://news.example/{name}/{f}/{i}"
            members.append(record("request", uri, rid.replace("-0000-0000-", "-1111-0000-"),
                                  b"GET / HTTP/1.1\r\n\r\n", n))
            members.append(record("response", uri, rid,
                                  http("text/html; charset=utf-8", bodies[n % len(bodies)]), n))
            out.page_ids.add(f"<urn:uuid:{rid}>")
            out.records += 1
        if image:
            n += 1
            members.append(record("response", f"https://news.example/{name}/{f}/logo.png",
                                  f"00000000-0000-0000-{f:04d}-{n:012d}",
                                  http("image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)), n))
            out.records += 1
            out.dropped += 1
        if truncated:
            n += 1
            rid = f"00000000-0000-0000-{f:04d}-{n:012d}"
            page = bodies[0]
            members.append(record("response", f"https://news.example/{name}/{f}/cut", rid,
                                  http("text/html", page), n, cut=len(page) // 2))
            out.page_ids.add(f"<urn:uuid:{rid}>")
            out.records += 1
        path = folder / f"{name}-{f:03d}.warc.gz"
        path.write_bytes(b"".join(gzip.compress(m) for m in members))
        out.paths.append(path)
    return out


def write_damaged(path: Path, pages: int, damage: str) -> list[str]:
    """A WARC of ``pages`` HTML responses (one gzip member each for ``.warc.gz``) with one
    damage: ``"cut-header"`` ends the file inside the last record's WARC header;
    ``"corrupt-member"`` garbles the compressed bytes of the second member. Returns the record
    ids of the responses left whole."""
    bodies = [p.read_bytes() for p in sample_pages()]
    records, ids = [], []
    for i in range(pages):
        rid = f"00000000-0000-0000-9999-{i:012d}"
        records.append(record("response", f"https://news.example/damaged/{i}", rid,
                              http("text/html; charset=utf-8", bodies[i % len(bodies)]), i))
        ids.append(f"<urn:uuid:{rid}>")
    if damage == "cut-header":
        records[-1] = records[-1][:records[-1].index(b"Content-Type")]
        ids.pop()
    gz = path.name.endswith(".gz")
    members = [gzip.compress(r) if gz else r for r in records]
    if damage == "corrupt-member":
        m = bytearray(members[1])
        m[len(m) // 2:len(m) // 2 + 64] = bytes(64)
        members[1] = bytes(m)
        ids.pop(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(members))
    return ids
