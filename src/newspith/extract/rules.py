"""The vocabulary of boilerplate and content hints, stored once.

Everything the extractor knows about *words* lives here: tag classes, class/id patterns, and the
short phrases that mark share bars, promos and cookie banners. Scoring code asks questions
(:func:`element_hint`, :func:`is_boilerplate_phrase`); it never embeds a pattern of its own.

Class and id values are matched per token (split on spaces, ``-`` and ``_`` and at camelCase
bumps), so ``related-posts`` and ``relatedPosts`` both hit ``related`` while ``shadow`` does not hit
``ad``. Hints are graded: ``STRONG`` patterns almost never wrap an article body; ``WEAK`` ones lean.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# --- tags ----------------------------------------------------------------------------------------

#: Never hold readable body text: dropped with their whole subtree before anything is measured.
SKIP_TAGS: Final = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "picture", "source", "track", "map", "select", "option",
    "optgroup", "datalist", "textarea", "button", "input", "head", "title", "meta", "link",
    "base", "dialog", "-comment",
    # Navigation is never body text; skipping it unread is also the walk's biggest saving.
    "nav", "menu",
})
#: The furniture among SKIP_TAGS, read after all when a page seems to hold nothing else.
#: ``<noscript>`` too: forum engines (Discourse) serve their whole thread inside it.
FURNITURE_SKIP_TAGS: Final = frozenset({"nav", "menu", "noscript"})

#: Page furniture skipped unread outside an ``<article>``/``<main>``; inside one they may hold
#: a pull quote or a source note, so they are walked (and weighed as furniture regions).
SKIP_OUTSIDE_LANDMARKS: Final = frozenset({"footer", "aside"})

#: Elements that start a new block of text (the HTML "block-level" and table-cell elements).
BLOCK_TAGS: Final = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption", "legend",
    "html", "frameset", "frame", "noframes", "center", "listing", "plaintext", "xmp",
})

HEADING_TAGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Semantic tags whose whole subtree is page furniture, not an article.
BOILERPLATE_TAGS: Final = frozenset({"nav", "footer", "aside", "menu"})
#: ``role`` values with the same meaning. (Not ``tablist``: accordions wear it around panels
#: that hold a transcript or a product's details; real tab names weigh as short lines anyway.)
BOILERPLATE_ROLES: Final = frozenset({
    "navigation", "contentinfo", "complementary", "banner", "menu", "menubar", "search",
    "dialog", "alertdialog", "toolbar",
})
#: Semantic tags that mark the main content.
CONTENT_TAGS: Final = frozenset({"article", "main"})

# --- class / id tokens ---------------------------------------------------------------------------

STRONG: Final = 2  # region and hint level: almost never wraps an article body
WEAK: Final = 1    # leans
SOFT: Final = 3    # hint level only: strong outside a content region, weak inside one (see scoring)

#: Class/id words of reader comment sections, in the languages we meet most (de, pl/cs/hr,
#: es/pt, fr, it, nl, et): the thread is furniture for the body and data for ``Article.comments``.
COMMENT_WORDS: Final = (
    "comment", "disqus", "kommentar", "komentar", "comentario", "comentário", "commentaire",
    "comentari", "commenti", "reactie", "reacties", "reageer", "leserbrief", "kommentaar",
    "reaction", "reply", "replies",  # (a forum's replies: article.reply)
)

# Prefix patterns: a token *starting* with one of these words hits (``comments``, ``sharebar``).
_NEG_STRONG_PREFIX: Final = (
    *COMMENT_WORDS, "respond", "footer", "foot", "sidebar", "sidebox",
    "related", "recommend", "share", "sharing", "social", "cookie", "consent", "gdpr",
    "newsletter", "subscri", "signup", "promo", "advert", "sponsor", "outbrain", "taboola",
    "trending", "popular", "mostread", "mostpopular", "pagination", "pager",
    "breadcrumb", "navbar", "navigation", "menu", "masthead", "banner", "popup", "modal",
    "overlay", "toolbar", "login", "paywall", "skiplink", "copyright", "disclaimer", "rail",
    "teaser", "carousel", "slider", "ticker", "crumbs", "jumplink", "adslot", "adunit",
    "dfp", "googlead", "nocontent", "noprint",
)
# Whole tokens (too short or too common to match as a prefix).
_NEG_STRONG_EXACT: Final = frozenset({
    "nav", "ad", "ads", "advert", "adv", "ob", "tags", "tagcloud", "topics", "aside",
    "print", "email", "tools", "promo", "subnav", "discuss", "author", "bio", "byline",
    "dateline", "timestamp", "date", "meta", "credit", "credits", "sns", "like", "likes", "rating",
    # Video players' control chrome (video.js and Brightcove, Yahoo's, YouTube's, MediaElement,
    # Plyr): "Play", "Mute", "Current Time 0:00", caption-settings menus. (Not JW Player's "jw":
    # hashed CSS-module names end in it, "Prose__2zaJW".)
    "vjs", "yvp", "ytp", "mejs", "plyr",
})
# Words that mark furniture in a page's frame but are also used for boxes inside an article
# ("widget" in page builders and CMS blocks): strong outside a content region, weak inside.
_NEG_SOFT_PREFIX: Final = ("widget",)
_NEG_WEAK_EXACT: Final = frozenset({"more", "links", "extra", "utility", "bottom", "top"})
_NEG_WEAK_PREFIX: Final = (
    "header", "caption", "thumb", "icon", "button", "btn", "card", "list", "side",
    "aside", "secondary", "supplement", "extras", "inline", "media",
)
_POS_STRONG_PREFIX: Final = (
    "articlebody", "articletext", "articlecontent", "storybody", "storytext", "storycontent",
    "entrycontent", "entrybody", "entrytext", "postbody", "postcontent", "posttext",
    "bodytext", "maintext", "maincontent", "contentbody", "richtext", "prose",
    "articlecopy", "storycopy", "textbody",
)
_POS_WEAK_PREFIX: Final = (
    "article", "content", "entry", "post", "story", "text", "main", "blog", "hentry", "body",
    "page", "single", "news", "detail", "copy", "column",
)

# Class names that describe *what* an item is (WordPress and CMS taxonomy: ``tag-sports``,
# ``category-news``, ``format-standard``, ``has-sidebar``), not the role of the element.
_DESCRIPTIVE_CLASS: Final = re.compile(
    r"(?:(?:tag|tags|category|categories|cat|format|type|status|postid|term|author|topic|section|"
    r"lang|language|has|is|js|no|with|template|single|parent|level|id)[-_]\w|"
    r"(?:post|page)[-_](?:\d|id|type|template|format|status|parent)|"
    # Drupal and BEM modifiers naming a content type: node--type-newsletter-article; TypePad's
    # and Movable Type's entry-author-<login>, entry-category-<name>
    r"\S*?(?:--|[-_])(?:type|view-mode|bundle)[-_]|entry-(?:author|category)-(?!(?:box|bio|info|profile|avatar|name|description|meta|link)\b)|"
    # States of an item: node--promoted (Drupal: promoted to the front page), a Shopify
    # product's subscription-eligible, comments-enabled
    r"\S*?--promoted$|(?:subscription|comments?|reviews?)[-_](?:eligible|enabled|disabled)$)",
    re.IGNORECASE)
# Page builders (Elementor, Divi, WPBakery, Beaver Builder, Gutenberg, Kadence) name every box of
# a page with their own words ("elementor-widget-container", Kadence's "kt-adv-heading": an
# advanced heading, not an advert): they say nothing about its role, except a content word
# inside them ("elementor-widget-theme-post-content"), checked as a strong positive.
_BUILDER_CLASS: Final = re.compile(r"(?:elementor|e-con|et_pb|et-pb|wpb_|vc_|fl-|so-panel|"
                                   r"siteorigin|wp-block|brxe-|oxy-|tcb-|thrv|hs_cos_wrapper|"
                                   r"hs-|kadence-|kt-(?:adv|row|inside|has|tab|blocks|btn|info)|"
                                   r"kb-(?:row|column|section|btn|adv))", re.IGNORECASE)
# A sidebar word and a layout word in one class name describe the page's grid.
_LAYOUT_SIDEBAR: Final = re.compile(
    r"(?:layout|grid|template)[\w-]*(?:sidebar|rail)|"
    r"(?:sidebar|rail)[\w-]*(?:layout|grid|template)", re.IGNORECASE)
_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Responsive classes that hide an element on phones (Bootstrap 3 ``hidden-xs``, Elementor's
# ``elementor-hidden-mobile``, Foundation's ``hide-for-small``, ``desktop-only``): a page's
# secondary column, which a phone reader never sees; an article is never hidden on a phone. Soft
# (see ``_NEG_SOFT_PREFIX``): inside a content region it hides details of an item (a listing
# teaser's standfirst), not the item.
_HIDDEN_ON_PHONES: Final = re.compile(
    r"(?:^|[-_])(?:hidden|hide)[-_](?:on[-_]|for[-_])?(?:mobile|phone|phones|xs|small)"
    r"(?:[-_]only)?$|^(?:desktop|large)[-_]only$|"
    r"^(?:visible|show)[-_](?:for[-_])?(?:desktop|lg|large)(?:[-_]only|[-_]up)?$",
    re.IGNORECASE)


# A class name is read token by token (``c-share-bar`` → ``c``, ``share``, ``bar``); the first
# kind a token belongs to wins, in the order strong furniture, soft, weak furniture, content.
# A prefix word hits a token that starts with it (``sharebar``), an exact word a whole token.
_SEP_TO_SPACE: Final = str.maketrans("_-:./", "     ")
_COMMENT_WORDS_T: Final = tuple(COMMENT_WORDS)


def _by_first_letter(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The prefixes grouped by their first character: a token is tested only against the
    prefixes that start as it does (a few, not all sixty)."""
    out: dict[str, tuple[str, ...]] = {}
    for p in prefixes:
        out[p[0]] = (*out.get(p[0], ()), p)
    return out


_NEG_STRONG_BY_LETTER: Final = _by_first_letter(_NEG_STRONG_PREFIX)
_NEG_SOFT_BY_LETTER: Final = _by_first_letter(_NEG_SOFT_PREFIX)
_NEG_WEAK_BY_LETTER: Final = _by_first_letter(_NEG_WEAK_PREFIX)
_POS_WEAK_BY_LETTER: Final = _by_first_letter(_POS_WEAK_PREFIX)
_NONE: Final[tuple[str, ...]] = ()


# Strong positives are matched on each class name with its separators removed, at its start or
# its end: ``article-body``, ``articleBody``, ``c-article-body``, ``main-story-body``.


_F_NEG2, _F_NEG1, _F_SOFT, _F_POS1, _F_POS2, _F_COMMENT = 1, 2, 4, 8, 16, 32
_DIGITS: Final = re.compile(r"\d+")


@lru_cache(maxsize=16384)  # bounded: class names ("row", "clearfix") repeat across all pages
def _name_flags(name: str) -> int:
    """The hint words one class name (or id) carries, as bit flags."""
    low = name.lower()
    if low != name:  # (only a name with capitals can be camelCase: most have none)
        name = _CAMEL.sub("-", name)
        low = name.lower()
    if ("hid" in low or "only" in low or "show" in low or "visible" in low) and \
            _HIDDEN_ON_PHONES.search(low):
        return _F_SOFT  # (before the descriptive names: Bulma's "is-hidden-mobile")
    if ("-" in name or "_" in name) and _DESCRIPTIVE_CLASS.match(name):  # (needs one of them)
        return 0
    flags = 0
    if ("sidebar" in low or "rail" in low) and _LAYOUT_SIDEBAR.search(name):
        return 0  # "c-layout-sidebar-left", "grid-with-sidebar": a page layout, not a sidebar
    tokens = low.translate(_SEP_TO_SPACE).split()
    if not _BUILDER_CLASS.match(name):
        for tok in tokens:
            first = tok[0]
            if tok.startswith(_NEG_STRONG_BY_LETTER.get(first, _NONE)) or \
                    tok in _NEG_STRONG_EXACT:
                flags |= _F_NEG2
            elif tok.startswith(_NEG_SOFT_BY_LETTER.get(first, _NONE)):
                flags |= _F_SOFT
            elif tok.startswith(_NEG_WEAK_BY_LETTER.get(first, _NONE)) or \
                    tok in _NEG_WEAK_EXACT:
                flags |= _F_NEG1
            elif tok.startswith(_POS_WEAK_BY_LETTER.get(first, _NONE)):
                flags |= _F_POS1
    joined = low.replace("-", "").replace("_", "")
    if joined.startswith(_POS_STRONG_PREFIX) or joined.endswith(_POS_STRONG_PREFIX):
        flags |= _F_POS2
    if flags & _F_NEG2 and any(tok.startswith(_COMMENT_WORDS_T) for tok in tokens):
        flags |= _F_COMMENT
    return flags


@lru_cache(maxsize=16384)  # bounded: whole class strings ("row clearfix") repeat too
def _class_flags(class_id: str) -> int:
    """The hint words of an element's class and id values, as bit flags. Each run of digits is
    read as one ``0`` before the names are looked up: the hint words are letters, so
    ``post-1234`` and ``post-98`` are one :func:`_name_flags` entry (ids repeat no more than
    once a page; without this they are half of all the distinct names)."""
    flags = 0
    for name in _DIGITS.sub("0", class_id).split():
        flags |= _name_flags(name)
    return flags


def is_comment_region(class_id: str) -> bool:
    """True when an element's class/id names a reader comment (section or single comment)."""
    return bool(_class_flags(class_id) & _F_COMMENT)


#: Class/id words of a shop's customer reviews and their widgets (Yotpo, Okendo, Judge.me,
#: Stamped, Loox, Trustpilot, Bazaarvoice, Feefo, Reevoo): on a product page the reviews are
#: other people's words about the item, not its description (see ``pagebody.without_reviews``).
REVIEW_WORDS: Final = frozenset({
    "review", "reviews", "yotpo", "okendo", "jdgm", "judgeme", "stamped", "loox", "trustpilot",
    "bv", "feefo", "reevoo", "powerreviews",
})


@lru_cache(maxsize=16384)  # bounded, as above
def is_review_region(class_id: str) -> bool:
    """True when an element's class/id names customer reviews ("product-reviews",
    "okeReviews-review", "jdgm-widget"); not "preview" or "reviewed-by"."""
    return any(tok in REVIEW_WORDS
               for tok in _CAMEL.sub("-", class_id).lower().translate(_SEP_TO_SPACE).split())


def element_hint(class_id: str) -> int:
    """Hint of an element from its ``class`` and ``id`` values: -2 … +2 (negative: boilerplate),
    or ``-SOFT`` for a word that is furniture only outside the article (``widget``).

    Negative words beat positive ones on the same element (``content-sidebar`` is a sidebar).
    Joined forms are checked too, so ``article-body`` and ``articleBody`` are strong positives.
    """
    flags = _class_flags(class_id)
    if not flags:
        return 0
    neg = STRONG if flags & _F_NEG2 else WEAK if flags & _F_NEG1 else 0
    pos = STRONG if flags & _F_POS2 else WEAK if flags & _F_POS1 else 0
    if flags & _F_SOFT and neg < STRONG:
        return -SOFT if pos < STRONG else 0
    if neg:
        return -neg if neg >= pos else pos - neg
    return pos


# --- phrases -------------------------------------------------------------------------------------

#: Whole short blocks that are controls or promos, in the languages we meet most. Matched on the
#: block's lowercased text with punctuation stripped.
BOILERPLATE_PHRASES: Final = frozenset({
    # share bars
    "share", "shares", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "email", "print", "e-mail", "whatsapp", "facebook", "twitter",
    "linkedin", "pinterest", "reddit", "copy link", "link copied", "comments", "comment",
    "teilen", "drucken", "partager", "imprimer", "compartir", "imprimir", "condividi", "stampa",
    # promos and furniture
    "advertisement", "advertising", "sponsored", "sponsored content", "ad", "anzeige", "werbung",
    "publicité", "publicidad", "pubblicità", "read more", "continue reading", "more",
    "related", "related articles", "related stories", "related posts", "most read",
    "most popular", "trending", "you may also like", "recommended", "see also", "next article",
    "previous article", "back to top", "skip to content", "skip to main content", "menu",
    "close", "search", "loading", "subscribe", "sign up", "log in", "login", "sign in",
    "register", "follow us", "newsletter", "lesen sie auch", "mehr zum thema", "à lire aussi",
    "lire aussi", "voir aussi", "leer más", "ver también",
})

#: Starts of short lines that introduce a link to another story, not article prose.
PROMO_PREFIXES: Final = (
    "read more:", "read more", "related:", "see also:", "also read:", "read also:",
    "recommended:", "watch:", "listen:", "click here", "lesen sie auch:", "mehr zum thema:",
    "à lire aussi", "lire aussi :", "voir aussi :", "leer más:", "te puede interesar",
)

#: Texts of the link that ends a teaser's standfirst and leads to its story ("Read more...").
READ_MORE_LINKS: Final = frozenset({
    "read more", "more", "continue reading", "read the full story", "read full story",
    "full story", "weiterlesen", "mehr", "lire la suite", "leer más", "leggi tutto",
    "lees meer", "czytaj dalej", "číst dál",
})

#: Sentences typical of consent banners, newsletter boxes, copyright lines and notes on the
#: reader's browser ("best viewed in an up-to-date browser", "please enable JavaScript").
FURNITURE_RE: Final = re.compile(
    r"\b(?:we use cookies|uses cookies|cookie policy|accept (?:all )?cookies|privacy policy|"
    r"terms of (?:use|service)|all rights reserved|sign up for (?:our|the) newsletter|"
    r"subscribe to (?:our|the) newsletter|enter your e-?mail|this site uses|"
    r"by continuing to (?:use|browse)|verwendet cookies|utilise des cookies|"
    r"will not be published|required fields are marked|"
    r"(?:this|the) (?:page|site|website) is best viewed|please (?:enable|turn on) javascript|"
    r"javascript (?:must|needs to) be enabled|"
    r"browser does(?: not|n['’]t) support (?:the )?(?:video|audio|iframe|html5|embedded))\b"
    r"|(?:copyright\s*)?©\s*(?:\d{4}|copyright)",
    re.IGNORECASE,
)

_PUNCT_STRIP: Final = re.compile(r"[^\w\s]+")


#: Shop and affiliate buttons, matched on the same key: "Check price at Amazon", "Buy now",
#: "See price at REI", "Read full review", "Visit website". ("Where to buy" is also a buying
#: guide's heading, "See on page 12" a reference: left out.)
SHOP_BUTTON_RE: Final = re.compile(
    r"^(?:(?:check|see|view|compare) (?:the )?(?:latest )?(?:prices?|deals?|rates)"
    r"(?: (?:at|on) \w+(?: \w+){0,2})?(?: on sale)?|buy (?:it )?(?:on|at|from) \w+(?: \w+)?|"
    r"(?:view|see|shop) (?:it )?(?:on|at) (?:amazon|ebay|etsy|walmart|target)|"
    r"(?:book|buy|shop|order) now|(?:read|jump to|see) (?:the |our |full )*review|"
    r"visit (?:the )?(?:website|site|store)|see the rating)$")


def is_boilerplate_phrase(text: str) -> bool:
    """True for a short block that is a control or a promo label ("Share", "Advertisement"), a
    shop button ("Check price at Amazon") or a slide counter ("3 of 6")."""
    if len(text) > 40:
        return False
    key = _phrase_key(text)
    return key in BOILERPLATE_PHRASES or SHOP_BUTTON_RE.match(key) is not None \
        or is_slide_counter(text)


#: A slide counter opening a line: "3/50", "3 of 50", "Image 3 of 50", "Foto 3 von 12". A date
#: ("10/19/2012", "12/08.") is no counter: nothing but a space or the end may follow it.
_SLIDE_COUNTER: Final = re.compile(
    r"^\s*(?:(?:image|photo|picture|slide|bild|foto|diapositive)\s+)?"
    r"(\d{1,3})(?:\s*/\s*|\s+(?:of|von|sur|de|di)\s+)(\d{1,3})(?=\s|$)", re.IGNORECASE)


def slide_counter(text: str) -> tuple[int, int] | None:
    """The ``(k, n)`` of a line that opens with a slide counter ("3/50 Star Wars boosts the
    economy", "Image 3 of 12"), else ``None``."""
    m = _SLIDE_COUNTER.match(text)
    if m is None:
        return None
    k, n = int(m.group(1)), int(m.group(2))
    return (k, n) if 1 <= k <= n and n >= 2 else None


def is_slide_counter(text: str) -> bool:
    """True for a line that is a slide counter in words and nothing else ("3 of 6", "Image
    3/12"). A bare "4/5" alone is more often a rating than a counter."""
    m = _SLIDE_COUNTER.match(text)
    if m is None or text[m.end():].strip() or slide_counter(text) is None:
        return False
    has_word = bool(text[:m.start(1)].strip())  # "Image 3/12"
    return has_word or "/" not in text


#: A UUID: 36 characters of hex digits and dashes.
_UUID: Final = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def is_machine_text(text: str) -> bool:
    """True for a block made of UUIDs: at least three, with almost nothing between them. Shops
    write such runs into hidden spans to scramble a "Sponsored" label letter by letter (eBay);
    a sentence that quotes one ("note the UUID, e.g. ba5b7f3a-…") or a JSON sample is not one
    (and code blocks are never read so, see ``scoring``)."""
    if text.count("-") < 12:
        return False
    found = _UUID.findall(text)
    return len(found) >= 3 and sum(map(len, found)) >= 0.9 * len(text)


def _phrase_key(text: str) -> str:
    """A short line as its lower-case words: "[Read more »]" → "read more"."""
    return " ".join(_PUNCT_STRIP.sub(" ", text.lower()).split())


def is_promo_line(text: str) -> bool:
    """True for a short line that introduces another story ("Read more: ...")."""
    return len(text) < 200 and text.lower().startswith(PROMO_PREFIXES)


def is_read_more(link_text: str) -> bool:
    """True for a link text that leads on to a story: "Read more...", "[Read more]", "Mehr »"."""
    return _phrase_key(link_text) in READ_MORE_LINKS


# Every FURNITURE_RE phrase contains one of these (lowercased): a cheap substring test runs
# first, and only text holding one is searched with the regex.
FURNITURE_KEYS: Final = ("cookie", "privacy policy", "terms of", "rights reserved", "newsletter",
                         "enter your e", "this site uses", "by continuing", "will not be published",
                         "required fields", "©", "best viewed", "javascript", "support the")


def is_furniture(text: str) -> bool:
    """True for a line from a consent banner, newsletter box or copyright footer."""
    if len(text) >= 400:
        return False
    low = text.lower()
    if not any(k in low for k in FURNITURE_KEYS):
        return False
    return FURNITURE_RE.search(text) is not None


#: Titles that open the page furniture after an article (comments, related stories), when they
#: stand alone on a line: "Comments", "12 Responses", "Leave a Reply", "Related posts".
_SECTION_TAIL: Final = r"\s*[:(]?\s*(?:\d+\s*\)?)?$"
#: Titles of a comment thread: nothing of the article follows them.
THREAD_TITLE_RE: Final = re.compile(
    r"^(?:\d+\s+comments?|\d+\s+responses?|\d+\s+repl(?:y|ies)|comments|responses|replies|"
    r"reactions|trackbacks?|pingbacks?|leave (?:a|your) (?:comment|reply)|post a comment|"
    r"add (?:a|your) comment|join the (?:discussion|conversation)|reader comments|"
    r"kommentare?|leserkommentare|\d+ kommentare|commentaires?|réactions|comentarios?|commenti|"
    r"reacties)" + _SECTION_TAIL, re.IGNORECASE)
#: WordPress themes title the thread with the post's name, quoted: "92 Responses to “Depth
#: Compositing”", "15 thoughts on “Ferry”", "One response to “X”" (not "Three thoughts on
#: the budget", an article's own heading).
WP_THREAD_TITLE_RE: Final = re.compile(
    r"^(?:\d[\d,.]*|one)\s+(?:comments?|responses?|repl(?:y|ies)|thoughts?)\s+(?:on|to)\s+"
    r"[“\"‘«„']", re.IGNORECASE)
#: Titles of related-stories boxes and share bars; "Discussion" too, a word articles use as well.
SECTION_END_RE: Final = re.compile(
    r"^(?:discussion|related(?: posts| articles| stories| content| links| coverage)?|"
    r"you (?:may|might) also (?:like|enjoy)|more from\b.*|recommended(?: for you| stories)?|"
    r"most (?:read|popular|viewed)|read next|what to read next|share this(?: article| story)?|"
    r"like this|read this next|keep reading|more (?:stories|articles|posts|to read)|"
    r"you (?:may|might) also be interested in|also read|read also|"
    r"lesen sie auch|à lire aussi|lire aussi|más noticias|te puede interesar)"
    + _SECTION_TAIL, re.IGNORECASE)


#: Titles of a shop's recommendation shelves: the items under them are other products.
RECOMMEND_TITLE_RE: Final = re.compile(
    r"^(?:similar (?:items|products)|(?:people|customers|shoppers)(?: who (?:viewed|bought) "
    r"this(?: item| product)?)? also (?:viewed|bought|liked|like)|frequently bought together|"
    r"recently viewed(?: items| products)?|(?:complete|shop) the look|"
    r"related (?:products|items)|more from this (?:seller|shop|brand)|sellers? other items|"
    r"explore related items|sponsored products|compare similar items|pairs well with|"
    r"you (?:may|might) also (?:like|love|need)|related searches)"
    + _SECTION_TAIL)


def is_recommend_title(text: str) -> bool:
    """True for the title of a shop's shelf of other products ("Similar items", "Customers
    also viewed", "Seller's other items")."""
    return len(text) <= 80 and RECOMMEND_TITLE_RE.match(
        _phrase_key(text).replace("seller s ", "sellers ")) is not None


def is_thread_title(text: str) -> bool:
    """True for a line that titles a comment thread ("Comments", "12 Responses", "15 thoughts
    on “Ferry”")."""
    if len(text) > 200:
        return False
    key = text.strip(" .:·|-–—»")
    return (len(text) <= 60 and THREAD_TITLE_RE.match(key) is not None) or \
        WP_THREAD_TITLE_RE.match(key) is not None


def is_section_end(text: str) -> bool:
    """True for a line that titles the comments or related-stories section after an article."""
    if len(text) <= 60 and SECTION_END_RE.match(text.strip(" .:·|-–—»")) is not None:
        return True
    return is_thread_title(text)

