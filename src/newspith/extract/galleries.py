"""A slideshow in mid-article: another feature's gallery, not the article.

News templates drop a gallery widget into the body ("Business news in pictures": fifty slides,
each a counted title and a caption, "1/50 United goin down"). Its captions are prose and sit in
the body's container, so the container keeps them; what gives the gallery away is its counter,
running in order over the slides, and the article's own prose on both sides of it. A gallery that
*is* the article (a photo story: the slides, and a paragraph above them) has no prose after it,
and stays.
"""

from __future__ import annotations

from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.segment import Element, RawBlock

__all__ = ["GALLERY_REASON", "cut_inline_gallery"]

#: The reason ``--explain`` gives for a block of an inline gallery.
GALLERY_REASON: Final = "inline gallery"


def _slide_runs(kept: list[RawBlock], min_slides: int) -> list[list[RawBlock]]:
    """Runs of kept blocks whose counters go 1, 2, 3… of the same total (other blocks may sit
    between them: the captions)."""
    runs: list[list[RawBlock]] = []
    run: list[RawBlock] = []
    last: tuple[int, int] | None = None
    for b in kept:
        c = rules.slide_counter(b.text)
        if c is None:
            continue
        if last is not None and c[1] == last[1] and c[0] == last[0] + 1:
            run.append(b)
        else:
            if len(run) >= min_slides:
                runs.append(run)
            run = [b]
        last = c
    if len(run) >= min_slides:
        runs.append(run)
    return runs


def _common_ancestor(owners: list[Element]) -> Element | None:
    anchor: Element | None = owners[0]
    while anchor is not None and not all(o.within(anchor) for o in owners):
        anchor = anchor.parent
    return anchor


def _gallery_region(run: list[RawBlock], kept: list[RawBlock], config: ExtractConfig
                    ) -> Element | None:
    """The element that holds the run's slides, widened to the widget that wraps them (its
    title, "Show all") while that adds at most ``gallery_title_chars`` of text."""
    region = _common_ancestor([b.owner for b in run])
    if region is None:
        return None
    while region.parent is not None:
        parent = region.parent
        extra = sum(b.chars for b in kept
                    if b.owner.within(parent) and not b.owner.within(region))
        if extra > config.gallery_title_chars:
            break
        region = parent
    return region


def cut_inline_gallery(kept: list[RawBlock], config: ExtractConfig) -> list[RawBlock]:
    """Drop each counted slideshow with at least ``gallery_flank_chars`` of the body's prose
    before it and after it."""
    runs = _slide_runs(kept, config.gallery_min_slides)
    for run in runs:
        region = _gallery_region(run, kept, config)
        if region is None:
            continue
        inside = [b for b in kept if b.owner.within(region)]
        first, last = inside[0].index, inside[-1].index
        before = sum(b.chars for b in kept if b.index < first and b.value > 0)
        after = sum(b.chars for b in kept if b.index > last and b.value > 0)
        if min(before, after) < config.gallery_flank_chars:
            continue
        for b in inside:
            b.keep, b.reason = False, GALLERY_REASON
        kept = [b for b in kept if b.keep]
    return kept
