"""Apache Spark as a scheduler only (``newspith[spark]``): the pipeline's shards as Spark tasks.

The driver reads a manifest (one input path or URL a line, e.g. Common Crawl WARC paths),
plans shards (one per input file, :mod:`.shards`), leaves out those whose completion marker is
already in the output folder, and hands the rest to Spark in tasks of ``files_per_task`` input
files. Each task runs the local executor's code (:func:`.process.process_shards`, one guarded
worker process per task for the per-page time and memory limits) and writes its own part files
and completion markers into the output folder (:mod:`.parts`; local, HDFS-mounted or an fsspec
URL such as ``s3://``). Spark moves no rows: each task returns its shards' tallies only. A task
Spark retries, or a rerun of the job, redoes only shards without a marker.

Workers run the driver's Python (``PYSPARK_PYTHON`` is set to it before the session starts,
unless the user set it, or ``spark.pyspark.python`` is configured). The master is never chosen
here: it comes from ``spark-submit --master`` or the ``--master`` option. Java 17+ is needed.

    python -m newspith.executors.spark MANIFEST --out DIR [--master local[4]]
    newspith spark-run MANIFEST --out DIR
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from newspith.config import ExtractConfig, PoolConfig
from newspith.executors.parts import PartSink, PartStore
from newspith.executors.process import process_shards
from newspith.executors.shards import Shard, Tally, plan_shards
from newspith.executors.spark_args import PART_FORMATS, add_arguments
from newspith.io.sources import is_url, open_binary
from newspith.pipeline.batch import BatchStats

__all__ = ["main", "read_manifest", "run_spark"]



def read_manifest(manifest: str) -> list[str]:
    """Input paths or URLs, one a line; blank lines and ``#`` comments are skipped. The
    manifest itself may be local, gzip-compressed (``.gz``) or at a URL."""
    import gzip
    import io

    with open_binary(manifest if is_url(manifest) else Path(manifest)) as fh:
        raw = gzip.open(fh) if manifest.endswith(".gz") else fh
        lines = io.TextIOWrapper(raw, encoding="utf-8").read().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _task(out: str, suffix: str, config: ExtractConfig | None, pool: PoolConfig,
          shards) -> list[dict]:
    """One Spark task: its shards through the pipeline into the output folder."""
    store = PartStore(out, suffix)
    mine = [Shard(*s) for s in shards]
    # a retried task skips the shards it finished
    todo = [s for s in mine if not s.finished_in({s.key: store.finished(s) or {}})]
    sink = PartSink(store)
    try:
        process_shards(todo, sink, config, workers=1, pool=replace(pool, workers=1),
                       guarded=True)
    finally:
        sink.close()
    return [m for m in map(store.finished, mine) if m is not None]


def run_spark(sources: list[str], out: str, master: str | None = None,
              conf: dict[str, str] | None = None, config: ExtractConfig | None = None,
              pool: PoolConfig | None = None, part_format: str = "jsonl.gz",
              files_per_task: int = 1, restart: bool = False,
              app_name: str = "newspith") -> BatchStats:
    """Run every input not yet finished as Spark tasks; the figures of the whole run."""
    start = time.perf_counter()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # before the session starts
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    suffix = PART_FORMATS[part_format]
    shards = plan_shards(sources, salt=f"{suffix}|{config or ExtractConfig()!r}")
    store = PartStore(out, suffix)
    if restart:
        store.clear()
    done = store.done()
    stats = BatchStats(shards=len(shards))
    for s in shards:
        if s.finished_in(done):
            stats.skip(Tally.from_dict(done[s.key]["tally"]))
    todo = [(s.index, s.source, s.key, s.fingerprint) for s in shards
            if not s.finished_in(done)]
    if not todo:
        stats.seconds = time.perf_counter() - start
        return stats
    spark = builder.getOrCreate()
    try:
        slices = math.ceil(len(todo) / max(1, files_per_task))
        job = spark.sparkContext.parallelize(todo, slices).mapPartitions(
            lambda part: _task(out, suffix, config, pool or PoolConfig(), list(part)))
        finished = set()
        for marker in job.collect():
            stats.merge(Tally.from_dict(marker["tally"]))
            finished.add(marker["key"])
        stats.incomplete = [source for _, source, key, _ in todo if key not in finished]
    finally:
        spark.stop()
    stats.seconds = time.perf_counter() - start
    return stats


def run_from_args(args) -> int:
    bad = [kv for kv in args.conf if "=" not in kv or kv.startswith("=")]
    if bad:
        print(f"newspith: usage error: --conf takes KEY=VALUE, not {bad[0]!r}", file=sys.stderr)
        return 2
    conf = dict(kv.split("=", 1) for kv in args.conf)
    pool = PoolConfig(workers=1, page_seconds=args.page_seconds,
                      worker_memory_mb=args.worker_memory)
    try:
        stats = run_spark(read_manifest(args.manifest), args.out, master=args.master,
                          conf=conf, pool=pool, part_format=args.format,
                          files_per_task=args.files_per_task, restart=args.restart)
    except _spark_errors() as exc:
        first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        print(f"newspith: error: the Spark job failed: {first[:300]}", file=sys.stderr)
        return 1
    figures = stats.to_dict()
    if args.stats:
        Path(args.stats).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: figures[k] for k in ("read", "written", "dropped", "errors", "shards",
                                              "shards_skipped", "counts_check")}))
    if stats.incomplete:
        print(f"newspith: {len(stats.incomplete)} input(s) not finished (rerun to redo them): "
              f"{', '.join(stats.incomplete[:20])}", file=sys.stderr)
        return 1
    return 0 if figures["counts_check"] else 1


def _spark_errors() -> tuple[type[BaseException], ...]:
    """What a failed Spark job raises in the driver (pyspark's and py4j's errors)."""
    try:
        from py4j.protocol import Py4JError
        from pyspark.errors import PySparkException
    except ImportError:
        return (ImportError,)
    return (PySparkException, Py4JError, ImportError)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="newspith-spark", description="Run newspith over a "
                                "manifest of inputs as Spark tasks.")
    add_arguments(p)
    return run_from_args(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
