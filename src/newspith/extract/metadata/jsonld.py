"""JSON-LD as pages really write it: several scripts, ``@graph``, ``@id`` references, trailing
commas, raw newlines in strings, HTML comments around the data, two objects in one script.

:func:`read_json_ld` returns every object (flattened, in page order) and the problems met;
:func:`article_object` picks the one that describes the page's article.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Final

from selectolax.lexbor import LexborNode

__all__ = ["LdData", "read_json_ld", "article_object", "types", "text_value", "resolve"]

# Types that describe an article (or a page that is one); the first with a headline wins.
ARTICLE_TYPES: Final = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "report", "liveblogposting", "socialmediaposting", "posting",
    "discussionforumposting", "medicalwebpage", "advertisercontentarticle", "satiricalarticle",
    "askpublicnewsarticle", "recipe", "howto"})
PAGE_TYPES: Final = frozenset({"webpage", "itempage", "aboutpage", "qapage", "profilepage",
                               "collectionpage", "searchresultspage", "faqpage"})

_TRAILING_COMMA: Final = re.compile(r",\s*([}\]])")
_CONTROL: Final = re.compile(r"[\x00-\x1f]")
_WRAPPER: Final = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|"
                             r"(?:-->|//\s*\]\]>|\]\]>)\s*$")
_NESTED_KEYS: Final = ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart")


@dataclass(slots=True)
class LdData:
    objects: list[dict] = field(default_factory=list)   # every typed object, page order
    by_id: dict[str, dict] = field(default_factory=dict)
    top_types: set[str] = field(default_factory=set)    # of top-level and @graph objects
    problems: list[str] = field(default_factory=list)   # "script 2: trailing commas repaired"


def types(obj: dict) -> set[str]:
    """The object's ``@type`` values, lowercased (``schema:NewsArticle`` → ``newsarticle``)."""
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if isinstance(v, str)}


def text_value(value) -> str | None:
    """A plain string from a JSON-LD value (a string, ``{"@value": ...}`` or a one-item list),
    with HTML entities decoded (many CMSs escape twice) and whitespace collapsed."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if not isinstance(value, str):
        return None
    v = " ".join(html.unescape(html.unescape(value)).split())
    return v or None


def resolve(value, ld: LdData):
    """Replace an ``{"@id": ...}`` reference by the object it names, when the page has it."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        return ld.by_id.get(value["@id"], value)
    return value


def _decode(raw: str) -> tuple[list, str | None]:
    """The JSON values in one script, and what had to be repaired to read them."""
    try:
        return [json.loads(raw)], None
    except (ValueError, RecursionError):
        pass
    text = _WRAPPER.sub("", raw.strip())
    # Raw line breaks inside strings are invalid JSON but common; outside strings they are
    # whitespace anyway, so a space is right in both places.
    text = _CONTROL.sub(" ", text)
    fixed = _TRAILING_COMMA.sub(r"\1", text)
    what = "trailing commas repaired" if fixed != text else "control characters repaired"
    values: list[Any] = []
    decoder, i = json.JSONDecoder(), 0
    while i < len(fixed):
        while i < len(fixed) and fixed[i] in " \t\r\n;,":
            i += 1
        if i >= len(fixed):
            break
        try:
            value, i = decoder.raw_decode(fixed, i)
        except (ValueError, RecursionError):
            return values, ("unreadable JSON, skipped" if not values else
                            "unreadable tail skipped")
        values.append(value)
    if len(values) > 1:
        what = "several JSON values in one script"
    return values, what


def read_json_ld(scripts: list[LexborNode], max_scripts: int, max_objects: int) -> LdData:
    """The objects of the page's ``<script type="application/ld+json">`` elements."""
    ld = LdData()
    for n, node in enumerate(scripts[:max_scripts], 1):
        values, problem = _decode(node.text(deep=True) or "")
        if problem:
            ld.problems.append(f"JSON-LD script {n}: {problem}")
        stack: list[tuple[Any, bool]] = [(v, False) for v in values[::-1]]
        depth_guard = 0
        while stack and len(ld.objects) < max_objects and depth_guard < 10 * max_objects:
            depth_guard += 1
            item, nested = stack.pop()
            if isinstance(item, list):
                stack.extend((x, nested) for x in reversed(item))
                continue
            if not isinstance(item, dict):
                continue
            if "@type" in item:
                ld.objects.append(item)
                if not nested:
                    ld.top_types.update(types(item))
                if isinstance(item.get("@id"), str):
                    ld.by_id.setdefault(item["@id"], item)
            for key in reversed(_NESTED_KEYS):
                inner = item.get(key)
                if isinstance(inner, (dict, list)):
                    stack.append((inner, nested or key != "@graph"))
    return ld


def article_object(ld: LdData) -> dict:
    """The object describing the article: an article type with a headline, then any article
    type, then a web page; ``{}`` when there is none."""
    articles = [o for o in ld.objects if types(o) & ARTICLE_TYPES]
    for o in articles:
        if o.get("headline") or o.get("datePublished"):
            return o
    if articles:
        return articles[0]
    return next((o for o in ld.objects if types(o) & PAGE_TYPES), {})
