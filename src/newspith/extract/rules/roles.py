"""Role words: what a class or id name says an element is, by kind, for the learned model.

:mod:`.classes` grades names into furniture and content hints for the rules; the model reads
the kinds apart instead (a caption is not a card, a byline not a menu), and learns from the dev
sets how much each kind weighs where. A token of a name (split as in :mod:`.classes`) belongs
to a kind when it starts with one of the kind's words, or, for the short words, is one.

The short lines that play those roles in a body (a byline, a photo credit, a date line) are
here too, read from a block's text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from newspith.extract.rules.classes import COMMENT_WORDS, NOTICE_WORDS, name_tokens

#: Each kind: (prefix words, whole-token words). The order fixes each kind's bit.
ROLE_WORDS: Final[tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = (
    ("caption", ("caption", "credit", "figcaption", "photocredit", "imagecredit"), ()),
    ("byline", ("byline", "author", "contributor", "writer", "reporter"), ("by",)),
    ("date", ("date", "timestamp", "published", "updated", "dateline"), ("time",)),
    ("share", ("share", "sharing", "social", "facebook", "twitter", "whatsapp"),
     ("sns", "email", "print")),
    ("related", ("related", "recommend", "readmore", "trending", "popular", "mostread",
                 "latest", "topstories", "teaser", "upnext", "morestories", "outbrain",
                 "taboola"), ("more", "next", "also")),
    ("newsletter", ("newsletter", "subscri", "signup", "optin"), ("cta",)),
    ("ad", ("advert", "sponsor", "promo", "dfp", "adslot", "adunit", "affiliate", "commercial"),
     ("ad", "ads", "adv", "gpt")),
    ("comment", COMMENT_WORDS, ()),
    ("nav", ("nav", "menu", "breadcrumb", "pagination", "pager", "crumbs"), ("tabs",)),
    ("footer", ("footer",), ("foot", "bottom")),
    ("header", ("header", "masthead", "topbar"), ("top",)),
    ("sidebar", ("sidebar", "sidebox", "rail", "widget", "aside", "secondary"), ()),
    ("tags", ("tag", "topic", "categor", "keyword"), ()),
    ("title", ("title", "headline", "heading"), ("hed",)),
    ("summary", ("summary", "standfirst", "subtitle", "subhead", "lede", "intro", "excerpt",
                 "description", "deck"), ("dek", "lead", "sub")),
    ("body", ("body", "content", "article", "story", "prose", "richtext", "paragraph", "entry"),
     ("text", "post", "copy")),
    ("media", ("image", "photo", "picture", "video", "media", "gallery", "slideshow", "figure",
               "embed", "player"), ("img", "pic")),
    ("notice", NOTICE_WORDS + ("paywall", "banner"), ()),
)
ROLE_NAMES: Final = tuple(kind for kind, _, _ in ROLE_WORDS)


@lru_cache(maxsize=16384)  # bounded: class names repeat across pages
def role_bits(names: str) -> int:
    """The kinds a class/id list names, one bit each in :data:`ROLE_WORDS` order."""
    bits = 0
    for tok in name_tokens(names):
        for i, (_, prefixes, exact) in enumerate(ROLE_WORDS):
            if tok in exact or tok.startswith(prefixes):
                bits |= 1 << i
    return bits


#: A byline: "By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por Ana García".
BYLINE_RE: Final = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+\w", re.IGNORECASE)
#: A photo credit or an agency line: "(Credit: Getty Images)", "Photo: AP", "/ Reuters".
CREDIT_RE: Final = re.compile(
    r"\b(?:getty|getty images|shutterstock|reuters|afp|ap photo|associated press|epa|"
    r"imago|dpa|courtesy|photo(?:graph)?s? by|photo:|image:|credit:|credits:|foto:|bild:)",
    re.IGNORECASE)
#: A line naming a month or written as a date: "Dec. 22, 2023 3:44PM EST", "22/12/2023".
DATE_RE: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\s*(?:am|pm)?\b",
    re.IGNORECASE)
