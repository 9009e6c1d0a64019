"""The local executor: shards on this machine's cores, resumable after a kill.

Each input file is a shard (:mod:`newspith.executors.shards`). Before work starts, the sink says
which shards are finished (their completion markers); those are skipped, their figures taken
from the markers, and the rest are run from their first record:

- SQLite corpus: rows and each shard's marker commit together (:mod:`.corpus`);
- JSONL / Parquet ``FILE``: one part per shard in ``FILE.shards/`` (:mod:`.parts`), assembled
  into ``FILE`` once every shard is finished;
- Markdown folder ``DIR/`` (a name ending in ``/``, or an existing folder): one ``.md`` per
  article and an ``index.jsonl`` of every row, resumable the same way (:mod:`.markdown`).

One run at a time writes an output: a run holds ``OUT.lock`` (``fcntl.flock``) and a second
run on the same output is refused with an error.

Run-level dedup sees every article of the run: those of skipped shards are read back from their
parts (from the corpus's stored sketches, for SQLite, which also brings in every earlier run).
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from newspith.config import ExtractConfig, PoolConfig
from newspith.errors import InputError
from newspith.executors.corpus import CorpusSink
from newspith.executors.markdown import MarkdownSink
from newspith.executors.parts import PartSink, PartStore, part_suffix
from newspith.executors.process import process_shards
from newspith.executors.shards import Shard, Tally, plan_shards
from newspith.io.files import expand_paths
from newspith.io.jsonl import JsonlWriter
from newspith.io.sqlite import SQLITE_SUFFIXES
from newspith.pipeline.batch import BatchStats
from newspith.pipeline.dedup import Deduper, Membership, preload, sketch_text
from newspith.pipeline.report import SUMMARY_ROWS, print_summary, progress
from newspith.pipeline.steps import Row, extract_and_sketch, extract_document

__all__ = ["run_local", "shard_folder"]


def shard_folder(out: Path) -> Path:
    """Where a JSONL or Parquet output keeps its parts and markers."""
    return out.with_name(out.name + ".shards")


def run_local(inputs: list[str], out: str | Path, config: ExtractConfig | None = None,
              quiet: bool = False, dedup: bool = True, workers: int | None = 1,
              pool: PoolConfig | None = None, restart: bool = False) -> BatchStats:
    """Run every shard of ``inputs`` not yet finished into ``out``; figures of the whole run."""
    folder = str(out).endswith(("/", os.sep)) or Path(out).is_dir()
    out = Path(out)
    corpus = not folder and out.suffix.lower() in SQLITE_SUFFIXES
    kind = "sqlite" if corpus else "markdown" if folder else part_suffix(out.name)
    shards = plan_shards(expand_paths(inputs), salt=f"{kind}|{config or ExtractConfig()!r}")
    stats = BatchStats(shards=len(shards))
    shown: list[Row] = []
    deduper = Deduper() if dedup else None
    start = time.perf_counter()
    with _locked(out), _sink(out, corpus, folder) as sink:
        if restart:
            sink.clear()
        done = sink.done()
        finished = [s for s in shards if s.finished_in(done)]
        todo = [s for s in shards if not s.finished_in(done)]
        for s in finished:
            stats.skip(Tally.from_dict(done[s.key]["tally"]))
        if deduper is not None:
            if corpus:
                sink.load_corpus(deduper, redo=frozenset(s.key for s in todo))
            else:
                _replay(sink.store, finished, deduper)

        with progress(quiet) as tick:
            def on_row(row: Row) -> None:
                tick()
                if len(shown) < SUMMARY_ROWS:
                    shown.append(row)
                a = row.article
                if deduper is None or a is None or not a.text:
                    return
                published = a.published.isoformat() if a.published else None
                order = sink.order(row.doc.seq) if corpus else row.doc.seq
                sketch = row.sketch or sketch_text(a.text, deduper.config)
                deduper.add_sketch(row.doc.id, sketch, published, order=order)
                if corpus:
                    sink.keep_sketch(row.doc.id, sketch, published, row.doc.seq)

            step = extract_document
            # Rows for JSON Lines come encoded from the workers (`steps.encoded`).
            encode = bool(getattr(sink, "takes_lines", False))
            if deduper is not None and todo:
                preload(deduper.config)  # once, before the workers fork
                step = partial(extract_and_sketch, dedup=deduper.config, encode=encode)
            elif encode:
                step = partial(extract_and_sketch, sketch=False, encode=True)
            stats.merge(process_shards(todo, sink, config, workers, pool, on_row, step=step))
        if deduper is not None:
            stats.clusters = deduper.clusters()
            if corpus:
                sink.write_clusters(stats.clusters)
            else:
                _write_clusters(out / "clusters.jsonl" if folder else
                                out.with_name(out.name.split(".")[0] + ".clusters.jsonl"),
                                stats.clusters)
        if not corpus and not stats.incomplete:  # assembled once every shard is finished
            sink.store.assemble(shards, out / "index.jsonl" if folder else out)
    stats.seconds = time.perf_counter() - start
    if not quiet:
        print_summary(shown, stats, out)
    return stats


@contextmanager
def _locked(out: Path):
    """Hold ``OUT.lock`` for the run: a second run on the same output is refused."""
    import fcntl

    lock = out.with_name(out.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"another run is writing {out} (it holds {lock}); wait for it "
                             "to end") from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


@contextmanager
def _sink(out: Path, corpus: bool, folder: bool):
    if corpus:
        with CorpusSink(out) as sink:
            yield sink
        return
    if folder:
        sink = MarkdownSink(out)
    else:
        sink = PartSink(PartStore(shard_folder(out), part_suffix(out.name)))
    sink.store.remove_leftovers()
    try:
        yield sink
    finally:
        sink.close()


def _replay(store: PartStore, shards: list[Shard], deduper: Deduper) -> None:
    """The articles of shards finished earlier, back into the run's dedup."""
    for shard in shards:
        for n, row in enumerate(store.rows(shard), 1):
            if row.get("ok") and row.get("text"):
                deduper.add(row["id"], row["text"], row.get("published"),
                            order=shard.first_seq + n)


def _write_clusters(side: Path, clusters: dict[str, Membership]) -> None:
    with JsonlWriter(side) as w:
        for id, m in clusters.items():
            w.write({"id": id, "cluster": m.cluster, "earliest": m.earliest, "exact": m.exact,
                     "size": m.size})
