"""The headline: the page's visible ``<h1>`` when a declared title confirms it, else the
declared title (JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``) without the
site name in front or behind ("... - WSJ", "BBC News | ...").

The site name is recognised by what the page says of itself (``og:site_name``, the JSON-LD
publisher, ``application-name``) and by the URL's host ("WSJ" on wsj.com).
"""

from __future__ import annotations

import re
from typing import Final

from newspith.extract.metadata.page import PageFacts, compact

__all__ = ["choose_title", "site_names", "is_site_name", "strip_site"]

_SEPARATOR: Final = re.compile(r"(\s+[|\-–—·•»:~/]{1,2}\s+|\s*[｜|]\s*|\s+::\s+)")
_SMALL_WORDS: Final = {"and", "of", "the", "for", "&", "de", "la", "le", "du", "des", "der", "die",
                       "und", "y", "e", "et", "in", "on", "a", "an"}
_GENERIC_HOST: Final = {"www", "com", "org", "net", "co", "uk", "de", "fr", "news", "blog", "m",
                        "amp", "edu", "gov", "io", "info", "es", "it"}


def site_names(facts: PageFacts, site_name: str | None) -> list[str]:
    """Compacted names the site goes by: declared names and the labels of the URL's host."""
    names = [site_name] if site_name else []
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title",
                "al:ios:app_name", "twitter:site"):
        names += [v.lstrip("@") for v in facts.meta.get(key, ())]
    for o in facts.ld.objects:
        pub = o.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            names.append(pub["name"])
        t = o.get("@type")
        if t in ("WebSite", "Organization", "NewsMediaOrganization") and isinstance(
                o.get("name"), str):
            names.append(o["name"])
    out = [c for c in (compact(n) for n in names) if len(c) >= 2]
    # "WFA" for World Future Awards: initials of a declared multi-word name.
    out += [i for i in (_initials(n) for n in names if n) if len(i) >= 3]
    labels = [lab for lab in facts.host.split(".") if lab and lab not in _GENERIC_HOST]
    out += [compact(lab) for lab in labels if len(compact(lab)) >= 2]
    return list(dict.fromkeys(out))


def _initials(name: str) -> str:
    words = [w for w in name.split() if w.casefold() not in _SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isalnum()).casefold() if len(words) >= 3 else ""


def is_site_name(segment: str, names: list[str]) -> bool:
    c = compact(segment)
    if not c:
        return True
    initials = _initials(segment)
    if initials and initials in names:
        return True  # "Occupational Safety and Health Administration" on osha.gov
    for n in names:
        if c == n or (len(c) >= 3 and (c in n or n in c) and
                      min(len(c), len(n)) >= 0.5 * max(len(c), len(n))):
            return True
        if len(n) >= 3 and c.startswith(n) and len(segment.split()) <= 4:
            return True  # "BBC News" on bbc.co.uk, "Mozilla Hacks – the Web developer blog"
    return False


def strip_site(title: str, names: list[str]) -> str:
    """Remove site-name segments at the end, then at the start of a declared title."""
    parts = _SEPARATOR.split(title)
    segs, seps = parts[0::2], parts[1::2]
    if len(segs) < 2:
        return title
    changed = True
    while changed and len(segs) > 1:
        changed = False
        if is_site_name(segs[-1], names):
            segs, seps, changed = segs[:-1], seps[:-1], True
        elif is_site_name(segs[0], names):
            segs, seps, changed = segs[1:], seps[1:], True
    out = segs[0]
    for sep, seg in zip(seps, segs[1:]):
        out += sep + seg
    return out.strip() or title


def _matches(h1: str, declared: str) -> bool:
    """The visible headline and a declared title name the same thing (one holds the other, or
    most of their words are shared)."""
    a, b = compact(h1), compact(declared)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.5 * len(long_) and len(short) >= 8:
        return True
    wa, wb = set(h1.casefold().split()), set(declared.casefold().split())
    return len(wa & wb) >= 0.75 * max(len(wa), len(wb)) and len(wa) >= 3


def choose_title(facts: PageFacts, ld_article: dict, site_name: str | None
                 ) -> tuple[str | None, str | None]:
    """The title and its provenance name."""
    from newspith.extract.metadata.jsonld import text_value

    names = site_names(facts, site_name)
    declared: list[tuple[str, str]] = []
    headline = text_value(ld_article.get("headline")) or text_value(ld_article.get("name"))
    if headline:
        declared.append((headline, "json-ld"))
    for key in ("og:title", "twitter:title", "itemprop:headline", "dc.title", "parsely-title",
                "title", "sailthru.title"):
        v, src = facts.first(key)
        if v:
            declared.append((v, src or ""))
    if facts.title_tag:
        declared.append((facts.title_tag, "title-element"))
    stripped = [(strip_site(t, names), src) for t, src in declared]
    h1s = [h for h in facts.h1s if not is_site_name(h, names)]
    for h in h1s:
        h = strip_site(h, names)  # some sites put their name in the <h1> too
        for (t, src), (full, _) in zip(stripped, declared):
            if compact(h) == compact(t) and h != t:
                return t, src
        if any(_matches(h, t) or _matches(h, full)
               for (t, _), (full, _) in zip(stripped, declared)):
            return h, "h1"
    if stripped:
        return stripped[0]
    if h1s:
        return strip_site(h1s[0], names), "h1"
    return None, None
