"""Where the benchmark data is and how to read it.

The data lives in ``../shared/bench/`` beside a checkout (never in the repository). ``find_data``
looks there from the current directory and from the package's source tree; ``--data`` overrides.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

__all__ = ["CONFIRM", "find_data", "content_datasets", "read_pages"]

#: The confirm split: pages of naeb's collection from sites no dev set has. Score only: the bench
#: prints its aggregate rows and nothing else (no page ids, no worst pages), and nothing tunes
#: or trains on it.
CONFIRM = "news/naeb-confirm.jsonl.gz"


def find_data(explicit: str | Path | None = None) -> Path | None:
    """The ``shared/bench`` folder, or ``None`` when it cannot be found."""
    if explicit:
        p = Path(explicit)
        return p if p.is_dir() else None
    starts = [Path.cwd(), Path(__file__).resolve()]
    for start in starts:
        for parent in [start, *start.parents]:
            cand = parent.parent / "shared" / "bench"
            if cand.is_dir():
                return cand
    return None


def content_datasets(data: Path) -> list[Path]:
    """The body-extraction dev sets (``content/*.jsonl.gz``, dragnet first, then the news set
    ``news/naeb.jsonl.gz``); never the confirm split (:data:`CONFIRM`)."""
    files = sorted((data / "content").glob("*.jsonl.gz"))
    files = sorted(files, key=lambda f: (f.name != "dragnet.jsonl.gz", f.name))
    naeb = data / "news" / "naeb.jsonl.gz"
    return files + [naeb] if naeb.exists() else files


def read_pages(path: Path, limit: int | None = None, every: int = 1) -> Iterator[dict]:
    """Pages of one JSONL.gz file; ``every`` keeps one page in N (a fixed, spread sample)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        kept = 0
        for i, line in enumerate(fh):
            if i % every:
                continue
            if limit is not None and kept >= limit:
                return
            kept += 1
            yield json.loads(line)
