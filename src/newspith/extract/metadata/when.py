"""Published and modified dates, from the most trusted source that gives one:

1. JSON-LD (``datePublished``/``dateModified`` of the article object, then of any object);
2. ``<meta>``: OpenGraph and ``article:*``, then Dublin Core, Parse.ly and the rest;
3. ``<time datetime>`` and microdata ``datePublished`` in the article (not in comments, teasers
   or other furniture: their dates belong to something else);
4. the URL (``/2019/03/05/``);
5. visible date lines ("Published March 5, 2019", "October 3, 2024") in the short text blocks
   around the headline, read once the body is known (:func:`dates_in_lines`).

Never a date in the future of the capture or from a script; an ambiguous or relative date is
left out with the reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from newspith.config import MetadataConfig
from newspith.extract.metadata.dates import (
    date_from_url, numeric_order, order_evidence, parse_human, parse_machine, refusal)
from newspith.extract.metadata.jsonld import text_value
from newspith.extract.metadata.page import PageFacts, elsewhere, meta_source
from newspith.extract.metadata.vocab import PUBLISHED_LINE, UPDATED_LINE

__all__ = ["Dated", "find_dates", "dates_in_lines"]

PUBLISHED_META: Final = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "article:published", "itemprop:datepublished", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "publication_date", "article.published",
    "article_date_original",
    "original-publish-date", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "dc.date.created", "citation_publication_date", "citation_date", "date", "og:pubdate",
    "release_date", "displaydate", "created")
MODIFIED_META: Final = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "article:modified",
    "itemprop:datemodified", "datemodified", "dcterms.modified", "dc.date.modified",
    "last-modified", "lastmod", "revised")

Dated = tuple[datetime | None, str | None, str | None]  # value, provenance, why empty


class _Finder:
    def __init__(self, now: datetime, config: MetadataConfig) -> None:
        self.now, self.config = now, config
        self.problems: list[str] = []

    def ok(self, dt: datetime | None, where: str) -> datetime | None:
        if dt is None:
            return None
        why = refusal(dt, self.now, self.config.future_tolerance_hours, self.config.min_year)
        if why:
            self.problems.append(f"{where}: {why}")
            return None
        return dt


def find_dates(facts: PageFacts, ld_article: dict, url: str | None,
               now: datetime, config: MetadataConfig) -> tuple[Dated, Dated]:
    """``(published, modified)``, each ``(value, provenance, why-empty)``."""
    f = _Finder(now, config)
    published = _declared(f, facts, ld_article, "datePublished", PUBLISHED_META)
    modified = _declared(f, facts, ld_article, "dateModified", MODIFIED_META)
    if published is None:
        published = _time_elements(f, facts, config)
    if published is None:
        dt = f.ok(date_from_url(url), "url")
        published = (dt, "url") if dt else None
    why = "; ".join(dict.fromkeys(f.problems)) or "the page states no date"
    return ((*published, None) if published else (None, None, why),
            (*modified, None) if modified else (None, None, "the page states no update date"))


def _declared(f: _Finder, facts: PageFacts, ld_article: dict, ld_key: str,
              meta_keys: tuple[str, ...]) -> tuple[datetime, str] | None:
    values = [ld_article.get(ld_key)]
    if ld_key == "datePublished":
        values.append(ld_article.get("dateCreated"))
    values += [o.get(ld_key) for o in facts.ld.objects if o is not ld_article]
    for v in values:
        dt = f.ok(parse_machine(text_value(v)), "JSON-LD")
        if dt:
            return dt, "json-ld"
    for key in meta_keys:
        for raw in facts.meta.get(key, ()):
            dt = f.ok(parse_machine(raw), f"<meta {key}>")
            if dt:
                return dt, meta_source(key)
    return None


def _time_elements(f: _Finder, facts: PageFacts, config: MetadataConfig
                   ) -> tuple[datetime, str] | None:
    nodes = facts.date_nodes[: config.max_candidates]
    first: tuple[datetime, str] | None = None
    for node in nodes:
        attrs = node.attributes
        if node.tag == "meta" or elsewhere(node):
            continue
        hint = f"{attrs.get('class') or ''} {attrs.get('itemprop') or ''}".lower()
        if "modif" in hint or "updat" in hint:
            continue
        raw = attrs.get("datetime") or attrs.get("content")
        dt = f.ok(parse_machine(raw), "<time>")
        if dt is None:
            continue
        src = "itemprop" if node.tag != "time" else "time-element"
        if "publish" in hint or "pubdate" in attrs or "datepublished" in hint:
            return dt, src
        first = first or (dt, src)
    return first


def dates_in_lines(lines: list[str], lang_tag: str | None, now: datetime,
                   config: MetadataConfig) -> tuple[Dated, Dated]:
    """Published and modified dates from visible date lines, nearest the headline first
    ("Published March 5, 2019", "October 3, 2024", "23.07.2025 · 6 min read")."""
    f = _Finder(now, config)
    texts = [t for t in lines if t and len(t) <= config.max_date_line_chars]
    order = numeric_order(lang_tag) or order_evidence(texts)
    published = modified = None
    for text in texts:
        dt, problem = parse_human(text, order)
        if problem:
            f.problems.append(problem)
        dt = f.ok(dt, "date line")
        if dt is None:
            continue
        update = UPDATED_LINE.search(text)
        if update and not PUBLISHED_LINE.search(text):
            # "August 16, 2019 - Updated July 9, 2025": a date before the word is the original.
            before, _ = parse_human(text[:update.start()], order)
            if before is not None and f.ok(before, "date line"):
                published = published or before
                later, _ = parse_human(text[update.end():], order)
                dt = f.ok(later, "date line") or dt
            modified = modified or dt
        else:
            published = published or dt
        if published and modified:
            break
    why = "; ".join(dict.fromkeys(f.problems)) or "the page states no date"
    return ((published, "text", None) if published else (None, None, why),
            (modified, "text", None) if modified else (None, None, "the page states no update "
                                                                   "date"))
