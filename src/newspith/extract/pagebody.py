"""Phase 6: the body of a page that is not one run of prose.

The article ladder (:mod:`body`) looks for the subtree that holds most running text. That is the
right question for an article and the wrong one for a listing, a shop's category page or a
service's landing page: their content is the items, cards and feature lists of the page, short
and often linked, which the article ladder drops as navigation. So once the page type is known
(:mod:`pagetype`) the body adapts to it:

* **page** (listing, collection, service): every block outside the page's furniture (``<nav>``,
  ``<footer>``, ``<aside>``, furniture class names, share words, cookie and copyright lines),
  inside the page's main landmark (``<main>``, ``role=main``) when one holds at least
  ``ExtractConfig.page_main_share`` of that text; there (or, without one, outside the page's
  chrome tags and notices) running text is content even under a furniture class name (a
  service page's pitch in its hero "banner"), and so are headings outside the page's frame
  (a card's or a slide's title; not a sidebar widget's).
* **posts** (forum): the article's blocks and the thread's posts, which on an article page are
  reader comments kept apart (:mod:`comments`); on a forum they are the content. Remarks under
  each post (a Q&A site's comments under the question and each answer) stay comments, and what
  the ladder cut after the thread's title ("12 Replies") joins the body again.
* a product's customer reviews and a shop's shelves of other products ("Customers also viewed")
  are left out whichever body the page gets.

The page body is used when the page declares the type itself (JSON-LD, ``og:type``, URL and host
words, see :func:`pagetype.declared_points`) more than it declares an article, or when a page
not read as an article holds much text and almost no prose (or, when the article ladder's
container is an anonymous cell or item, a small share of it). A page's shape alone (many links,
little prose) also fits an old news page with a short story and heavy menus, where the article
ladder is right: so a page typed ``article`` keeps the ladder's body, whatever its size (unless
that body, in an anonymous container, is a sliver of a page with a ``<main>`` region, or a
small part of one that holds almost no prose: ``ExtractConfig.article_main_share`` and
``article_list_share``), and another type not declared above the article gets the
page body only when the ladder's container is anonymous and the page has a ``<main>`` region
(which old pages do not). A shop page (``ExtractConfig.item_page_types``) whose body has no
prose gets the page body whatever its size.
"""

from __future__ import annotations

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.body import Selection
from newspith.extract.decisions import Reason
from newspith.extract.comments import comment_groups
from newspith.extract.scoring import running_text
from newspith.extract.segment import Element, RawBlock

__all__ = ["adapt_to_type", "by_page", "with_posts", "without_reviews", "without_shelves"]


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


#: The page's own chrome: running text under these tags is never its pitch (the boilerplate
#: tags, and a page's header and forms).
_CHROME_TAGS = rules.BOILERPLATE_TAGS | {"header", "form", "dialog"}


def _outside_chrome(e: Element | None, frame: bool = False) -> bool:
    """True when no element around ``e`` is page chrome by its tag, or a notice by its class
    names (:func:`rules.is_notice_region`: a consent banner, a modal, a newsletter box); with
    ``frame``, nor part of the page's frame by its names below ``<body>``
    (:func:`rules.is_frame_region`: a footer, a sidebar, a menu)."""
    while e is not None:
        if e.tag in _CHROME_TAGS or (e.names and rules.is_notice_region(e.names)):
            return False
        if frame and e.names and e.tag not in ("body", "html") and not e.landmark and \
                rules.is_frame_region(e.names):
            return False  # (<body>'s and <main>'s classes describe the page: "has-sidebar")
        e = e.parent
    return True


def _pitch(b: RawBlock, main: Element | None) -> bool:
    """Running text or a heading under a furniture class word that is content on a page body:
    a service page's pitch in its hero "banner", a category's blurb in a "promo" box, a
    product's tools in a "tools" grid, the titles of cards and slides. Inside the page's main
    landmark, when it has one; on a page without one, outside the page's chrome and notices.
    A short heading must also be outside the page's frame (a sidebar's "Recent Comments"). A share
    word or a cookie line (``b.furniture``) and a reader's comment stay out."""
    if b.furniture or b.owner.comment:
        return False
    if running_text(b) <= 0 and (b.owner.tag not in rules.HEADING_TAGS
                                 or not _outside_chrome(b.owner, frame=True)):
        return False  # (a heading long enough to be running text is read as such)
    return b.owner.within(main) if main is not None else _outside_chrome(b.owner)


def by_page(elements: list[Element], blocks: list[RawBlock], config: ExtractConfig,
            main: Element | None = None) -> Selection:
    """Every block outside the page's furniture, within its main landmark when it has one
    (``main``, when the caller has found it already)."""
    if main is None:
        candidates = [b for b in blocks if _outside_furniture(b)]
        main = _main_of(elements, candidates, config.page_main_share)
    for b in blocks:
        if not _outside_furniture(b) and not _pitch(b, main):
            b.keep, b.reason = False, Reason.FURNITURE
        elif main is not None and not b.owner.within(main):
            b.keep, b.reason = False, Reason.OUTSIDE_MAIN
        else:
            b.keep, b.reason = True, Reason.PAGE_CONTENT
    return Selection("page", [b for b in blocks if b.keep], main)


def _thread_of(e: Element) -> Element:
    """The outermost element of the comment region ``e`` is in."""
    while e.parent is not None and e.parent.comment:
        e = e.parent
    return e


def _post_comments(posts: list[RawBlock], body: list[RawBlock], config: ExtractConfig
                   ) -> set[int]:
    """The comment threads (by element index) that hang under the body's own posts: each
    within ``post_comment_levels`` levels of a body block, when at least
    ``post_comment_threads`` different posts have such threads (a Q&A page: remarks under the
    question and under each answer). A single thread beside the body is the discussion, not
    remarks on a post; so are replies that each read as a thread but all hang from one
    element (Invision topics)."""
    threads = {t.idx: t for t in (_thread_of(b.owner) for b in posts)}
    post_of: dict[int, int] = {}  # thread -> the element joining it to the body's post
    for t in threads.values():
        up = t.parent
        for _ in range(config.post_comment_levels):
            if up is None:
                break
            if any(b.owner.within(up) for b in body):
                post_of[t.idx] = up.idx
                break
            up = up.parent
    if len(set(post_of.values())) < config.post_comment_threads:
        return set()  # one post or none has remarks: the thread is the discussion
    return set(post_of)


def with_posts(sel: Selection, blocks: list[RawBlock], config: ExtractConfig) -> Selection:
    """The article's blocks and the thread's posts, in page order; not the remarks under
    each post (:func:`_post_comments`), which stay comments."""
    # What the article ladder cut after a thread's title ("12 Replies") is the thread.
    cut = [b for b in blocks if b.reason == Reason.AFTER_THREAD_TITLE]
    posts = [b for group in comment_groups(blocks, config) for b in group]
    remarks = _post_comments(posts, [*sel.blocks, *cut], config) if posts else set()
    if remarks:
        posts = [b for b in posts if _thread_of(b.owner).idx not in remarks]
    posts += cut
    if not posts:
        return sel
    for b in posts:
        b.keep, b.reason = True, Reason.FORUM_POST
    kept = sorted({b.index: b for b in (*sel.blocks, *posts)}.values(), key=lambda b: b.index)
    return Selection(sel.strategy + "+posts", kept, sel.container)


def _review_chain(e: Element | None) -> list[Element]:
    """The elements around ``e`` (inner first) whose class names customer reviews."""
    chain = []
    while e is not None and e.tag not in ("body", "html"):  # (their classes describe the page)
        if e.names and rules.is_review_region(e.names):
            chain.append(e)
        e = e.parent
    return chain


def without_reviews(sel: Selection, config: ExtractConfig) -> Selection:
    """``sel`` without its customer reviews: blocks inside a review-named element
    (:func:`rules.is_review_region`) that holds two or more such elements or is one of three
    or more side by side (a list of reviews; an editorial review's single ``review-body`` is
    the content), unless they hold ``review_body_share`` of the body (a body made of reviews
    is a review page)."""
    chains = [_review_chain(b.owner) for b in sel.blocks]
    named = {e.idx: e for chain in chains for e in chain}
    per_parent: dict[int, int] = {}
    for e in named.values():
        if e.parent is not None:
            per_parent[e.parent.idx] = per_parent.get(e.parent.idx, 0) + 1
    # A list of reviews: a review-named element holding two or more, or any element holding
    # three or more side by side (an editorial review's body beside the customers' reviews
    # makes two).
    grouped = {i for i, e in named.items()
               if per_parent.get(i, 0) >= 2 or (e.parent is not None
                                               and per_parent[e.parent.idx] >= 3)}
    drop = [any(e.idx in grouped for e in chain) for chain in chains]
    held = sum(b.chars for b, d in zip(sel.blocks, drop) if d)
    if not held or held >= config.review_body_share * sum(b.chars for b in sel.blocks):
        return sel
    for b, d in zip(sel.blocks, drop):
        if d:
            b.keep, b.reason = False, Reason.CUSTOMER_REVIEWS
    return Selection(sel.strategy, [b for b, d in zip(sel.blocks, drop) if not d],
                     sel.container)


def without_shelves(sel: Selection) -> Selection:
    """``sel`` without a shop's shelves of other products: from a heading titling one
    (:func:`rules.is_recommend_title`) to the next heading of its level or higher. (Not to the
    end of the heading's box: shops draw a shelf's title bar apart from its item cards, each
    with a lower heading of its own.)"""
    level = 0
    dropped = False
    for b in sel.blocks:
        h = int(b.owner.tag[1]) if b.owner.tag in rules.HEADING_TAGS else 0
        if level and h and h <= level:
            level = 0
        if h and not level and rules.is_recommend_title(b.text):
            level = h
        if level:
            b.keep, b.reason, dropped = False, Reason.OTHER_PRODUCTS, True
    if not dropped:
        return sel
    return Selection(sel.strategy, [b for b in sel.blocks if b.keep], sel.container)


def _vouched(container: Element | None) -> bool:
    """True when the article ladder's container names itself content: a landmark (``<main>``,
    ``<article>``) or a content class word, weak ones included (``entry-body``, ``post``,
    ``text``, ``column``)."""
    return container is not None and (
        container.landmark or rules.element_hint(container.names) > 0)


def _is_list(main: Element, candidates: list[RawBlock], config: ExtractConfig) -> bool:
    """True when running text is under ``article_list_prose`` of the text in ``main``: a
    list of items (a section front, search results), however many words a teaser has."""
    inside = [b for b in candidates if b.owner.within(main)]
    prose = sum(b.chars for b in inside if running_text(b) > 0)
    return prose < config.article_list_prose * sum(b.chars for b in inside)


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
    """The body for ``page_type``: the article ladder's ``sel``, or one of the above; a
    product's or a collection's without shelves of other products, a product's without its
    customer reviews."""
    body = _body_for_type(page_type, declared, sel, elements, blocks, config)
    if page_type in config.shelf_free_types:
        body = without_shelves(body)
    if page_type in config.review_free_types:
        body = without_reviews(body, config)
    return body


def _body_for_type(page_type: str, declared: dict[str, float], sel: Selection,
                   elements: list[Element], blocks: list[RawBlock], config: ExtractConfig
                   ) -> Selection:
    if page_type in config.page_body_types and \
            declared.get(page_type, 0.0) > declared.get("article", 0.0):
        return by_page(elements, blocks, config)
    if page_type in config.posts_body_types:
        return with_posts(sel, blocks, config)
    vouched = _vouched(sel.container)
    if vouched and sel.prose_chars >= config.page_fallback_body_chars:
        return sel  # a body its container vouches for, of a real length
    candidates = [b for b in blocks if _outside_furniture(b)]
    page_text = sum(b.chars for b in candidates)
    share = sum(b.chars for b in sel.blocks) / page_text if page_text else 1.0
    if not vouched and (page_type in config.shape_body_types or (
            page_type == "article"
            and share < max(config.article_main_share, config.article_list_share))):
        main = _main_of(elements, candidates, config.page_main_share)
        if main is not None and (page_type != "article" or share < config.article_main_share
                                 or _is_list(main, candidates, config)):
            # Not an article (or an "article" whose body is a sliver of the page, or a small
            # part of a <main> that is a list), on a page whose <main> holds its text: the
            # whole main region, not the ladder's anonymous box.
            return by_page(elements, blocks, config, main)
    if sel.prose_chars < _fallback_floor(vouched, page_text, config):
        if page_type != "article" and page_text >= config.page_fallback_page_chars:
            # Almost no running text on a page with much text, and no sign of an article: its
            # content is not prose.
            return by_page(elements, blocks, config)
        if page_type in config.item_page_types and sel.prose_chars < config.min_body_chars \
                and page_text:
            # A shop's grid with a heading: the items are the content, however few.
            return by_page(elements, blocks, config)
        if not sel.blocks and 0 < page_text < config.min_body_chars:
            # A page of a few words: they are all it has.
            return by_page(elements, blocks, config)
    return sel
