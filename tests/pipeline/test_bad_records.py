"""A WARC with a page that takes too long, a non-HTML record, a truncated record and a corrupt
gzip member: `newspith run` writes a row (or counts a drop) for each, and goes on."""

from __future__ import annotations

import gzip
import json

from newspith.cli import main
from tests.conftest import EXAMPLES
from tests.warcgen import http, record

PAGE = (EXAMPLES / "harbour-ferry.html").read_bytes()
# A third of a million paragraphs of three inline elements each (13 MB, under
# ExtractConfig.max_bytes): 3.4 s of work on the 2-core machine these tests were written on,
# over three times the one-second limit below, while the other pages take milliseconds.
SLOW = PAGE.replace(b"</body>", b"<div>" + b"<p><i>w</i> <b>x</b> <a href=y>z</a></p>"
                    * 330_000 + b"</div></body>")


def test_slow_truncated_corrupt_and_non_html_records(tmp_path):
    members = [
        record("response", "https://news.example/ok", "a-1", http("text/html", PAGE), 1),
        record("response", "https://news.example/slow", "a-2", http("text/html", SLOW), 2),
        record("response", "https://news.example/ok2", "a-3", http("text/html", PAGE), 3),
        record("response", "https://news.example/logo.png", "a-4",
               http("image/png", b"\x89PNG\r\n\x1a\n" + bytes(32)), 4),
        record("response", "https://news.example/cut", "a-5", http("text/html", PAGE), 5,
               cut=len(PAGE) // 3),
    ]
    data = b"".join(gzip.compress(m) for m in members)
    data += b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + bytes(range(256)) * 4  # corrupt
    warc = tmp_path / "bad.warc.gz"
    warc.write_bytes(data)
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    # The time limit alone: a memory cap would also count the heap workers inherit.
    assert main(["run", str(warc), "--out", str(out), "--quiet", "--workers", "2",
                 "--page-seconds", "1", "--worker-memory", "0", "--stats", str(stats)]) == 0
    rows = {r["fetched_url"] or r["id"]: r for r in
            map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    summary = {k: (r["ok"], (r.get("error") or {}).get("error")) for k, r in rows.items()}
    assert rows["https://news.example/ok"]["ok"], summary
    assert rows["https://news.example/ok2"]["ok"], summary
    assert rows["https://news.example/slow"]["error"]["error"] == "timeout"
    assert rows["https://news.example/cut"]["error"]["stage"] == "read"
    corrupt = [r for r in rows.values() if "corrupt" in (r.get("error") or {}).get("message", "")]
    assert len(corrupt) == 1 and not corrupt[0]["ok"]
    figures = json.loads(stats.read_text())
    assert figures["read"] == 6 and figures["written"] == 5
    assert figures["dropped"] == {"not-html": 1} and figures["counts_check"]
