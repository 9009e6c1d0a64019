"""Per-block features for the learned keep/drop decision, computed once from the walk's rows.

Every feature is a number a block's row, its elements and the rules' own decisions already hold:
its shape (length, links, punctuation), where it sits (tag, the class words and tags of the
elements around it, its place on the page and beside the headline), what its neighbours are,
and what the rule phases decided about it (kept by the article ladder, kept in the final body,
why). Nothing reads the words of a language: the model learns from markup and shape, and from
the rules' vocabulary only through the rules' decisions.

:data:`FEATURES` names the columns, in order; :func:`page_features` fills one row per block.
The training script (``scripts/train_body_model.py``) and the extractor call the same function,
so the model sees at run time exactly what it was trained on.
"""

from __future__ import annotations

import math
import re
from typing import Final

from newspith.extract import rules
from newspith.extract.rules.classes import class_bits
from newspith.extract.rules.roles import BYLINE_RE, CREDIT_RE, DATE_RE, ROLE_NAMES, role_bits
from newspith.extract.segment import Element, RawBlock

__all__ = ["CONTEXT", "FEATURES", "PageFacts", "chains", "context_features", "page_features",
           "rules_decide"]

#: Owner tags the model tells apart (any other tag is 0).
_TAGS: Final = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote",
                "figcaption", "dd", "dt", "pre", "section", "article", "header", "footer",
                "aside", "form", "figure", "main", "table", "ul", "ol", "tr", "body", "address",
                "summary", "caption", "legend", "center", "details")
_TAG_ID: Final = {t: i + 1 for i, t in enumerate(_TAGS)}
#: Ancestor tags whose presence anywhere above a block is a feature of its own.
_ANCESTOR_TAGS: Final = ("article", "main", "aside", "footer", "header", "form", "li", "figure",
                         "blockquote", "table", "section", "ul", "ol", "details", "address")
_ANCESTOR_BIT: Final = {t: 1 << i for i, t in enumerate(_ANCESTOR_TAGS)}
#: How many levels above a block's owner get their own aggregate features.
_LEVELS: Final = 3
_END_CHARS: Final = ".!?。！？…\"'”’»)"
_SENTENCE_END: Final = re.compile(r"[.!?。！？]+(?:\s|$)")
_QUOTE: Final = re.compile(r"[“”\"«»„「」]")
_MARKUP: Final = re.compile(r"<[a-zA-Z/][^>]*>|\b(?:src|href|class|style)=")
_URLISH: Final = re.compile(r"https?://|www\.|@\w|\.com\b")
_WORD: Final = re.compile(r"\w+")
#: A line starting "By ..." longer than this is prose ("By the time the ferry ...").
_BYLINE_CHARS: Final = 120

_BLOCK = ["chars_log", "words_log", "link_density", "value_per_char", "positive",
          "furniture", "prose", "ends_sentence", "sentences", "digit_share", "capital_words",
          "upper_share", "commas_per_word", "quote_mark", "markup", "urlish", "word_length",
          "tag", "heading_level", "cell", "byline_text", "credit_text", "date_text"]
_REGION = ["neg", "pos", "comment", "chrome", "hint_min", "hint_max", "notice", "frame",
           "review", "ancestor_tags", "depth", "article_ordinal", "in_headline_article"]
#: The grade bits of each level's names (rules.classes), one column each.
_BITS: Final = (("neg2", 1), ("neg1", 2), ("soft", 4), ("pos1", 8), ("pos2", 16))
_NAMES = [f"{what}_{k}" for k in range(_LEVELS + 1) for what, _ in _BITS]
#: The role words (rules.roles) of the names near a block (its owner and ``_LEVELS`` above)
#: and farther up.
_ROLES = [f"{where}_{kind}" for where in ("near", "far") for kind in ROLE_NAMES]
_LEVEL = [f"{what}_{k}" for k in range(1, _LEVELS + 1)
          for what in ("chars", "prose_share", "link_share", "blocks", "kept_share", "kids")]
_PLACE = ["position", "char_position", "from_headline", "after_headline",
          "chars_from_headline", "title_words", "same_text", "copy_ordinal", "copy_kept_before"]
_RULES = ["ladder_kept", "final_kept", "reason", "in_container", "in_container_parent",
          "kept_distance", "kept_span", "ladder_strategy", "final_strategy", "page_type"]
_PAGE = ["page_prose", "page_chars", "body_share", "page_blocks", "articles"]
_NEAR = [f"{side}{k}_{what}" for side in ("prev", "next") for k in (1, 2)
         for what in ("link_density", "value_per_char", "kept", "chars", "same_parent")]
_NEAR += ["kept_window"]

#: The feature columns, in order.
FEATURES: Final[tuple[str, ...]] = tuple(
    _BLOCK + _REGION + _NAMES + _ROLES + _LEVEL + _PLACE + _RULES + _PAGE + _NEAR)

_FURNITURE: Final = {"": 0.0, "phrase": 1.0, "sentence": 2.0, "machine text": 3.0}
_STRATEGIES: Final = {"container": 1.0, "prose": 2.0, "page": 3.0, "posts": 4.0}
_PAGE_TYPES: Final = {"article": 1.0, "forum": 2.0, "product": 3.0, "collection": 4.0,
                      "listing": 5.0, "documentation": 6.0, "service": 7.0}


class PageFacts:
    """What the rule phases decided about a page, as the features read it."""

    __slots__ = ("ladder", "final", "reasons", "container", "ladder_strategy", "final_strategy",
                 "page_type", "title")

    def __init__(self, ladder: list[RawBlock], final: list[RawBlock], reasons: list[int],
                 container: Element | None, ladder_strategy: str, final_strategy: str,
                 page_type: str, title: str | None) -> None:
        self.ladder = ladder
        self.final = final
        self.reasons = reasons        # each block's reason code (decisions.Reason), by index
        self.container = container
        self.ladder_strategy = ladder_strategy
        self.final_strategy = final_strategy
        self.page_type = page_type
        self.title = title


def _headline(blocks: list[RawBlock], title_words: set[str]) -> int:
    """The index of the heading that says the page's title (the first ``<h1>`` that does,
    else any heading that does), or -1."""
    if not title_words:
        return -1
    found = -1
    for b in blocks:
        if b.owner.tag not in rules.HEADING_TAGS:
            continue
        words = set(_WORD.findall(b.text.lower()))
        if words and len(words & title_words) >= 0.8 * max(len(words), len(title_words) * 0.6):
            if b.owner.tag == "h1":
                return b.index
            if found < 0:
                found = b.index
    return found


def rules_decide(blocks: list[RawBlock]) -> list[bool]:
    """Which blocks the rules decide alone, the model never: the output's conventions, not a
    question of article or not, or no question at all. The first copy of an embedded post (an
    embed block: the post is part of the story as written), a data table's cells (a table
    block), machine text (code, addresses, markup shown as text: never prose) and a byline
    line (its names go to ``Article.authors``) are kept or dropped as the rule phases said."""
    seen: set[str] = set()
    out = []
    for b in blocks:
        key = b.text.lower()
        own = b.cell or b.furniture == "machine text" or (
            b.chars < _BYLINE_CHARS and BYLINE_RE.match(b.text) is not None)
        if not own and key not in seen:
            a: Element | None = b.owner
            for _ in range(_LEVELS + 1):
                if a is None or a.embed:
                    own = a is not None
                    break
                a = a.parent
        seen.add(key)
        out.append(own)
    return out


def page_features(elements: list[Element], blocks: list[RawBlock], facts: PageFacts
                  ) -> list[list[float]]:
    """One row of :data:`FEATURES` per block of ``blocks``, in page order."""
    n = len(blocks)
    if not n:
        return []
    ne = len(elements)
    ladder = bytearray(n)
    for b in facts.ladder:
        ladder[b.index] = 1
    final = bytearray(n)
    for b in facts.final:
        final[b.index] = 1
    # Subtree sums over elements (children come after their parents in pre-order).
    links = [0] * ne
    nblocks = [0] * ne
    kept_chars = [0] * ne
    for b in blocks:
        i = b.owner.idx
        links[i] += b.link_chars
        nblocks[i] += 1
        if final[b.index]:
            kept_chars[i] += b.chars
    # What sits above each element: ancestor tags as bits, article landmark ordinals.
    anc_bits = [0] * ne
    depth = [0] * ne
    article_of = [-1] * ne
    articles = 0
    article_ordinal: dict[int, int] = {}
    hint_min = [0] * ne
    hint_max = [0] * ne
    region = [0] * ne  # 1 notice, 2 frame, 4 review, anywhere above
    bits = [0] * ne
    roles = [0] * ne   # the role bits of each element's own names
    above = [0] * ne   # ... of every element above it
    for e in elements:
        p = e.parent
        own = 0
        if e.names and e.tag not in ("html", "body"):
            bits[e.idx] = class_bits(e.names)
            own = rules.element_hint(e.names)
            roles[e.idx] = role_bits(e.names)
        if p is not None:
            above[e.idx] = above[p.idx] | roles[p.idx]
        if p is None:
            anc_bits[e.idx] = _ANCESTOR_BIT.get(e.tag, 0)
            hint_min[e.idx] = min(0, own)
            hint_max[e.idx] = max(0, own)
        else:
            pi = p.idx
            depth[e.idx] = depth[pi] + 1
            anc_bits[e.idx] = anc_bits[pi] | _ANCESTOR_BIT.get(e.tag, 0)
            article_of[e.idx] = article_of[pi]
            hint_min[e.idx] = min(hint_min[pi], own)
            hint_max[e.idx] = max(hint_max[pi], own)
            region[e.idx] = region[pi]
        if e.tag == "article":
            articles += 1
            article_ordinal[e.idx] = articles
            article_of[e.idx] = e.idx
        if e.names and e.tag not in ("html", "body"):
            if rules.is_notice_region(e.names):
                region[e.idx] |= 1
            if rules.is_frame_region(e.names):
                region[e.idx] |= 2
            if rules.is_review_region(e.names):
                region[e.idx] |= 4
    for e in reversed(elements):
        p = e.parent
        if p is not None:
            links[p.idx] += links[e.idx]
            nblocks[p.idx] += nblocks[e.idx]
            kept_chars[p.idx] += kept_chars[e.idx]

    title_words = set(_WORD.findall((facts.title or "").lower()))
    head = _headline(blocks, title_words)
    head_article = article_of[blocks[head].owner.idx] if head >= 0 else -1
    total = sum(b.chars for b in blocks) or 1
    page_prose = sum(b.chars for b in blocks if b.value > 0)
    body_prose = sum(b.chars for b in facts.final if b.value > 0)
    kept_idx = [b.index for b in blocks if final[b.index]]
    first_kept = kept_idx[0] if kept_idx else -1
    last_kept = kept_idx[-1] if kept_idx else -1
    cont = facts.container
    cont_parent = cont.parent if cont is not None else None
    ladder_strategy = _STRATEGIES.get(facts.ladder_strategy, 0.0)
    final_strategy = _STRATEGIES.get(facts.final_strategy, 0.0)
    page_type = _PAGE_TYPES.get(facts.page_type, 0.0)
    page_row = [math.log1p(page_prose), math.log1p(total), body_prose / (page_prose or 1),
                math.log1p(n), float(articles)]

    # Per block: text shape, the copy count of its text, chars before it, distance to kept.
    per_chars = [0.0] * n
    vpc = [0.0] * n
    copies: dict[str, int] = {}
    keys: list[str] = []
    for b in blocks:
        key = b.text.lower()
        keys.append(key)
        copies[key] = copies.get(key, 0) + 1
        vpc[b.index] = b.value / b.chars if b.chars else 0.0
    dist = [999] * n
    last = -10_000
    for i in range(n):
        if final[i]:
            last = i
        dist[i] = i - last
    last = 10_000 + n
    for i in range(n - 1, -1, -1):
        if final[i]:
            last = i
        dist[i] = min(dist[i], last - i)

    seen: dict[str, int] = {}
    kept_seen: set[str] = set()
    rows: list[list[float]] = []
    before = 0
    head_chars = 0
    for b in blocks:
        i = b.index
        e = b.owner
        ei = e.idx
        text = b.text
        key = keys[i]
        words = _WORD.findall(text)
        nw = len(words) or 1
        letters = sum(1 for c in text if c.isalpha()) or 1
        tag = e.tag
        row = [
            math.log1p(b.chars), math.log1p(b.words), b.link_density, vpc[i],
            1.0 if b.value > 0 else 0.0, _FURNITURE.get(b.furniture, 4.0),
            1.0 if b.words >= 12 else 0.0, 1.0 if text and text[-1] in _END_CHARS else 0.0,
            float(len(_SENTENCE_END.findall(text))),
            sum(1 for c in text if c.isdigit()) / (len(text) or 1),
            sum(1 for w in words if w[0].isupper()) / nw,
            sum(1 for c in text if c.isupper()) / letters,
            text.count(",") / nw, 1.0 if _QUOTE.search(text) else 0.0,
            1.0 if _MARKUP.search(text) else 0.0, 1.0 if _URLISH.search(text) else 0.0,
            sum(len(w) for w in words) / nw,
            float(_TAG_ID.get(tag, 0)), float(tag[1]) if tag in rules.HEADING_TAGS else 0.0,
            1.0 if b.cell else 0.0,
            1.0 if b.chars < _BYLINE_CHARS and BYLINE_RE.match(text) else 0.0,
            1.0 if b.chars < 300 and CREDIT_RE.search(text) else 0.0,
            1.0 if b.chars < 120 and DATE_RE.search(text) else 0.0,
        ]
        art = article_of[ei]
        row += [
            float(e.neg), float(e.pos), 1.0 if e.comment else 0.0, 1.0 if e.chrome else 0.0,
            float(hint_min[ei]), float(hint_max[ei]), float(region[ei] & 1),
            float((region[ei] >> 1) & 1), float((region[ei] >> 2) & 1), float(anc_bits[ei]),
            float(depth[ei]), float(article_ordinal.get(art, 0)),
            1.0 if art >= 0 and art == head_article else 0.0,
        ]
        a: Element | None = e
        near = 0
        for _ in range(_LEVELS + 1):
            v = bits[a.idx] if a is not None else 0
            row += [1.0 if v & bit else 0.0 for _, bit in _BITS]
            if a is not None:
                near |= roles[a.idx]
                top = a
            a = a.parent if a is not None else None
        far = above[top.idx]
        row += [1.0 if near >> k & 1 else 0.0 for k in range(len(ROLE_NAMES))]
        row += [1.0 if far >> k & 1 else 0.0 for k in range(len(ROLE_NAMES))]
        a = e.parent
        for _ in range(_LEVELS):
            if a is None:
                row += [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
                continue
            ai = a.idx
            ch = a.chars or 1
            row += [math.log1p(a.chars), a.prose / ch, links[ai] / ch, math.log1p(nblocks[ai]),
                    kept_chars[ai] / ch, float(a.kids)]
            a = a.parent
        if head >= 0 and i > head:
            head_chars += b.chars
        copy = seen.get(key, 0) + 1
        seen[key] = copy
        row += [
            i / n, before / total, float(max(-50, min(50, i - head))) if head >= 0 else -99.0,
            (1.0 if i > head else 0.0) if head >= 0 else -1.0,
            math.log1p(head_chars) if head >= 0 and i > head else -1.0,
            (sum(1 for w in words if w.lower() in title_words) / nw) if title_words else 0.0,
            float(copies[key]), float(copy), 1.0 if key in kept_seen else 0.0,
        ]
        if final[i]:
            kept_seen.add(key)
        before += b.chars
        row += [
            float(ladder[i]), float(final[i]), float(facts.reasons[i]),
            1.0 if cont is not None and e.within(cont) else 0.0,
            1.0 if cont_parent is not None and e.within(cont_parent) else 0.0,
            float(min(dist[i], 50)),
            0.0 if first_kept < 0 else (-1.0 if i < first_kept else
                                        (1.0 if i > last_kept else 0.0)),
            ladder_strategy, final_strategy, page_type,
        ]
        row += page_row
        for j in (i - 1, i - 2, i + 1, i + 2):
            if 0 <= j < n:
                o = blocks[j]
                row += [o.link_density, vpc[j], float(final[j]), math.log1p(o.chars),
                        1.0 if o.owner.parent is e.parent else 0.0]
            else:
                row += [-1.0, 0.0, -1.0, 0.0, -1.0]
        lo, hi = max(0, i - 3), min(n, i + 4)
        row.append((sum(final[lo:hi]) - final[i]) / max(1, hi - lo - 1))
        rows.append(row)
    return rows


#: The second pass's extra columns: what the first pass said of each block's neighbours and of
#: the elements around it (a block among kept blocks is likelier the article's, one alone in a
#: rail of dropped ones less).
CONTEXT: Final[tuple[str, ...]] = (
    "p_self", "p_prev1", "p_prev2", "p_next1", "p_next2", "p_window_max", "p_window_mean",
    "p_parent", "p_grandparent", "p_level3", "p_before", "p_after", "p_page")


def chains(blocks: list[RawBlock]) -> list[tuple[int, ...]]:
    """Each block's owner and the elements above it, ``_LEVELS`` up, by index."""
    out = []
    for b in blocks:
        chain = []
        a: Element | None = b.owner
        for _ in range(_LEVELS + 1):
            if a is None:
                break
            chain.append(a.idx)
            a = a.parent
        out.append(tuple(chain))
    return out


def context_features(chain: list[tuple[int, ...]], chars: list[int], probs: list[float]
                     ) -> list[list[float]]:
    """One row of :data:`CONTEXT` per block, from the first pass's probabilities ``probs``;
    ``chain`` and ``chars`` are each block's :func:`chains` and length."""
    n = len(probs)
    # Character-weighted mean probability of the blocks under each element (by idx).
    mass: dict[int, float] = {}
    size: dict[int, int] = {}
    for c, k, p in zip(chain, chars, probs):
        for idx in c:
            mass[idx] = mass.get(idx, 0.0) + p * k
            size[idx] = size.get(idx, 0) + k
    total = sum(chars) or 1
    kept_chars = [k if p >= 0.5 else 0 for k, p in zip(chars, probs)]
    kept_total = sum(kept_chars) or 1
    page = sum(p * k for k, p in zip(chars, probs)) / total
    rows: list[list[float]] = []
    before = 0
    for i in range(n):
        row = [probs[i]]
        for j in (i - 1, i - 2, i + 1, i + 2):
            row.append(probs[j] if 0 <= j < n else -1.0)
        lo, hi = max(0, i - 5), min(n, i + 6)
        window = [probs[j] for j in range(lo, hi) if j != i]
        row += [max(window) if window else -1.0,
                sum(window) / len(window) if window else -1.0]
        c = chain[i]
        for level in range(1, _LEVELS + 1):
            if level < len(c) and size.get(c[level]):
                row.append(mass[c[level]] / size[c[level]])
            else:
                row.append(-1.0)
        row += [before / kept_total, (kept_total - before - kept_chars[i]) / kept_total, page]
        before += kept_chars[i]
        rows.append(row)
    return rows
