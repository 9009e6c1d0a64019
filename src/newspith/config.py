"""newspith's settings: one frozen config object per concern, each field documented here once.

No module globals, no environment variables: pass a config to the call that uses it, e.g.
``newspith.extract(html, config=ExtractConfig(favor="precision"))``; derive a variant with
``dataclasses.replace(config, field=value)``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DecodeConfig", "ExtractConfig", "FetchConfig", "MetadataConfig", "TextConfig",
           "PoolConfig", "DedupConfig"]


#: The browser-like user agent newspith fetches with (the service adds its own name).
BROWSER_USER_AGENT = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/131.0 Safari/537.36")


@dataclass(frozen=True, slots=True)
class DecodeConfig:
    """How bytes are turned into text (:mod:`newspith.decode`)."""

    #: How far into the page ``<meta charset>`` is looked for (browsers scan 1,024 bytes; pages
    #: with long ``<head>`` comments put it later, so we look further).
    meta_scan_bytes: int = 8192
    #: How many bytes statistical detection reads; the rest is decoded with its verdict.
    detect_sample_bytes: int = 65536


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How a URL is fetched by the CLI (:mod:`newspith.fetch`)."""

    #: Seconds before connecting or reading gives up.
    timeout: float = 15.0
    #: Largest body read; a longer one is an error, not a truncated page.
    max_bytes: int = 16 * 1024 * 1024
    #: A browser-like user agent: many news sites refuse or degrade unknown clients.
    user_agent: str = BROWSER_USER_AGENT


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Every threshold of body extraction (:mod:`newspith.extract`), named and documented once."""

    # --- guards -------------------------------------------------------------------------------
    #: Inputs over this many bytes (or characters, for ``str``) are refused with a reason.
    max_bytes: int = 16 * 1024 * 1024
    #: Elements nested deeper than this are flattened before parsing (their tags dropped, their
    #: text kept): the HTML5 parser's time grows with the square of the nesting depth.
    max_parse_depth: int = 5000
    #: Deeper elements are flattened into their ancestor at this depth (text kept): a bounded walk.
    max_depth: int = 256
    #: At most this many blocks are considered (a page with more is a dump, not an article).
    max_blocks: int = 50_000

    # --- block features (scoring.py) ------------------------------------------------------------
    #: A block with fewer characters than this is "short": it cannot vote for a container alone.
    min_block_chars: int = 25
    #: Link density above which a block is navigation (a menu item, a related headline).
    max_link_density: float = 0.5
    #: Words a block needs to count as prose when it lacks sentence punctuation.
    prose_words: int = 12

    #: A furniture hint (``sidebar``, ``<footer>``) on an element holding at least this share of
    #: the page's text names a page-wide wrapper and is ignored.
    wrapper_share: float = 0.5
    #: When the body holds less than ``region_retry_share`` of the page's running text (long,
    #: link-poor blocks), no strong content region vouches for its container, and a furniture
    #: class word (not a comment section's) sits on an element holding at least
    #: ``prose_region_share`` of that text (and ``min_body_chars`` of it), the page is read again
    #: with that word ignored: a class word on the element that holds most of the prose names
    #: something else ("content-nav-section"). The second read is kept when it finds twice the
    #: prose.
    region_retry_share: float = 0.25
    prose_region_share: float = 0.5

    # --- container choice (body.py) -------------------------------------------------------------
    #: Weight of boilerplate characters against content characters when choosing the subtree
    #: that holds the article (higher: smaller, purer containers).
    boilerplate_weight: float = 1.0
    #: A sibling of the chosen container joins it when its content score is at least this share
    #: of the container's (articles split around an ad or a photo).
    sibling_share: float = 0.2

    #: A table with header cells (``<th>``) and this many rows or more is a data table: its cells
    #: are content however many are links (laureates), and weigh nothing for or against a container.
    data_table_rows: int = 4

    #: A "Comments" or "Related stories" title ends the body only after this share of its prose
    #: (a body section that happens to be called "Discussion" stays)...
    tail_cut_share: float = 0.5
    #: ...and a "Related" title (not a comment thread's) does not end it when at least this share
    #: of the body's prose comes after it (a "You may also like" box in mid-article; at both
    #: defaults a related title ends the body only after 65% of its prose).
    tail_rest_share: float = 0.35
    #: A block of at least this many words the body holds, seen again in another setting
    #: (``repeat_context`` levels up), is a second copy and leaves the body; so does a block just
    #: before a heading with its words whose ``repeat_label_levels``-th ancestor holds it.
    repeat_min_words: int = 2
    repeat_context: int = 5
    repeat_label_levels: int = 3

    #: A slideshow in the body (``gallery_min_slides`` slides or more counted "3/50" or "3 of 50",
    #: in order) with ``gallery_flank_chars`` of the body's prose before and after it is another
    #: feature's gallery ("Business news in pictures"), not the article (galleries.py); its title
    #: and controls go too when its wrapper holds ``gallery_title_chars`` at most besides slides.
    gallery_min_slides: int = 4
    gallery_flank_chars: int = 200
    gallery_title_chars: int = 150

    #: A page whose body is hidden until a script runs (a content lock, an age gate) is read
    #: with it shown when the page shows too little otherwise, hidden text is ``lock_page_share``
    #: of the page's or more, and one hidden element (not a dialog, nor a slideshow's slides)
    #: holds ``lock_body_share`` of the body read with all shown. What it hides stays hidden.
    lock_page_share: float = 0.5
    lock_body_share: float = 0.7

    #: A closing run of at least ``teaser_run`` sibling items, each a headline linking to
    #: another page, with ``teaser_item_blocks`` blocks an item on average and at most
    #: ``teaser_item_chars`` characters of text besides the headline in any item, is a stream
    #: of other stories, not the article (teasers.py). A run holding most of the kept text is
    #: cut only after an article of at least ``teaser_min_article`` characters: otherwise the
    #: run is the page (a listing).
    teaser_run: int = 3
    teaser_item_blocks: float = 4.0
    teaser_item_chars: int = 600
    teaser_min_article: int = 1000

    #: The headline joins the body within this many levels above its first block, and
    #: ``headline_lookback`` blocks before it at most.
    headline_levels: int = 4
    headline_lookback: int = 12

    # --- result checks and fallbacks (body.py) ----------------------------------------------------
    #: The first pass "found too little" below this many characters of body text...
    min_body_chars: int = 200
    #: ...or when it holds less than this share of the page's prose-like text.
    min_prose_share: float = 0.3

    # --- bodies of pages that are not articles (pagebody.py) ------------------------------------
    #: Page types whose content is the whole page outside its furniture (items, cards, feature
    #: lists), not one run of prose: their body is every such block, once the page declares
    #: the type (JSON-LD, ``og:type``, URL words).
    page_body_types: tuple[str, ...] = ("listing", "collection", "service")
    #: Page types whose reader comments are their content (a forum's posts): they join the body.
    posts_body_types: tuple[str, ...] = ("forum",)
    #: ...except remarks under each post (a Q&A site's): ``post_comment_threads`` threads or more,
    #: each within ``post_comment_levels`` levels of a post the body holds. One thread next to
    #: the body is the discussion itself, and stays.
    post_comment_threads: int = 2
    post_comment_levels: int = 2
    #: Page types that get the whole-page body, declared or read from the page's shape, when the
    #: ladder's container does not name itself content and a ``<main>`` landmark holds
    #: ``page_main_share`` of the text (old pages have none: a short story among menus stays).
    shape_body_types: tuple[str, ...] = ("listing", "collection", "service", "product",
                                         "documentation")
    #: A page not typed ``article`` whose article body has fewer prose characters than this while
    #: the page holds ``page_fallback_page_chars`` outside its furniture gets the whole-page body
    #: too. When the container does not name itself content, a body under ``page_fallback_share``
    #: of that text is too little as well: a listing's longest item won the ladder (0.10 and 0.15
    #: moved only pages that gained; 0.20 cut short stories on five dragnet pages).
    page_fallback_body_chars: int = 350
    page_fallback_page_chars: int = 2000
    page_fallback_share: float = 0.15
    #: Shop pages: under ``min_body_chars`` of prose they get the whole-page body at any size.
    item_page_types: tuple[str, ...] = ("collection", "product")
    #: Page types whose customer reviews are not content (a product's, a shop category's),
    #: unless they hold ``review_body_share`` of the body: then the page is a review itself (0.5
    #: kept the reviews of two shops whose descriptions are short; none moved from 0.8 to 0.95).
    review_free_types: tuple[str, ...] = ("product", "collection")
    review_body_share: float = 0.9
    #: Page types whose shelves of other products ("Similar items", up to the next heading as
    #: high) are not content. (A documentation page's "Related products" documents a field.)
    shelf_free_types: tuple[str, ...] = ("product", "collection")
    #: The whole-page body keeps to the page's ``<main>`` when that holds this share of its text.
    page_main_share: float = 0.4
    #: An ``article`` page whose body, in a container that does not name itself content, holds
    #: under ``article_main_share`` of its text (from 0.14 short dragnet stories were cut), or
    #: under ``article_list_share`` while prose is under ``article_list_prose`` of its ``<main>``
    #: (a list; dragnet's mains are from 0.23 prose), gets that ``<main>``: a teaser won the ladder.
    article_main_share: float = 0.1
    article_list_share: float = 0.3
    article_list_prose: float = 0.15

    # --- the learned keep/drop decision (model.py) ------------------------------------------------
    #: On a page typed ``article``, the body's blocks are kept or dropped last by a
    #: gradient-boosted model over each block's features (features.py), the rule phases'
    #: decisions among them; ``False`` keeps the rules' body as it is. A page the model would
    #: leave empty keeps the rules' body; other page types keep their page body.
    learned: bool = True
    #: A block the rules kept stays unless the model's probability that it is the article's is
    #: under ``learned_drop_below``; a block the rules dropped joins when it is at least
    #: ``learned_add_from``. ``favor`` moves both by ``learned_favor_shift`` (up for precision,
    #: down for recall).
    learned_drop_below: float = 0.5
    learned_add_from: float = 0.5
    learned_favor_shift: float = 0.15

    #: The precision/recall knob. ``"precision"`` drops short non-prose lines and link-heavy
    #: blocks between paragraphs, and lets a comments or related title end the body after half
    #: of ``tail_cut_share`` (a related one with up to twice ``tail_rest_share`` after it).
    #: ``"recall"`` weighs boilerplate at 0.4 × ``boilerplate_weight`` when choosing the
    #: container (larger ones) and lets siblings join it from half of ``sibling_share``.
    #: ``"balanced"`` is the default. Its measured effect is in BENCHMARKS.md.
    favor: str = "balanced"

    def __post_init__(self) -> None:
        if self.favor not in ("precision", "balanced", "recall"):
            raise ValueError(f"favor must be precision, balanced or recall, not {self.favor!r}")

    @property
    def favor_precision(self) -> bool:
        return self.favor == "precision"

    @property
    def favor_recall(self) -> bool:
        return self.favor == "recall"


@dataclass(frozen=True, slots=True)
class MetadataConfig:
    """Every threshold of metadata reading (:mod:`newspith.extract.metadata`), documented once."""

    # --- guards ---------------------------------------------------------------------------------
    #: JSON-LD scripts read per page, and objects kept from them (pages with hundreds of product
    #: entries are listings; their article object, if any, comes first).
    max_ld_scripts: int = 20
    max_ld_objects: int = 200
    #: Candidate elements (bylines, ``<time>``, date lines) looked at per page.
    max_candidates: int = 60

    # --- authors ----------------------------------------------------------------------------------
    #: At most this many authors are kept; a longer list is a list of something else.
    max_authors: int = 12
    #: A name has at most this many words and characters ("Jane Doe", not a sentence).
    max_name_words: int = 5
    max_name_chars: int = 60
    #: A byline element with more text than this is a paragraph, not a byline.
    max_byline_chars: int = 160

    #: Page types whose visible bylines are their items' (a listing's teasers, a product's
    #: reviews): there only authors the page declares in JSON-LD or ``<meta>`` are kept.
    no_visible_authors_on: tuple[str, ...] = ("listing", "collection", "product", "service")

    # --- dates ------------------------------------------------------------------------------------
    #: A date later than the capture time by more than this many hours is refused (time zones
    #: put an honest date up to a day ahead of the capture clock).
    future_tolerance_hours: float = 26.0
    #: Dates before this year are refused (the web's news archives start in the 1990s).
    min_year: int = 1990
    #: A visible date line (``Published March 5, 2019``) is read only when its element holds at
    #: most this many characters.
    max_date_line_chars: int = 120
    #: Date lines are looked for in the text blocks from this many before the headline (or the
    #: body's first block) to this many after it: dates further away belong to other things.
    date_window_before: int = 4
    date_window_after: int = 15
    #: ...and in this many blocks after the body's last one ("Posted on ..." under a post).
    date_window_tail: int = 6
    #: When a page states no publication date but says when it was updated, ``published`` is
    #: that date if it came from one of these sources (``sources["published"]`` then says
    #: ``"text (modified)"``): a visible "Updated March 13, 2024" or JSON-LD ``dateModified`` is
    #: the date the page shows its readers. ``article:modified_time`` is not among them: many
    #: CMSs rewrite it on every build. An empty tuple keeps ``published`` strict.
    published_from_modified: tuple[str, ...] = ("text", "json-ld")

    # --- language ---------------------------------------------------------------------------------
    #: The text is checked against the declared language only when it has this many characters.
    lang_min_chars: int = 200
    #: Characters of text the language identifier reads (its verdict is stable long before; its
    #: time grows with the sample).
    lang_sample_chars: int = 600
    #: A first, shorter sample: when the identifier's verdict on it is the declared language, or
    #: a sure one for a page that declares none, the full sample is not read (the identifier
    #: costs about 0.3 ms per 600 characters, the largest part of metadata's time).
    lang_quick_chars: int = 200
    #: Before the identifier, the full sample's function words (``vocab.FUNCTION_WORDS``, for
    #: the languages pages declare most) may confirm the declared language: this many of its
    #: words, and more than twice any other listed language's, settle it (about 20 µs against
    #: 0.2 to 0.8 ms; the full sample, because a headline and a byline in front hold few
    #: function words). Anything less plain goes to the identifier, which alone may overrule the
    #: page. 0 turns the shortcut off.
    lang_confirm_words: int = 4
    #: A page that declares no language gets one from the quick sample's function words alone
    #: when they are overwhelming: at least this many, this share of the sample's words, and
    #: more than three times any other listed language's (about 0.01 ms against the
    #: identifier's 0.2 to 0.8 ms). Anything less goes to the identifier. 0 turns it off.
    lang_guess_words: int = 6
    lang_guess_share: float = 0.15
    #: The identifier's probability needed to overrule ``<html lang>`` or to name a language the
    #: page does not declare.
    lang_min_confidence: float = 0.95
    #: Languages the identifier may not put in place of a declared one: placeholder text
    #: ("Lorem ipsum") reads as Latin, and real Latin pages are rare.
    lang_never_override: tuple[str, ...] = ("la",)

    # --- tags and text fields ---------------------------------------------------------------
    #: At most this many tags; descriptions longer than this many characters are cut at a word.
    max_tags: int = 30
    max_description_chars: int = 1000


@dataclass(frozen=True, slots=True)
class TextConfig:
    """How flattened text is cut into segments, classified and rebuilt into an article
    (:mod:`newspith.textmode`)."""

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


@dataclass(frozen=True, slots=True)
class PoolConfig:
    """How the worker pool runs (:mod:`newspith.pipeline.pool`)."""

    #: Worker processes; ``None``: every core.
    workers: int | None = None
    #: Seconds one page may take before its worker is killed and the page becomes an error row
    #: (0: no limit). With both limits off, a one-worker run extracts in its own process.
    page_seconds: float = 30.0
    #: Address space a worker may use, in MB (``RLIMIT_AS``; 0: no cap).
    worker_memory_mb: int = 2048
    #: Pages handed to a worker at once: it need not wait for the parent between them. A
    #: replaced worker's unfinished pages go to its replacement.
    batch_pages: int = 4


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """How exact and near-duplicate articles are found (:mod:`newspith.pipeline.dedup`)."""

    #: Jaccard similarity of word 5-shingle sets above which two articles are copies.
    threshold: float = 0.8
    #: The similarity LSH banding is tuned for: lower than ``threshold``, so that pairs at
    #: ``threshold`` and above become candidates almost surely (95% at 0.8, 99% at 0.85, with
    #: 64 permutations); each candidate is then kept only if its estimated similarity (the
    #: share of equal MinHash values) reaches ``threshold``. (Never above ``threshold``.)
    candidate_threshold: float = 0.6
    #: MinHash permutations: more is more exact and slower.
    num_perm: int = 64
    #: Words in a shingle.
    shingle_words: int = 5
    #: Articles with fewer words than this are not compared (their shingles say too little).
    min_words: int = 20
