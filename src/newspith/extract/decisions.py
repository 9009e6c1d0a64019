"""Why a block was kept or dropped: one enum for every phase, read by ``--explain`` and the model.

Each phase that keeps or drops a block records a :class:`Reason`; no code compares explanation
strings. :func:`label` gives the words ``--explain`` prints for each.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final

__all__ = ["Reason", "label"]


class Reason(IntEnum):
    """The reason a phase gave for its decision on a block (0: no phase decided)."""

    UNDECIDED = 0            # outside every container a phase read
    DATA_CELL = 1            # a cell of a data table
    LINK_DENSE = 2           # mostly link text
    PHRASE = 3               # a boilerplate phrase ("Share", "Advertisement")
    SENTENCE = 4             # a furniture sentence (cookies, copyright)
    MACHINE_TEXT = 5         # code, a URL or markup as text
    PROMO_LINE = 6           # "Read more: ..." with a link
    BOILERPLATE_REGION = 7   # under a strong furniture region below the container
    HEADING = 8
    PROSE = 9
    SHORT_LINE = 10
    LIST_IN_BODY = 11        # a link list between paragraphs of the body
    AFTER_THREAD_TITLE = 12  # after "12 Comments": the thread
    AFTER_RELATED_TITLE = 13  # after "Related stories" in the body's back half
    TRAILING_HEADING = 14    # a heading after the last paragraph
    INLINE_GALLERY = 15      # a counted slideshow in mid-article
    TEASERS = 16             # a closing run of story teasers
    NOT_PROSE = 17           # the prose rung: not running text
    HEADLINE = 18            # the page's title heading above the body
    FURNITURE = 19           # page body: the page's furniture
    OUTSIDE_MAIN = 20        # page body: outside <main>
    PAGE_CONTENT = 21        # page body: kept
    FORUM_POST = 22
    CUSTOMER_REVIEWS = 23
    OTHER_PRODUCTS = 24      # a shop's shelf of other products
    REPEAT = 25              # a second copy of a text the body holds
    MODEL_KEPT = 26          # the learned model kept what the rules dropped
    MODEL_DROPPED = 27       # the learned model dropped what the rules kept


_LABELS: Final = {
    Reason.UNDECIDED: "outside the chosen container",
    Reason.DATA_CELL: "data table cell",
    Reason.LINK_DENSE: "link-dense",
    Reason.PHRASE: "boilerplate phrase",
    Reason.SENTENCE: "furniture sentence",
    Reason.MACHINE_TEXT: "machine text",
    Reason.PROMO_LINE: "promo line",
    Reason.BOILERPLATE_REGION: "boilerplate region",
    Reason.HEADING: "heading",
    Reason.PROSE: "prose",
    Reason.SHORT_LINE: "short line",
    Reason.LIST_IN_BODY: "list inside the body",
    Reason.AFTER_THREAD_TITLE: "after a comments title",
    Reason.AFTER_RELATED_TITLE: "after a related title",
    Reason.TRAILING_HEADING: "heading after the last paragraph",
    Reason.INLINE_GALLERY: "inline gallery",
    Reason.TEASERS: "closing run of story teasers",
    Reason.NOT_PROSE: "not prose",
    Reason.HEADLINE: "headline",
    Reason.FURNITURE: "furniture",
    Reason.OUTSIDE_MAIN: "outside <main>",
    Reason.PAGE_CONTENT: "page content",
    Reason.FORUM_POST: "forum post",
    Reason.CUSTOMER_REVIEWS: "customer reviews",
    Reason.OTHER_PRODUCTS: "other products",
    Reason.REPEAT: "a repeat",
    Reason.MODEL_KEPT: "kept by the model",
    Reason.MODEL_DROPPED: "dropped by the model",
}


def label(reason: int) -> str:
    """The words ``--explain`` prints for a reason."""
    return _LABELS.get(Reason(reason), "") if reason in Reason._value2member_map_ else ""
