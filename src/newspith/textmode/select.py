"""Phase 3: find the body — the densest run of prose — and the headline above it.

Every segment gets a value: prose and embedded posts gain their length, short segments (menu
items, headlines) cost a base plus a share of theirs, runs of headlines cost all of theirs;
furniture, bylines and title repeats are neutral (they are dropped wherever they are). The body is
the run of segments with the highest sum (Kadane's maximum subarray, linear), cut at a comment
thread's title once it holds enough prose. Inside it, prose, embeds and short segments are kept,
except long runs of short ones (a related-headlines list in the middle of the page).
"""

from __future__ import annotations

from typing import Final

from newspith.textmode.classify import mostly_phrases, refine, title_key
from newspith.config import TextConfig
from newspith.textmode.segment import Segments

__all__ = ["Selection", "select_body", "title_keys"]

#: Labels kept inside the body.
_KEPT: Final = frozenset({"prose", "embed", "short", "data", "attribution"})
_SEPARATORS: Final = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ", ": ")


class Selection:
    """The body's span (``start``..``end``, inclusive) and the headline's index (or ``None``)."""

    __slots__ = ("start", "end", "headline")

    def __init__(self, start: int, end: int, headline: int | None) -> None:
        self.start, self.end, self.headline = start, end, headline

    @property
    def empty(self) -> bool:
        return self.end < self.start


def _best_run(values: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Kadane over ``values[lo:hi]``: (sum, start, end) of the best run; end < start if none."""
    best, best_a, best_b = 0.0, 0, -1
    cur, a = 0.0, lo
    for i in range(lo, hi):
        v = values[i]
        if cur <= 0.0:
            cur, a = v, i
        else:
            cur += v
        if cur > best:
            best, best_a, best_b = cur, a, i
    return best, best_a, best_b


def select_body(segs: Segments, config: TextConfig,
                title_keys: frozenset[str] = frozenset()) -> Selection:
    """Choose the body's span, refine the labels around it, fill ``values`` and ``keep``."""
    labels, chars, terminal = segs.labels, segs.chars, segs.terminal
    base, per_char = config.short_cost, config.short_cost_per_char
    sentence = config.short_sentence_value
    values = segs.values = [
        float(c) if lab == "prose" or lab == "embed" else
        (sentence * c if t else -(base + per_char * c)) if lab == "short" else
        -float(c) if lab == "headlines" else
        -config.data_cost * (base + per_char * c) if lab == "data" else 0.0
        for lab, c, t in zip(labels, chars, terminal)]
    score, a, b = _best_run(values, 0, len(values))
    if b >= a and "thread" in labels:
        threads = [i for i, lab in enumerate(labels) if lab == "thread"]
        # A comment thread's title ends the body once the body has prose before it …
        for t in threads:
            if a < t <= b:
                prose = sum(chars[i] for i in range(a, t) if labels[i] == "prose")
                if prose >= config.thread_cut_chars:
                    b = t - 1
                    break
        # … and a body found only after one is a comment thread when one before it is close.
        if a > threads[0]:
            score2, a2, b2 = _best_run(values, 0, threads[0])
            if b2 >= a2 and score2 >= config.before_thread_share * score:
                a, b = a2, b2
    while b >= a and values[b] <= 0:
        b -= 1
    if b >= a:
        refine(segs, a - config.headline_lookback, b + 1, title_keys)
        b = _cut_at_end_marker(segs, a, b, config)
    while b >= a and values[b] <= 0:
        b -= 1
    keep = segs.keep = [False] * len(values)
    spans = [(a, b)] if b >= a else []
    whole = False
    if spans:
        body = sum(chars[i] for i in range(a, b + 1) if labels[i] == "prose")
        rest = sum(c for c, lab in zip(chars, labels) if lab == "prose") - body
        # Not one article but a page of many texts (notes, logs, a portal): keep them all.
        whole = body < config.whole_page_share * (body + rest)
        if whole:
            refine(segs, 0, len(values), title_keys, light=True)
            spans = [(a2, b2)] if (b2 := _last_body(values)) >= (a2 := _first_body(values)) else []
        elif config.extra_share < 1.0 and rest >= config.extra_share * score:
            spans += _extra_spans(segs, a, b, score, config, title_keys)
    for lo, hi in spans:
        for i in range(lo, hi + 1):
            lab = labels[i]
            keep[i] = lab in _KEPT
        _drop_short_runs(segs, lo, hi, config.max_short_run)
    return Selection(a, b, _headline(segs, a, config) if b >= a else None)


def _first_body(values: list[float]) -> int:
    return next((i for i, v in enumerate(values) if v > 0), len(values))


def _last_body(values: list[float]) -> int:
    return next((i for i in range(len(values) - 1, -1, -1) if values[i] > 0), -1)


def _extra_spans(segs: Segments, a: int, b: int, score: float, config: TextConfig,
                 title_keys: frozenset[str]) -> list[tuple[int, int]]:
    """Other runs of prose as strong as ``extra_share`` of the body's, before the comments.

    Pages with several sections of text (a portal's articles, a page of notes) hold more than
    one run; a run after a comment thread's title is never one.
    """
    values, labels = segs.values, segs.labels
    stop = len(values)
    if "thread" in labels[b + 1:]:
        stop = labels.index("thread", b + 1)
    need = config.extra_share * score
    out = []
    for lo, hi in ((0, a), (b + 1, stop)):
        s, x, y = _best_run(values, lo, hi)
        if y >= x and s >= need:
            refine(segs, x, y + 1, title_keys)
            y = _cut_at_end_marker(segs, x, y, config)
            while y >= x and values[y] <= 0:
                y -= 1
            if y >= x:
                out.append((x, y))
    return out


def _cut_at_end_marker(segs: Segments, a: int, b: int, config: TextConfig) -> int:
    """The body's last index once cut at what follows an article on the page.

    A post footer ("This entry was posted in …") ends the body once it has prose before it; a
    related-stories title ("Related posts") once most of the body's prose is before it; the
    first of two comment headers ("Jane says:", "By Anonymous, at 1:53 PM") once the body has
    prose before it.
    """
    labels, chars = segs.labels, segs.chars
    span = labels[a:b + 1]
    if "section" not in span and "footer" not in span and span.count("commenter") < 2:
        return b
    total = sum(chars[i] for i in range(a, b + 1) if labels[i] == "prose")
    need = config.thread_cut_chars
    seen = 0
    for i in range(a, b + 1):
        lab = labels[i]
        if lab == "prose":
            seen += chars[i]
        elif lab == "footer" and seen >= need:
            return i - 1
        elif lab == "section" and seen >= config.section_cut_share * total:
            return i - 1
        elif lab == "commenter" and seen >= need and labels[i + 1:b + 1].count("commenter"):
            return i - 1
    return b


def _drop_short_runs(segs: Segments, a: int, b: int, max_run: int) -> None:
    """Drop runs of more than ``max_run`` short segments inside the body: link lists."""
    labels, keep = segs.labels, segs.keep
    run = None
    for i in range(a, b + 2):
        if i <= b and labels[i] == "short":
            if run is None:
                run = i
            continue
        if run is not None and i - run > max_run:
            for r in range(run, i):
                keep[r] = False
                segs.notes[r] = "run of short segments (a link list)"
        run = None


def _headline(segs: Segments, start: int, config: TextConfig) -> int | None:
    """The headline: a title repeat just above the body, else the nearest headline-like segment
    of ``headline_words`` words or more there, else the longest (a photo credit or a share bar
    is shorter than a headline)."""
    for i in range(start - 1, max(0, start - 1 - config.headline_lookback), -1):
        if segs.labels[i] == "title":
            return i
    labels, words, texts = segs.labels, segs.words, segs.texts
    best, best_words = None, 0
    for i in range(start - 1, max(-1, start - 1 - config.headline_lookback), -1):
        lab = labels[i]
        if lab == "title":
            # The dump's first line is only a guess at the title: a headline right above the
            # body beats it; a repeat of the title anywhere else is the headline.
            return best if i == 0 and best is not None else i
        if (lab == "short" and best_words < config.headline_words
                and best_words < words[i] <= config.headline_max_words
                and words[i] >= 3 and texts[i][-1] != "." and not mostly_phrases(texts[i])):
            best, best_words = i, words[i]
    return best


def title_keys(title: str | None) -> frozenset[str]:
    """Keys that mark a segment as a repeat of the title, with or without the site's name."""
    if not title:
        return frozenset()
    keys = {title_key(title)}
    for sep in _SEPARATORS:
        if sep in title:
            keys.update(title_key(p) for p in title.split(sep) if len(p.split()) >= 3)
    keys.discard("")
    return frozenset(keys)
