"""HTML → :class:`~newspith.article.Article`: pure functions, one parse, named phases.

``extract`` is the driver; each phase lives in its own module:

=============  ==============================================================================
``dom``        parse once (bytes are decoded by :mod:`newspith.decode`)
``segment``    walk the tree into candidate blocks and block-level elements
``scoring``    signed content value of each block
``body``       choose the container, select blocks, the fallback ladder
``teasers``    cut a closing stream of other stories from the body
``comments``   reader comments, apart from the body
``pagetype``   which of seven page types the page is
``pagebody``   the body of a listing, shop, service or forum page
``structure``  typed blocks (paragraph, heading, list, quote, table, caption, embed, code)
``metadata``   title, authors, dates, site, language, canonical URL
``render``     plain text and Markdown
=============  ==============================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newspith.article import Article
from newspith.config import DecodeConfig, ExtractConfig
from newspith.decode import looks_mojibaked, repair_text
from newspith.extract import rules
from newspith.extract.body import Selection, attach_headline, find_body
from newspith.extract.comments import collect_comments
from newspith.extract.dom import parse
from newspith.extract.metadata import date_lines, finish_metadata, read_metadata
from newspith.extract.model import facts_of, learned_body
from newspith.extract.pagebody import adapt_to_type
from newspith.extract.pagetype import (CALL_TO_ACTION, PageShape, classify, count_prices,
                                      declared_points)
from newspith.extract.render import blocks_text
from newspith.extract.repeats import drop_repeats
from newspith.extract.scoring import assign_regions, score_blocks
from newspith.extract.segment import (REVEAL_ALL, Element, RawBlock, hidden_by_style, reset_rows,
                                      segment)
from newspith.extract.structure import build_blocks

__all__ = ["extract", "run", "Run"]

_DEFAULT = ExtractConfig()


def extract(html: str | bytes | LexborHTMLParser, url: str | None = None, *,
            config: ExtractConfig | None = None, content_type: str | None = None,
            decode_config: DecodeConfig | None = None) -> Article:
    """Extract the article from one page.

    ``html`` is the page as ``str``, as ``bytes`` (decoded with ``content_type``'s charset, a BOM,
    ``<meta charset>`` or detection), or an already parsed ``LexborHTMLParser`` tree. ``url`` is
    where the page came from; the page's canonical URL wins when it declares one.

    A page without an article gives an Article with ``is_article=False`` and a ``reason``; its
    ``text`` is what the page holds for its type (a listing's items, a forum's posts) or empty.
    Raises :class:`~newspith.errors.TooLargeError` for input over
    ``config.max_bytes`` and :class:`~newspith.errors.InputError` for input that is not HTML.
    """
    return run(html, url, config=config, content_type=content_type,
               decode_config=decode_config).article


@dataclass(frozen=True, slots=True)
class Run:
    """One extraction with its working state: what :func:`explain` reports on."""

    article: Article
    blocks: list[RawBlock]
    selection: Selection | None
    page_type_points: dict[str, float] | None = None
    elements: list[Element] | None = None
    #: The article ladder's selection, before the page type adapted it.
    ladder: Selection | None = None
    #: The rules' final body (after repeats), before the learned model.
    rules_kept: tuple[RawBlock, ...] = ()


def _find_lock(root, visible: list[RawBlock], title: str | None, config: ExtractConfig
               ) -> int:
    """The ``mem_id`` of the element that hides a page a script reveals, or 0. Read with every
    hidden element, hidden text must be ``lock_page_share`` of the page's text, and one hidden
    element must hold ``lock_body_share`` of the body read (not a dialog beside a shelf, nor a
    slideshow's hidden slides)."""
    elements, everything = segment(root, config, reveal=REVEAL_ALL)
    shown = sum(b.chars for b in visible)
    total = sum(b.chars for b in everything)
    if total - shown < config.lock_page_share * total:
        return 0
    body = _select(elements, everything, config, title)[0].blocks
    by_lock: dict[int, int] = {}
    for b in body:
        lock = hidden_by_style(b.owner)
        if lock is not None and lock.node is not None:
            key = lock.node.mem_id
            by_lock[key] = by_lock.get(key, 0) + b.chars
    if not by_lock:
        return 0
    key = max(by_lock, key=lambda k: by_lock[k])
    return key if by_lock[key] >= config.lock_body_share * sum(b.chars for b in body) else 0


def run(html: str | bytes | LexborHTMLParser, url: str | None = None, *,
        config: ExtractConfig | None = None, content_type: str | None = None,
        decode_config: DecodeConfig | None = None) -> Run:
    """The extraction driver: parse, segment, score, choose the body, type it, add metadata."""
    config = config or _DEFAULT
    page = parse(html, config, content_type, decode_config)
    encoding: dict[str, Any] = {"encoding": page.encoding, "encoding_source": page.encoding_source}
    root = page.tree.body or page.tree.root
    if root is None:
        return Run(Article(url=url, reason="empty page", **encoding), [], None)

    md = read_metadata(page.tree, url)
    styled: list[int] = []  # elements an inline style hides
    elements, raw = segment(root, config, skip_furniture=True, styled=styled)
    selection, page_prose, hidden = _select(elements, raw, config, md.title)
    if hidden and _body_is_small(selection, page_prose, config):
        # Most of the page's running text sits under a furniture class word: the word may name
        # something else ("content-nav-section"); read again, trusting text over names there.
        reset_rows(elements, raw)
        retry = _select(elements, raw, config, md.title, trust_prose=True)[0]
        if retry.prose_chars >= 2 * selection.prose_chars:
            selection = retry
        else:
            reset_rows(elements, raw)
            selection = _select(elements, raw, config, md.title)[0]
    if selection.prose_chars < config.min_body_chars:
        # Too little: maybe broken markup put the page inside an unclosed <aside> or <nav>.
        elements2, raw2 = segment(root, config, skip_furniture=False)
        retry = _select(elements2, raw2, config, md.title)[0]
        if retry.prose_chars >= max(config.min_body_chars, 2 * selection.prose_chars):
            elements, raw, selection = elements2, raw2, retry
    if selection.prose_chars < config.min_body_chars and styled:
        # Still too little: maybe a script reveals the page (a content lock or an age gate
        # hides it with an inline display:none until it has run). Only that element is read
        # then: what it hides in turn (a popup, keyword spans) stays hidden.
        lock = _find_lock(root, raw, md.title, config)
        if lock:
            elements2, raw2 = segment(root, config, reveal=lock)
            retry = _select(elements2, raw2, config, md.title)[0]
            if retry.prose_chars >= max(config.min_body_chars, 2 * selection.prose_chars):
                elements, raw, selection = elements2, raw2, retry
    article_blocks = selection.blocks
    comments = collect_comments(raw, config)
    declared = declared_points(url or md.url, md.ld_types, md.og_type)
    page_type, points = classify(declared, _shape(raw, selection, comments, md))
    body = adapt_to_type(page_type, declared, selection, elements, raw, config)
    if body is not selection:
        # The page body frees blocks the article ladder kept; a forum's posts are its body,
        # and what stays of its comments are the remarks under each post.
        comments = collect_comments(raw, config)
    kept = drop_repeats(body.blocks, config)
    rules_kept = tuple(kept)
    if config.learned and raw and page_type == "article":
        facts = facts_of(selection.blocks, kept, raw, selection.container, selection.strategy,
                         body.strategy, page_type, md.title)
        learned = learned_body(elements, raw, facts, config)
        if learned is not None:
            kept = learned

    repaired = False
    if kept and looks_mojibaked("\n".join(b.text for b in kept)):
        for b in kept:
            fixed = repair_text(b.text)
            if fixed != b.text:
                b.text, repaired = fixed, True
    blocks = tuple(build_blocks(kept))

    title = md.title
    if title and looks_mojibaked(title):
        fixed = repair_text(title)
        repaired = repaired or fixed != title
        title = fixed

    prose = selection.prose_chars
    is_article = page_type == "article" and prose >= config.min_body_chars
    if not raw:
        reason = "no text in page"
    elif not kept:
        reason = "no article body found"
    elif page_type != "article":
        reason = f"a {page_type} page, not an article"
    elif not is_article:
        reason = f"too little prose for an article ({prose} characters)"
    else:
        reason = None
    text = blocks_text(blocks)
    # Dates are looked for around the article ladder's body, where the headline is.
    finish_metadata(md, date_lines(raw, article_blocks[0].index if article_blocks else 0,
                                   md.title,
                                   last=article_blocks[-1].index if article_blocks else None),
                    text,
                    page_type=page_type)
    article = Article(
        title=title, text=text, blocks=blocks, authors=md.authors,
        published=md.published, modified=md.modified, site_name=md.site_name,
        language=md.language, url=md.url, description=md.description,
        comments=comments, page_type=page_type if raw else None, is_article=is_article,
        reason=reason, repaired=repaired, image=md.image, tags=md.tags,
        sources=md.sources, missing=md.missing, **encoding,
    )
    return Run(article, raw, body, points, elements, selection, rules_kept)


def _shape(raw: list[RawBlock], selection: Selection, comments: tuple[str, ...], md) -> PageShape:
    text = " ".join(b.text for b in raw)
    return PageShape(
        body_chars=selection.prose_chars, page_chars=len(text),
        link_blocks=sum(1 for b in raw if b.link_density > 0.5), blocks=len(raw),
        code_blocks=sum(1 for b in selection.blocks if b.owner.tag == "pre"),
        prices=count_prices(text), comments=len(comments),
        dated=md.declares("published"), authored=md.declares("authors"),
        calls=sum(1 for b in raw if b.chars < 40 and CALL_TO_ACTION.match(b.text)))


def _select(elements: list[Element], raw: list[RawBlock], config: ExtractConfig,
            title: str | None, trust_prose: bool = False) -> tuple[Selection, int, bool]:
    """Regions, block values and the article ladder over one walk's rows; with the page's
    running text and whether a furniture class word sits on most of it
    (:func:`scoring.assign_regions`)."""
    page_prose, hidden = assign_regions(elements, raw, config, trust_prose)
    score_blocks(raw, config)
    body = attach_headline(find_body(elements, raw, config), raw, title, config)
    return body, page_prose, hidden


def _body_is_small(selection: Selection, page_prose: int, config: ExtractConfig) -> bool:
    """True when the body holds less than ``region_retry_share`` of the page's running text and
    no strong content region (``article-body``, ``<article>``) vouches for its container."""
    if selection.prose_chars >= config.region_retry_share * page_prose:
        return False
    return selection.container is None or selection.container.pos < rules.STRONG
