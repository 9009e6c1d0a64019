"""A batch over HTML, WARC, WET and JSONL inputs: one row per page, counts checked, a summary.

``read = written + dropped`` always holds: every page becomes an article row or an error row,
and a WARC record that is not a page (an image, a PDF) is counted as dropped with its reason.
``landed`` counts the rows actually found in the output as each shard was committed (the rows in
its finished part, or the corpus rows carrying its key); the counts check needs it to equal
``written``.
The run itself is the local executor's (:mod:`newspith.executors.local`): shards, completion
markers, resume after a kill.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newspith.config import ExtractConfig, PoolConfig
from newspith.executors.shards import Tally

__all__ = ["BatchStats", "run_files"]


@dataclass
class BatchStats(Tally):
    """A run's figures: the tallies of all its shards, and what only the run knows."""

    clusters: dict = field(default_factory=dict)       # article id -> Membership (dedup)
    seconds: float = 0.0
    shards: int = 0          # input files of the run
    shards_skipped: int = 0  # finished by an earlier, interrupted run (resume)
    resumed: int = 0         # rows of those shards, written by the earlier run

    def skip(self, tally: Tally) -> None:
        """Count a shard an earlier run finished: its figures, not its time."""
        self.merge(tally)
        self.shards_skipped += 1
        self.resumed += tally.written

    @property
    def counts_check(self) -> bool:
        """Every record read is a row or a drop, and every row is in the output."""
        return self.read == self.written + sum(self.dropped.values()) == \
            self.landed + sum(self.dropped.values())

    def to_dict(self) -> dict:
        """The run's figures as JSON-ready data (``--stats FILE``)."""
        copies = [m for m in self.clusters.values() if not m.earliest]
        return {"read": self.read, "written": self.written,
                "dropped": dict(self.dropped), "articles": self.articles,
                "not_articles": self.not_articles, "errors": dict(self.errors),
                "duplicates": {"copies": len(copies), "exact": sum(m.exact for m in copies),
                               "clusters_with_copies": len({m.cluster for m in copies})},
                "shards": self.shards, "shards_skipped": self.shards_skipped,
                "seconds": round(self.seconds, 3),
                "pages_per_second": (round((self.written - self.resumed) / self.seconds, 1)
                                     if self.seconds else None),
                "landed": self.landed, "incomplete_shards": list(self.incomplete),
                "counts_check": self.counts_check}


def run_files(inputs: list[str], out: str | Path, config: ExtractConfig | None = None,
              quiet: bool = False, dedup: bool = True, workers: int | None = 1,
              pool: PoolConfig | None = None, restart: bool = False) -> BatchStats:
    """Extract every page of ``inputs`` into ``out`` (JSONL, Parquet or a SQLite corpus).

    ``workers`` other than 1 runs pages in worker processes (``None``: every core) under the
    time and memory guards of ``pool`` (:mod:`newspith.pipeline.pool`). With ``dedup``,
    articles are clustered with their exact and near copies; the clusters go into the corpus
    (SQLite: a ``clusters`` table, against the whole corpus) or beside the output
    (``*.clusters.jsonl``). A rerun skips the input files an earlier run finished;
    ``restart`` forgets them and does everything again.
    """
    from newspith.executors.local import run_local

    return run_local(inputs, out, config, quiet=quiet, dedup=dedup, workers=workers, pool=pool,
                     restart=restart)
