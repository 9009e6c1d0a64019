"""The body-extraction benchmark: every tool on every page of each content dataset, same run.

Tools run one after another on the same page (interleaved, so machine noise hits all alike);
each call is timed alone. A tool that raises scores an empty prediction and counts an error.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from newspith.bench.datasets import read_pages
from newspith.bench.metric import Aggregate, PageScore, aggregate, shingle_scores
from newspith.bench.tools import Tool

__all__ = ["ToolResult", "DatasetResult", "run_dataset"]


@dataclass
class ToolResult:
    name: str
    scores: list[PageScore] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    errors: int = 0
    page_ids: list[str] = field(default_factory=list)

    @property
    def summary(self) -> Aggregate:
        return aggregate(self.scores)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0

    def worst(self, n: int) -> list[tuple[str, PageScore]]:
        pairs = list(zip(self.page_ids, self.scores))
        return sorted(pairs, key=lambda p: p[1].f1)[:n]


@dataclass
class DatasetResult:
    name: str
    tools: dict[str, ToolResult]

    def collapsed(self, tool: str, ours: str = "newspith") -> int:
        """Pages where ``tool`` scores F1 under 0.5 while the best anchor (another tool, not one
        of newspith's settings) scores over 0.9: the article was there to get."""
        t = self.tools[tool]
        anchors = [a for n, a in self.tools.items() if n != tool and not n.startswith(ours)]
        if not anchors:
            return 0
        return sum(1 for i, s in enumerate(t.scores)
                   if s.f1 < 0.5 and max(a.scores[i].f1 for a in anchors) > 0.9)

    def best_anchor(self, ours: str = "newspith") -> ToolResult | None:
        anchors = [t for n, t in self.tools.items() if not n.startswith(ours)]
        return max(anchors, key=lambda t: t.summary.f1) if anchors else None


def run_dataset(path: Path, tools: list[Tool], limit: int | None = None, every: int = 1,
                progress=None) -> DatasetResult:
    name = path.name.split(".")[0]
    results = {t.name: ToolResult(t.name) for t in tools}
    for page in read_pages(path, limit, every):
        html, url, truth = page["html"], page.get("url"), page.get("text") or ""
        for tool in tools:
            res = results[tool.name]
            start = time.perf_counter()
            try:
                predicted = tool.run(html, url)
            except Exception:  # noqa: BLE001 - any anchor failure is one error, not a crash
                predicted = ""
                res.errors += 1
            res.seconds.append(time.perf_counter() - start)
            res.scores.append(shingle_scores(truth, predicted))
            res.page_ids.append(page["id"])
        if progress:
            progress()
    return DatasetResult(name, results)
