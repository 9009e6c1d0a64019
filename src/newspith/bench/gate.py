"""The accuracy gate: a fixed sample of the dev pages, scored per dataset, against recorded floors.

The sample is every third page of each dataset (``SAMPLE_EVERY``), so the gate runs in seconds
and always sees the same pages. ``tests/extract/accuracy_floors.json`` records the floors; the
test fails when a dataset scores below its floor. ``scripts/raise_floors.py`` raises floors to
what the extractor now reaches (never lowers them).
"""

from __future__ import annotations

from pathlib import Path

from newspith.bench.datasets import content_datasets, read_pages
from newspith.bench.metric import aggregate, shingle_scores, word_f1
from newspith.extract import extract

__all__ = ["SAMPLE_EVERY", "gate_scores"]

SAMPLE_EVERY = 3


def gate_scores(data: Path) -> dict[str, float]:
    """F1 per content dataset (ScrapingHub metric) and the WCXB mean word F1, on the sample."""
    scores: dict[str, float] = {}
    for path in content_datasets(data):
        pages = read_pages(path, every=SAMPLE_EVERY)
        scores[path.name.split(".")[0]] = aggregate(
            [shingle_scores(p["text"], extract(p["html"], p.get("url")).text) for p in pages]).f1
    wcxb = data / "wcxb" / "dev.jsonl.gz"
    if wcxb.exists():
        f1s = [word_f1(p["text"], extract(p["html"], p.get("url")).text)
               for p in read_pages(wcxb, every=SAMPLE_EVERY)]
        scores["wcxb"] = sum(f1s) / len(f1s)
    return scores
