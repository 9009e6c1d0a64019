"""What a batch shows while and after it runs: a progress bar, the summary table and counts."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path

from newspith.pipeline.steps import Row

__all__ = ["SUMMARY_ROWS", "print_summary", "progress"]

SUMMARY_ROWS = 30  # rows shown in the summary table; all rows are in the output


@contextmanager
def progress(quiet: bool):
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


def print_summary(rows: list[Row], stats, out: Path) -> None:
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
        if row.article is None:
            msg = row.error.get("message", "") if row.error else ""
            table.add_row(name, f"[red]error: {msg}[/red]", "", "", "", "", "", "")
            continue
        a = row.to_dict()  # (an encoded row's article has left its blocks in its line)
        table.add_row(
            name, (a["title"] or "")[:60], str(len(a["text"].split())), str(len(a["blocks"])),
            "yes" if a["is_article"] else f"no ({a['reason']})", a["language"] or "",
            a["published"] or "", f"{a['encoding'] or ''}{' (repaired)' if a['repaired'] else ''}")
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
    if stats.shards_skipped:
        console.print(f"resumed: {stats.shards_skipped} of {stats.shards} input files were "
                      f"finished by an earlier run (figures above cover the whole run)")
    copies = [m for m in stats.clusters.values() if not m.earliest]
    if copies:
        console.print(f"duplicates: {len(copies)} copies ({sum(m.exact for m in copies)} exact) "
                      f"in {len({m.cluster for m in copies})} clusters")
