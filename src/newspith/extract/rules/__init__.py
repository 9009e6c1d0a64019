"""The vocabulary of boilerplate and content hints, stored once.

Everything the extractor knows about *words* lives here: tag classes, class/id patterns, and the
short phrases that mark share bars, promos and cookie banners. Scoring code asks questions
(:func:`element_hint`, :func:`is_boilerplate_phrase`); it never embeds a pattern of its own.

Class and id values are matched per token (split on spaces, ``-`` and ``_`` and at camelCase
bumps), so ``related-posts`` and ``relatedPosts`` both hit ``related`` while ``shadow`` does not hit
``ad``. Hints are graded: ``STRONG`` patterns almost never wrap an article body; ``WEAK`` ones lean.

The vocabulary is kept in three modules, by what it reads: :mod:`.tags`, :mod:`.classes` (class
and id words) and :mod:`.phrases` (short lines). Every public name is here too, so callers ask
``rules.X`` and never mind which module holds it.
"""

from __future__ import annotations

from newspith.extract.rules.classes import (
    STRONG,
    WEAK,
    SOFT,
    COMMENT_WORDS,
    is_comment_region,
    REVIEW_WORDS,
    is_review_region,
    NOTICE_WORDS,
    is_frame_region,
    is_notice_region,
    element_hint,
)
from newspith.extract.rules.phrases import (
    BOILERPLATE_PHRASES,
    PROMO_PREFIXES,
    READ_MORE_LINKS,
    FURNITURE_RE,
    PHRASE_MAX_CHARS,
    POST_META_RE,
    SHOP_BUTTON_RE,
    READING_TIME_RE,
    MACHINE_TEXT_MIN_CHARS,
    is_boilerplate_phrase,
    slide_counter,
    is_slide_counter,
    is_machine_text,
    is_promo_line,
    is_read_more,
    FURNITURE_KEYS,
    is_furniture,
    THREAD_TITLE_RE,
    WP_THREAD_TITLE_RE,
    SECTION_END_RE,
    RECOMMEND_TITLE_RE,
    is_recommend_title,
    is_thread_title,
    is_section_end,
)
from newspith.extract.rules.tags import (
    SKIP_TAGS,
    FURNITURE_SKIP_TAGS,
    SKIP_OUTSIDE_LANDMARKS,
    BLOCK_TAGS,
    HEADING_TAGS,
    BOILERPLATE_TAGS,
    BOILERPLATE_ROLES,
    CONTENT_TAGS,
)

__all__ = [
    "BLOCK_TAGS",
    "BOILERPLATE_PHRASES",
    "BOILERPLATE_ROLES",
    "BOILERPLATE_TAGS",
    "COMMENT_WORDS",
    "CONTENT_TAGS",
    "FURNITURE_KEYS",
    "FURNITURE_RE",
    "FURNITURE_SKIP_TAGS",
    "HEADING_TAGS",
    "MACHINE_TEXT_MIN_CHARS",
    "PROMO_PREFIXES",
    "READING_TIME_RE",
    "READ_MORE_LINKS",
    "RECOMMEND_TITLE_RE",
    "REVIEW_WORDS",
    "SECTION_END_RE",
    "PHRASE_MAX_CHARS",
    "POST_META_RE",
    "SHOP_BUTTON_RE",
    "SKIP_OUTSIDE_LANDMARKS",
    "SKIP_TAGS",
    "SOFT",
    "STRONG",
    "THREAD_TITLE_RE",
    "WEAK",
    "WP_THREAD_TITLE_RE",
    "element_hint",
    "is_boilerplate_phrase",
    "is_comment_region",
    "is_furniture",
    "is_machine_text",
    "is_promo_line",
    "is_read_more",
    "is_recommend_title",
    "is_review_region",
    "NOTICE_WORDS",
    "is_frame_region",
    "is_notice_region",
    "is_section_end",
    "is_slide_counter",
    "is_thread_title",
    "slide_counter",
]
