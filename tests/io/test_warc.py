"""WARC input: HTML responses become rows with provenance; other records are dropped with a
reason; a truncated record is an error row; `newspith run` counts read = written + dropped."""

from __future__ import annotations

import gzip
import json
import zlib

import pytest

from newspith.cli import main
from newspith.io.warc import Dropped, read_warc, split_http
from newspith.pipeline.steps import extract_document
from tests.conftest import EXAMPLES
from tests.warcgen import http, record, write_damaged

PAGE = (EXAMPLES / "harbour-ferry.html").read_bytes()
LATIN = "<html><head><title>Caf\xe9</title></head><body><article><h1>Caf\xe9 reopens</h1>" + \
    "".join(f"<p>The caf\xe9 on the quay reopened on Monday after a long winter of repairs, "
            f"paragraph {i} of the story told in full.</p>" for i in range(6)) + \
    "</article></body></html>"


def _record(kind: str, uri: str, n: int, block: bytes, cut: int = 0) -> bytes:
    return record(kind, uri, f"00000000-0000-0000-0000-{n:012d}", block, n, cut)


def _warc(tmp_path, truncated: bool = True):
    data = b"".join([
        _record("request", "https://example.org/ferry", 1, b"GET /ferry HTTP/1.1\r\n\r\n"),
        _record("response", "https://example.org/ferry", 2, http("text/html", PAGE)),
        _record("response", "https://example.org/logo.png", 3,
                http("image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))),
        _record("response", "https://example.org/cafe", 4,
                http("text/html; charset=windows-1252", LATIN.encode("cp1252"))),
    ])
    if truncated:
        data += _record("response", "https://example.org/cut", 5, http("text/html", PAGE),
                        cut=len(PAGE) // 2)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(data))
    return path


def test_split_http_reads_the_content_type():
    assert split_http(http("text/html; charset=utf-8", b"<p>x</p>")) == (
        "text/html; charset=utf-8", b"<p>x</p>")
    assert split_http(b"no http here") == (None, b"no http here")


def test_responses_become_documents_and_the_rest_is_dropped(tmp_path):
    items = list(read_warc(_warc(tmp_path, truncated=False)))
    docs = [d for d in items if not isinstance(d, Dropped)]
    drops = [d for d in items if isinstance(d, Dropped)]
    assert [d.url for d in docs] == ["https://example.org/ferry", "https://example.org/cafe"]
    assert docs[0].id == "<urn:uuid:00000000-0000-0000-0000-000000000002>"
    assert docs[0].headers["warc-date"] == "2024-05-02T10:00:02Z"
    assert docs[1].content_type == "text/html; charset=windows-1252"
    assert [d.reason for d in drops] == ["not-html"]


def test_run_over_a_warc_counts_every_record(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["run", str(_warc(tmp_path)), "--out", str(out), "--quiet"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3  # two pages and one truncated record; the image is dropped
    by_url = {r["fetched_url"]: r for r in rows}  # rows come in completion order
    ferry, cafe, cut = (by_url[f"https://example.org/{p}"] for p in ("ferry", "cafe", "cut"))
    assert ferry["ok"] and ferry["is_article"] and ferry["warc_date"] == "2024-05-02T10:00:02Z"
    assert ferry["title"].startswith("Ferry crossing to Skerrin Island")
    assert cafe["ok"] and "café on the quay" in cafe["text"]
    assert cafe["encoding"] == "cp1252" and cafe["encoding_source"] == "http"
    assert not cut["ok"] and cut["error"]["stage"] == "read"
    assert "truncated" in cut["error"]["message"]


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_a_record_cut_inside_its_header_is_a_truncated_row(tmp_path, name):
    whole = write_damaged(tmp_path / name, 3, "cut-header")
    items = list(read_warc(tmp_path / name))
    assert [d.id for d in items if d.error is None] == whole
    bad = [d for d in items if not isinstance(d, Dropped) and d.error is not None]
    assert len(items) == 3 and len(bad) == 1 and bad[0].headers["read-error"] == "truncated"


def test_a_corrupt_gzip_member_is_one_error_and_the_records_after_it_are_read(tmp_path):
    whole = write_damaged(tmp_path / "mid.warc.gz", 5, "corrupt-member")
    items = list(read_warc(tmp_path / "mid.warc.gz"))
    assert [d.id for d in items if d.error is None] == whole and len(whole) == 4
    bad = [d for d in items if d.error is not None]
    assert len(bad) == 1 and bad[0].headers["read-error"] == "corrupt-gzip-member"
    row = extract_document(bad[0])
    assert row.error["error"] == "corrupt-gzip-member"


def test_a_warc_compressed_as_one_member_is_streamed_with_the_same_records(tmp_path,
                                                                           monkeypatch):
    """``gzip file.warc``: one member for the whole file. Past MAX_MEMBER_BYTES the rest is
    read as a stream (bounded memory) and gives the same records, the cut last one included."""
    from newspith.io import warc

    path = _warc(tmp_path)  # one gzip member: request, HTML, PNG, cp1252 HTML, a cut record

    def rows():
        return [(type(r).__name__, r.id, getattr(r, "body", None), getattr(r, "error", None))
                for r in read_warc(path)]

    whole = rows()
    with path.open("rb") as fh:
        member, _ = next(warc.gzip_members(fh, chunk=64, max_member=256))
        assert not isinstance(member, bytes)  # a stream of the rest, not the member in memory
    monkeypatch.setattr(warc, "MAX_MEMBER_BYTES", 256)
    streamed = rows()
    assert streamed == whole
    assert [kind for kind, *_ in streamed] == ["Document", "Dropped", "Document", "Document"]
    assert "truncated" in streamed[-1][3]


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "chunked"])
def test_bodies_stored_as_they_came_over_the_wire_are_decoded(encoding):
    if encoding == "chunked":
        body = b"".join(f"{len(PAGE[i:i + 700]):x}\r\n".encode() + PAGE[i:i + 700] + b"\r\n"
                        for i in range(0, len(PAGE), 700)) + b"0\r\n\r\n"
        header = b"Transfer-Encoding: chunked"
    else:
        body = gzip.compress(PAGE) if encoding == "gzip" else zlib.compress(PAGE)
        header = f"Content-Encoding: {encoding}".encode()
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + header + b"\r\n\r\n" + body
    assert split_http(block) == ("text/html", PAGE)


def test_a_body_that_does_not_decode_is_kept_as_it_is():
    block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n<p>x"
    assert split_http(block) == ("text/html", b"<p>x")
