"""A slideshow in mid-article: another feature's gallery, not the article.

News templates drop a gallery widget into the body ("Business news in pictures": fifty slides,
each a counted title and a caption, "1/50 United goin down"). Its captions are prose and sit in
the body's container, so the container keeps them; what gives the gallery away is its counter,
running in order from 1 over the slides, a slideshow's class word on the widget, and the
article's own prose on both sides of it. (A thread of numbered posts, "1/5 Officials said…",
has the counter but no slideshow's name.) A gallery that
*is* the article (a photo story: the slides, and a paragraph above them) has no prose after it,
and stays.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.decisions import Reason
from newspith.extract.segment import Element, RawBlock

__all__ = ["cut_inline_gallery"]



#: Class words of a slideshow widget: one of them names the gallery or an element inside it.
_GALLERY_WORDS: Final = re.compile(r"galler|slide|carousel|lightbox|photostor", re.IGNORECASE)
#: More runs than this on one page are not inline galleries (a numbered list of dates).
_MAX_RUNS: Final = 8


def _slide_runs(inside: list[RawBlock], min_slides: int) -> list[list[RawBlock]]:
    """Runs of blocks whose counters go 1, 2, 3… of the same total, from 1 (captions may sit
    between them; a counter repeated, "1/6" above "1/6 Title", continues its run)."""
    runs: list[list[RawBlock]] = []
    run: list[RawBlock] = []
    last: tuple[int, int] | None = None
    for b in inside:
        c = rules.slide_counter(b.text)
        if c is None:
            continue
        if last is not None and c[1] == last[1] and c[0] in (last[0], last[0] + 1):
            if c[0] != last[0]:
                run.append(b)
        else:
            if len(run) >= min_slides:
                runs.append(run)
            run = [b] if c[0] == 1 else []
        last = c
    if len(run) >= min_slides:
        runs.append(run)
    return runs[:_MAX_RUNS]


def _common_ancestor(owners: list[Element]) -> Element | None:
    return next((a for a in owners[0].ancestors() if all(o.within(a) for o in owners)), None)


def _gallery_region(run: list[RawBlock], inside: list[RawBlock], config: ExtractConfig
                    ) -> Element | None:
    """The element that holds the run's slides, widened to the widget that wraps them (its
    title, "Show all") while that adds at most ``gallery_title_chars`` of text in all; ``None``
    unless a slideshow's class word names the widget or an element of it."""
    slides = _common_ancestor([b.owner for b in run])
    if slides is None:
        return None
    region = slides
    while region.parent is not None:
        parent = region.parent
        extra = sum(b.chars for b in inside
                    if b.owner.within(parent) and not b.owner.within(slides))
        if extra > config.gallery_title_chars:
            break
        region = parent
    named = any(e.names and _GALLERY_WORDS.search(e.names)
                for e in run[0].owner.ancestors() if e.within(region))
    return region if named else None


def cut_inline_gallery(inside: list[RawBlock], kept: list[RawBlock], config: ExtractConfig
                       ) -> list[RawBlock]:
    """Drop each counted slideshow, named as one by a class word, with at least
    ``gallery_flank_chars`` of the body's prose before it and after it. ``inside`` is every
    block of the container (a counter alone on its line is not kept, yet counts)."""
    for run in _slide_runs(inside, config.gallery_min_slides):
        region = _gallery_region(run, inside, config)
        if region is None:
            continue
        gone = [b for b in kept if b.owner.within(region)]
        if not gone:
            continue  # (a second run of a gallery already cut)
        first, last = gone[0].index, gone[-1].index
        before = sum(b.chars for b in kept if b.index < first and b.value > 0)
        after = sum(b.chars for b in kept if b.index > last and b.value > 0)
        if min(before, after) < config.gallery_flank_chars:
            continue
        for b in gone:
            b.keep, b.reason = False, Reason.INLINE_GALLERY
        kept = [b for b in kept if b.keep]
    return kept
