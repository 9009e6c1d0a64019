"""Comment extraction, measured on the datasets that give comment truth (dragnet).

newspith's ``Article.comments`` (joined) against the page's ``comments`` truth, with the same
shingle metric as the body, over pages whose truth has comments; and how much comment text leaks
into the body (the share of body shingles that belong to the comment truth).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newspith.bench.datasets import read_pages
from newspith.bench.metric import Aggregate, aggregate, shingle_scores, tokens
from newspith.extract import extract

__all__ = ["CommentResult", "run_comments"]


@dataclass(frozen=True, slots=True)
class CommentResult:
    dataset: str
    scores: Aggregate
    leak: float  # mean share of body 4-shingles that are comment-truth shingles


def _shingles(text: str) -> set[tuple[str, ...]]:
    t = tokens(text)
    return {tuple(t[i:i + 4]) for i in range(max(0, len(t) - 3))}


def run_comments(path: Path, limit: int | None = None, every: int = 1) -> CommentResult | None:
    scores, leaks = [], []
    for page in read_pages(path, limit, every):
        truth = page.get("comments") or ""
        if not truth.strip():
            continue
        article = extract(page["html"], page.get("url"))
        scores.append(shingle_scores(truth, "\n\n".join(article.comments)))
        body, comments = _shingles(article.text), _shingles(truth) - _shingles(page["text"])
        leaks.append(len(body & comments) / len(body) if body else 0.0)
    if not scores:
        return None
    return CommentResult(path.name.split(".")[0], aggregate(scores), sum(leaks) / len(leaks))
