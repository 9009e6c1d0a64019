"""Short lines: controls and promos, furniture sentences, shop buttons, slide counters,
machine text, and the titles that open a comment thread or a related-stories box."""

from __future__ import annotations

import re
from typing import Final

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

#: A reading-time label, matched on the same key: "5 min read", "Reading time: 7 minutes",
#: "5 Min. Lesezeit", "5 min de lecture", "Lectura de 5 minutos".
READING_TIME_RE: Final = re.compile(
    r"^(?:(?:reading time|read time|lesezeit|lectura de|temps de lecture|tempo di lettura)\s+"
    r"\d{1,3}(?:\s*\d{1,3})?\s*(?:min|mins|minute|minutes|minuten|minutos|minuti)|"
    r"\d{1,3}(?:\s*\d{1,3})?\s*(?:min|mins|minute|minutes|minuten|minutos|minuti)\s+"
    r"(?:read|reading|reading time|read time|lesezeit|de lecture|de lectura|di lettura))$")


#: Shop and affiliate buttons, matched on the same key: "Check price at Amazon", "Buy now",
#: "See price at REI", "Read full review", "Visit website". ("Where to buy" is also a buying
#: guide's heading, "See on page 12" a reference: left out.)
SHOP_BUTTON_RE: Final = re.compile(
    r"^(?:(?:check|see|view|compare) (?:the )?(?:latest )?(?:prices?|deals?|rates)"
    r"(?: (?:at|on) \w+(?: \w+){0,2})?(?: on sale)?|buy (?:it )?(?:on|at|from) \w+(?: \w+)?|"
    r"(?:view|see|shop) (?:it )?(?:on|at) (?:amazon|ebay|etsy|walmart|target)|"
    r"(?:book|buy|shop|order) now|(?:read|jump to|see) (?:the |our |full )*review|"
    r"visit (?:the )?(?:website|site|store)|see the rating)$")


#: A forum post's own furniture, matched on the same key: its counters ("12 likes", "3 replies",
#: "Posts: 1,204", "812 posts · Joined 2019"), its poster's dates ("Join date: Mar 2014",
#: "Last edited: Jul 3, 2024"), its controls ("Quote", "Reply", "Click to expand...", "Jump to
#: latest") and a Q&A site's prompts ("Improve this answer", "See similar questions with these
#: tags.", "You must log in to answer this question.").
POST_META_RE: Final = re.compile(
    r"^(?:\d[\d ]*(?:k)? (?:likes?|repl(?:y|ies)|answers?|votes?)|posts \d[\d ]*|"
    r"\d[\d ]* posts joined \w+(?: \d+)*|join(?:ed)?(?: date)? \w+ (?:\d{1,2} )?\d{4}|"
    r"registered \d+ \d+ \d+|last edited \w+ \d{1,2} \d{4}|jump to latest|quote|reply|"
    r"click to (?:shrink|expand)|not open for further replies|view attachment \d+|"
    r"sorted by|improve this (?:question|answer)|ask question|"
    r"explore related questions|start asking to get answers|"
    r"find the answer to your question by asking|see similar questions with these tags|"
    r"you must log in to answer this question|"
    r"sign up to request clarification or add additional context in comments)$")

#: How the lines of POST_META_RE longer than 40 characters start.
_POST_META_LONG_STARTS: Final = ("find ", "see ", "you ", "sign ", "improve ", "explore ",
                                 "start ", "join", "last ", "register", "posts", "click ")

#: The longest block the phrase lists match.
PHRASE_MAX_CHARS: Final = 80


def is_boilerplate_phrase(text: str) -> bool:
    """True for a short block that is a control or a promo label ("Share", "Advertisement"), a
    shop button ("Check price at Amazon"), a slide counter ("3 of 6") or a forum post's
    furniture ("12 likes", "Quote")."""
    n = len(text)
    if n > PHRASE_MAX_CHARS:
        return False
    long = n > 40
    if long:  # only a post's furniture runs this long: its first word tells
        low = text.lstrip()[:10].lower()
        if not (low[:1].isdigit() or low.startswith(_POST_META_LONG_STARTS)):
            return False
    key = _phrase_key(text)
    if POST_META_RE.match(key) is not None:
        return True
    return not long and (key in BOILERPLATE_PHRASES or SHOP_BUTTON_RE.match(key) is not None
                         or READING_TIME_RE.match(key) is not None or is_slide_counter(text))


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


#: An image's address alone on a line ("https://cdn…/thumb_160x160.jpg"): a shop's swatch data
#: written out as text. (A page's address alone is often a cited source, and stays.)
_IMAGE_URL: Final = re.compile(
    r"\s*(?:https?://|www\.)\S{20,}\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?\s*$",
    re.IGNORECASE)
#: The shortest block that can be machine text (an image URL of 20 characters and more).
MACHINE_TEXT_MIN_CHARS: Final = 28


def is_machine_text(text: str) -> bool:
    """True for a block made of UUIDs: at least three, with almost nothing between them. Shops
    write such runs into hidden spans to scramble a "Sponsored" label letter by letter (eBay);
    a sentence that quotes one ("note the UUID, e.g. ba5b7f3a-…") or a JSON sample is not one
    (and code blocks are never read so, see ``scoring``). Also true for an image's URL alone
    (``_IMAGE_URL``)."""
    if _IMAGE_URL.match(text):
        return True
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
    r"like this|read this next|keep reading|more (?:stories|articles|posts|to read|like this)|"
    r"you (?:may|might) also be interested in|also read|read also|"
    r"(?:recent|latest|popular) (?:posts|articles|stories)|"
    r"lesen sie auch|à lire aussi|lire aussi|más noticias|te puede interesar)"
    + _SECTION_TAIL, re.IGNORECASE)


#: Titles of a shop's recommendation shelves: the items under them are other products.
RECOMMEND_TITLE_RE: Final = re.compile(
    r"^(?:similar (?:items|products)|(?:people|customers|shoppers|guests|visitors|others"
    r"(?: like you)?)(?: who (?:viewed|bought|purchased) this(?: item| product)?)? also "
    r"(?:viewed|bought|purchased|liked|like)|frequently bought together|"
    r"recently viewed(?: items| products)?|(?:complete|shop|get) the look|"
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
