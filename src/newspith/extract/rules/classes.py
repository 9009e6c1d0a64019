"""Class and id words: the hint an element's names give (``element_hint``), comment and
review regions. See the package's docstring for how names are read."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

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
    # the box about the writer after a story ("Jane Doe is a reporter covering ...")
    "authorbio", "authorbox", "authorinfo", "authorcard", "aboutauthor", "abouttheauthor",
    "signature",  # a forum poster's signature under each post (phpBB, vBulletin, XenForo)
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
# Forum post chrome, matched on a name's joined form at its end (strong furniture): the
# poster's card (XenForo's message-userExtras: "Joined", "Messages", "Location"; its userTitle
# and userBanner: "Senior member"; phpBB's postprofile: "Posts: 4032"), the post's permalink
# number (XenForo's message-attribution-opposite: "#12") and a quote's "Click to expand...".
_NEG_STRONG_JOINED: Final = ("userextras", "usertitle", "userbanner", "postprofile",
                             "attributionopposite", "expandlink")
_POS_WEAK_PREFIX: Final = (
    "article", "content", "entry", "post", "story", "text", "main", "blog", "hentry", "body",
    "page", "single", "news", "detail", "copy", "column",
)

# Class names that describe *what* an item is (WordPress and CMS taxonomy: ``tag-sports``,
# ``category-news``, ``format-standard``, ``has-sidebar``), not the role of the element.
_DESCRIPTIVE_CLASS: Final = re.compile(
    r"(?:(?:tag|tags|category|categories|cat|format|type|status|postid|term|topic|section|"
    r"lang|language|has|is|js|no|with|template|single|parent|level|id)[-_]\w|"
    r"(?:post|page)[-_](?:\d|id|type|template|format|status|parent)|"
    # a post's author (author-jsmith), but not the box about the author (author-bio, author__info)
    r"author[-_]+(?!(?:box|bio|bios|info|card|about|details|description|desc)(?![a-z]))[a-z0-9]|"
    # Drupal and BEM modifiers naming a content type: node--type-newsletter-article; TypePad's
    # and Movable Type's entry-author-<login>, entry-category-<name>
    r"\S*?(?:--|[-_])(?:type|view-mode|bundle)[-_]|entry-(?:author|category)-"
    r"(?!(?:box|bio|info|profile|avatar|name|description|meta|link)\b)|"
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
    if joined.endswith(_NEG_STRONG_JOINED):
        flags |= _F_NEG2
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


def class_bits(class_id: str) -> int:
    """The hint words of an element's class and id values as bit flags (strong and weak
    furniture, soft furniture, weak and strong content, a comment word), as the learned model
    reads them: the words' kinds, without the grading :func:`element_hint` gives them."""
    return _class_flags(class_id)


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


def name_tokens(class_id: str) -> list[str]:
    """The words of a class/id list, camel case split: ``okeReviews-widget`` → ``oke``,
    ``reviews``, ``widget``."""
    return _CAMEL.sub("-", class_id).lower().translate(_SEP_TO_SPACE).split()


#: Class/id words of the notices a page lays over or around its content: consent banners
#: (Complianz's ``cmplz``), modals and popups, newsletter boxes, disclaimers and alerts. Their
#: running text is never a page's pitch (see ``pagebody.by_page``).
NOTICE_WORDS: Final = ("cookie", "consent", "gdpr", "cmplz", "modal", "popup", "overlay",
                       "dialog", "disclaimer", "alert", "newsletter", "subscri")


@lru_cache(maxsize=16384)  # bounded, as above
def is_notice_region(class_id: str) -> bool:
    """True when an element's class/id names a notice (``cmplz-cookiebanner``, ``modal-body``,
    ``newsletter-signup``): a word anywhere in the names, joined or not."""
    low = class_id.lower()
    return any(w in low for w in NOTICE_WORDS)


#: Class/id words of the page's frame around its content: footers, sidebars, menus and bars.
#: A heading there titles a widget ("Recent Comments"), never one of the page's own items (see
#: ``pagebody.by_page``). Prefix words start a token; exact words are the whole token.
FRAME_PREFIX: Final = ("footer", "sidebar", "sidebox", "menu", "navbar", "navigation",
                       "breadcrumb", "masthead", "toolbar", "pagination", "pager", "copyright",
                       "login")
FRAME_EXACT: Final = frozenset({"nav", "subnav", "foot"})


@lru_cache(maxsize=16384)  # bounded, as above
def is_frame_region(class_id: str) -> bool:
    """True when an element's class/id has a frame word (``FooterUpper``, ``sidebar_list``,
    ``anchorWithStickyNavbar``, ``nav``); not ``navy`` or ``footnote``."""
    return any(tok in FRAME_EXACT or tok.startswith(FRAME_PREFIX)
               for tok in name_tokens(class_id))


@lru_cache(maxsize=16384)  # bounded, as above
def is_review_region(class_id: str) -> bool:
    """True when an element's class/id names customer reviews ("product-reviews",
    "okeReviews-review", "jdgm-widget"); not "preview" or "reviewed-by"."""
    return any(tok in REVIEW_WORDS for tok in name_tokens(class_id))


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
