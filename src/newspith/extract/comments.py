"""Reader comments, extracted apart from the body (``Article.comments``), never mixed into it.

Blocks in a comment region (``rules.COMMENT_WORDS`` on an element's class or id) that the body
did not take are grouped into one text per comment. A comment is the nearest ``<li>`` or
``<article>`` of the thread around the block (threads are lists: ``ol.commentlist > li``), else
the child of the thread's list element.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.segment import Element, RawBlock

__all__ = ["collect_comments", "comment_groups"]

_THREAD_TITLE: Final = re.compile(
    r"\b\d+\s+(?:comments?|thoughts?|responses?|replies|reactions?|kommentare?|commentaires?|"
    r"comentarios?|commenti|reacties)\b", re.IGNORECASE)


def _item(owner: Element) -> Element:
    """The single comment a block belongs to.

    Threads are lists: the nearest ``<li>``/``<article>`` is the comment when there is one;
    otherwise the comment is the child of the thread's busiest element (the one with most
    children holding text, i.e. the list of comments).
    """
    chain: list[Element] = []
    e: Element | None = owner
    while e is not None and e.comment:
        if e.tag in ("li", "article"):
            return e
        chain.append(e)
        e = e.parent
    if len(chain) < 2:
        return owner
    busiest = max(range(1, len(chain)), key=lambda i: chain[i].kids)
    return chain[busiest - 1]


def _is_post_block(b: RawBlock, config: ExtractConfig) -> bool:
    """True for a block of a comment's (or a forum post's) text, in a comment region."""
    if b.keep or not b.owner.comment or b.owner.chrome or b.furniture:
        return False
    if b.link_density > config.max_link_density and b.chars < config.prose_words * 8:
        return False  # "Reply", "Permalink", the author's link alone
    # Not the thread's title ("12 Comments", "15 thoughts on …").
    return not (rules.is_section_end(b.text) or (b.chars < 160 and _THREAD_TITLE.search(b.text)))


def comment_groups(raw: list[RawBlock], config: ExtractConfig) -> list[list[RawBlock]]:
    """The blocks of each reader comment (or forum post) the body did not take, in page order."""
    groups: list[list[RawBlock]] = []
    last: Element | None = None
    for b in raw:
        if not _is_post_block(b, config):
            continue
        item = _item(b.owner)
        if item is not last:
            groups.append([])
            last = item
        groups[-1].append(b)
    # A form's field labels ("Name *") are not comments: a comment has some words.
    return [g for g in groups if len("\n".join(b.text for b in g).split()) >= 3]


def collect_comments(raw: list[RawBlock], config: ExtractConfig) -> tuple[str, ...]:
    """Each reader comment's text (:func:`comment_groups`)."""
    return tuple("\n".join(b.text for b in g) for g in comment_groups(raw, config))
