"""Repeated blocks: the second copy of a text that the page shows again somewhere else.

Pages print some texts twice: a phone layout and a desktop layout of the same box, a sign-up
call after every section, a product's name on its card and again in its quick view, a post
quoted in full by the reply under it. A reader sees each once; the body keeps the first copy.

A copy is only a repeat when another element holds it (its tag and names, digits aside, up to
``repeat_context`` levels up): the same text in the same setting is the page's own rhythm (a
label under every product of a review, a refrain, a lorem-ipsum test page) and stays. Headings,
captions and table cells stay too (a slideshow's headline is also its caption; a data table
repeats values), and so does whatever follows a list item (a table of contents names the
sections whose titles and first lines come after it). A heading goes only with the section it
titles: its copy in another setting leaves when the block after it is a repeat too (a phone
layout's copy of a whole article, titles and all). And a card's link label that says its
heading's words just before it leaves: the heading says them.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.decisions import Reason
from newspith.extract.segment import Element, RawBlock

__all__ = ["drop_repeats"]


_DIGITS: Final = re.compile(r"\d+")
_KEPT_TAGS: Final = rules.HEADING_TAGS | {"figcaption", "td", "th"}


def _setting(e: Element, depth: int) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    a: Element | None = e
    while a is not None and len(out) < depth:
        out.append((a.tag, _DIGITS.sub("", a.names)))
        a = a.parent
    return tuple(out)


def drop_repeats(kept: list[RawBlock], config: ExtractConfig) -> list[RawBlock]:
    """``kept`` without the second copies of its blocks, the copies of headings titling a
    copied section and the link labels that say a heading's words (each marked with the
    reason)."""
    held: dict[str, list[int]] = {}  # each text -> the blocks holding it (by position in kept)
    titles: dict[int, str] = {}  # a heading seen before in another setting -> its text
    repeats: set[int] = set()
    depth = config.repeat_context
    keys: list[str] = []  # each block's words, lowercased
    for i, b in enumerate(kept):
        words = b.text.lower().split()
        key = " ".join(words)
        keys.append(key)
        if len(words) >= config.repeat_min_words:
            holders = held.setdefault(key, [])
            holders.append(i)
            if len(holders) == 1:
                continue
            first = kept[holders[0]].owner
            if _is_repeat(first, b.owner, depth):
                repeats.add(i)
            elif _is_title_copy(first, b.owner, depth):
                titles[i] = key
    labels: set[int] = set()
    for i, b in enumerate(kept):
        if b.owner.tag in rules.HEADING_TAGS and i not in repeats:
            j = _label_before(kept, keys, i, (repeats, labels), config.repeat_label_levels)
            if j is not None:
                labels.add(j)
    # From the end: a heading's copy goes with what it titles (the block after it, a repeat),
    # while another block still holds its words (not when its first copy was a label).
    alive = {key: sum(1 for h in held[key] if h not in repeats and h not in labels)
             for key in set(titles.values())}
    for i in range(len(kept) - 2, -1, -1):
        if i in titles and i + 1 in repeats and alive[titles[i]] > 1:
            repeats.add(i)
            alive[titles[i]] -= 1
    dropped = repeats | labels
    for i in dropped:
        kept[i].keep, kept[i].reason = False, Reason.REPEAT
    return [b for i, b in enumerate(kept) if i not in dropped]


def _is_repeat(first: Element, again: Element, depth: int) -> bool:
    """The text of ``first`` held again by ``again`` is a second copy: not a heading, caption
    or table cell, not after a list item, and in another setting."""
    return again.tag not in _KEPT_TAGS and first.tag not in _KEPT_TAGS and \
        first.tag != "li" and _setting(first, depth) != _setting(again, depth)


def _is_title_copy(first: Element, again: Element, depth: int) -> bool:
    """The heading ``again`` repeats ``first`` (not a list item) in another setting."""
    return again.tag in rules.HEADING_TAGS and first.tag != "li" and \
        _setting(first, depth) != _setting(again, depth)


def _label_before(kept: list[RawBlock], keys: list[str], i: int,
                  dropped: tuple[set[int], set[int]], levels: int) -> int | None:
    """The block one or two before heading ``i`` that says the heading's words (``keys``),
    with the heading inside its ancestor ``levels`` levels up at most: a card's link label over
    its title. ``None`` when there is none."""
    for j in (i - 1, i - 2):
        if j < 0 or j in dropped[0] or j in dropped[1]:
            continue
        label = kept[j]
        if label.owner.tag in rules.HEADING_TAGS or keys[j] != keys[i]:
            continue
        up = label.owner.parent
        for _ in range(levels):
            if up is None:
                break
            if kept[i].owner.within(up):
                return j
            up = up.parent
        return None
    return None
