"""The pipeline over shards, the same for every executor: read, extract, write, mark.

Each shard's records are read in order and numbered (``Document.seq``); each page goes through
the per-page step (here, or in guarded worker processes); its row goes to the sink, and once a
shard's last row is written the sink commits the shard with its tally (the completion marker).
Rows may come back out of order across shards; a shard is committed only when all of its rows
are in. An input that cannot be opened or read on is an error row, never the end of the batch;
unless the input does not exist, its shard gets no completion marker (it is listed in the
tally's ``incomplete``), so that a rerun redoes it. A row whose id was already written in this run
is an error row (``duplicate-id``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from newspith.config import ExtractConfig, PoolConfig
from newspith.document import Document
from newspith.executors.shards import SEQ_SPAN, Shard, Tally
from newspith.io.files import read_inputs
from newspith.io.sources import is_url
from newspith.io.warc import Dropped
from newspith.pipeline.pool import run_pool
from newspith.pipeline.steps import Row, extract_document

__all__ = ["Sink", "process_shards", "run_one"]


class Sink(Protocol):
    """Where rows go: ``write`` one row of a shard; ``commit`` a shard whose rows are all
    written, with its tally (the completion marker)."""

    def write(self, shard: Shard, row: Row) -> None: ...

    def commit(self, shard: Shard, tally: Tally) -> None: ...


Step = Callable[[Document, ExtractConfig | None], Row]


def run_one(doc: Document, config: ExtractConfig | None, step: Step = extract_document) -> Row:
    """The per-page step in this process; running out of memory is that page's error row."""
    try:
        return step(doc, config)
    except MemoryError:
        return Row(doc, error={"error": "memory", "stage": "extract", "page_id": doc.id,
                               "message": "the page needed more memory than there is",
                               "url": doc.url})


def process_shards(shards: list[Shard], sink: Sink, config: ExtractConfig | None = None,
                   workers: int | None = 1, pool: PoolConfig | None = None,
                   on_row: Callable[[Row], None] | None = None, guarded: bool = False,
                   step: Step = extract_document) -> Tally:
    """Run every page of ``shards`` into ``sink``, committing each shard once complete.

    Pages run in worker processes with the time and memory guards of ``pool`` (one worker for
    ``workers=1``); only ``workers=1`` with both guards off (``page_seconds`` and
    ``worker_memory_mb`` 0) and not ``guarded`` runs pages in this process. ``on_row`` sees each row after it
    is written and before its shard can be committed. ``step`` is the per-page step (a module-level function, so that
    worker processes can run it). Returns the tally of these shards together.
    """
    by_index = {s.index: s for s in shards}
    tallies = {s.index: Tally() for s in shards}
    pending: Counter = Counter()   # rows still to come, per shard
    waiting: dict[int, None] = {}  # shards read to the end, not yet committed (in order)
    failed: set[int] = set()       # shards whose reading ended on an exception: no marker

    def documents() -> Iterator[Document]:
        for shard in shards:
            tally, n = tallies[shard.index], 0
            try:
                for item in read_inputs([_source(shard.source)]):
                    n += 1
                    tally.read += 1
                    if isinstance(item, Dropped):
                        tally.dropped[item.reason] += 1
                        continue
                    pending[shard.index] += 1
                    yield replace(item, seq=shard.first_seq + n)
            except Exception as exc:  # noqa: BLE001 - an unreadable input is an error row
                n += 1
                tally.read += 1
                pending[shard.index] += 1
                if not _missing(exc):  # a file that is not there stays an error row
                    failed.add(shard.index)
                yield Document(id=f"{shard.source}#{n}", source=shard.source,
                               error=f"cannot read the input: {exc}"[:500],
                               seq=shard.first_seq + n)
            waiting[shard.index] = None

    def commit_finished() -> None:
        for i in [i for i in waiting if pending[i] == 0]:
            del waiting[i]
            if i not in failed:
                sink.commit(by_index[i], tallies[i])

    pool = pool or PoolConfig()
    unguarded = pool.page_seconds <= 0 and pool.worker_memory_mb <= 0
    if workers == 1 and unguarded and not guarded:
        rows = (run_one(doc, config, step) for doc in documents())
    else:
        rows = run_pool(documents(), config, replace(pool, workers=workers), fn=step)
    ids: set[str] = set()  # every id written in this run
    for row in rows:
        i = row.doc.seq // SEQ_SPAN
        if row.doc.id in ids:
            row = duplicate_row(row)
        ids.add(row.doc.id)
        sink.write(by_index[i], row)
        tallies[i].count_row(row)
        pending[i] -= 1
        if on_row is not None:
            on_row(row)
        commit_finished()
    commit_finished()
    total = Tally()
    for t in tallies.values():
        total.merge(t)
    total.incomplete = [by_index[i].source for i in sorted(failed)]
    return total


def duplicate_row(row: Row) -> Row:
    """A row whose id was already written in this run: an error row (``duplicate-id``) under
    an id of its own, never an overwrite of the first."""
    doc = row.doc
    return Row(replace(doc, id=f"{doc.id}#duplicate-{doc.seq}"),
               error={"error": "duplicate-id", "stage": "read", "page_id": doc.id,
                      "message": f"the id {doc.id!r} was already written in this run",
                      "url": doc.url})


def _missing(exc: BaseException) -> bool:
    """Whether an input failed because it does not exist (a lasting error, not a read cut
    short): such a shard is finished, its one row the error."""
    return isinstance(exc, FileNotFoundError) or isinstance(exc.__cause__, FileNotFoundError)


def _source(name: str):
    return name if is_url(name) else Path(name)
