"""Phase 6: the body of a page that is not one run of prose.

The article ladder (:mod:`body`) looks for the subtree that holds most running text. That is the
right question for an article and the wrong one for a listing, a shop's category page or a
service's landing page: their content is the items, cards and feature lists of the page, short
and often linked, which the article ladder drops as navigation. So once the page type is known
(:mod:`pagetype`) the body adapts to it:

* **page** (listing, collection, service): every block outside the page's furniture (``<nav>``,
  ``<footer>``, ``<aside>``, furniture class names, share words, cookie and copyright lines),
  inside the page's main landmark (``<main>``, ``role=main``) when one holds at least
  ``ExtractConfig.page_main_share`` of that text.
* **posts** (forum): the article's blocks and the thread's posts, which on an article page are
  reader comments kept apart (:mod:`comments`); on a forum they are the content.

The page body is used when the page declares the type itself (JSON-LD, ``og:type``, URL and host
words, see :func:`pagetype.declared_points`) more than it declares an article, or when a page
not read as an article holds much text and almost no prose (or, when the article ladder's
container is an anonymous cell or item, a small share of it). A page's shape alone (many links,
little prose) also fits an old news page with a short story and heavy menus, where the article
ladder is right: so a page typed ``article`` keeps the ladder's body, whatever its size, and
another type not declared above the article gets the page body only when the ladder's container
is anonymous and the page has a ``<main>`` region (which old pages do not).
"""

from __future__ import annotations

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.body import Selection
from newspith.extract.comments import comment_groups
from newspith.extract.segment import Element, RawBlock

__all__ = ["adapt_to_type", "by_page", "with_posts"]


def _outside_furniture(b: RawBlock) -> bool:
    return b.owner.neg < rules.STRONG and not b.furniture


def _main_of(elements: list[Element], candidates: list[RawBlock], share: float
             ) -> Element | None:
    """The innermost main landmark (``<main>``, ``role=main``; not ``<article>`` or
    ``articleBody``, which hold one item) with at least ``share`` of the candidates' text."""
    held = [0] * len(elements)
    for b in candidates:
        held[b.owner.idx] += b.chars
    # Elements are numbered in document (pre-)order, children after parents: sum upwards.
    for e in reversed(elements):
        if e.parent is not None:
            held[e.parent.idx] += held[e.idx]
    floor = share * sum(b.chars for b in candidates)
    best: Element | None = None
    for e in elements:
        if (e.tag == "main" or (e.landmark and e.tag != "article" and e.node is not None
                                and e.node.attributes.get("role") == "main")) \
                and held[e.idx] >= floor:
            best = e  # later in pre-order and above the floor: nested in (or after) the last
    return best


def by_page(elements: list[Element], blocks: list[RawBlock], config: ExtractConfig,
            main: Element | None = None) -> Selection:
    """Every block outside the page's furniture, within its main landmark when it has one
    (``main``, when the caller has found it already)."""
    if main is None:
        candidates = [b for b in blocks if _outside_furniture(b)]
        main = _main_of(elements, candidates, config.page_main_share)
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
    posts = [b for group in comment_groups(blocks, config) for b in group]
    if not posts:
        return sel
    for b in posts:
        b.keep, b.reason = True, "forum post"
    kept = sorted([*sel.blocks, *posts], key=lambda b: b.index)
    return Selection(sel.strategy + "+posts", kept, sel.container)


def _vouched(container: Element | None) -> bool:
    """True when the article ladder's container names itself content: a landmark (``<main>``,
    ``<article>``) or a content class word, weak ones included (``entry-body``, ``post``,
    ``text``, ``column``)."""
    return container is not None and (
        container.landmark or rules.element_hint(container.names) > 0)


def _fallback_floor(vouched: bool, page_text: int, config: ExtractConfig) -> float:
    """The prose under which the article ladder's body is not the page's content. A body in a
    container that names itself content is trusted down to ``page_fallback_body_chars`` (an
    old news page: a short story among heavy menus); one in an anonymous ``<td>`` or ``<li>``
    also needs ``page_fallback_share`` of the page's text (a listing whose longest item won)."""
    if vouched:
        return config.page_fallback_body_chars
    return max(config.page_fallback_body_chars, config.page_fallback_share * page_text)


def adapt_to_type(page_type: str, declared: dict[str, float], sel: Selection,
                  elements: list[Element], blocks: list[RawBlock], config: ExtractConfig
                  ) -> Selection:
    """The body for ``page_type``: the article ladder's ``sel``, or one of the above."""
    if page_type in config.page_body_types and \
            declared.get(page_type, 0.0) > declared.get("article", 0.0):
        return by_page(elements, blocks, config)
    if page_type in config.posts_body_types:
        return with_posts(sel, blocks, config)
    vouched = _vouched(sel.container)
    if vouched and sel.prose_chars >= config.page_fallback_body_chars:
        return sel  # a body its container vouches for, of a real length
    candidates = [b for b in blocks if _outside_furniture(b)]
    if page_type in config.shape_body_types and not vouched:
        main = _main_of(elements, candidates, config.page_main_share)
        if main is not None:
            # Not an article, on a page whose <main> holds its text: the whole main region,
            # not the article ladder's anonymous box.
            return by_page(elements, blocks, config, main)
    page_text = sum(b.chars for b in candidates)
    if sel.prose_chars < _fallback_floor(vouched, page_text, config):
        if page_type != "article" and page_text >= config.page_fallback_page_chars:
            # Almost no running text on a page with much text, and no sign of an article: its
            # content is not prose.
            return by_page(elements, blocks, config)
        if not sel.blocks and 0 < page_text < config.min_body_chars:
            # A page of a few words: they are all it has.
            return by_page(elements, blocks, config)
    return sel
