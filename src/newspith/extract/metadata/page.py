"""What a page declares about itself, gathered once: ``<meta>`` tags, JSON-LD, ``<html lang>``,
``<title>``, ``<h1>``s, canonical link, and the visible elements that may hold a byline or a date.

Every value keeps the name of where it came from, so the readers can report provenance:
``meta:og``, ``meta:article``, ``meta:twitter``, ``meta:dc``, ``meta:parsely``, ``meta:name``,
``itemprop``, ``json-ld``, ``time-element``, ``byline``, ``rel-author``, ``text``, ``url``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newspith.config import MetadataConfig
from newspith.extract.metadata.jsonld import LdData, read_json_ld
from newspith.extract.metadata.vocab import (
    CONTENT_CLASS, ELSEWHERE_CLASS, ELSEWHERE_OUTSIDE_ARTICLE, ELSEWHERE_TAGS, WEAK_ELSEWHERE)

__all__ = ["PageFacts", "read_page", "meta_source", "elsewhere", "node_text", "compact"]

# Every element the metadata readers look at, gathered by one query: lexbor walks the whole tree
# for each query, and a walk costs about as much for "title" alone as for this whole list.
# The byline part is kept short and case-insensitive: each selector in a list costs per element.
_GATHER: Final = ", ".join([
    "meta[content]", "title", "h1", "link[rel]", 'script[type="application/ld+json"]',
    "time[datetime]", '[itemprop="datePublished"]',
    '[itemprop~="author"]', '[itemprop~="creator"]', 'a[rel~="author"]',
    '[class*="author" i]', '[class*="byline" i]'])

_ENTITY: Final = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)


def _is_byline_candidate(tag: str, attrs: dict) -> bool:
    """The byline part of :data:`_GATHER`, tested on one element it returned."""
    itemprop = (attrs.get("itemprop") or "").split()
    if "author" in itemprop or "creator" in itemprop:
        return True
    if tag == "a" and "author" in (attrs.get("rel") or "").split():
        return True
    names = (attrs.get("class") or "").lower()
    return "author" in names or "byline" in names


def meta_source(key: str) -> str:
    """The provenance name of a ``<meta>`` key."""
    k = key.lower()
    for prefix, name in (("og:", "meta:og"), ("article:", "meta:article"),
                         ("twitter:", "meta:twitter"), ("dc.", "meta:dc"), ("dc:", "meta:dc"),
                         ("dcterm", "meta:dc"),
                         ("dcterms.", "meta:dc"), ("parsely-", "meta:parsely"),
                         ("itemprop:", "itemprop")):
        if k.startswith(prefix):
            return name
    return "meta:name"


def clean(value: str | None) -> str | None:
    """Whitespace collapsed, HTML entities left by double escaping decoded; ``None`` if empty."""
    if not isinstance(value, str):
        return None
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    v = " ".join(value.split())
    return v or None


_NOT_ALNUM: Final = re.compile(r"[\W_]+")


def compact(text: str | None) -> str:
    """Letters and digits only, casefolded: for comparing names across punctuation and case."""
    return _NOT_ALNUM.sub("", (text or "").casefold())


def node_text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())


def elsewhere(node: LexborNode, stop: int = 14) -> bool:
    """True when the node sits in reader comments, another article's teaser, navigation or
    other furniture: its names and dates are not the article's."""
    n: LexborNode | None = node
    depth, outside_only = 0, False
    while n is not None and depth < stop:
        tag = n.tag
        if tag in ("article", "main"):
            return False
        if tag in ("body", "html"):
            return outside_only
        if tag in ELSEWHERE_TAGS:
            return True
        if tag in ELSEWHERE_OUTSIDE_ARTICLE:
            outside_only = True
        attrs = n.attributes
        hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if hint.strip():
            kind = _hint_kind(hint)
            if kind == _ELSEWHERE:
                return True
            if kind == _CONTENT:
                return False
            if kind == _WEAK:
                outside_only = True  # a "card" or "widget" is furniture outside an article
        n, depth = n.parent, depth + 1
    return outside_only


_NEITHER, _ELSEWHERE, _CONTENT, _WEAK = 0, 1, 2, 3


# Bounded: the same wrappers are asked about for every date and byline of a page, and the same
# class names recur across pages.
@lru_cache(maxsize=8192)
def _hint_kind(hint: str) -> int:
    """What a class-and-id string says: ``_ELSEWHERE`` for a furniture or comment word, else
    ``_CONTENT`` for the article's own container, else ``_WEAK`` for a weak furniture word
    ("card"), else ``_NEITHER``."""
    m = ELSEWHERE_CLASS.search(hint)
    if m and m.group(0).lower() not in WEAK_ELSEWHERE:
        return _ELSEWHERE
    if CONTENT_CLASS.search(hint):
        return _CONTENT
    return _WEAK if m else _NEITHER


@dataclass(slots=True)
class PageFacts:
    meta: dict[str, list[str]] = field(default_factory=dict)  # lowercased key → contents
    ld: LdData = field(default_factory=LdData)
    html_lang: str | None = None
    title_tag: str | None = None
    h1s: list[str] = field(default_factory=list)
    canonical: str | None = None
    host: str = ""
    #: ``<time datetime>`` and ``itemprop="datePublished"`` elements, in page order.
    date_nodes: list[LexborNode] = field(default_factory=list)
    #: Elements marked as an author's (``itemprop``, ``rel``) or classed "author"/"byline".
    byline_nodes: list[LexborNode] = field(default_factory=list)

    def first(self, *keys: str) -> tuple[str | None, str | None]:
        """The first non-empty content among ``keys`` and its provenance name."""
        for k in keys:
            for v in self.meta.get(k, ()):
                c = clean(v)
                if c:
                    return c, meta_source(k)
        return None, None

    def all(self, *keys: str) -> list[tuple[str, str]]:
        return [(c, meta_source(k)) for k in keys for v in self.meta.get(k, ())
                if (c := clean(v))]


def read_page(tree: LexborHTMLParser, url: str | None, config: MetadataConfig) -> PageFacts:
    facts = PageFacts()
    title = None
    h1s: list[LexborNode] = []
    scripts: list[LexborNode] = []
    for node in tree.css(_GATHER):
        tag, attrs = node.tag or "", node.attributes
        if tag == "meta" and "content" in attrs:
            content = attrs.get("content") or ""
            for attr in ("property", "name", "itemprop", "http-equiv"):
                # One tag may carry several space-separated properties ("dc:creator twitter:x").
                for key in (attrs.get(attr) or "").lower().split():
                    if attr == "itemprop":
                        key = "itemprop:" + key
                    facts.meta.setdefault(key, []).append(content)
        elif tag == "title":
            title = title or node
        elif tag == "h1":
            h1s.append(node)
        elif tag == "link" and facts.canonical is None and "canonical" in (
                attrs.get("rel") or "").lower().split():
            facts.canonical = clean(attrs.get("href"))
        elif tag == "script" and (attrs.get("type") or "").strip().lower() == "application/ld+json":
            scripts.append(node)
        if (tag == "time" and "datetime" in attrs) or attrs.get("itemprop") == "datePublished":
            facts.date_nodes.append(node)
        if _is_byline_candidate(tag, attrs):
            facts.byline_nodes.append(node)
    facts.ld = read_json_ld(scripts, config.max_ld_scripts, config.max_ld_objects)
    root = tree.root
    if root is not None and root.tag == "html":
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
        facts.html_lang = lang.strip() if lang and lang.strip() else None
    facts.title_tag = clean(title.text(deep=True)) if title is not None else None
    for h in h1s[:8]:
        if not elsewhere(h):
            # No separator: a headline's inline parts ("<em>Metroid</em>, One") join as written.
            t = clean(h.text(deep=True))
            if t and len(t) <= 400:
                facts.h1s.append(t)
    if url:
        try:
            facts.host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            facts.host = ""
    return facts
