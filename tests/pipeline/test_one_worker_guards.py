"""`--workers 1` keeps the per-page time limit: a hanging page is a `timeout` row, not a stuck
batch. With both limits off, pages run in the calling process."""

from __future__ import annotations

import json
import os
import time

import newspith.executors.local as local
from newspith.cli import main
from newspith.pipeline.steps import extract_and_sketch
from tests.conftest import EXAMPLES

_REAL = extract_and_sketch
_PARENT = os.getpid()


def _slow_step(doc, config, dedup=None, **options):
    if doc.id == "slow":
        time.sleep(30)
    return _REAL(doc, config, dedup=dedup, **options)


def _pages(tmp_path):
    page = (EXAMPLES / "storm-blog.html").read_text(encoding="utf-8")
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join(json.dumps({"id": i, "html": page}) for i in ("slow", "fine")))
    return pages


def test_one_worker_with_a_time_limit_turns_a_hanging_page_into_a_timeout_row(
        tmp_path, monkeypatch):
    monkeypatch.setattr(local, "extract_and_sketch", _slow_step)
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    start = time.monotonic()
    assert main(["run", str(_pages(tmp_path)), "--out", str(out), "--quiet", "--workers", "1",
                 "--page-seconds", "1", "--stats", str(stats)]) == 0
    assert time.monotonic() - start < 15
    rows = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["slow"]["error"]["error"] == "timeout" and rows["fine"]["ok"]


def _where(doc, config, dedup=None, **options):
    row = _REAL(doc, config, dedup=dedup, **options)
    if os.getpid() != _PARENT:
        raise AssertionError("ran in a worker process")
    return row


def test_one_worker_without_limits_runs_in_this_process(tmp_path, monkeypatch):
    monkeypatch.setattr(local, "extract_and_sketch", _where)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(_pages(tmp_path)), "--out", str(out), "--quiet", "--workers", "1",
                 "--page-seconds", "0", "--worker-memory", "0"]) == 0
    assert all(json.loads(r)["ok"] for r in out.read_text().splitlines())
