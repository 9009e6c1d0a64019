"""The scores newspith is measured with.

* :func:`shingle_scores` / :func:`aggregate`: the ScrapingHub article-extraction-benchmark metric.
  Tokens are ``\\w+`` runs; each page's 4-token shingles are counted; per page TP/FP/FN are
  normalised to sum to 1; precision is the mean over pages with TP+FP > 0, recall the mean over
  pages with TP+FN > 0, F1 comes from those two means; accuracy is the share of pages whose token
  sequences are equal.
* :func:`word_f1`: WCXB's metric, the F1 of lowercased ``\\w+`` word bags of one page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["tokens", "shingle_scores", "PageScore", "Aggregate", "aggregate", "word_f1"]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def _shingles(toks: list[str], n: int) -> Counter:
    if not toks:
        return Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)))


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def shingle_scores(truth: str, predicted: str, n: int = 4) -> PageScore:
    t_toks, p_toks = tokens(truth), tokens(predicted)
    t, p = _shingles(t_toks, n), _shingles(p_toks, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    if s:
        return PageScore(tp / s, fp / s, fn / s, t_toks == p_toks)
    return PageScore(0.0, 0.0, 0.0, t_toks == p_toks)


@dataclass(frozen=True, slots=True)
class Aggregate:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def aggregate(scores: list[PageScore]) -> Aggregate:
    ps = [s.precision for s in scores if s.precision is not None]
    rs = [s.recall for s in scores if s.recall is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for s in scores if s.exact) / len(scores) if scores else 0.0
    return Aggregate(p, r, f1, acc, len(scores))


def word_f1(truth: str, predicted: str) -> float:
    """WCXB: F1 of the bags of lowercased ``\\w+`` words of one page."""
    t = Counter(w.lower() for w in tokens(truth))
    p = Counter(w.lower() for w in tokens(predicted))
    if not t and not p:
        return 1.0
    common = sum((t & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)
