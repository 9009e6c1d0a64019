"""What kind of page this is: one of WCXB's seven types, from declarations, URL and shape.

``article``, ``forum``, ``product``, ``collection``, ``listing``, ``documentation``, ``service``.
Each type collects points from independent witnesses: the page's JSON-LD ``@type``s and
``og:type``, words in the URL path, and the shape of the extracted body (how much prose, how
many link lists, prices, code blocks). The type with most points wins; ``article`` wins ties,
being the commonest. The weights are plain numbers in the tables below, read and tuned in
one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlparse

__all__ = ["PAGE_TYPES", "PageShape", "classify_page", "classify", "declared_points",
           "CALL_TO_ACTION", "count_prices"]

PAGE_TYPES: Final = ("article", "forum", "product", "collection", "listing", "documentation",
                     "service")

# (type, JSON-LD types that vouch for it, points)
_LD: Final = (
    ("article", {"article", "newsarticle", "blogposting", "reportagenewsarticle", "report",
                 "analysisnewsarticle", "opinionnewsarticle", "liveblogposting"}, 3),
    ("forum", {"discussionforumposting", "qapage", "question", "socialmediaposting"}, 4),
    ("product", {"product", "offer", "aggregateoffer", "productgroup"}, 3),
    ("collection", {"itemlist", "collectionpage", "offercatalog"}, 1),
    ("listing", {"itemlist", "collectionpage", "searchresultspage"}, 1),
    ("documentation", {"techarticle", "apireference", "softwaresourcecode"}, 3),
    ("service", {"service", "localbusiness", "professionalservice", "faqpage"}, 1),
)
# (type, host name pattern, points): sites named for what they hold ("forum.", "docs.").
_HOST: Final = (
    ("forum", re.compile(r"^(?:www\.)?(?:forums?|community|discuss|discourse|answers|boards)\."), 3),
    ("documentation", re.compile(r"^(?:www\.)?(?:docs?|developers?|learn|wiki|api|devdocs)\."),
     2),
)
# A query that names one post of a blog or CMS ("?p=34503", "?page_id=2", "?id=17").
_POST_QUERY: Final = re.compile(r"(?:^|&)(?:p|page_id|post|id)=\d")
_OG: Final = {"article": ("article", 2), "product": ("product", 3),
              "product.group": ("collection", 2), "ebay-objects:item": ("product", 3),
              "book": ("documentation", 1)}
# (type, URL path pattern, points)
_URL: Final = (
    ("article", re.compile(r"/(?:19|20)\d\d/\d\d?/|/(?:news|blog|blogs|article|articles|story|"
                           r"stories|posts?|opinion|reviews?)/|\d{5,}\.html?$"), 2),
    ("forum", re.compile(r"/(?:t|thread|threads|forum|forums|topic|topics|viewtopic\.php|"
                         r"questions|discussions?|boards|community|comments)(?:/|$|\.)|"
                         r"/(?:showthread\.php|showtopic|thread-\d)"), 4),
    ("product", re.compile(r"/(?:product|products|p|pdp|dp|item|itm|detail|sku)/|"
                           r"/[\w-]*\d{4,}[\w-]*\.html?$"), 2),
    ("collection", re.compile(r"/(?:collections?|category|categories|c|shop|catalog|store|"
                              r"department)/"), 2),
    ("listing", re.compile(r"/(?:tag|tags|topics?|archive|archives|search|jobs|list|lists|"
                           r"trending|page/\d+|subject|wiki/list_of)"), 2),
    ("documentation", re.compile(r"/(?:docs?|documentation|reference|api|manual|guide|guides|"
                                 r"library|tutorial|tutorials|latest|stable|std|learn|handbook|"
                                 r"get-started|getting-started)(?:/|$)|\.html?$"), 2),
    ("service", re.compile(r"^/?$|/(?:services?|pricing|solutions?|contact|about|platform|"
                           r"features|consulting|support|help)(?:/|$)"), 2),
)
#: Short lines that ask a visitor to act: the voice of service and product pages.
CALL_TO_ACTION: Final = re.compile(
    r"^(?:get started|contact us|contact sales|book a (?:demo|call|consultation)|request a "
    r"(?:demo|quote)|schedule a (?:demo|call)|free trial|start (?:your )?free trial|try (?:it )?"
    r"(?:for )?free|learn more|talk to (?:an expert|sales|us)|get a quote|sign up(?: free)?|"
    r"get in touch|see (?:plans|pricing)|view pricing|buy now|shop now|add to cart|"
    r"jetzt (?:kaufen|starten)|contactez-nous|en savoir plus)\b", re.IGNORECASE)
_MIN_EVIDENCE: Final = 1.5
# Prices: a currency sign before a number ("$12.99", "€ 5") or a code after one ("45 EUR",
# "120 kr"). Counted with str.find and anchored matches: a regular expression searched over a
# page's whole text tests every position, which costs more than all the other features together.
_PRICE_SIGNS: Final = "$€£¥"
_PRICE_CODES: Final = ("€", "EUR", "USD", "GBP", "kr", "zł")
_NUMBER_AFTER_SIGN: Final = re.compile(r"\s?\d")
_NUMBER_CHARS: Final = frozenset("0123456789.,")


def count_prices(text: str) -> int:
    """How many prices ``text`` holds (a price written with both a sign and a code, "€5 EUR",
    counts twice)."""
    found = 0
    for sign in _PRICE_SIGNS:
        pos = text.find(sign)
        while pos >= 0:
            if _NUMBER_AFTER_SIGN.match(text, pos + 1):
                found += 1
            pos = text.find(sign, pos + 1)
    for code in _PRICE_CODES:
        pos = text.find(code)
        while pos >= 0:
            found += _number_before(text, pos)
            pos = text.find(code, pos + 1)
    return found


def _number_before(text: str, end: int) -> bool:
    """True when a number ("1,299.00") ends at ``end``, or one white-space character before."""
    if end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and (text[start - 1] in _NUMBER_CHARS or text[start - 1].isdigit()):
        start -= 1
    return any(c.isdigit() for c in text[start:end])


@dataclass(frozen=True, slots=True)
class PageShape:
    """What the extractor saw of the page's body, as numbers."""

    body_chars: int          # prose characters in the chosen body
    page_chars: int          # text characters in the whole page
    link_blocks: int         # link-dense blocks in the whole page
    blocks: int              # all blocks
    code_blocks: int         # <pre> blocks in the body
    prices: int              # price-looking strings in the page text
    comments: int            # reader comments found
    dated: bool = False      # the page declares a publication date
    authored: bool = False   # the page declares an author
    calls: int = 0           # calls to action ("Get started", "Book a demo") among the blocks


def declared_points(url: str | None, ld_types: frozenset[str], og_type: str | None
                    ) -> dict[str, float]:
    """Each type's points from what the page says of itself: JSON-LD, ``og:type``, URL words."""
    points = dict.fromkeys(PAGE_TYPES, 0.0)
    for ptype, types, weight in _LD:
        if ld_types & types:
            points[ptype] += weight
    if og_type and og_type.lower() in _OG:
        ptype, weight = _OG[og_type.lower()]
        points[ptype] += weight
    if url:
        parts = urlparse(url)
        path = parts.path.lower()
        if path in ("", "/") and _POST_QUERY.search(parts.query):
            path = "/?"  # "/?p=34503" is a post, not the home page ("/?utm_source=x" is)
        host = parts.hostname or ""
        for ptype, pattern, weight in _HOST:
            if pattern.match(host):
                points[ptype] += weight
        for ptype, pattern, weight in _URL:
            if pattern.search(path):
                points[ptype] += weight
    return points


def classify_page(url: str | None, ld_types: frozenset[str], og_type: str | None,
                  shape: PageShape) -> tuple[str, dict[str, float]]:
    """The page type and every type's points (for ``--explain``)."""
    return classify(declared_points(url, ld_types, og_type), shape)


def classify(declared: dict[str, float], shape: PageShape) -> tuple[str, dict[str, float]]:
    """The page type from :func:`declared_points` and the body's shape, and every type's
    points."""
    points = dict(declared)
    link_share = shape.link_blocks / shape.blocks if shape.blocks else 0.0
    prose_share = shape.body_chars / shape.page_chars if shape.page_chars else 0.0
    if shape.body_chars >= 1500:
        points["article"] += 2 if prose_share >= 0.3 else 1
    elif shape.body_chars < 500:
        points["listing"] += 1
        points["collection"] += 0.5
    if link_share >= 0.5:
        points["listing"] += 1.5
        points["collection"] += 1
    if shape.code_blocks >= 2:
        points["documentation"] += 2
    if shape.prices >= 8:
        points["collection"] += 2
    elif shape.prices >= 1:
        points["product"] += 1
    if shape.dated or shape.authored:
        points["article"] += 1.5 if shape.dated and shape.authored else 1
    else:
        points["service"] += 0.75
        points["documentation"] += 0.5
    if shape.calls >= 2:
        points["service"] += 1.5
    if shape.comments >= 3:
        points["forum"] += 0.5
        points["article"] += 0.5
    best = max(PAGE_TYPES, key=lambda t: (points[t], t == "article"))
    if points[best] < _MIN_EVIDENCE:
        best = "article"  # no real witness: a page of text is read as an article
    return best, points
