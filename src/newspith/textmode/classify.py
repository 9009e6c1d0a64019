"""Phase 2: label each segment by what it is on the page.

Labels, in the order they are tried:

``title``        a repeat of the page title (dumps start with it, and repeat it over the body)
``attribution``  the line under an embedded post: "— Name (@handle) December 22, 2016"
``thread``       the title of a comment thread ("12 Comments", "Leave a Reply")
``section``      the title of a related-stories box or share bar ("Related", "Most read")
``furniture``    controls and promos ("Shares", "Print", "Advertisement"), consent, newsletter
                 and copyright sentences, "Read more: …" lines
``byline``       "By Jane Doe and John Roe" (kept as metadata, not body)
``footer``       a blog post's footer ("This entry was posted in …"): the body ends there
``commenter``    a reader comment's header ("Jane says:", "By Anonymous, at 1:53 PM")
``dateline``     "Published 20 July 2012, 3:45 PM" (kept as metadata, not body)
``embed``        an embedded post: text with a ``pic.twitter.com`` link or a post URL
``prose``        sentences: enough words and sentence punctuation, or very long
``data``         a table cell or figure: a short segment made mostly of digits ("$118.4")
``headlines``    a long run of capitalised words without a sentence end: headlines run together
``short``        everything else: menu items, headlines, labels, subheads, list items

No language's stopwords decide anything: the signals are length, sentence punctuation in any
script that marks sentence ends, capitalisation where the script has case, and a few
multilingual phrase lists shared with the HTML extractor (:mod:`newspith.extract.rules`).

Speed matters here (thousands of pages a second): the costly tests (furniture sentences, dates,
embeds) run once over the whole text and are mapped back to segments; per segment there are only
string methods and a few anchored regular-expression matches on short segments.
"""

from __future__ import annotations

import re
from typing import Final

import ahocorasick_rs

from newspith.extract import rules
from newspith.extract.metadata.page import compact
from newspith.extract.metadata.dates import MONTH_WORD, is_month
from newspith.config import TextConfig
from newspith.textmode.segment import Segments

__all__ = ["classify", "refine", "title_key", "capital_share", "mostly_phrases", "BODY_LABELS"]

#: Labels that may be part of the body.
BODY_LABELS: Final = frozenset({"prose", "short", "embed", "data"})

_TERMINAL: Final = ".!?…。！？؟।"
_CLOSERS: Final = "\"'”’»)]」』）*"
_PHRASE_STRIP: Final = " .:!?|-–—»«·•#*()[]/\\\"'"
# Scripts written without spaces between words: their segments are measured in characters.
_UNSPACED: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

# An embedded post: a photo link of a tweet, or a post URL.
_EMBED_HINTS: Final = ("pic.twitter.com/", "/status/", "instagram.com/", "t.co/")
_EMBED: Final = re.compile(r"pic\.twitter\.com/\w+|(?:twitter|x)\.com/\w+/status/\d+|"
                           r"instagram\.com/(?:p|reel)/[\w-]+|\bt\.co/\w+", re.IGNORECASE)
_ATTRIBUTION: Final = re.compile(r"^[—–-]{1,2}\s*\S.{0,80}\(@\w+\)")

# Titles of a comment thread or of a related-stories box, matched on a short segment's key.
_SECTION_TITLE: Final = re.compile(f"(?P<thread>{rules.THREAD_TITLE_RE.pattern})|"
                                   f"(?P<section>{rules.SECTION_END_RE.pattern})", re.IGNORECASE)

# The first words those titles can start with: a set lookup spares the regex on most segments.
_SECTION_FIRST_WORDS: Final = frozenset(
    "comments comment responses response replies reply reactions reaction trackbacks trackback "
    "pingbacks pingback leave post add join reader kommentare kommentar leserkommentare "
    "commentaires commentaire réactions comentarios comentario commenti reacties discussion "
    "related you more recommended most read what share like lesen à lire más te".split())
# The footer of a blog post: what WordPress, Blogger and TypePad print under it.
_POST_FOOTER: Final = re.compile(r"this entry was posted|bookmark the permalink|"
                                 r"^posted (?:in|under) |^filed (?:in|under)\b|^tags?: |"
                                 r"^categories: |\| permalink\b|"
                                 r"^posted by .{0,80}\bat \d{1,2}:\d{2}")
_POST_FOOTER_KEYS: Final = ("this entry", "permalink", "posted in", "posted under", "filed in",
                            "filed under", "tag: ", "tags: ", "categories: ", "posted by")
_DATA_CHARS: Final = "0123456789.,%$€£¥+-–−() "
_DATA_START: Final = frozenset(_DATA_CHARS)
_GATED_KEYS: Final = (*rules.FURNITURE_KEYS, *_EMBED_HINTS, *_POST_FOOTER_KEYS)
# All of them found in one pass (Aho-Corasick) over the UTF-8 bytes of a span lowercased (the keys
# are lowercase; all but "©" are ASCII, which is all bytes.lower() changes): 25 str.find passes
# and a str.lower of the span cost four times as much.
_GATE: Final = ahocorasick_rs.BytesAhoCorasick([k.encode() for k in _GATED_KEYS],
                                               matchkind=ahocorasick_rs.MatchKind.LeftmostFirst,
                                               implementation=ahocorasick_rs.Implementation.DFA)
_GATED_MAX_CHARS: Final = 600  # furniture sentences < 400, post footers <= 300, posts <= 80 words
# What every date _DATE finds holds: four digits, or digits around a dot or a slash. (Opening
# with \d lets the regex engine skip to digits.)
_DATE_GATE: Final = re.compile(r"\d(?:\d\d\d|[./]\d)").search
# The first letters of promo lines ("Read more: …"): a test before str.startswith.
_PROMO_FIRST: Final = frozenset(p[0] for p in rules.PROMO_PREFIXES)
# The header of a reader comment: "Jane says:", "deet wrote:", "By Anonymous, at 1:53 PM",
# "Posted by: Jane | September 12, 2012 at 10:11 AM".
_COMMENTER_ENDS: Final = ("says:", "said:", "wrote:", "writes:", " says", " wrote")
_COMMENTER_TIME: Final = re.compile(
    r"^(?:by )?.{1,60}, (?:at|on) .{0,30}\d{1,2}:\d{2}\s*(?:am|pm)?$")
_COMMENTER_WORDS: Final = frozenset({"reply", "report abuse", "report comment"})


def _is_commenter(low: str) -> bool:
    """True for the header line of a reader comment (``low`` is lowercased)."""
    return (low.endswith(_COMMENTER_ENDS) or low.startswith("posted by: ")
            or low in _COMMENTER_WORDS
            or ((", at " in low or ", on " in low) and _COMMENTER_TIME.match(low) is not None))

# "By Jane Doe", "Von Hans Meier", "Par Marie Dupont" … followed by a capitalised name.
_BYLINE_WORDS: Final = ("by", "von", "par", "por", "di", "door", "av", "af", "de")
_BYLINE_FIRST: Final = frozenset(w[0] for w in _BYLINE_WORDS)  # (a test before the regex)
_BYLINE: Final = re.compile(rf"^(?:{'|'.join(_BYLINE_WORDS)})\s+(?:the\s+)?[^\W\d_]",
                            re.IGNORECASE)
# A date: "20 July 2012", "March 5th, 2019", "2012-07-20", "20.07.2012" (month words checked by
# is_month: a letter run and a lookup cost far less than a hundred month names as alternatives).
_DATE: Final = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s+(?P<m1>{MONTH_WORD})\.?\s+\d{{4}}|"
    rf"(?P<m2>{MONTH_WORD})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b")


def _has_date(low: str) -> bool:
    for m in _DATE.finditer(low):
        word = m["m1"] or m["m2"]
        if word is None or is_month(word):
            return True
    return False


_DATELINE_WORDS: Final = re.compile(r"^(?:published|updated|posted|last updated|modified|"
                                    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|"
                                    r"actualizado|pubblicato)\b")


def _ends_sentence(text: str) -> bool:
    """True when a segment ends with sentence punctuation (before closing quotes or brackets)."""
    if not text:
        return False
    last = text[-1]
    if last in _CLOSERS:
        text = text.rstrip(_CLOSERS)
        if not text:
            return False
        last = text[-1]
    return last in _TERMINAL


def title_key(text: str) -> str:
    """The comparison key of a title: letters and digits only, casefolded (as the metadata
    reader compares names)."""
    return compact(text)


def capital_share(text: str) -> float:
    """The share of a segment's words that start with a capital letter."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def classify(segs: Segments, config: TextConfig) -> None:
    """Fill ``words``, ``terminal`` and a first ``labels`` of every segment.

    Cheap whole-list passes only: prose or short by length and sentence punctuation, runs of
    headlines, and short controls and section titles by their whole text. The labels that only
    matter around the body (title repeats, furniture sentences, embeds, bylines, datelines) are
    found by :func:`refine` once the body is chosen.
    """
    texts, chars = segs.texts, segs.chars
    words = segs.words = [t.count(" ") + 1 for t in texts]
    n = min(len(texts), 200)  # few spaces in the first segments (words - 1 each): CJK, Thai
    if (sum(words[:n]) - n) * 12 < sum(chars[:n]) and _UNSPACED.search("".join(texts[:n])):
        for i, t in enumerate(texts):
            if _UNSPACED.search(t):
                words[i] = max(words[i], chars[i] // 2)
    terminal = segs.terminal = [_ends_sentence(t) for t in texts]
    pw, lw = config.prose_words, config.prose_long_words
    labels = segs.labels = ["prose" if w >= lw or (t and w >= pw) else "short"
                            for t, w in zip(terminal, words)]
    # Long runs of capitalised words without a sentence end: headlines run together.
    for i in [i for i, w in enumerate(words) if w >= lw]:
        t = texts[i]
        if not terminal[i] and ". " not in t and capital_share(t) >= config.title_case_share:
            labels[i] = "headlines"
    # Table cells and figures: short segments made mostly of digits ("$118.4", "+4.6%").
    for i in [i for i, n in enumerate(chars) if n <= 12]:
        t = texts[i]
        if t[0] in _DATA_START and len(t.strip(_DATA_CHARS)) * 2 <= len(t):
            labels[i] = "data"
    # Short controls, promos and section titles, by their whole text.
    limit, cache = config.label_chars, _SHORT_LABELS
    if len(cache) > _SHORT_CACHE_SIZE:
        cache.clear()
    for i in [i for i, n in enumerate(chars) if n <= limit]:
        t = texts[i]
        label = cache.get(t)
        if label is None:
            label = cache[t] = _short_label(t)
        if label:
            labels[i] = label


# Labels of short segments by their text: menu items and controls repeat across the pages of a
# site and across sites ("Home", "Share", "Comments"), so a bounded cache spares most lookups.
_SHORT_LABELS: Final[dict[str, str]] = {}
_SHORT_CACHE_SIZE: Final = 50_000


def _short_label(text: str) -> str:
    """``furniture``, ``thread`` or ``section`` for a control or section title, else ``''``."""
    key = text.lower().strip(_PHRASE_STRIP)
    if key.partition(" ")[0] in _SECTION_FIRST_WORDS or key[:1].isdigit():
        m = _SECTION_TITLE.match(key)
        if m is not None:
            return "thread" if m.lastgroup == "thread" else "section"
    if key in rules.BOILERPLATE_PHRASES:
        return "furniture"
    return ""


def refine(segs: Segments, lo: int, hi: int, title_keys: frozenset[str],
           light: bool = False) -> None:
    """Label title repeats, furniture sentences, embeds, bylines and datelines in ``lo..hi``.

    Run once the body is chosen, on the segments around its start and inside it: those are the
    only ones whose label changes what is kept or what metadata is read. The costly tests run
    only on the segments that hold one of their key words, found in one pass over the
    whole span. ``light`` skips the per-line tests of short segments (promos, comment headers,
    bylines, datelines): for a whole page kept as it is, where they would cost much and change
    little.
    """
    texts, labels, words, chars = segs.texts, segs.labels, segs.words, segs.chars
    lo, hi = max(0, lo), min(hi, len(texts))
    if hi <= lo:
        return
    # Title repeats: a length window and a first letter, then the key.
    if title_keys:
        key_lo, key_hi = _key_span(title_keys)
        firsts = {k[0] for k in title_keys}
        for i in range(lo, hi):
            if key_lo <= chars[i] <= key_hi and labels[i] in ("short", "prose") and \
                    texts[i].lower().lstrip(_PHRASE_STRIP)[:1] in firsts and \
                    title_key(texts[i]) in title_keys:
                labels[i] = "title"
    # Furniture sentences, embedded posts and post footers, on the segments with a key word;
    # long paragraphs are none of these, and are left out of the search.
    idx = [i for i in range(lo, hi) if chars[i] < _GATED_MAX_CHARS]
    span = "\n".join([texts[i] for i in idx]).encode("utf-8", "surrogatepass").lower()
    for j in _segments_with_keys(span):
        i = idx[j]
        label = labels[i]
        if label != "short" and label != "prose":
            continue
        t, n = texts[i], chars[i]
        low = t.lower()
        if n < 400 and any(k in low for k in rules.FURNITURE_KEYS) and \
                rules.FURNITURE_RE.search(low):
            labels[i] = "furniture"
        elif words[i] <= 80 and any(h in low for h in _EMBED_HINTS) and _EMBED.search(t):
            labels[i] = "embed"
            if i + 1 < len(texts) and _ATTRIBUTION.match(texts[i + 1]):
                labels[i + 1] = "attribution"
        elif n <= 300 and any(k in low for k in _POST_FOOTER_KEYS) and _POST_FOOTER.search(low):
            labels[i] = "footer"
    if light:
        return
    # Promos, comment headers, bylines and datelines: short segments, one by one.
    promo = rules.PROMO_PREFIXES
    for i in range(lo, hi):
        if labels[i] != "short" or chars[i] > 300:
            continue
        t = texts[i]
        low = t.lower()
        first = low[:1]
        if first in _PROMO_FIRST and low.startswith(promo):
            labels[i] = "furniture"
        elif chars[i] <= 120 and _is_commenter(low):
            labels[i] = "commenter"
        elif words[i] <= 24 and first in _BYLINE_FIRST and _BYLINE.match(t) and \
                _looks_like_names(t):
            labels[i] = "byline"
        elif words[i] <= 16 and _DATE_GATE(low) and _has_date(low) and (
                words[i] <= 8 or _DATELINE_WORDS.match(low)):
            labels[i] = "dateline"


def _segments_with_keys(span: bytes) -> list[int]:
    """Indexes of the lines of ``span`` (split at newlines) that hold a gated key, in order.

    Leftmost-first matching reports at least one match in every line holding a key (no key
    spans a newline); the line of each is counted from the last, so the whole is linear.
    """
    found: list[int] = []
    line = at = 0
    for _, start, _ in _GATE.find_matches_as_indexes(span):
        line += span.count(b"\n", at, start)
        at = start
        if not found or found[-1] != line:
            found.append(line)
    return found


def _key_span(keys: frozenset[str]) -> tuple[int, int]:
    """Segment lengths worth comparing with the title keys (a cheap filter before the key)."""
    if not keys:
        return 1, 0
    return min(len(k) for k in keys), 3 * max(len(k) for k in keys) // 2 + 10


def _looks_like_names(text: str) -> bool:
    """A byline's words after "By" (up to a date or a separator) are mostly capitalised names."""
    rest = text.split(None, 1)[1] if " " in text else ""
    rest = _BYLINE_END.split(rest, maxsplit=1)[0]
    return capital_share(rest) >= 0.5 and "." not in rest.rstrip(".")


_BYLINE_END: Final = re.compile(r"\s*(?:\d|\||\s[-–—]\s|,\s*(?:updated|published))")


def mostly_phrases(text: str) -> bool:
    """True when most words of a line are control labels ("Share Tweet Email Print")."""
    words = [w.strip(".,:|").lower() for w in text.split()]
    return sum(w in rules.BOILERPLATE_PHRASES for w in words) * 2 >= len(words)
