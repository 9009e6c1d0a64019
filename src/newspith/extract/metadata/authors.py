"""Authors: people, in page order, from JSON-LD, ``<meta>``, microdata, ``rel=author`` and
visible bylines, in that order of trust; the first source that names a person wins.

A byline's text is cleaned ("By", roles, dates, e-mail links, "Staff", the site's name go) and
split ("A, B and C"). A candidate that does not look like a person's name is dropped: fewer
authors is better than wrong ones.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborNode

from newspith.config import MetadataConfig
from newspith.extract.metadata.dates import MONTH_WORD, is_month
from newspith.extract.metadata.jsonld import LdData, resolve, text_value, types
from newspith.extract.metadata.page import PageFacts, compact, elsewhere, node_text
from newspith.extract.metadata.title import is_site_name
from newspith.extract.metadata.vocab import (
    AUTHOR_HREF, BYLINE_CLASS, BYLINE_PREFIX, NAME_SEPARATOR, NOT_A_NAME, NOT_AUTHOR_CREDIT,
    NOT_BYLINE_CLASS, ORG_MARKERS, ORG_WORDS, ROLE_WORDS, WEEKDAY)

__all__ = ["find_authors", "clean_names"]

_ORG_TYPES: Final = {"organization", "newsmediaorganization", "corporation", "website", "brand",
                     "educationalorganization", "governmentorganization", "localbusiness"}
_EMAIL: Final = re.compile(r"\S+@\S+\.\S+")
_HANDLE: Final = re.compile(r"(?:^|\s)@\w+")
_PARENS: Final = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_DIGITS: Final = re.compile(r"\d")
_USERNAME: Final = re.compile(r"^(?=.*[a-zA-Z])[\w.\-]{3,30}$")
_MONTH_DAY: Final = re.compile(rf"\b({MONTH_WORD})\.?\s+\d", re.I)
# Dublin Core first: a page that states it took care to (Readability.js's order too).
_META_KEYS: Final = ("dc:creator", "dc.creator", "dcterms.creator", "dcterm:creator", "author",
                     "article:author", "parsely-author", "sailthru.author", "citation_author",
                     "byl", "itemprop:author", "cxenseparse:author")


def _month_day(line: str) -> re.Match | None:
    """The first "March 5" or "Dec. 22" of a line."""
    return next((m for m in _MONTH_DAY.finditer(line) if is_month(m[1])), None)


def _plausible(name: str, config: MetadataConfig) -> bool:
    words = name.split()
    if not words or len(words) > config.max_name_words or len(name) > config.max_name_chars:
        return False
    if _DIGITS.search(name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2:
        return False
    if all(ch.isascii() for ch in letters):
        # Latin-script names start with a capital ("Jane Doe", "JOE HILDEBRAND", "JosephF").
        return words[0][0].isupper() or words[0][0] in "'’"
    return True


def _personal(name: str) -> bool:
    """A person's name ("Haki Benita"), not an organization's ("BBC News", "Swoogo")."""
    words = name.split()
    return 2 <= len(words) <= 4 and not any(w.casefold() in ORG_WORDS for w in words) \
        and all(w[:1].isupper() for w in words if len(w) > 3)


def _organization(name: str) -> bool:
    words = name.casefold().split()
    return words[0] in ("the", "der", "die", "das") or any(w in ORG_MARKERS for w in words)


def _strip_site_tail(name: str, site: list[str] | None) -> str:
    """"Gabriel Peal OpenAI": a byline's last words naming the site are not part of the name."""
    words = name.split()
    for k in (3, 2, 1):
        if site and len(words) > k + 1 and compact(" ".join(words[-k:])) in site:
            return " ".join(words[:-k])
    return name


def _cased(name: str) -> bool:
    return any(ch.isupper() for ch in name)


def _strip_roles(name: str) -> str:
    """Drop role words at either end ("Senior Reporter Jane Doe", "Jane Doe Staff Writer")."""
    words = name.split()
    def role(word: str) -> bool:
        return word.casefold().strip(".,:").replace(".", "") in ROLE_WORDS

    while words and role(words[-1]):
        words.pop()
    while words and role(words[0]):
        words.pop(0)
    return " ".join(words)


def clean_names(text: str, config: MetadataConfig, site: list[str] | None = None,
                strict: bool = False, explicit: bool = False) -> list[str]:
    """The people named in a byline string, in order, cleaned; ``[]`` when none is sure.

    ``strict`` (visible bylines): a name in a script without capitals (CJK, Arabic, ...) is
    taken only when it is the whole line, since nothing else tells it from a label.
    ``explicit`` (JSON-LD, ``<meta>``, microdata: the page says this is the author): a user name
    ("pippin06") is a name, and a person's name that is also the site's name (a personal blog)
    is kept; an organization's is not."""
    out: list[str] = []
    for line in re.split(r"[\n\r]+", text):
        line = _EMAIL.sub(" ", _HANDLE.sub(" ", _PARENS.sub(" ", line)))
        line = BYLINE_PREFIX.sub("", NOT_AUTHOR_CREDIT.sub("", " ".join(line.split())))
        m = WEEKDAY.search(line) or _month_day(line) or (
            None if explicit and _USERNAME.match(line) else _DIGITS.search(line))
        if m:
            line = line[:m.start()]  # "Lucas Nolan 22 Dec 2016": the date ends the names
        parts = NAME_SEPARATOR.split(line)
        for part in parts:
            whole = BYLINE_PREFIX.sub("", part.strip(" .,:;-–—|")).strip(" .,:;-–—|")
            name = _strip_site_tail(_strip_roles(whole), site).strip(" .,:;-–—|")
            if not name or (len(name.split()) == 1 < len(whole.split())):
                continue  # "BBC News", "Jane Editor": a role was most of it
            if any(w.casefold() in {"staff", "team", "desk", "redaktion", "rédaction"}
                   for w in name.split()):
                continue
            if site and any(is_site_name(x, site) for x in (whole, name)) and not (
                    explicit and _personal(whole)):
                continue
            if strict and not _cased(name) and (len(parts) > 1 or name != line.strip()):
                continue
            if NOT_A_NAME.search(name) or _organization(name):
                continue
            ok = _plausible(name, config) or (explicit and bool(_USERNAME.match(name)))
            if ok and compact(name) not in {compact(n) for n in out}:
                out.append(name)
    return out[: config.max_authors]


def _ld_names(value, ld: LdData) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for it in items:
        it = resolve(it, ld)
        if isinstance(it, dict):
            if types(it) & _ORG_TYPES:
                continue
            name = text_value(it.get("name"))
            if not name and (it.get("givenName") or it.get("familyName")):
                name = " ".join(str(x) for x in (it.get("givenName"), it.get("familyName")) if x)
            it = name
        if isinstance(it, str) and it.strip() and not it.strip().startswith("http"):
            names.append(it)
    return names


def _byline_nodes(facts: PageFacts, config: MetadataConfig) -> list[tuple[LexborNode, str]]:
    """Elements that may hold a byline, with their provenance name."""
    out: list[tuple[LexborNode, str]] = []
    for node in facts.byline_nodes:
        attrs = node.attributes
        if "author" in (attrs.get("itemprop") or "") or "creator" in (attrs.get("itemprop") or ""):
            out.append((node, "itemprop"))
        elif node.tag == "a" and "author" in (attrs.get("rel") or "").split():
            out.append((node, "rel-author"))
        else:
            hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
            if BYLINE_CLASS.search(hint) and not NOT_BYLINE_CLASS.search(hint):
                out.append((node, "byline"))
        if len(out) >= config.max_candidates:
            break
    # Explicit markup first (microdata, then rel=author), then class-named bylines; page order
    # within each.
    rank = {"itemprop": 0, "rel-author": 1, "byline": 2}
    return sorted(out, key=lambda pair: rank[pair[1]])


def _node_names(node: LexborNode, src: str, config: MetadataConfig, site: list[str]
                ) -> tuple[list[str], str]:
    """Names in one byline element: its links' texts when it links to its authors (the rest is
    roles and dates), else its text."""
    if src == "itemprop":
        inner = node.css_first('[itemprop~="name"]')
        if inner is not None:
            text = node_text(inner)
        else:
            text = node.attributes.get("content") or node_text(node)
        return clean_names(text, config, site, strict=True, explicit=True), text
    text = node_text(node)
    if len(text) > config.max_byline_chars:
        return [], text
    links = [node_text(a) for a in node.css("a") if _author_link(a)] if node.tag != "a" else []
    if links:
        names = [n for t in links for n in clean_names(t, config, site, strict=True)]
        if names:
            return _dedupe(names, config), text
    return clean_names(text, config, site, strict=True), text


def _author_link(a: LexborNode) -> bool:
    attrs = a.attributes
    hint = f"{attrs.get('class') or ''} {attrs.get('rel') or ''} {attrs.get('itemprop') or ''}"
    return bool(AUTHOR_HREF.search(attrs.get("href") or "") or BYLINE_CLASS.search(hint))


def find_authors(facts: PageFacts, ld_article: dict, site: list[str],
                 config: MetadataConfig) -> tuple[list[str], str | None, str | None]:
    """``(names, provenance, why-empty)``."""
    why = None
    if ld_article.get("author") or ld_article.get("creator"):
        raw = _ld_names(ld_article.get("author") or ld_article.get("creator"), facts.ld)
        names = [n for r in raw for n in clean_names(r, config, site, explicit=True)]
        if names:
            return _dedupe(names, config), "json-ld", None
        why = "the JSON-LD author is an organization or not a person's name"
    for key in _META_KEYS:
        # Every value of the key: citation_author and dc.creator come one tag per author.
        names, src = [], None
        for value, src in facts.all(key):
            if not value.startswith("http"):
                names += clean_names(value, config, site, explicit=True)
        if names:
            return _dedupe(names, config), src, None
    for node, src in _byline_nodes(facts, config):
        if elsewhere(node):
            continue
        names, text = _node_names(node, src, config, site)
        if names:
            return names, src, None
        if text:
            why = why or f"byline {text[:60]!r} names no person"
    return [], None, why or "the page names no author"


def _dedupe(names: list[str], config: MetadataConfig) -> list[str]:
    out: list[str] = []
    for n in names:
        if compact(n) not in {compact(o) for o in out}:
            out.append(n)
    return out[: config.max_authors]
