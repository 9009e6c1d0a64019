"""Inputs at fsspec URLs (here ``memory://`` and a loopback HTTP server; no internet): read as
streams, the same rows as the local files, and an input that cannot be opened is an error row."""

from __future__ import annotations

import json

import fsspec
import pytest

from newspith.cli import main
from newspith.io.files import expand_paths
from newspith.io.sources import source_name
from tests.conftest import EXAMPLES
from tests.httpserver import serve
from tests.warcgen import write_warcs


def _rows(path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.fixture
def memfs():
    fs = fsspec.filesystem("memory")
    yield fs
    fs.rm("/bucket", recursive=True)


def test_memory_urls_globs_and_jsonl(tmp_path, memfs):
    made = write_warcs(tmp_path / "in", 2, 3)
    for p in made.paths:
        memfs.pipe(f"/bucket/crawl/{p.name}", p.read_bytes())
    page = (EXAMPLES / "budget-vote.html").read_text(encoding="utf-8")
    memfs.pipe("/bucket/pages.jsonl", (json.dumps({"id": "j1", "html": page}) + "\n{broken\n")
               .encode())
    sources = expand_paths(["memory://bucket/crawl/*.warc.gz", "memory://bucket/pages.jsonl"])
    assert [source_name(s) for s in sources] == ["crawl-000.warc.gz", "crawl-001.warc.gz",
                                                 "pages.jsonl"]
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["run", "memory://bucket/crawl/*.warc.gz", "memory://bucket/pages.jsonl",
                 "--out", str(out), "--quiet", "--workers", "1", "--stats", str(stats)]) == 0
    rows = _rows(out)
    assert set(rows) == made.page_ids | {"j1", "memory://bucket/pages.jsonl:2"}
    assert rows["j1"]["ok"] and rows["j1"]["source"] == "memory://bucket/pages.jsonl"
    assert not rows["memory://bucket/pages.jsonl:2"]["ok"]
    figures = json.loads(stats.read_text())
    assert figures["read"] == made.records + 2 and figures["counts_check"]


def test_http_input_gives_the_local_files_rows(tmp_path):
    pytest.importorskip("aiohttp", reason="fsspec's HTTP filesystem needs aiohttp "
                                          "(pip install newspith[remote])")
    made = write_warcs(tmp_path / "in", 1, 4)
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    assert main(["run", str(made.paths[0]), "--out", str(local), "--quiet", "--workers",
                 "1"]) == 0
    routes = {"/crawl.warc.gz": (200, "application/octet-stream", made.paths[0].read_bytes())}
    with serve(routes) as base:
        assert main(["run", f"{base}/crawl.warc.gz", f"{base}/missing.warc.gz", "--out",
                     str(remote), "--quiet", "--workers", "1"]) == 0
    here, there = _rows(local), _rows(remote)
    missing = [r for r in there.values() if r["source"].endswith("missing.warc.gz")]
    assert len(missing) == 1 and missing[0]["error"]["stage"] == "read"
    assert "cannot read the input" in missing[0]["error"]["message"]
    del there[missing[0]["id"]]
    assert set(here) == set(there) == made.page_ids
    assert all(here[i].get("text") == there[i].get("text") for i in here)


def test_text_records_at_a_url_read_like_local_files(tmp_path, memfs):
    from newspith.io.texts import read_text_records

    local = tmp_path / "dump.txt"
    local.write_text("Ferry cut\n\n" + (EXAMPLES / "harbour-ferry.expected.txt")
                     .read_text(encoding="utf-8"), encoding="utf-8")
    memfs.pipe("/bucket/dump.txt", local.read_bytes())
    memfs.pipe("/bucket/lines.jsonl", (json.dumps({"id": "t1", "text": "Some text."}) + "\n")
               .encode())
    here = list(read_text_records(local))
    there = list(read_text_records("memory://bucket/dump.txt"))
    assert here == there and here[0].id == "dump.txt" and "Skerrin" in here[0].text
    assert [r.id for r in read_text_records("memory://bucket/lines.jsonl")] == ["t1"]
