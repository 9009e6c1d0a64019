"""A real Spark job (``local[2]``) over generated WARC files gives the local executor's rows.

Skips, saying why, only when pyspark or Java 17+ cannot be had.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess

import pytest

from newspith.cli import main
from newspith.executors.spark import read_manifest, run_spark
from tests.warcgen import write_warcs

LEAN = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2",
        "spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1"}


def _java_major() -> int:
    java = shutil.which("java")
    if java is None:
        return 0
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return 0
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def _need_spark() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install newspith[spark])")
    if _java_major() < 17:
        pytest.skip("Spark needs Java 17+ (Debian: openjdk-17-jre-headless); none found")


def _rows(paths) -> dict[str, dict]:
    rows = {}
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                assert row["id"] not in rows, f"two rows for {row['id']}"
                rows[row["id"]] = row
    return rows


def test_manifest_lines_comments_and_urls(tmp_path):
    manifest = tmp_path / "cc-news.txt"
    manifest.write_text("# CC-NEWS, May 2024\n\ns3://commoncrawl/crawl-data/CC-NEWS/2024/05/"
                        "CC-NEWS-20240501000000-00000.warc.gz\n  /data/local.warc.gz  \n")
    assert read_manifest(str(manifest)) == [
        "s3://commoncrawl/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00000.warc.gz",
        "/data/local.warc.gz"]


def test_a_local_spark_job_writes_the_local_executors_rows(tmp_path):
    _need_spark()
    made = write_warcs(tmp_path / "in", 4, 5)
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("".join(f"{p}\n" for p in made.paths))

    local = tmp_path / "local.jsonl.gz"
    assert main(["run", *map(str, made.paths), "--out", str(local), "--quiet",
                 "--workers", "2", "--no-dedup"]) == 0
    out, figures = tmp_path / "spark-out", tmp_path / "stats.json"
    conf = [arg for k, v in LEAN.items() for arg in ("--conf", f"{k}={v}")]
    assert main(["spark-run", str(manifest), "--out", str(out), "--master", "local[2]", *conf,
                 "--files-per-task", "2", "--stats", str(figures)]) == 0
    stats = json.loads(figures.read_text())

    parts = sorted(out.glob("part-*.jsonl.gz"))
    assert len(parts) == 4 and len(list(out.glob("part-*.done.json"))) == 4
    spark_rows, local_rows = _rows(parts), _rows([local])
    assert set(spark_rows) == set(local_rows) == made.page_ids
    for id, row in local_rows.items():
        assert spark_rows[id]["ok"] == row["ok"]
        assert spark_rows[id].get("text") == row.get("text")
        assert spark_rows[id].get("title") == row.get("title")
    assert stats["read"] == made.records and stats["written"] == len(made.page_ids)
    assert stats["dropped"] == {"not-html": made.dropped} and stats["shards"] == 4
    assert stats["seconds"] > 0 and stats["pages_per_second"] is not None

    # A rerun finds every marker and starts no Spark job at all.
    again = run_spark(read_manifest(str(manifest)), str(out), master="local[2]", conf=LEAN)
    assert again.shards_skipped == 4 and again.read == stats["read"]


def test_a_conf_without_equals_is_a_usage_error(tmp_path, capsys):
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("x.warc.gz\n")
    assert main(["spark-run", str(manifest), "--out", str(tmp_path / "o"), "--conf",
                 "spark.ui.enabled"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err


def test_a_failed_spark_job_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    errors = pytest.importorskip("pyspark.errors", reason="pyspark is not installed")
    import newspith.executors.spark as spark

    def failing(*args, **kwargs):
        raise errors.PySparkException(message="Job aborted due to stage failure\n\tat x.y")

    monkeypatch.setattr(spark, "run_spark", failing)
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("x.warc.gz\n")
    assert main(["spark-run", str(manifest), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Spark job failed: Job aborted" in err[0]
