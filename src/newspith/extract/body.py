"""Phases 3-5: choose the article's container, select its blocks, fall back when that fails.

The driver, :func:`find_body`, reads as the method:

1. **container**: every block's signed value (``scoring``) is summed into each element that
   contains it; the element with the largest sum is the smallest subtree that holds most prose
   and least furniture (a maximum-subtree-sum). Siblings with a large positive share join it
   (articles split around an ad or a photo).
2. **select**: inside the container, keep prose, headings, lists, quotes, tables and captions;
   drop link lists, share words, promos and blocks in a boilerplate region below the container.
3. **check and fall back**: when the result is too little (``min_body_chars``) or holds too small
   a share of the page's prose (``min_prose_share``), the next rung of :data:`LADDER` runs; the
   rung whose result carries most prose wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.decisions import Reason
from newspith.extract.galleries import cut_inline_gallery
from newspith.extract.scoring import is_prose
from newspith.extract.segment import Element, RawBlock
from newspith.extract.teasers import cut_closing_teasers

__all__ = ["Selection", "find_body", "attach_headline", "LADDER"]


@dataclass(frozen=True, slots=True)
class Selection:
    """The blocks one strategy kept, and its name (for ``--explain``)."""

    strategy: str
    blocks: list[RawBlock]
    container: Element | None = None
    #: Prose the strategy set aside as not the article's although it is prose (an inline
    #: gallery): it does not count in the page's prose the result is measured against.
    set_aside: int = 0

    @property
    def prose_chars(self) -> int:
        return sum(b.chars - b.link_chars for b in self.blocks if b.value > 0)


# --- phase 3: the container -------------------------------------------------------------------

def _sum_into_elements(elements: list[Element], blocks: list[RawBlock],
                       config: ExtractConfig) -> None:
    for e in elements:
        e.content_score = 0.0
    weight = config.boilerplate_weight * (0.4 if config.favor_recall else 1.0)
    for b in blocks:
        v = b.value
        b.owner.content_score += v if v > 0 else v * weight
    # Elements are numbered in document (pre-)order, so children come after their parents.
    for e in reversed(elements):
        if e.parent is not None:
            e.parent.content_score += e.content_score


def choose_container(elements: list[Element], blocks: list[RawBlock],
                     config: ExtractConfig) -> Element | None:
    """The element whose subtree has the largest total block value."""
    _sum_into_elements(elements, blocks, config)
    best: Element | None = None
    for e in elements:
        if e.content_score > 0 and (best is None or e.content_score >= best.content_score):
            # ">=": on a tie the deeper element wins (it holds the same text, less markup).
            best = e
    return best


def _with_siblings(container: Element, elements: list[Element],
                   config: ExtractConfig) -> list[Element]:
    """The container plus siblings that carry a large share of its content."""
    parent = container.parent
    if parent is None:
        return [container]
    share = config.sibling_share / 2 if config.favor_recall else config.sibling_share
    floor = container.content_score * share
    return [e for e in elements
            if e is container or (e.parent is parent and e.content_score >= floor
                                  and e.content_score > 0 and e.neg < rules.STRONG)]


# --- phase 4: blocks inside the container -------------------------------------------------------

_FURNITURE_REASONS: Final = {"phrase": Reason.PHRASE, "sentence": Reason.SENTENCE}


def _keep(b: RawBlock, top: Element, config: ExtractConfig) -> tuple[bool, Reason]:
    """Whether a block inside the chosen container belongs to the article, and why."""
    if b.cell and b.owner.neg < rules.STRONG:
        return True, Reason.DATA_CELL
    if b.link_density > config.max_link_density:
        return False, Reason.LINK_DENSE
    if b.furniture:
        return False, _FURNITURE_REASONS.get(b.furniture, Reason.MACHINE_TEXT)
    if rules.is_promo_line(b.text) and b.link_chars:
        return False, Reason.PROMO_LINE
    if b.owner.neg >= rules.STRONG and top.neg < rules.STRONG:
        return False, Reason.BOILERPLATE_REGION
    if b.owner.tag in rules.HEADING_TAGS:
        return True, Reason.HEADING
    if b.value > 0:
        return True, Reason.PROSE
    if config.favor_precision:
        return False, Reason.SHORT_LINE
    return (b.chars >= 3 and b.link_chars == 0), Reason.SHORT_LINE


def select_in(tops: list[Element], blocks: list[RawBlock], config: ExtractConfig
              ) -> list[RawBlock]:
    kept: list[RawBlock] = []
    inside: list[RawBlock] = []
    spans = [(t.idx, t.end, t) for t in tops]
    for b in blocks:
        i = b.owner.idx
        top = next((t for lo, hi, t in spans if lo <= i <= hi), None)
        if top is None:
            continue
        keep, why = _keep(b, top, config)
        b.keep, b.reason = keep, why
        inside.append(b)
        if keep:
            kept.append(b)
    kept = _rescue_sandwiched(inside, kept, config)
    kept = cut_closing_teasers(_cut_tail_sections(inside, kept, config), config)
    return _drop_trailing_headings(cut_inline_gallery(inside, kept, config))


def _drop_trailing_headings(kept: list[RawBlock]) -> list[RawBlock]:
    """A heading after the body's last paragraph titles nothing of the body ("More in Sport")."""
    if all(b.owner.tag in rules.HEADING_TAGS for b in kept):
        return kept  # a page of headings only: they are all it has
    end = len(kept)
    while end and kept[end - 1].owner.tag in rules.HEADING_TAGS:
        end -= 1
        kept[end].keep, kept[end].reason = False, Reason.TRAILING_HEADING
    return kept[:end]


def _rescue_sandwiched(inside: list[RawBlock], kept: list[RawBlock], config: ExtractConfig
                       ) -> list[RawBlock]:
    """Keep link-heavy blocks that sit between prose blocks of the body.

    A list of links *inside* an article (the deals of a deals post, the sources of a report) is
    content; the same list after the last paragraph is a related-links box. So a link-dense block
    is kept when prose was kept both before and after it, unless it is a promo ("Read more: …").
    """
    if config.favor_precision:
        return kept
    n = len(inside)
    prose_before = [False] * n
    seen = False
    for i, b in enumerate(inside):
        prose_before[i] = seen
        seen = seen or (b.keep and b.value > 0)
    seen = False
    rescued = False
    for i in range(n - 1, -1, -1):
        b = inside[i]
        if (b.reason == Reason.LINK_DENSE and seen and prose_before[i] and b.owner.neg < rules.STRONG
                and not b.furniture and not rules.is_promo_line(b.text)):
            b.keep, b.reason, rescued = True, Reason.LIST_IN_BODY, True
        seen = seen or (b.keep and b.value > 0)
    return [b for b in inside if b.keep] if rescued else kept


def _cut_tail_sections(inside: list[RawBlock], kept: list[RawBlock], config: ExtractConfig
                       ) -> list[RawBlock]:
    """Drop what follows a "Comments" / "Related stories" title in the back half of the body.

    Comment threads and related lists often sit inside the article's container with no markup
    to tell them apart (flat ``<p>``s after ``<h2>Comments</h2>``); their title is the tell.
    Only the back half is cut, so a body section that happens to be called "Discussion" stays;
    and a "Related" title with much of the body's prose after it (``tail_rest_share``) titles a
    box in mid-article, not the end.
    """
    total = sum(b.chars for b in kept if b.value > 0)
    cut_share, rest_share = config.tail_cut_share, config.tail_rest_share
    if config.favor_precision:
        cut_share, rest_share = cut_share / 2, min(1.0, 2 * rest_share)
    rest_floor = rest_share * total
    seen = 0
    for b in inside:
        if b.keep and b.value > 0:
            seen += b.chars
        # A thread title ends the body once it has some prose; other titles ("Related",
        # "Discussion") only in its back half, with little prose after them.
        thread = seen >= config.min_body_chars and rules.is_thread_title(b.text)
        if thread or (seen >= cut_share * total and total - seen < rest_floor
                      and rules.is_section_end(b.text)):
            cut = b.index
            why = Reason.AFTER_THREAD_TITLE if thread else Reason.AFTER_RELATED_TITLE
            for k in kept:
                if k.index >= cut:
                    k.keep, k.reason = False, why
            return [k for k in kept if k.index < cut]
    return kept


# --- the strategies of the ladder ------------------------------------------------------------------

#: Elements that hold a paragraph of text, not a body (see :func:`by_container`).
_TEXT_BLOCKS: Final = frozenset({"p", "blockquote"})


def by_container(elements: list[Element], blocks: list[RawBlock], config: ExtractConfig
                 ) -> Selection:
    """Rung 1: the best subtree, with its strong siblings; when siblings join it, their parent
    (its blocks each kept or dropped on their own). The selection's container stays the best
    subtree: it is what names the body (``pagebody._vouched``, ``--explain``)."""
    container = choose_container(elements, blocks, config)
    if container is None:
        return Selection("container", [])
    tops = _with_siblings(container, elements, config)
    parent = container.parent
    if len(tops) > 1 and parent is not None and parent.neg < rules.STRONG and (
            container.tag in _TEXT_BLOCKS or parent.tag not in ("body", "html")):
        # Siblings joined the container: the body is their parent, lists of links between them
        # included (a changelog, a link roundup), each block kept or dropped on its own. A
        # paragraph (or a quote) is never a container, even with <body> for a parent; a wider
        # container's siblings under <body> are the whole page.
        tops = [parent]
    kept = select_in(tops, blocks, config)
    aside = sum(b.chars - b.link_chars for b in blocks
                if b.reason == Reason.INLINE_GALLERY and b.value > 0 and b.owner.neg < rules.STRONG)
    return Selection("container", kept, container, aside)


def by_prose(elements: list[Element], blocks: list[RawBlock], config: ExtractConfig
             ) -> Selection:
    """Rung 2: every prose block of the page outside boilerplate regions (content spread out)."""
    kept = []
    for b in blocks:
        ok = b.value > 0 and is_prose(b, config) and b.owner.neg < rules.STRONG
        b.keep, b.reason = ok, (Reason.PROSE if ok else Reason.NOT_PROSE)
        if ok:
            kept.append(b)
    return Selection("prose", kept)


Strategy = Callable[[list[Element], list[RawBlock], ExtractConfig], Selection]

#: The fallback ladder, in order: each rung runs only when the previous found too little.
LADDER: Final[tuple[Strategy, ...]] = (by_container, by_prose)


def _enough(sel: Selection, page_prose: int, config: ExtractConfig) -> bool:
    got = sel.prose_chars
    return got >= config.min_body_chars and \
        got >= config.min_prose_share * (page_prose - sel.set_aside)


def find_body(elements: list[Element], blocks: list[RawBlock], config: ExtractConfig
              ) -> Selection:
    """Run the ladder; return the first result that is enough, else the one with most prose."""
    page_prose = sum(b.chars - b.link_chars for b in blocks
                     if b.value > 0 and b.owner.neg < rules.STRONG)
    tried: list[Selection] = []
    for strategy in LADDER:
        sel = strategy(elements, blocks, config)
        if _enough(sel, page_prose, config):
            return sel
        tried.append(sel)
    best = max(tried, key=lambda s: s.prose_chars)
    # The explain trail must describe the result returned, not the last rung tried.
    if best is not tried[-1]:
        best = LADDER[tried.index(best)](elements, blocks, config)
    return best


# --- phase 5b: the headline ------------------------------------------------------------------------

_WORD_RE: Final = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _is_headline(text: str, title_words: list[str]) -> bool:
    words = _words(text)
    if not words or len(words) > 2 * len(title_words) + 2:
        return False
    if words == title_words:
        return True
    if len(words) < 3:
        return False
    n = len(words)
    return any(title_words[i:i + n] == words for i in range(len(title_words) - n + 1))


def attach_headline(sel: Selection, blocks: list[RawBlock], title: str | None,
                    config: ExtractConfig) -> Selection:
    """Start the body with its headline when the page's title heading sits just above it.

    Blog and news templates put the ``<h1>``/``<h2>`` headline beside the body container
    (``div.post > h2.title + div.entry``), so the container alone misses it. The heading is taken
    only when it repeats the page's declared title and shares a close ancestor with the body.
    """
    if not sel.blocks or not title:
        return sel
    title_words = _words(title)
    first = sel.blocks[0]
    if not title_words or (first.owner.tag in rules.HEADING_TAGS
                           and _is_headline(first.text, title_words)):
        return sel
    anchor = first.owner
    for _ in range(config.headline_levels):
        if anchor.parent is None:
            break
        anchor = anchor.parent
    lo = max(0, first.index - config.headline_lookback)
    for b in reversed(blocks[lo:first.index]):
        if b.owner.tag in ("h1", "h2", "h3") and b.owner.within(anchor) \
                and _is_headline(b.text, title_words):
            b.keep, b.reason = True, Reason.HEADLINE
            return Selection(sel.strategy, [b, *sel.blocks], sel.container)
    return sel

