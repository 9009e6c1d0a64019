"""Reading text to clean: WET files (WARC conversion records), JSONL, plain text; the CLI."""

from __future__ import annotations

import gzip
import json

from newspith.cli import main
from newspith.io.texts import read_text_records, sniff_kind

ARTICLE = ("Harbour bridge to close to cars from May\n"
           "Home\nNews\n"
           "The city council voted on Tuesday to close the old harbour bridge to cars from May, "
           "after engineers found corrosion in two of its four main supports.\n"
           "Pedestrians and cyclists will still be able to cross while repairs go on, the council "
           "said, but buses will be diverted through the northern ring road for a year.\n"
           "Shop owners on Quay Street said they feared losing passing trade, and asked the "
           "council for help with rates while the works go on.\n")


def _record(body: bytes, uri: str, n: int, length: int | None = None) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-05-02T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
            f"Content-Type: text/plain\r\n"
            f"Content-Length: {len(body) if length is None else length}\r\n\r\n")
    return head.encode() + body + b"\r\n\r\n"


def _wet(tmp_path, truncated: bool = False):
    data = (_record(ARTICLE.encode(), "https://example.org/a", 1)
            + _record("Home\nShare\nPrint\n".encode(), "https://example.org/b", 2))
    if truncated:
        body = ARTICLE.encode()
        data += _record(body, "https://example.org/c", 3)[: -(len(body) // 2)]
    path = tmp_path / "sample.warc.wet.gz"
    path.write_bytes(gzip.compress(data))
    return path


def test_wet_records_are_read_with_their_provenance(tmp_path):
    path = _wet(tmp_path)
    assert sniff_kind(path) == "warc"
    records = list(read_text_records(path))
    assert [r.url for r in records] == ["https://example.org/a", "https://example.org/b"]
    assert records[0].text.startswith("Harbour bridge") and records[0].error is None
    assert records[0].id == "<urn:uuid:00000000-0000-0000-0000-000000000001>"
    assert records[0].date == "2024-05-02T10:00:00Z"


def test_a_truncated_wet_record_is_an_error_row_not_a_crash(tmp_path):
    records = list(read_text_records(_wet(tmp_path, truncated=True)))
    assert len(records) == 3
    assert records[2].error and "truncated" in records[2].error


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "texts.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": ARTICLE, "url": "https://e.org/a"}) + "\n"
                    + "{not json\n" + json.dumps({"id": "a3"}) + "\n", encoding="utf-8")
    records = list(read_text_records(path))
    assert records[0].id == "a1" and records[0].url == "https://e.org/a"
    assert records[1].error and "not JSON" in records[1].error
    assert records[2].error and "'text'" in records[2].error


def test_cli_clean_a_wet_file_gives_one_row_per_record(tmp_path, capsys):
    code = main(["clean", str(_wet(tmp_path, truncated=True))])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1  # an error row was written
    assert len(rows) == 3
    assert rows[0]["is_article"] and rows[0]["title"] == "Harbour bridge to close to cars from May"
    assert not rows[1]["is_article"] and rows[1]["text"] == ""
    assert "truncated" in rows[2]["error"]


def test_cli_clean_a_text_file_and_stdin(tmp_path, capsys, monkeypatch):
    path = tmp_path / "dump.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["clean", str(path), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "corrosion" in out and "\nHome\n" not in out

    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["clean", "-", "--explain", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "+ [prose]" in out and "- [" in out


def test_cli_clean_a_missing_file_is_one_line_error(capsys):
    assert main(["clean", "/no/such/file.txt"]) == 1
    assert capsys.readouterr().err.startswith("newspith: error: no such file")
