"""Shards, their tallies, and the completion markers that make a run resumable.

A **shard** is one input file (a local path or a URL): a WARC, a WET, a JSONL file or one HTML
file. It is the unit of work and of resume. Its key is a hash of where it lives (the resolved
absolute path, or the URL), so a rerun over the same inputs finds it again whatever the order of
the command line or the working folder. Its **fingerprint** says what it was made from: the
file's size and modification time (size, ETag and modification time for a URL, as far as its
filesystem tells), the output format and the extraction settings. A shard is *finished* when
every record read from it has its row written and its completion marker, holding that
fingerprint, is stored; a rerun skips finished shards whose fingerprint still matches and redoes
the others from their first record (their old rows replaced).

A shard's **tally** counts its records (``read = written + dropped``) and the rows found in the
output when it was committed (``landed``, which must equal ``written``), so that a resumed run's
figures cover the whole run: the tallies of the shards skipped, read from their markers, plus
those of the shards done now.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newspith.io.sources import Source, is_url

__all__ = ["SEQ_SPAN", "Shard", "Tally", "plan_shards", "resolve_source"]

#: A record's place in a run is ``shard.index * SEQ_SPAN + its place in the shard``: stable
#: across reruns, and it tells which shard a row belongs to.
SEQ_SPAN = 1_000_000_000


@dataclass(frozen=True, slots=True)
class Shard:
    index: int     # its place in the run's inputs
    source: str    # the path or URL read
    key: str       # stable name: a hash of the source
    fingerprint: str = ""  # what the shard was made from (file state, output, settings)

    def finished_in(self, done: dict[str, dict[str, Any]]) -> bool:
        """Whether ``done`` (markers by key) holds this shard's marker, for the same input."""
        marker = done.get(self.key)
        if marker is None or marker.get("fingerprint", "") != self.fingerprint:
            return False
        tally = marker.get("tally") or {}
        return tally.get("landed", tally.get("written")) == tally.get("written")

    @property
    def first_seq(self) -> int:
        return self.index * SEQ_SPAN


def shard_key(source: str) -> str:
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:20]


def resolve_source(src: Source) -> str:
    """Where an input lives, one name whatever the working folder: absolute path or URL."""
    if is_url(src):
        return str(src)
    return str(Path(src).resolve())


def input_state(source: str) -> str:
    """What identifies the current content of an input without reading it."""
    if not is_url(source):
        try:
            st = os.stat(source)
        except OSError:
            return "missing"
        return f"{st.st_size}:{st.st_mtime_ns}"
    try:
        from fsspec.core import url_to_fs

        fs, path = url_to_fs(source)
        info = fs.info(path)
    except (OSError, ValueError, ImportError):
        return "unknown"
    parts = [info.get(k) for k in ("size", "ETag", "etag", "LastModified", "mtime",
                                   "last_modified")]
    return ":".join(str(p) for p in parts if p is not None) or "unknown"


def plan_shards(sources: list[Source], salt: str = "") -> list[Shard]:
    """One shard per input file, in input order (a file named twice is one shard, however it
    was spelled). ``salt`` (the output format and extraction settings) goes into every
    shard's fingerprint."""
    seen: dict[str, Shard] = {}
    for src in sources:
        name = resolve_source(src)
        if name not in seen:
            state = f"{input_state(name)}|{salt}"
            seen[name] = Shard(len(seen), name, shard_key(name),
                               hashlib.sha1(state.encode("utf-8")).hexdigest()[:20])
    return list(seen.values())


@dataclass
class Tally:
    """The figures of one shard (or, merged, of a run)."""

    read: int = 0
    written: int = 0
    articles: int = 0
    not_articles: int = 0
    errors: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    landed: int = 0  # rows found in the output when the shard was committed (set by the sink)
    incomplete: list = field(default_factory=list)  # sources whose reading failed part-way

    def count_row(self, row) -> None:
        self.written += 1
        a = row.article
        if a is None:
            self.errors[row.error["error"] if row.error else "unknown"] += 1
        elif a.is_article:
            self.articles += 1
        else:
            self.not_articles += 1

    def merge(self, other: Tally) -> None:
        self.read += other.read
        self.written += other.written
        self.articles += other.articles
        self.not_articles += other.not_articles
        self.errors.update(other.errors)
        self.dropped.update(other.dropped)
        self.landed += other.landed
        self.incomplete.extend(other.incomplete)

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "written": self.written, "articles": self.articles,
                "not_articles": self.not_articles, "errors": dict(self.errors),
                "dropped": dict(self.dropped), "landed": self.landed}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tally:
        return cls(int(d.get("read", 0)), int(d.get("written", 0)), int(d.get("articles", 0)),
                   int(d.get("not_articles", 0)), Counter(d.get("errors") or {}),
                   Counter(d.get("dropped") or {}), int(d.get("landed", d.get("written", 0))))
