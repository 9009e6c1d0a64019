"""Memory over repeated extraction: RSS after each pass over the same pages, in one process.

A flat line after the first pass means no cache grows without bound and nothing leaks; the
figure reported is the growth from the end of the first pass to the end of the last.
"""

from __future__ import annotations

import gc
import resource
import sys
from dataclasses import dataclass
from pathlib import Path

from newspith.bench.datasets import read_pages
from newspith.extract import extract

__all__ = ["MemoryResult", "rss_mb", "run_memory"]


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / 1e6
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


@dataclass(frozen=True, slots=True)
class MemoryResult:
    pages: int
    passes: int
    rss_after_pass: tuple[float, ...]

    @property
    def growth_after_first(self) -> float:
        return self.rss_after_pass[-1] - self.rss_after_pass[0]


def run_memory(paths: list[Path], passes: int = 10, limit: int | None = None, every: int = 1
               ) -> MemoryResult:
    htmls = [p["html"] for path in paths for p in read_pages(path, limit, every)]
    after = []
    for _ in range(passes):
        for html in htmls:
            extract(html)
        gc.collect()
        after.append(rss_mb())
    return MemoryResult(len(htmls), passes, tuple(after))
