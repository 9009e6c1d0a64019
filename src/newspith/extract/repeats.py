"""Repeated blocks: the second copy of a text that the page shows again somewhere else.

Pages print some texts twice: a phone layout and a desktop layout of the same box, a sign-up
call after every section, a product's name on its card and again in its quick view, a post
quoted in full by the reply under it. A reader sees each once; the body keeps the first copy.

A copy is only a repeat when another element holds it (its tag and names, digits aside, up to
``repeat_context`` levels up): the same text in the same setting is the page's own rhythm (a
label under every product of a review, a refrain, a lorem-ipsum test page) and stays. Headings,
captions and table cells stay too (a slideshow's headline is also its caption; a data table
repeats values), and so does whatever follows a list item (a table of contents names the
sections whose titles and first lines come after it).
"""

from __future__ import annotations

import re
from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.segment import Element, RawBlock

__all__ = ["REPEAT_REASON", "drop_repeats"]

#: Why a block left the body (``--explain``).
REPEAT_REASON: Final = "a repeat"

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
    """``kept`` without the second copies of its blocks (each marked with the reason)."""
    first: dict[str, Element] = {}  # each text's first holder
    out: list[RawBlock] = []
    depth = config.repeat_context
    for b in kept:
        words = b.text.lower().split()
        if len(words) >= config.repeat_min_words:
            key = " ".join(words)
            seen = first.get(key)
            if seen is None:
                first[key] = b.owner
            elif _is_repeat(seen, b.owner, depth):
                b.keep, b.reason = False, REPEAT_REASON
                continue
        out.append(b)
    return out


def _is_repeat(first: Element, again: Element, depth: int) -> bool:
    """The text of ``first`` held again by ``again`` is a second copy: not a heading, caption
    or table cell, not after a list item, and in another setting."""
    return again.tag not in _KEPT_TAGS and first.tag not in _KEPT_TAGS and \
        first.tag != "li" and _setting(first, depth) != _setting(again, depth)
