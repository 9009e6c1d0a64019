"""The SQLite corpus as a sink: a shard's rows and its completion marker in one transaction.

Rows are written as they come, each with its shard's key, and committed only with a shard's
marker (``shards`` table). A kill rolls back whatever was not committed. A shard that is redone
(unfinished, or its input changed since its marker) first has its old rows, signatures and
marker removed, in the same transaction as its new rows. Each
article's dedup sketch goes into the ``signatures`` table in the same transaction, so a later run
(or the resumed one) clusters its articles against the whole corpus.
"""

from __future__ import annotations

from pathlib import Path

from newspith.executors.shards import Shard, Tally
from newspith.io.sqlite import SHINGLES_SINCE, SqliteWriter
from newspith.pipeline.dedup import Deduper, Membership, Sketch, sketch_text

__all__ = ["CorpusSink"]


class CorpusSink:
    def __init__(self, path: Path) -> None:
        self.writer = SqliteWriter(path, commit_every=0)
        self.seq_base = 0  # a run's seqs come after every seq already in the corpus
        self._started: set[str] = set()  # shards whose old rows are already removed

    def __enter__(self) -> CorpusSink:
        self.writer.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.writer.__exit__(*exc)

    def done(self) -> dict[str, dict]:
        return self.writer.finished_shards()

    def clear(self) -> None:
        self.writer.clear_shards()

    def _start(self, shard: Shard) -> None:
        if shard.key not in self._started:
            self._started.add(shard.key)
            self.writer.forget_shard(shard.key)

    def write(self, shard: Shard, row) -> None:
        self._start(shard)
        self.writer.write(row.to_dict(), shard=shard.key)

    def commit(self, shard: Shard, tally: Tally) -> None:
        self._start(shard)
        tally.landed = self.writer.shard_rows(shard.key)
        self.writer.mark_shard(shard.key, shard.source, shard.index, tally.to_dict(),
                               shard.fingerprint)

    def load_corpus(self, deduper: Deduper, redo: frozenset[str] = frozenset()) -> None:
        """Every article already in the corpus into ``deduper``, in corpus order, except those of
        the shards in ``redo`` (this run replaces them)."""
        if 0 < self.writer.opened_schema < SHINGLES_SINCE:
            self._rehash(deduper)
        last = -1
        for id, key, published, seq, minhash in self.writer.signatures(redo):
            deduper.add_sketch(id, Sketch(key, minhash), published, order=seq)
            last = max(last, seq)
        self.seq_base = last + 1

    def _rehash(self, deduper: Deduper) -> None:
        """A corpus written before shingles were hashed as they are now: each article's MinHash
        is computed again from its text (its key, a hash of its words, is the same), so that
        this run's articles compare with the corpus's. Committed at once: done once a corpus."""
        for id, text in self.writer.signature_texts():
            self.writer.set_minhash(id, sketch_text(text or "", deduper.config).minhash)
        self.writer.commit()
        self.writer.mark_schema()

    def keep_sketch(self, id: str, sketch: Sketch, published: str | None, seq: int) -> None:
        self.writer.write_signature(id, sketch.key, published, self.seq_base + seq,
                                    sketch.minhash)

    def order(self, seq: int) -> int:
        return self.seq_base + seq

    def write_clusters(self, clusters: dict[str, Membership]) -> None:
        self.writer.write_clusters(clusters)
        self.writer.commit()
