"""Article metadata, each field with where it came from.

:func:`read_metadata` reads the parsed page once (``page``: meta tags and JSON-LD; ``title``,
``authors``, ``when`` for dates, ``language``) and returns a :class:`Metadata` whose ``sources``
names the provenance of every field it filled and whose ``missing`` says why each empty field
is empty. Once the body is known, :func:`finish_metadata` reads the date lines around the
headline (:func:`date_lines`) and checks the declared language against the body text.

Provenance names: ``json-ld``, ``meta:og``, ``meta:article``, ``meta:twitter``, ``meta:dc``,
``meta:parsely``, ``meta:name``, ``itemprop``, ``title-element``, ``h1``, ``byline``,
``rel-author``, ``time-element``, ``url``, ``text``, ``html-lang``, ``language-id``,
``function-words``, ``link:canonical``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from newspith.config import MetadataConfig
from newspith.extract.metadata import language as _language
from newspith.extract.metadata.authors import find_authors
from newspith.extract.metadata.dates import parse_machine
from newspith.extract.metadata.jsonld import article_object, text_value, types
from newspith.extract.metadata.page import PageFacts, clean, compact, read_page
from newspith.extract.metadata.title import choose_title, site_names, strip_site
from newspith.extract.metadata.when import dates_in_lines, find_dates

__all__ = ["Metadata", "read_metadata", "finish_metadata", "date_lines", "settle_language",
           "parse_datetime"]

_DEFAULT = MetadataConfig()
FIELDS = ("title", "authors", "published", "modified", "site_name", "language", "url",
          "description", "image", "tags")


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
    image: str | None = None
    tags: tuple[str, ...] = ()
    ld_types: frozenset[str] = frozenset()  # JSON-LD @types of top-level and @graph objects
    og_type: str | None = None
    sources: dict[str, str] = field(default_factory=dict)   # field → provenance name
    missing: dict[str, str] = field(default_factory=dict)   # empty field → why
    problems: tuple[str, ...] = ()                          # malformed markup met on the way
    declared_language: str | None = None                    # before the text check

    def declares(self, name: str) -> bool:
        """True when the field came from the page's machine-readable declarations (JSON-LD or
        ``<meta>``), not from its visible text: the page-type classifier's evidence."""
        source = self.sources.get(name, "")
        return source == "json-ld" or source.startswith("meta:")

    def set(self, name: str, value, source: str | None, why: str | None = None) -> None:
        if value:
            setattr(self, name, value)
            if source:
                self.sources[name] = source
        else:
            self.missing[name] = why or "not stated on the page"


def parse_datetime(value: str | None, now: datetime | None = None) -> datetime | None:
    """A machine-readable date (ISO 8601, RFC 2822) or ``None``; dates in the future refused."""
    from newspith.extract.metadata.dates import refusal

    dt = parse_machine(value)
    if dt is None:
        return None
    now = now or datetime.now(timezone.utc)
    return None if refusal(dt, now, _DEFAULT.future_tolerance_hours, _DEFAULT.min_year) else dt


def read_metadata(tree: LexborHTMLParser, url: str | None = None,
                  config: MetadataConfig | None = None, now: datetime | None = None) -> Metadata:
    """Every metadata field the page states, with provenance (see the module docstring).

    ``now`` is the capture time (dates after it are refused); the current time by default.
    """
    config = config or _DEFAULT
    now = now or datetime.now(timezone.utc)
    facts = read_page(tree, url, config)
    md = Metadata(problems=tuple(facts.ld.problems))
    md.ld_types = frozenset(facts.ld.top_types)
    md.og_type, _ = facts.first("og:type")
    article = article_object(facts.ld)

    site, src = _site_name(facts, article)
    md.set("site_name", site, src)
    title, src = choose_title(facts, article, md.site_name)
    md.set("title", title, src, "no headline, title or <h1> on the page")
    names = site_names(facts, md.site_name)
    authors, src, why = find_authors(facts, article, names, config)
    md.set("authors", authors, src, why)
    if md.title and authors and md.sources.get("title") != "h1":
        # "Headline | Jane Doe": the author's name is not part of the headline either.
        md.title = strip_site(md.title, [compact(a) for a in authors])
    (pub, psrc, pwhy), (mod, msrc, mwhy) = find_dates(facts, article, url, now, config)
    md.set("published", pub, psrc, pwhy)
    md.set("modified", mod, msrc, mwhy)

    code, tag, src = _language.declared_language(facts)
    md.declared_language = tag
    md.set("language", code, src, "no language declared (checked against the text later)")
    canonical, src = _canonical(facts, article)
    if canonical is None and url:
        canonical, src = url, "input"  # the URL the caller gave
    md.set("url", urljoin(url, canonical) if url and canonical else canonical, src)
    desc, src = _description(facts, article, config)
    md.set("description", desc, src)
    image, src = _image(facts, article)
    md.set("image", urljoin(url, image) if url and image else image, src)
    tags, src = _tags(facts, article, config)
    md.set("tags", tags, src)
    if md.problems:
        # Malformed JSON-LD may be why a field is empty: say so next to the field.
        for name in ("title", "authors", "published", "modified", "site_name"):
            if name in md.missing:
                md.missing[name] += " (" + "; ".join(md.problems) + ")"
    return md


def finish_metadata(md: Metadata, lines: list[str], text: str, now: datetime | None = None,
                    config: MetadataConfig | None = None, page_type: str | None = None) -> None:
    """What needs the body: dates from the visible lines around the headline (``lines``, in
    page order) when the page declares none, and the language checked against the body
    ``text``. On a page of ``page_type`` listing, collection, product or service, bylines seen
    in the page are its items' (a listing's teasers), not the page's: only declared authors
    stay."""
    config = config or _DEFAULT
    if page_type in config.no_visible_authors_on and md.authors and not md.declares("authors"):
        md.authors = []
        md.sources.pop("authors", None)
        md.missing["authors"] = (f"a {page_type} page: the bylines on it belong to the items "
                                 "it shows")
    if md.published is None or md.modified is None:
        (pub, psrc, pwhy), (mod, msrc, _) = dates_in_lines(
            lines, md.declared_language, now or datetime.now(timezone.utc), config)
        if md.published is None:
            if pub:
                md.missing.pop("published", None)
                md.set("published", pub, psrc)
            elif pwhy and pwhy != "the page states no date" and "no date" in md.missing.get("published", ""):
                md.missing["published"] = pwhy
        if md.modified is None and mod:
            md.missing.pop("modified", None)
            md.set("modified", mod, msrc)
    source = md.sources.get("modified", "")
    if md.published is None and md.modified is not None and \
            source in config.published_from_modified:
        # The page says only when it was updated: that is the date its readers see.
        md.missing.pop("published", None)
        md.set("published", md.modified, f"{source} (modified)")
    settle_language(md, text, config)


def date_lines(blocks, first: int, title: str | None, config: MetadataConfig | None = None,
               last: int | None = None) -> list[str]:
    """The short text blocks around the headline and around the body's first block (index
    ``first``), then just after the body's last block (index ``last``): where pages write their
    date lines. Blocks in reader comments are left out. ``blocks`` are
    the body pass's candidate blocks in page order (``.text``, ``.chars``, ``.owner.comment``)."""
    config = config or _DEFAULT
    key, size = compact(title), len(title or "")
    # Only blocks of about the title's length are compared (compacting every block is slow).
    head = next((i for i, b in enumerate(blocks) if key and abs(b.chars - size) <= 0.2 * size + 5
                 and compact(b.text) == key), None)
    picked: dict[int, None] = {}
    for centre in sorted({first} if head is None else {head, first}):
        lo = max(0, centre - config.date_window_before)
        picked.update(dict.fromkeys(range(lo, min(len(blocks), centre + config.date_window_after
                                                  + 1))))
    if last is not None:
        # Then the lines just after the body ("Posted on ..." under a blog post), if not seen.
        tail = range(max(0, last - 1), min(len(blocks), last + config.date_window_tail + 1))
        picked.update((i, None) for i in tail if i not in picked)
    return [blocks[i].text for i in picked
            if blocks[i].chars <= config.max_date_line_chars and not blocks[i].owner.comment]


def settle_language(md: Metadata, text: str, config: MetadataConfig | None = None) -> None:
    """Check the declared language against ``text`` (the body, else title and description)."""
    config = config or _DEFAULT
    sample = text if len(text) >= config.lang_min_chars else " ".join(
        x for x in (md.title, md.description, text) if x)
    code, src, note = _language.settle(md.language, md.sources.get("language"), sample, config)
    md.missing.pop("language", None)
    md.sources.pop("language", None)
    md.language = None
    md.set("language", code, src, note)
    if code and note:
        md.sources["language"] = f"{src} ({note})"


def _site_name(facts: PageFacts, article: dict) -> tuple[str | None, str | None]:
    v, src = facts.first("og:site_name")
    if v:
        return v, src
    pub = article.get("publisher")
    if isinstance(pub, list) and pub:
        pub = pub[0]
    name = text_value(pub) if isinstance(pub, (dict, str)) else None
    if name:
        return name, "json-ld"
    for o in facts.ld.objects:
        if types(o) & {"website"} and text_value(o.get("name")):
            return text_value(o.get("name")), "json-ld"
    return facts.first("application-name")


def _canonical(facts: PageFacts, article: dict) -> tuple[str | None, str | None]:
    if facts.canonical:
        return facts.canonical, "link:canonical"
    v, src = facts.first("og:url")
    if v:
        return v, src
    main = article.get("mainEntityOfPage")
    ref = main.get("@id") if isinstance(main, dict) else main
    if isinstance(ref, str) and ref.startswith("http"):
        return ref, "json-ld"
    url = article.get("url")
    return (url, "json-ld") if isinstance(url, str) and url.startswith("http") else (None, None)


def _description(facts: PageFacts, article: dict, config: MetadataConfig):
    v, src = facts.first("og:description", "description", "twitter:description",
                         "dc.description")
    if not v:
        v, src = text_value(article.get("description")), "json-ld"
    if v and len(v) > config.max_description_chars:
        v = v[: config.max_description_chars].rsplit(" ", 1)[0] + "…"
    return (v, src) if v else (None, None)


def _image(facts: PageFacts, article: dict) -> tuple[str | None, str | None]:
    v, src = facts.first("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                         "twitter:image:src", "itemprop:image")
    if v:
        return v, src
    img = article.get("image")
    if isinstance(img, list) and img:
        img = img[0]
    if isinstance(img, dict):
        img = img.get("url") or img.get("contentUrl")
    return (clean(img), "json-ld") if isinstance(img, str) and clean(img) else (None, None)


def _tags(facts: PageFacts, article: dict, config: MetadataConfig):
    found = facts.all("article:tag")
    src = "meta:article"
    if not found:
        kw = article.get("keywords")
        items = kw if isinstance(kw, list) else [kw] if isinstance(kw, str) else []
        found, src = [(x, "json-ld") for i in items if isinstance(i, str)
                      for x in i.split(",")], "json-ld"
    if not found:
        found = [(x, s) for v, s in facts.all("news_keywords", "keywords") for x in v.split(",")]
        src = "meta:name"
    tags: list[str] = []
    for value, _ in found:
        t = clean(value)
        if t and len(t) <= 80 and t.casefold() not in {x.casefold() for x in tags}:
            tags.append(t)
    return tuple(tags[: config.max_tags]), src
