"""The WCXB benchmark (2026, seven page types): mean per-page word-bag F1, per type and overall.

Its metric is its authors': for each page the F1 of the bags of lowercased ``\\w+`` words of the
extracted text against the main-content truth, then the mean over pages.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newspith.bench.datasets import read_pages
from newspith.bench.metric import word_f1
from newspith.bench.tools import Tool

__all__ = ["WcxbResult", "run_wcxb", "PAGE_TYPES", "page_type_accuracy"]

PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


@dataclass
class WcxbResult:
    tool: str
    by_type: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    seconds: list[float] = field(default_factory=list)
    errors: int = 0
    worst: list[tuple[float, str, str]] = field(default_factory=list)

    @property
    def overall(self) -> float:
        scores = [s for v in self.by_type.values() for s in v]
        return sum(scores) / len(scores) if scores else 0.0

    def mean(self, page_type: str) -> float:
        v = self.by_type.get(page_type, [])
        return sum(v) / len(v) if v else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0


def run_wcxb(path: Path, tools: list[Tool], limit: int | None = None, every: int = 1
             ) -> dict[str, WcxbResult]:
    results = {t.name: WcxbResult(t.name) for t in tools}
    for page in read_pages(path, limit, every):
        truth, ptype = page.get("text") or "", page.get("page_type") or "unknown"
        for tool in tools:
            res = results[tool.name]
            start = time.perf_counter()
            try:
                predicted = tool.run(page["html"], page.get("url"))
            except Exception:  # noqa: BLE001 - an anchor's failure is one error, not a crash
                predicted, res.errors = "", res.errors + 1
            res.seconds.append(time.perf_counter() - start)
            score = word_f1(truth, predicted)
            res.by_type[ptype].append(score)
            res.worst.append((score, page["id"], ptype))
    for res in results.values():
        res.worst.sort()
    return results


def page_type_accuracy(path: Path, limit: int | None = None, every: int = 1
                       ) -> tuple[float, dict[tuple[str, str], int]]:
    """newspith's page-type classifier against WCXB's labels: accuracy and (truth, guess) counts."""
    from newspith.extract import extract

    confusion: dict[tuple[str, str], int] = defaultdict(int)
    for page in read_pages(path, limit, every):
        guess = extract(page["html"], page.get("url")).page_type or "none"
        confusion[(page.get("page_type") or "unknown", guess)] += 1
    total = sum(confusion.values())
    right = sum(n for (truth, guess), n in confusion.items() if truth == guess)
    return (right / total if total else 0.0), dict(confusion)

