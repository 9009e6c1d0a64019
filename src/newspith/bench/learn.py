"""Training and validating the learned keep/drop model (``scripts/train_body_model.py``).

* :func:`block_labels`: how much of each block the truth holds. The truth's word n-grams are a
  pool each block draws from in page order, so a second copy of a caption finds the pool empty
  and counts as not the article's (the metric counts its words twice).
* :func:`collect`: every dev page read by the rules (the model off), as feature rows, labels and
  weights. Each page weighs one in all, its blocks by their words, as the metric weighs pages.
* :func:`fit`: a LightGBM model, deterministic on the CPU, with fixed parameters.
* :func:`leave_one_out`: train on all dev sets but one, score the one left out, for each.

The confirm split (``news/naeb-confirm``) is never read here: the bench scores it as an
aggregate only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

from newspith.bench.datasets import read_pages
from newspith.bench.metric import aggregate, shingle_scores, word_f1

__all__ = ["DEV_SETS", "PARAMS", "ROUNDS", "PageRows", "block_labels", "collect", "fit",
           "leave_one_out", "page_rows", "score_pages", "weighted"]

#: The dev sets the model learns from, by name: (file under ``../shared/bench/``, metric).
DEV_SETS: dict[str, tuple[str, str]] = {
    "dragnet": ("content/dragnet.jsonl.gz", "shingle"),
    "cleaneval": ("content/cleaneval.jsonl.gz", "shingle"),
    "cleanportaleval": ("content/cleanportaleval.jsonl.gz", "shingle"),
    "readability": ("content/readability.jsonl.gz", "shingle"),
    "naeb": ("news/naeb.jsonl.gz", "shingle"),
    "wcxb": ("wcxb/dev.jsonl.gz", "word"),
}
#: LightGBM's parameters: set once, not searched (deterministic, one thread, fixed seeds).
PARAMS: dict[str, object] = {
    "objective": "binary", "learning_rate": 0.075, "num_leaves": 63, "min_data_in_leaf": 20,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "seed": 1, "deterministic": True, "force_row_wise": True, "num_threads": 1, "verbose": -1,
}
ROUNDS = 200
#: How much each page of a dev set weighs against a page of the others. naeb is the one set of
#: today's news pages (2023, about 150 sites), the pages newspith is for; the older sets teach
#: what a page's furniture looks like, and their truths keep more of the page than naeb's. The
#: two small sets (116 and 71 pages, against 738 to 1,381) weigh four times, so that their
#: conventions (Readability's figure captions, portal pages) are heard beside the large ones.
SET_WEIGHTS: dict[str, float] = {"naeb": 8.0, "readability": 4.0, "cleanportaleval": 4.0}
#: A block is the article's when the truth holds at least this share of its n-grams.
LABEL_SHARE = 0.5

_TOKEN = re.compile(r"\w+")


def block_labels(texts: list[str], truth: str) -> list[tuple[float, int]]:
    """For each block: the share of its word n-grams (trigrams; shorter blocks their whole
    run) the truth holds, each truth n-gram used once, and the block's word count."""
    truth_words = [t.lower() for t in _TOKEN.findall(truth)]
    pools = {n: Counter(tuple(truth_words[i:i + n]) for i in range(len(truth_words) - n + 1))
             for n in (1, 2, 3)}
    out = []
    for text in texts:
        words = [t.lower() for t in _TOKEN.findall(text)]
        if not words:
            out.append((0.0, 0))
            continue
        n = min(3, len(words))
        pool = pools[n]
        grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
        hit = 0
        for g in grams:
            if pool.get(g, 0) > 0:
                pool[g] -= 1
                hit += 1
        out.append((hit / len(grams), len(words)))
    return out


@dataclass(frozen=True, slots=True)
class PageRows:
    """One dev page as the model sees it."""

    id: str
    truth: str
    rows: list[list[float]]
    labels: list[float]       # share of each block the truth holds
    weights: list[float]      # each block's words / the page's words
    texts: list[str]
    rules_text: str           # the rules' body, for comparison
    chains: list[tuple[int, ...]]   # each block's owner and elements above (features.chains)
    chars: list[int]
    ruled: list[bool]         # blocks the rules decide alone (features.rules_decide)
    rules_kept: list[bool]    # the rules' final decision on each block


def page_rows(page: dict) -> PageRows:
    """Read one page with the rules only and return its feature rows and labels."""
    from newspith.config import ExtractConfig
    from newspith.extract import run
    from newspith.extract.features import chains, page_features, rules_decide
    from newspith.extract.model import facts_of

    truth = page.get("text") or ""
    try:
        r = run(page["html"], page.get("url"), config=ExtractConfig(learned=False))
    except Exception:  # noqa: BLE001 - a page the extractor refuses has no rows
        return PageRows(page["id"], truth, [], [], [], [], "", [], [], [], [])
    if not r.blocks or r.ladder is None or r.selection is None or r.elements is None or \
            r.article.page_type != "article":
        # The model judges the blocks of article pages only (other types keep their page body).
        return PageRows(page["id"], truth, [], [], [], [], r.article.text, [], [], [], [])
    kept = set(r.rules_kept)
    facts = facts_of(r.ladder.blocks, list(r.rules_kept), r.blocks, r.ladder.container,
                     r.ladder.strategy, r.selection.strategy, r.article.page_type or "",
                     r.article.title)
    rows = page_features(r.elements, r.blocks, facts)
    texts = [b.text for b in r.blocks]
    labels = block_labels(texts, truth)
    words = sum(n for _, n in labels) or 1
    # The blocks the rules decide alone (captions, embeds) still teach the model what such a
    # block looks like elsewhere on a page, where the rules do not decide it.
    ruled = rules_decide(r.blocks)
    return PageRows(page["id"], truth, rows, [s for s, _ in labels],
                    [n / words for _, n in labels], texts,
                    r.article.text, chains(r.blocks), [b.chars for b in r.blocks], ruled,
                    [b in kept for b in r.blocks])


def collect(data: Path, names: list[str], workers: int = 2) -> dict[str, list[PageRows]]:
    """Every page of each named dev set, as :class:`PageRows`."""
    out = {}
    with Pool(workers) as pool:
        for name in names:
            path = data / DEV_SETS[name][0]
            out[name] = pool.map(page_rows, read_pages(path), chunksize=4)
    return out


def fit(groups: list[tuple[list[PageRows], float]], rounds: int = ROUNDS):
    """A LightGBM booster trained on the blocks of each group of pages, at the group's weight."""
    import lightgbm
    import numpy as np

    from newspith.extract.features import FEATURES

    rows = [r for pages, _ in groups for p in pages for r in p.rows]
    labels = [1 if s >= LABEL_SHARE else 0 for pages, _ in groups for p in pages
              for s in p.labels]
    weights = [w * weight for pages, weight in groups for p in pages for w in p.weights]
    ds = lightgbm.Dataset(np.asarray(rows, dtype=np.float64), np.asarray(labels),
                          weight=np.asarray(weights), feature_name=list(FEATURES),
                          free_raw_data=True)
    return lightgbm.train(PARAMS, ds, rounds)


def score_pages(pages: list[PageRows], booster, metric: str, threshold: float = 0.5
                ) -> tuple[float, float]:
    """The model's and the rules' score on the pages (the body as the kept blocks' text)."""
    import numpy as np

    ours, rules = [], []
    for p in pages:
        text = ""
        if p.rows:
            probs = booster.predict(np.asarray(p.rows, dtype=np.float64))
            kept = [t for t, q, own, was in zip(p.texts, probs, p.ruled, p.rules_kept)
                    if (was if own else q >= threshold)]
            text = "\n\n".join(kept) if kept else p.rules_text
        if metric == "word":
            ours.append(word_f1(p.truth, text))
            rules.append(word_f1(p.truth, p.rules_text))
        else:
            ours.append(shingle_scores(p.truth, text))
            rules.append(shingle_scores(p.truth, p.rules_text))
    if metric == "word":
        return sum(ours) / len(ours), sum(rules) / len(rules)
    return aggregate(ours).f1, aggregate(rules).f1


def weighted(data: dict[str, list[PageRows]]) -> list[tuple[list[PageRows], float]]:
    """The dev sets' pages with their :data:`SET_WEIGHTS`."""
    return [(pages, SET_WEIGHTS.get(name, 1.0)) for name, pages in data.items()]


def leave_one_out(data: dict[str, list[PageRows]], rounds: int = ROUNDS
                  ) -> dict[str, tuple[float, float]]:
    """For each dev set: the model trained on the others, and the rules, scored on it."""
    out = {}
    for held in data:
        booster = fit(weighted({k: v for k, v in data.items() if k != held}), rounds)
        out[held] = score_pages(data[held], booster, DEV_SETS[held][1])
    return out
