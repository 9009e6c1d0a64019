"""A folder of part files, one per finished shard, each with its completion marker.

Layout of the folder (local, or any fsspec URL such as ``s3://bucket/run/``)::

    part-<key>.jsonl.gz        the shard's rows (or .jsonl, .parquet: the run's output format)
    part-<key>.done.json       its marker: key, source, index, fingerprint, rows, tally

A part is written under a temporary name and moved into place when its shard is complete; the
marker is written after it, so a marker always names a whole part. A run killed mid-shard leaves
at most a temporary file, which the next run ignores (the local executor removes it) and redoes.
Several tasks (Spark executors) can share one folder: each writes only its own shards' files.

For a JSONL or Parquet ``--out FILE``, the local executor keeps this folder beside the output
(``FILE.shards/``) and, once every shard is finished, assembles the parts in input order into
``FILE`` (written under a temporary name, then renamed).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newspith.executors.shards import Shard, Tally
from newspith.io.jsonl import JsonlWriter

__all__ = ["PartSink", "PartStore", "part_suffix"]

_MARKER = ".done.json"


def part_suffix(out: str) -> str:
    """The part format an output name asks for: ``.parquet``, ``.jsonl.gz`` or ``.jsonl``."""
    name = out.lower().rstrip("/")
    if name.endswith(".parquet"):
        return ".parquet"
    return ".jsonl.gz" if name.endswith(".gz") else ".jsonl"


class PartStore:
    """The folder of parts and markers."""

    def __init__(self, root: str | Path, suffix: str = ".jsonl.gz") -> None:
        from fsspec.core import url_to_fs

        self.fs, self.root = url_to_fs(str(root))
        self.root = self.root.rstrip("/")
        self.local = "file" in _protocols(self.fs)
        self.suffix = suffix
        self.fs.makedirs(self.root, exist_ok=True)

    def part(self, shard: Shard) -> str:
        return f"{self.root}/part-{shard.key}{self.suffix}"

    def marker(self, shard: Shard) -> str:
        return f"{self.root}/part-{shard.key}{_MARKER}"

    def done(self) -> dict[str, dict[str, Any]]:
        """Markers of the finished shards, by shard key."""
        out = {}
        for path in self.fs.glob(f"{self.root}/part-*{_MARKER}"):
            with self.fs.open(path, "r", encoding="utf-8") as fh:
                try:
                    marker = json.load(fh)
                except json.JSONDecodeError:
                    continue  # a marker cut short is no marker: the shard is redone
            out[marker["key"]] = marker
        return out

    def finished(self, shard: Shard) -> dict[str, Any] | None:
        """One shard's marker, if it is finished (reads that marker only)."""
        try:
            with self.fs.open(self.marker(shard), "r", encoding="utf-8") as fh:
                return json.load(fh)
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def clear(self) -> None:
        """Forget every shard (``--restart``): remove parts, markers and leftovers."""
        for path in self.fs.glob(f"{self.root}/part-*"):
            self.fs.rm(path)

    def remove_leftovers(self) -> None:
        """Temporary parts of an earlier, killed run (only when one process owns the folder)."""
        for path in self.fs.glob(f"{self.root}/part-*.tmp*"):
            self.fs.rm(path)

    def temp_path(self, shard: Shard) -> Path:
        """Where a shard's part is written before it is complete (a local file)."""
        if self.local:
            return Path(f"{self.part(shard)}.tmp{os.getpid()}")
        return Path(tempfile.mkdtemp(prefix="newspith-part-")) / f"part-{shard.key}{self.suffix}"

    def publish(self, shard: Shard, tmp: Path, tally: Tally) -> None:
        """Move a complete part into place, then write its marker."""
        if self.local:
            os.replace(tmp, self.part(shard))
        else:
            self.fs.put_file(str(tmp), self.part(shard))
            shutil.rmtree(tmp.parent, ignore_errors=True)
        marker = {"key": shard.key, "source": shard.source, "index": shard.index,
                  "fingerprint": shard.fingerprint, "rows": tally.written,
                  "tally": tally.to_dict()}
        data = json.dumps(marker, ensure_ascii=False)
        if self.local:
            tmp_marker = f"{self.marker(shard)}.tmp{os.getpid()}"
            with open(tmp_marker, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp_marker, self.marker(shard))
        else:
            self.fs.pipe_file(self.marker(shard), data.encode("utf-8"))

    def rows(self, shard: Shard) -> Iterator[dict[str, Any]]:
        """The rows of a finished shard's part (JSONL rows; Parquet rows as their ``data``)."""
        path = self.part(shard)
        if self.suffix == ".parquet":
            import pyarrow.parquet as pq

            with self.fs.open(path, "rb") as fh:
                for batch in pq.ParquetFile(fh).iter_batches(columns=["data"]):
                    for data in batch.column(0).to_pylist():
                        yield json.loads(data)
            return
        with self.fs.open(path, "rb", compression="gzip" if self.suffix.endswith(".gz")
                          else None) as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def assemble(self, shards: list[Shard], out: Path) -> None:
        """Every shard's part, in shard order, into one output file (renamed into place)."""
        tmp = out.with_name(f"{out.name}.tmp{os.getpid()}")
        out.parent.mkdir(parents=True, exist_ok=True)
        if self.suffix == ".parquet":
            _join_parquet([self.part(s) for s in shards], tmp, self.fs)
        else:  # JSONL bytes concatenate; gzip members do too
            with open(tmp, "wb") as dest:
                for s in shards:
                    with self.fs.open(self.part(s), "rb") as src:
                        shutil.copyfileobj(src, dest, 1 << 20)
        os.replace(tmp, out)


class PartSink:
    """Rows of each shard into a temporary part; on commit, the part is published."""

    def __init__(self, store: PartStore) -> None:
        self.store = store
        self._open: dict[str, tuple[Path, Any]] = {}

    @property
    def takes_lines(self) -> bool:
        """Whether rows may come encoded (``Row.line``): JSON Lines parts write the line."""
        return self.store.suffix != ".parquet"

    def done(self) -> dict[str, dict[str, Any]]:
        return self.store.done()

    def clear(self) -> None:
        self.store.clear()

    def write(self, shard: Shard, row) -> None:
        """One :class:`~newspith.pipeline.steps.Row` of a shard (an encoded row's line as it
        is, into JSON Lines)."""
        entry = self._open.get(shard.key) or self._start(shard)
        writer = entry[1]
        if row.line is not None and self.takes_lines:
            writer.write_line(row.line)
        else:
            writer.write(self.as_dict(row))

    def as_dict(self, row) -> dict:
        return row.to_dict()

    def _start(self, shard: Shard):
        tmp = self.store.temp_path(shard)
        if self.store.suffix == ".parquet":
            from newspith.io.parquet import ParquetWriter

            writer = ParquetWriter(tmp)
        else:
            writer = JsonlWriter(tmp, gzip_suffix=self.store.suffix.endswith(".gz"))
        writer.__enter__()
        self._open[shard.key] = (tmp, writer)
        return self._open[shard.key]

    def commit(self, shard: Shard, tally: Tally) -> None:
        """Close the shard's part, count the rows it holds (``tally.landed``), publish it."""
        tmp, writer = self._open.pop(shard.key, None) or self._start_and_pop(shard)
        writer.__exit__(None, None, None)
        tally.landed = count_rows(tmp, self.store.suffix)
        self.store.publish(shard, tmp, tally)

    def _start_and_pop(self, shard: Shard):
        self._start(shard)
        return self._open.pop(shard.key)

    def close(self) -> None:
        """Drop the parts of shards left unfinished (an interrupted run)."""
        for tmp, writer in self._open.values():
            writer.__exit__(None, None, None)
            tmp.unlink(missing_ok=True)
        self._open.clear()


def count_rows(path: Path, suffix: str) -> int:
    """Rows in a finished local part file."""
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    import gzip

    opener = gzip.open if suffix.endswith(".gz") else open
    with opener(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def _join_parquet(parts: list[str], dest: Path, fs) -> None:
    import pyarrow.parquet as pq

    from newspith.io.parquet import parquet_schema

    with pq.ParquetWriter(dest, parquet_schema(), compression="zstd") as writer:
        for part in parts:
            with fs.open(part, "rb") as fh:
                for batch in pq.ParquetFile(fh).iter_batches():
                    writer.write_batch(batch)


def _protocols(fs) -> tuple[str, ...]:
    p = fs.protocol
    return (p,) if isinstance(p, str) else tuple(p)
