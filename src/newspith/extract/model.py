"""The learned keep/drop decision: a gradient-boosted model over each block's features.

The rule phases choose a body; then the model, trained on the dev sets by
``scripts/train_body_model.py``, reads every block's features (:mod:`features`, the rules'
decisions among them) and says how likely the block is the article's. A block the rules kept
stays unless the model is fairly sure it is not the article's, and one they dropped joins when
it is fairly sure it is (``ExtractConfig.learned_drop_below``, ``learned_add_from``). The model is a LightGBM text file shipped
inside the package (``models/body.txt.gz``): nothing is downloaded, and it is read once a process.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from newspith.config import ExtractConfig
from newspith.extract.decisions import Reason
from newspith.extract.features import FEATURES, PageFacts, page_features, rules_decide
from newspith.extract.segment import Element, RawBlock

__all__ = ["MODEL_RESOURCE", "facts_of", "learned_body", "load_model"]

#: Where the model lies inside the package.
MODEL_RESOURCE = ("newspith.extract.models", "body.txt.gz")


@lru_cache(maxsize=1)  # one model a process, read on first use
def load_model():
    """The shipped model (a ``lightgbm.Booster``), or ``None`` when none is installed."""
    import lightgbm

    path = resources.files(MODEL_RESOURCE[0]) / MODEL_RESOURCE[1]
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        text = gzip.decompress(fh.read()).decode("utf-8")
    booster = lightgbm.Booster(model_str=text)
    names = tuple(booster.feature_name())
    if names != FEATURES:
        raise RuntimeError("the shipped body model was trained on other features; run "
                           "scripts/train_body_model.py")
    return booster


def facts_of(ladder_blocks: list[RawBlock], final: list[RawBlock], blocks: list[RawBlock],
             container: Element | None, ladder_strategy: str, final_strategy: str,
             page_type: str, title: str | None) -> PageFacts:
    return PageFacts(ladder_blocks, final, [int(b.reason) for b in blocks], container,
                     ladder_strategy, final_strategy, page_type, title)


def _thresholds(config: ExtractConfig) -> tuple[float, float]:
    """The floors a block the rules kept, and one they dropped, must reach to be kept."""
    shift = config.learned_favor_shift if config.favor_precision else \
        -config.learned_favor_shift if config.favor_recall else 0.0
    return config.learned_drop_below + shift, config.learned_add_from + shift


def learned_body(elements: list[Element], blocks: list[RawBlock], facts: PageFacts,
                 config: ExtractConfig) -> list[RawBlock] | None:
    """The blocks the model keeps, in page order; ``None`` when there is no model or it would
    keep nothing (the rules' body stands then)."""
    model = load_model()
    if model is None or not blocks:
        return None
    import numpy as np

    rows = page_features(elements, blocks, facts)
    probs = model.predict(np.asarray(rows, dtype=np.float64), num_threads=1)
    stay, join = _thresholds(config)
    final = {b.index for b in facts.final}
    ruled = rules_decide(blocks)
    keep = [(b.index in final) if r else bool(p >= (stay if b.index in final else join))
            for b, p, r in zip(blocks, probs, ruled)]
    kept = [b for b, k in zip(blocks, keep) if k]
    if not kept:
        return None
    for b, k in zip(blocks, keep):
        if k != (b.index in final):
            b.keep, b.reason = k, (Reason.MODEL_KEPT if k else Reason.MODEL_DROPPED)
    return kept
