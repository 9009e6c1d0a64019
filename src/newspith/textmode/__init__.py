"""Text mode: flattened text (a scraper's dump, a WET record) → the same :class:`Article`.

``clean_text`` is the driver; each phase lives in its own module:

============  ===================================================================================
``segment``   normalise (control characters, line breaks) and cut into segments:
              lines, runs between gaps of spaces, sentences of over-long runs
``classify``  label each segment: prose, title repeat, furniture, byline, dateline, embed, …
``select``    the body: the densest run of prose (maximum subarray), cut at a comment thread
``build``     typed blocks (paragraphs rebuilt, subheads, lists, embeds); mojibake is repaired
              in what is kept, bylines and date lines are read by the metadata parsers
============  ===================================================================================

Time is linear in the input's length; nothing recurses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Final

from newspith.article import Article
from newspith.config import MetadataConfig, TextConfig
from newspith.decode import repair_text
from newspith.extract.metadata.authors import clean_names
from newspith.extract.metadata.when import dates_in_lines
from newspith.errors import InputError, TooLargeError
from newspith.extract.explain import BlockDecision, Explanation
from newspith.extract.render import blocks_text
from newspith.textmode.build import build_blocks
from newspith.textmode.classify import BODY_LABELS, classify, mostly_phrases
from newspith.textmode.segment import Segments, finish, normalise, segment
from newspith.textmode.select import Selection, select_body, title_keys

__all__ = ["clean_text", "explain_text", "TextRun", "run_text"]

_DEFAULT: Final = TextConfig()
_METADATA: Final = MetadataConfig()


@dataclass(frozen=True, slots=True)
class TextRun:
    """One text-mode run with its working state: what :func:`explain_text` reports on."""

    article: Article
    segments: Segments
    selection: Selection | None


def clean_text(text: str, title: str | None = None, url: str | None = None, *,
               config: TextConfig | None = None) -> Article:
    """Turn flattened page text back into the article.

    ``title`` is the page's title when it is known (else the dump's first line is tried);
    ``url`` is carried into the Article. Text without an article gives an Article with empty
    ``text``, ``is_article=False`` and a ``reason``. Raises
    :class:`~newspith.errors.TooLargeError` over ``config.max_chars`` characters and
    :class:`~newspith.errors.InputError` when ``text`` is not a string.
    """
    return run_text(text, title, url, config=config).article


def explain_text(text: str, title: str | None = None, url: str | None = None, *,
                 config: TextConfig | None = None) -> Explanation:
    """Why each segment was kept or dropped, as an :class:`Explanation` (one row a segment)."""
    r = run_text(text, title, url, config=config)
    segs, sel = r.segments, r.selection
    rows = []
    for i, text_i in enumerate(segs.texts):
        rows.append(BlockDecision(index=i, kept=bool(segs.keep and segs.keep[i]),
                                  reason=_reason(segs, sel, i), path=f"segment {i}",
                                  value=segs.values[i] if segs.values else 0.0, text=text_i))
    span = None if sel is None or sel.empty else f"segments {sel.start}-{sel.end}"
    return Explanation(article=r.article, strategy="text" if span else None, container=span,
                       blocks=tuple(rows))


def _reason(segs: Segments, sel: Selection | None, i: int) -> str:
    if i in segs.notes:
        return segs.notes[i]
    label = segs.labels[i] if segs.labels else "unclassified"
    if sel is not None and sel.headline == i:
        return "headline"
    if label in BODY_LABELS and sel is not None and not sel.start <= i <= sel.end:
        return f"{label}, outside the body"
    return label


def run_text(text: str, title: str | None = None, url: str | None = None, *,
             config: TextConfig | None = None) -> TextRun:
    """The text-mode driver: normalise, segment, classify, select, build."""
    config = config or _DEFAULT
    if isinstance(text, (bytes, bytearray)):
        raise InputError("clean_text takes str; decode bytes first (newspith.decode)")
    if not isinstance(text, str):
        raise InputError(f"clean_text takes str, not {type(text).__name__}")
    if len(text) > config.max_chars:
        raise TooLargeError(f"text of {len(text):,} characters is over the limit of "
                            f"{config.max_chars:,} (TextConfig.max_chars)")
    segs = segment(normalise(text), config)
    if not len(segs):
        return TextRun(Article(url=url, title=title, reason="no text"), segs, None)

    given = title.strip() if title else None
    derived = None
    first = segs.texts[0]
    if given is None and len(first) <= 300 and first.count(" ") < 40:
        derived = first  # dumps and WET records open with the page title
    classify(segs, config)
    if derived and (segs.labels[0] != "short" or segs.words[0] < 3 or mostly_phrases(derived)):
        derived = None  # a menu, a share bar or a copyright line, not a title
    if derived:
        segs.labels[0] = "title"
    sel = select_body(segs, config, title_keys(given or derived))
    headline = sel.headline
    kept = [i for i, k in enumerate(segs.keep) if k]
    # Prose measured in characters, a word of a script without spaces counting as six.
    prose = sum(max(segs.chars[i], 6 * segs.words[i]) for i in kept if segs.labels[i] == "prose")
    is_article = prose >= config.min_article_chars
    if not prose:
        for i in kept:
            segs.keep[i] = False
            segs.notes[i] = "no prose in the body"
        headline, kept = None, []
    out = kept + [headline] if headline is not None else kept
    cleaned, repaired = finish([segs.texts[i] for i in out])
    for i, t in zip(out, cleaned):
        segs.texts[i] = t
    blocks = tuple(build_blocks(segs, kept, headline, config))

    authors, published, modified, sources, missing = _byline_and_date(segs, sel, config)
    out_title = segs.texts[headline] if headline is not None else (given or derived)
    if out_title and headline is None:
        out_title = repair_text(out_title)
    if is_article:
        reason = None
    elif "prose" not in segs.labels:
        reason = "no prose in the text: only boilerplate"
    else:
        reason = f"too little prose for an article ({prose} characters)"
    if out_title:
        sources["title"] = "headline" if headline is not None else (
            "given" if given else "first line")
    article = Article(title=out_title, text=blocks_text(blocks), blocks=blocks, authors=authors,
                      published=published, modified=modified, sources=sources, missing=missing,
                      url=url, page_type="article" if is_article else None,
                      is_article=is_article, reason=reason, repaired=repaired)
    return TextRun(article, segs, sel)


def _byline_and_date(segs: Segments, sel: Selection, config: TextConfig):
    """Authors, dates and their provenance from the bylines and datelines near (or in) the body,
    read by the same parsers as HTML metadata (:mod:`newspith.extract.metadata`)."""
    top = sel.start if not sel.empty else len(segs)
    end = sel.end + 1 if not sel.empty else top
    bylines, datelines = [], []
    for i in range(max(0, top - config.headline_lookback), min(end, len(segs))):
        lab = segs.labels[i]
        if lab == "byline":
            bylines.append(segs.texts[i])
        elif lab == "dateline":
            datelines.append(segs.texts[i])
    authors: list[str] = []
    for line in bylines:
        authors = clean_names(line, _METADATA, strict=True)
        if authors:
            break
    published = modified = None
    missing: dict[str, str] = {}
    if datelines or bylines:
        (published, _, why_p), (modified, _, why_m) = dates_in_lines(
            datelines + bylines, None, datetime.now(timezone.utc), _METADATA)
        if published is None:
            missing["published"] = why_p or "no date in the date lines"
    else:
        missing["published"] = "no date line near the body"
    if not authors:
        missing["authors"] = "no byline near the body" if not bylines else \
            "the byline names no person for sure"
    sources = {k: v for k, v in (("authors", "byline" if authors else None),
                                 ("published", "text" if published else None),
                                 ("modified", "text" if modified else None)) if v}
    return authors, published, modified, sources, missing
