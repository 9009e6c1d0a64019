"""Every threshold of text mode (:mod:`newspith.textmode`), named and documented once."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TextConfig"]


@dataclass(frozen=True, slots=True)
class TextConfig:
    """How flattened text is cut into segments, classified and rebuilt into an article."""

    # --- guards -------------------------------------------------------------------------------
    #: Inputs over this many characters are refused with a reason (time is linear below it).
    max_chars: int = 32 * 1024 * 1024

    # --- segmentation (segment.py) ----------------------------------------------------------------
    #: A run of at least this many spaces or tabs inside a line separates two blocks (dumps that
    #: lost their line breaks join blocks with runs of spaces).
    min_gap_spaces: int = 2
    #: A segment longer than this is cut at sentence ends before it is classified: a dump without
    #: any spacing clue is one long line, and its sentences must be judged one by one.
    sentence_split_chars: int = 1500

    # --- classification (classify.py) ---------------------------------------------------------
    #: Words a segment ending in sentence punctuation needs to be prose.
    prose_words: int = 7
    #: Words that make a segment prose even without sentence punctuation at its end.
    prose_long_words: int = 25
    #: Characters that make a segment prose in scripts written without spaces (CJK).
    prose_chars_unspaced: int = 40
    #: Share of capitalised words above which a segment without sentence punctuation inside is a
    #: headline or a run of headlines, not prose (cased scripts only).
    title_case_share: float = 0.6
    #: Segments up to this long are compared with the lists of control labels ("Share") and
    #: section titles ("Leave a Reply", "12 Comments").
    label_chars: int = 25

    # --- region selection (select.py) ---------------------------------------------------------
    #: What a short non-prose segment (a menu item, a headline) costs the region that spans it,
    #: as a base plus a share of its length; prose gains its length.
    short_cost: float = 40.0
    short_cost_per_char: float = 0.5
    #: A table cell made of figures ("$118.4") costs this share of what a short segment costs:
    #: tables of figures sit inside articles, menus are made of words.
    data_cost: float = 0.2
    #: What a short segment that ends like a sentence ("Nate Silver nailed it.") is worth, per
    #: character: menu items and headlines rarely end in a full stop.
    short_sentence_value: float = 0.0
    #: Prose the body needs before a comment-thread title ("12 Comments") ends it.
    thread_cut_chars: int = 400
    #: A region before a thread title is preferred to a larger one after it (a long comment
    #: thread) when it reaches this share of the larger one's score.
    before_thread_share: float = 0.2
    #: A related-stories title ("Related posts", "Most read") ends the body when this share of
    #: the body's prose comes before it.
    section_cut_share: float = 0.5
    #: Another run of prose, before or after the body, is kept too when its score reaches this
    #: share of the body's (1.0: never).
    extra_share: float = 0.75
    #: When the body holds less than this share of the page's prose, the page is not one article
    #: but many texts (notes, logs, a portal), and all of its text but furniture is kept (0: never).
    whole_page_share: float = 0.1
    #: Segments looked at before the body for its headline.
    headline_lookback: int = 8
    #: Words that make a segment above the body the headline at once (shorter ones are kept as
    #: candidates while longer ones are looked for).
    headline_words: int = 5
    #: Words a headline may have.
    headline_max_words: int = 30
    #: A run of more than this many short segments inside the body is a list of links
    #: (related headlines), dropped; shorter runs are kept (subheads, bullet items).
    max_short_run: int = 40

    # --- the result ---------------------------------------------------------------------------
    #: Prose characters the body needs for the text to be an article.
    min_article_chars: int = 250
    #: A paragraph longer than this is cut at sentence ends into paragraphs of about
    #: ``paragraph_chars`` (dumps lose paragraph breaks).
    paragraph_split_chars: int = 900
    paragraph_chars: int = 450
