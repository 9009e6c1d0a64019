"""The counts check compares with what landed in the output: a row the sink loses fails it,
and `newspith run` exits non-zero."""

from __future__ import annotations

import json

import pytest

from newspith.cli import main
from newspith.io.jsonl import JsonlWriter
from newspith.io.sqlite import SqliteWriter
from tests.warcgen import write_warcs


# (JSON Lines rows come from the workers encoded: the writer writes their lines)
@pytest.mark.parametrize("name,writer,method", [("out.jsonl.gz", JsonlWriter, "write_line"),
                                                ("corpus.sqlite", SqliteWriter, "write")])
def test_a_row_lost_by_the_sink_fails_the_counts_check(tmp_path, monkeypatch, name, writer,
                                                      method):
    write_warcs(tmp_path / "in", 2, 2)
    out, stats = tmp_path / name, tmp_path / "stats.json"
    args = ["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "1",
            "--stats", str(stats)]
    original, calls = getattr(writer, method), []

    def lossy(self, row, *rest, **kw):
        calls.append(1)
        if len(calls) != 2:  # the second row never lands
            original(self, row, *rest, **kw)

    monkeypatch.setattr(writer, method, lossy)
    assert main(args) == 1
    figures = json.loads(stats.read_text())
    assert not figures["counts_check"] and figures["landed"] == figures["written"] - 1
    monkeypatch.setattr(writer, method, original)
    assert main(args) == 0  # the short shard has no valid marker: redone
    assert json.loads(stats.read_text())["counts_check"]
