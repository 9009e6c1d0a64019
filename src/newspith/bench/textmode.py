"""Text-mode benchmark: clean dumps built from the dev pages, against two baselines.

For every content dataset, each page's whole visible text becomes two dumps
(:mod:`newspith.bench.textdump`): the ``line`` form (one block a line) and the ``flat`` form (the
title twice, then all blocks on one line joined by runs of 2–8 spaces). Each dump is scored with
the content metric against the page's truth three ways, in the same run: the dump unchanged,
a C4/Gopher-style line filter, and ``newspith.clean_text``. Speed is pages per second of
``clean_text`` on one core (CPU time of this process), on each form: the best of ``passes``
passes over the dumps, as ``timeit`` reports, since other load on a shared machine slows a pass
by a fifth or more (the first pass, with cold caches, is one of them).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from newspith.bench.datasets import read_pages
from newspith.bench.metric import Aggregate, aggregate, shingle_scores
from newspith.bench.textdump import flat_dump, line_dump, line_filter

__all__ = ["TextModeResult", "run_textmode", "textmode_table"]

FORMS = ("line", "flat")
METHODS = ("dump unchanged", "line filter", "newspith clean_text")


@dataclass
class TextModeResult:
    name: str
    pages: int = 0
    scores: dict[tuple[str, str], Aggregate] = field(default_factory=dict)  # (form, method)
    pages_per_s: dict[str, float] = field(default_factory=dict)             # form → pages/s


def run_textmode(path: Path, limit: int | None = None, every: int = 1,
                 passes: int = 3) -> TextModeResult:
    from newspith.textmode import clean_text

    rows = []
    for page in read_pages(path, limit, every):
        html, truth = page.get("html") or "", page.get("text") or ""
        rows.append((truth, {"line": line_dump(html), "flat": flat_dump(html, page.get("id", ""))}))
    res = TextModeResult(name=path.name.split(".")[0], pages=len(rows))
    for form in FORMS:
        dumps = [d[form] for _, d in rows]
        spent = float("inf")
        for _ in range(max(1, passes)):
            start = time.process_time()
            cleaned = [clean_text(d).text for d in dumps]
            spent = min(spent, time.process_time() - start)
        res.pages_per_s[form] = len(dumps) / spent if spent > 0 else float("inf")
        outputs = {"dump unchanged": dumps, "line filter": [line_filter(d) for d in dumps],
                   "newspith clean_text": cleaned}
        for method, texts in outputs.items():
            res.scores[(form, method)] = aggregate(
                [shingle_scores(truth, text) for (truth, _), text in zip(rows, texts)])
    return res


def textmode_table(results: list[TextModeResult], markdown: bool = False) -> str:
    from newspith.bench.report import _table

    header = ["dataset", "form", "method", "precision", "recall", "F1",
              "pages/s (1 core, best pass)"]
    rows = []
    for r in results:
        for form in FORMS:
            for method in METHODS:
                a = r.scores[(form, method)]
                speed = (f"{r.pages_per_s[form]:,.0f}" if method == "newspith clean_text"
                         else "")
                rows.append([f"{r.name} ({r.pages})", form, method, f"{a.precision:.3f}",
                             f"{a.recall:.3f}", f"{a.f1:.3f}", speed])
    title = "Text mode: dumps of the dev pages' visible text"
    return (f"### {title}\n\n" if markdown else f"{title}\n") + _table(header, rows, markdown)
