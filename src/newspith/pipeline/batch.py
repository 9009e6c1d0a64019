"""A sequential batch over HTML and WARC files: one row per page, counts checked, a summary.

``read = written + dropped`` always holds: every page becomes an article row or an error row,
and a WARC record that is not a page (an image, a PDF) is counted as dropped with its reason.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from newspith.config import ExtractConfig, PoolConfig
from newspith.io.files import expand_paths, read_inputs
from newspith.io.warc import Dropped
from newspith.io.jsonl import JsonlWriter
from newspith.io.sqlite import SQLITE_SUFFIXES, SqliteWriter
from newspith.pipeline.dedup import Deduper, Membership
from newspith.pipeline.pool import run_pool
from newspith.pipeline.steps import Row, extract_document

__all__ = ["BatchStats", "run_files"]

_TABLE_ROWS = 30  # rows shown in the summary table; all rows are in the output file


@dataclass
class BatchStats:
    read: int = 0
    written: int = 0
    articles: int = 0
    not_articles: int = 0
    errors: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)  # records that are not pages, by reason
    clusters: dict = field(default_factory=dict)       # article id -> Membership (dedup)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        """The run's figures as JSON-ready data (``--stats FILE``)."""
        copies = [m for m in self.clusters.values() if not m.earliest]
        return {"read": self.read, "written": self.written,
                "dropped": dict(self.dropped), "articles": self.articles,
                "not_articles": self.not_articles, "errors": dict(self.errors),
                "duplicates": {"copies": len(copies), "exact": sum(m.exact for m in copies),
                               "clusters_with_copies": len({m.cluster for m in copies})},
                "seconds": round(self.seconds, 3),
                "pages_per_second": round(self.written / self.seconds, 1) if self.seconds else None,
                "counts_check": self.read == self.written + sum(self.dropped.values())}


def run_files(inputs: list[str], out: str | Path, config: ExtractConfig | None = None,
              quiet: bool = False, dedup: bool = True, workers: int | None = 1,
              pool: PoolConfig | None = None) -> BatchStats:
    """Extract every page of ``inputs`` into ``out`` (JSONL, Parquet or a SQLite corpus).

    ``workers`` other than 1 runs pages in worker processes (``None``: every core) under the
    time and memory guards of ``pool`` (:mod:`newspith.pipeline.pool`). With ``dedup``,
    articles are clustered with their exact and near copies; the clusters go into the corpus
    (SQLite: a ``clusters`` table) or beside the output (``*.clusters.jsonl``).
    """
    stats = BatchStats()
    shown: list[Row] = []  # the summary table's rows; all rows are in the output
    deduper = Deduper() if dedup else None
    paths = expand_paths(inputs)
    out = Path(out)

    def documents():
        for doc in read_inputs(paths):
            stats.read += 1
            if isinstance(doc, Dropped):
                stats.dropped[doc.reason] += 1
            else:
                yield replace(doc, seq=stats.read)

    start = time.perf_counter()
    with _writer_for(out) as writer, _progress(quiet) as tick:
        if workers == 1:
            rows = (_one(doc, config) for doc in documents())
        else:
            rows = run_pool(documents(), config, replace(pool or PoolConfig(), workers=workers))
        for row in rows:
            tick()
            writer.write(row.to_dict())
            stats.written += 1
            a = row.article
            if a is None:
                stats.errors[row.error["error"] if row.error else "unknown"] += 1
            elif a.is_article:
                stats.articles += 1
            else:
                stats.not_articles += 1
            if deduper is not None and a is not None and a.text:
                deduper.add(row.doc.id, a.text, a.published.isoformat() if a.published else None,
                            order=row.doc.seq)
            if len(shown) < _TABLE_ROWS:
                shown.append(row)
        if deduper is not None:
            stats.clusters = deduper.clusters()
            _write_clusters(writer, out, stats.clusters)
    stats.seconds = time.perf_counter() - start
    if not quiet:
        _print_summary(shown, stats, out)
    return stats


def _one(doc, config: ExtractConfig | None) -> Row:
    """The per-page step in this process; running out of memory is that page's error row."""
    try:
        return extract_document(doc, config)
    except MemoryError:
        return Row(doc, error={"error": "memory", "stage": "extract", "page_id": doc.id,
                               "message": "the page needed more memory than there is",
                               "url": doc.url})


@contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr with the count of records and pages per second; a no-op when
    ``quiet`` or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, \
        TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("records"), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("run", total=None, rate="")
        started = time.perf_counter()
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            if done % 20 == 0:
                rate = done / max(time.perf_counter() - started, 1e-9)
                bar.update(task, completed=done, rate=f"{rate:,.0f} pages/s")

        yield tick


def _write_clusters(writer, out: Path, clusters: dict[str, Membership]) -> None:
    if isinstance(writer, SqliteWriter):
        writer.write_clusters(clusters)
        return
    side = out.with_name(out.name.split(".")[0] + ".clusters.jsonl")
    with JsonlWriter(side) as w:
        for id, m in clusters.items():
            w.write({"id": id, "cluster": m.cluster, "earliest": m.earliest, "exact": m.exact,
                     "size": m.size})


def _writer_for(out: Path):
    """The writer an output path names: SQLite corpus, Parquet, or JSON Lines (the rest)."""
    suffix = out.suffix.lower()
    if suffix in SQLITE_SUFFIXES:
        return SqliteWriter(out)
    if suffix == ".parquet":
        from newspith.io.parquet import ParquetWriter

        return ParquetWriter(out)
    return JsonlWriter(out)


def _print_summary(rows: list[Row], stats: BatchStats, out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"newspith: {stats.read} pages → {out}", title_justify="left")
    for col in ("page", "title", "words", "blocks", "article", "language", "published",
                "encoding"):
        table.add_column(col, overflow="fold", justify="right" if col in ("words", "blocks")
                         else "left")
    for row in rows:
        name = Path(row.doc.source).name if row.doc.id == row.doc.source else row.doc.url or \
            row.doc.id
        a = row.article
        if a is None:
            msg = row.error.get("message", "") if row.error else ""
            table.add_row(name, f"[red]error: {msg}[/red]", "", "", "", "", "", "")
            continue
        table.add_row(
            name, (a.title or "")[:60], str(len(a.text.split())), str(len(a.blocks)),
            "yes" if a.is_article else f"no ({a.reason})", a.language or "",
            a.published.isoformat() if a.published else "",
            f"{a.encoding or ''}{' (repaired)' if a.repaired else ''}")
    console = Console(file=sys.stdout, width=max(120, Console().width))
    console.print(table)
    if stats.written > len(rows):
        console.print(f"… and {stats.written - len(rows)} more rows in {out}")
    errors = sum(stats.errors.values())
    dropped = sum(stats.dropped.values())
    why = ", ".join(f"{n} {r}" for r, n in stats.dropped.most_common())
    console.print(f"read {stats.read} = written {stats.written} + dropped {dropped}"
                  f"{f' ({why})' if why else ''}; "
                  f"{stats.articles} articles, {stats.not_articles} not articles, "
                  f"{errors} errors")
    copies = [m for m in stats.clusters.values() if not m.earliest]
    if copies:
        console.print(f"duplicates: {len(copies)} copies ({sum(m.exact for m in copies)} exact) "
                      f"in {len({m.cluster for m in copies})} clusters")
