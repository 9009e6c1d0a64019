"""Committing finished shards costs the same per shard however many there are."""

from __future__ import annotations

import time

import newspith.executors.process as process
from newspith.config import PoolConfig
from newspith.document import Document
from newspith.executors.shards import Shard
from newspith.pipeline.steps import Row


class _Count:
    def __init__(self) -> None:
        self.rows = self.commits = 0

    def write(self, shard, row) -> None:
        self.rows += 1

    def commit(self, shard, tally) -> None:
        self.commits += 1


def _no_op(doc, config) -> Row:
    return Row(doc, error={"error": "skipped"})


def test_many_tiny_shards_commit_in_linear_time(monkeypatch):
    monkeypatch.setattr(process, "read_inputs",
                        lambda paths: iter([Document(id=str(paths[0]), source="t", body=b"")]))
    shards = [Shard(i, f"/in/p{i}.html", f"k{i}") for i in range(15000)]
    sink = _Count()
    start = time.perf_counter()
    tally = process.process_shards(shards, sink, workers=1, step=_no_op,
                                   pool=PoolConfig(page_seconds=0, worker_memory_mb=0))
    took = time.perf_counter() - start
    assert sink.rows == sink.commits == tally.written == 15000
    assert took < 1.5, f"{took:.1f} s"  # re-scanning every finished shard per row: ~5 s
