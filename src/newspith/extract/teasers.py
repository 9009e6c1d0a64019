"""A closing run of story teasers inside the body's container ("Recommended for you").

News templates often end the article's own container with a stream of other stories: each an
item with a linked headline, a standfirst and a source line. The standfirsts are prose, so the
container keeps them, and the headlines sit between prose blocks, so the link rescue keeps them
too. What gives the stream away is its shape: three or more sibling items in a row, each with
one headline that links to another page, and little else; and nothing of the article after it.

A headline that is not a link itself counts when its standfirst ends with a link to the story
("… Read more..."): the link is then looked for there.

A question list whose headings toggle an answer on the same page (an FAQ accordion links to
``#answer-3`` or ``javascript:``) is not a teaser run: only links to other pages count.
"""

from __future__ import annotations

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.decisions import Reason
from newspith.extract.segment import Element, RawBlock

__all__ = ["cut_closing_teasers"]


def _links_away(link) -> bool:
    """True when ``link`` (an ``<a href>`` node, or ``None``) goes to another page (not
    ``#…`` or ``javascript:``)."""
    if link is None:
        return False
    href = (link.attributes.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:"))


def _heading_link(b: RawBlock):
    """The first link of a headline block, or ``None``."""
    node = b.owner.node
    return node.css_first("a[href]") if node is not None else None


def _read_more_link(b: RawBlock):
    """The link that ends a teaser's standfirst when it reads "Read more" (or ``None``): the
    block's last link, whose text is a read-more phrase and ends the block's text."""
    node = b.owner.node
    if node is None or not b.link_chars:
        return None
    links = node.css("a[href]")
    if not links:
        return None
    last = links[-1]
    text = (last.text() or "").strip()
    if not text or not rules.is_read_more(text) or not b.text.rstrip().endswith(text):
        return None
    return last


def _item_under(e: Element, top: Element) -> Element:
    """The ancestor of ``e`` (or ``e``) whose parent is ``top``."""
    while e.parent is not None and e.parent is not top:
        e = e.parent
    return e


def _common(a: Element, b: Element) -> Element | None:
    """The innermost element holding both ``a`` and ``b``."""
    for e in a.ancestors():
        if b.within(e):
            return e
    return None


def cut_closing_teasers(kept: list[RawBlock], config: ExtractConfig) -> list[RawBlock]:
    """``kept`` without a closing run of teaser items (see the module's docstring)."""
    # Each headline's index, and its standfirst's read-more link (``None``: the headline is
    # a link itself, looked up only if the run is cut).
    link_of: dict[int, object] = {}
    for i, b in enumerate(kept):
        if b.owner.tag not in rules.HEADING_TAGS:
            continue
        if b.link_density > 0.5:
            link_of[i] = None
        elif i + 1 < len(kept) and kept[i + 1].owner.tag not in rules.HEADING_TAGS and \
                (link := _read_more_link(kept[i + 1])) is not None:
            link_of[i] = link
    headlines = list(link_of)
    if len(headlines) < config.teaser_run:
        return kept
    # The last run of headlines that are siblings' items: walk back from the last one.
    last = kept[headlines[-1]].owner
    run = [headlines[-1]]
    top: Element | None = None
    for i in reversed(headlines[:-1]):
        common = _common(kept[i].owner, last)
        if common is None or (top is not None and common is not top):
            break
        top = common
        run.append(i)
    if top is None or len(run) < config.teaser_run:
        return kept
    run.reverse()
    heads = [kept[i].owner for i in run]
    items = [_item_under(h, top) for h in heads]
    if all(item is h for item, h in zip(items, heads)):
        # Bare headings in a row (h3, p, h3, p): an item runs from its headline to the next.
        spans = [(h.idx, nxt.idx - 1) for h, nxt in zip(heads, heads[1:])]
        spans.append((heads[-1].idx, top.end))
    elif len({e.idx for e in items}) == len(items) and not any(
            item is h for item, h in zip(items, heads)):
        spans = [(e.idx, e.end) for e in items]
    else:
        return kept  # two headlines in one item, or mixed shapes: not a stream of items
    start, end = spans[0][0], spans[-1][1]
    inside = [b for b in kept if start <= b.owner.idx <= end]
    # Every block of the run lies in one of its items, and each item is a teaser: a few blocks,
    # and little text besides its headline (an article's sections hold paragraphs).
    per_item: dict[int, int] = {}
    for b in inside:
        k = next((k for k, (lo, hi) in enumerate(spans) if lo <= b.owner.idx <= hi), -1)
        if k < 0:
            return kept
        if b.owner.tag not in rules.HEADING_TAGS:
            per_item[k] = per_item.get(k, 0) + b.chars
    if len(inside) > config.teaser_item_blocks * len(items) or \
            max(per_item.values(), default=0) > config.teaser_item_chars:
        return kept
    if sum(b.chars for b in kept if b.owner.idx > end and b.value > 0) >= config.min_body_chars:
        return kept  # the article goes on after the run
    before = sum(b.chars for b in kept if b.owner.idx < start)
    if before < config.teaser_min_article and \
            sum(b.chars for b in inside) > 0.8 * sum(b.chars for b in kept):
        return kept  # the run is the page (a listing), not a tail after an article
    if not all(_links_away(link_of[i] if link_of[i] is not None else _heading_link(kept[i]))
               for i in run):
        return kept
    for b in inside:
        b.keep, b.reason = False, Reason.TEASERS
    return [b for b in kept if not (start <= b.owner.idx <= end)]
