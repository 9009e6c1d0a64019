"""Phase 6: the body of a page that is not one run of prose.

The article ladder (:mod:`body`) looks for the subtree that holds most running text. That is the
right question for an article and the wrong one for a listing, a shop's category page or a
service's landing page: their content is the items, cards and feature lists of the page, short
and often linked, which the article ladder drops as navigation. So once the page type is known
(:mod:`pagetype`) the body adapts to it:

* **page** (listing, collection, service): every block outside the page's furniture (``<nav>``,
  ``<footer>``, ``<aside>``, furniture class names, share words, cookie and copyright lines),
  inside the page's ``<main>`` when it has one that holds most of that text.
* **posts** (forum): the article's blocks and the thread's posts, which on an article page are
  reader comments kept apart (:mod:`comments`); on a forum they are the content.

The page body is used only when the type is declared by the page itself (JSON-LD, ``og:type``,
URL words, see :func:`pagetype.declared_points`), or when the article ladder found almost
nothing on a page with much text: a page's shape alone (many links, little prose) also fits an
old news page with a short story and heavy menus, where the article ladder is right.
"""

from __future__ import annotations

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.body import Selection
from newspith.extract.comments import is_post_block
from newspith.extract.segment import Element, RawBlock

__all__ = ["adapt_to_type", "by_page", "with_posts"]


def _outside_furniture(b: RawBlock) -> bool:
    return b.owner.neg < rules.STRONG and not b.furniture


def _main_of(blocks: list[RawBlock], share: float) -> Element | None:
    """The innermost ``<main>``-like landmark (``<main>``, ``role=main``, not ``<article>``)
    holding at least ``share`` of the blocks' text."""
    held: dict[int, int] = {}
    seen: dict[int, Element] = {}
    for b in blocks:
        held[b.owner.idx] = held.get(b.owner.idx, 0) + b.chars
        e: Element | None = b.owner
        while e is not None and e.idx not in seen:  # each element is listed once
            seen[e.idx] = e
            e = e.parent
    # Elements are numbered in document order, children after parents: sum upwards.
    for idx in sorted(seen, reverse=True):
        parent = seen[idx].parent
        if parent is not None:
            held[parent.idx] = held.get(parent.idx, 0) + held.get(idx, 0)
    total = sum(b.chars for b in blocks)
    inner = [e for e in seen.values() if e.landmark and e.tag != "article"
             and held.get(e.idx, 0) >= share * total]
    return max(inner, key=lambda e: e.idx) if inner else None


def by_page(blocks: list[RawBlock], config: ExtractConfig) -> Selection:
    """Every block outside the page's furniture, within its ``<main>`` when it has one."""
    candidates = [b for b in blocks if _outside_furniture(b)]
    main = _main_of(candidates, config.page_main_share)
    for b in blocks:
        if not _outside_furniture(b):
            b.keep, b.reason = False, "furniture"
        elif main is not None and not b.owner.within(main):
            b.keep, b.reason = False, "outside <main>"
        else:
            b.keep, b.reason = True, "page content"
    return Selection("page", [b for b in blocks if b.keep], main)


def with_posts(sel: Selection, blocks: list[RawBlock], config: ExtractConfig) -> Selection:
    """The article's blocks and the thread's posts, in page order."""
    posts = [b for b in blocks if not b.keep and is_post_block(b, config)]
    if not posts:
        return sel
    for b in posts:
        b.keep, b.reason = True, "forum post"
    kept = sorted([*sel.blocks, *posts], key=lambda b: b.index)
    return Selection(sel.strategy + "+posts", kept, sel.container)


def adapt_to_type(page_type: str, declared: dict[str, float], sel: Selection,
                  blocks: list[RawBlock], config: ExtractConfig) -> Selection:
    """The body for ``page_type``: the article ladder's ``sel``, or one of the above."""
    if page_type in config.page_body_types and \
            declared.get(page_type, 0.0) > declared.get("article", 0.0):
        return by_page(blocks, config)
    if page_type in config.posts_body_types:
        return with_posts(sel, blocks, config)
    if sel.prose_chars < config.page_fallback_body_chars:
        page_text = sum(b.chars for b in blocks if _outside_furniture(b))
        if page_text >= config.page_fallback_page_chars:
            # Almost no running text on a page with much text: its content is not prose.
            return by_page(blocks, config)
        if not sel.blocks and page_text < config.min_body_chars:
            # A page of a few words: they are all it has.
            return by_page(blocks, config)
    return sel
