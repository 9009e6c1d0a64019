"""The ``newspith spark-run`` command line, apart from the Spark executor: building the CLI's
parser must not import the executor (and the pipeline behind it) for every command."""

from __future__ import annotations

import argparse

from newspith.config import PoolConfig

__all__ = ["PART_FORMATS", "add_arguments"]

#: Part file formats of a Spark run and their suffixes.
PART_FORMATS = {"jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz", "parquet": ".parquet"}
_POOL = PoolConfig()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("manifest", help="a file of input paths or URLs, one a line (local or a URL; "
                                    "# comments allowed), e.g. Common Crawl WARC paths")
    p.add_argument("--out", required=True,
                   help="output folder (local, shared or an fsspec URL such as s3://...): one "
                        "part file and one completion marker per input file")
    p.add_argument("--master", help="Spark master (default: what spark-submit says)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting, e.g. spark.executor.memory=4g (repeatable)")
    p.add_argument("--format", choices=sorted(PART_FORMATS), default="jsonl.gz",
                   help="part file format (default jsonl.gz)")
    p.add_argument("--files-per-task", type=int, default=1,
                   help="input files handed to each Spark task (default 1)")
    p.add_argument("--page-seconds", type=float, default=_POOL.page_seconds,
                   help="a page taking longer becomes an error row")
    p.add_argument("--worker-memory", type=int, default=_POOL.worker_memory_mb, metavar="MB",
                   help="memory cap of the worker process of each task")
    p.add_argument("--restart", action="store_true", help="redo inputs already finished")
    p.add_argument("--stats", metavar="FILE", help="also write the run's figures as JSON")
