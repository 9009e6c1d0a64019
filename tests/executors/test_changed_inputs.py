"""A rerun redoes a shard whose input changed (or that names another file by the same relative
path), replacing its old rows; unchanged shards are still skipped."""

from __future__ import annotations

import json

import pytest

from newspith.cli import main
from tests.executors.test_resume import _rows
from tests.warcgen import write_warcs


def _run(inputs, out, stats, *extra) -> int:
    return main(["run", str(inputs), "--out", str(out), "--quiet", "--workers", "1",
                 "--stats", str(stats), *extra])


@pytest.mark.parametrize("name", ["out.jsonl.gz", "corpus.sqlite"])
def test_a_changed_input_is_redone_and_its_old_rows_replaced(tmp_path, name):
    out, stats = tmp_path / name, tmp_path / "stats.json"
    write_warcs(tmp_path / "in", 2, 2)
    assert _run(tmp_path / "in", out, stats) == 0
    bigger = write_warcs(tmp_path / "in", 2, 4)  # same file names, more pages
    assert _run(tmp_path / "in", out, stats) == 0
    ids = [i for i, _ in _rows(out)]
    assert len(ids) == len(set(ids)) and set(ids) == bigger.page_ids  # new rows, none stale
    figures = json.loads(stats.read_text())
    assert figures["shards_skipped"] == 0 and figures["read"] == bigger.records
    assert figures["written"] == len(bigger.page_ids)
    # unchanged now: skipped
    assert _run(tmp_path / "in", out, stats) == 0
    assert json.loads(stats.read_text())["shards_skipped"] == 2


def test_the_same_relative_name_from_another_folder_is_another_shard(tmp_path, monkeypatch):
    out, stats = tmp_path / "out.jsonl.gz", tmp_path / "stats.json"
    write_warcs(tmp_path / "a" / "in", 1, 2, name="first")
    second = write_warcs(tmp_path / "b" / "in", 1, 2, name="first")
    monkeypatch.chdir(tmp_path / "a")
    assert _run("in/first-000.warc.gz", out, stats) == 0
    monkeypatch.chdir(tmp_path / "b")
    assert _run("in/first-000.warc.gz", out, stats) == 0
    assert json.loads(stats.read_text())["shards_skipped"] == 0
    assert len(_rows(out)) == len(second.page_ids)
