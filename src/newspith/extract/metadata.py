"""Article metadata from the page's own declarations: JSON-LD, OpenGraph, ``<meta>``, ``<html lang>``.

This first version reads only what the page states in machine-readable form (no guessing from
visible text): a field the page does not declare stays ``None``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from selectolax.lexbor import LexborHTMLParser

__all__ = ["Metadata", "read_metadata", "parse_datetime"]

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle",
                  "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                  "backgroundnewsarticle", "techarticle", "scholarlyarticle", "report",
                  "liveblogposting", "socialmediaposting", "webpage"}
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
_LANG_RE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    description: str | None = None
    ld_types: frozenset[str] = frozenset()  # every JSON-LD @type on the page, lowercased
    og_type: str | None = None


def parse_datetime(value: str | None, now: datetime | None = None) -> datetime | None:
    """An ISO 8601 date or datetime, or ``None``; dates in the future are refused."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        return None
    now = now or datetime.now(timezone.utc)
    aware = dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    if aware > now + timedelta(days=1) or dt.year < 1990:
        return None
    return dt


def _ld_objects(tree: LexborHTMLParser) -> list[dict]:
    out: list[dict] = []
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(out) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return out


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _names(value) -> list[str]:
    """Person names from a JSON-LD ``author`` value (a string, an object or a list of them)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for it in items:
        if isinstance(it, dict):
            if "organization" in _types(it):
                continue
            it = it.get("name")
        if isinstance(it, str) and it.strip():
            names.append(" ".join(it.split()))
    return names


def _clean(value) -> str | None:
    if isinstance(value, str):
        v = " ".join(value.split())
        return v or None
    return None


def _strip_site(title: str, site: str | None) -> str:
    """Remove a site-name prefix or suffix ("Headline - Site", "Site | Headline")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        s = site.lower()
        if parts[-1].lower() == s:
            return _TITLE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0].strip() \
                if len(parts) > 2 else parts[0]
        if parts[0].lower() == s:
            return title.split(parts[0], 1)[1].lstrip(" |-–—:·•»")
    return title


def read_metadata(tree: LexborHTMLParser) -> Metadata:
    md = Metadata()
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and key.lower() not in meta:
            meta[key.lower()] = content
    objects = _ld_objects(tree)
    md.ld_types = frozenset(t for o in objects for t in _types(o))
    md.og_type = _clean(meta.get("og:type"))
    article = next((o for o in objects if _types(o) & _ARTICLE_TYPES - {"webpage"}), None) \
        or next((o for o in objects if _types(o) & _ARTICLE_TYPES), {})

    md.site_name = _clean(meta.get("og:site_name"))
    publisher = article.get("publisher")
    if md.site_name is None and isinstance(publisher, dict):
        md.site_name = _clean(publisher.get("name"))

    h1 = tree.css_first("h1")
    h1_text = _clean(h1.text(deep=True)) if h1 is not None else None
    title_node = tree.css_first("title")
    html_title = _clean(title_node.text(deep=True)) if title_node is not None else None
    candidates = [_clean(article.get("headline")), _clean(meta.get("og:title")),
                  _clean(meta.get("twitter:title")), html_title]
    declared = next((c for c in candidates if c), None)
    if declared:
        md.title = _strip_site(declared, md.site_name)
    elif h1_text:
        md.title = h1_text

    md.authors = _names(article.get("author")) if article.get("author") else []
    if not md.authors and meta.get("author") and not meta["author"].startswith("http"):
        md.authors = [" ".join(meta["author"].split())]

    md.published = parse_datetime(article.get("datePublished")) or \
        parse_datetime(meta.get("article:published_time"))
    md.modified = parse_datetime(article.get("dateModified")) or \
        parse_datetime(meta.get("article:modified_time"))

    html = tree.css_first("html")
    lang = html.attributes.get("lang") if html is not None else None
    if lang and _LANG_RE.match(lang.strip()):
        md.language = lang.strip().split("-")[0].split("_")[0].lower()

    canonical = tree.css_first('link[rel="canonical"]')
    href = canonical.attributes.get("href") if canonical is not None else None
    md.url = _clean(href) or _clean(meta.get("og:url"))
    md.description = _clean(meta.get("og:description")) or _clean(meta.get("description"))
    return md
