"""A shard whose input fails part-way (an I/O error) is not marked finished: the run says so and
exits non-zero, and a rerun redoes it."""

from __future__ import annotations

import gzip
import json

import newspith.executors.process as process
from newspith.cli import main
from tests.warcgen import write_warcs


def test_a_read_cut_by_an_io_error_is_redone_by_the_rerun(tmp_path, monkeypatch, capsys):
    made = write_warcs(tmp_path / "in", 2, 3)
    out, stats = tmp_path / "out.jsonl.gz", tmp_path / "stats.json"
    args = ["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "1",
            "--stats", str(stats)]
    real = process.read_inputs

    def dropping(paths):
        for n, item in enumerate(real(paths)):
            if n == 2 and str(paths[0]).endswith("crawl-001.warc.gz"):
                raise OSError("connection reset")
            yield item

    monkeypatch.setattr(process, "read_inputs", dropping)
    assert main(args) == 1
    assert "crawl-001.warc.gz" in capsys.readouterr().err
    figures = json.loads(stats.read_text())
    assert figures["incomplete_shards"] == [str(made.paths[1].resolve())]
    assert not out.exists()  # assembled only once every shard is finished

    monkeypatch.setattr(process, "read_inputs", real)
    assert main(args) == 0
    figures = json.loads(stats.read_text())
    assert figures["shards_skipped"] == 1 and figures["counts_check"]
    with gzip.open(out, "rt") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    assert sorted(ids) == sorted(made.page_ids)
