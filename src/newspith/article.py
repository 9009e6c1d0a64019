"""The typed, frozen result that flows through everything: :class:`Article` made of :class:`Block`s."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from newspith.pickling import as_constructor_call
from newspith.slotinit import fast_init, fast_new

__all__ = ["Article", "Block", "BlockKind"]


class BlockKind(str, Enum):
    """What a body block is. The values are the strings used in ``to_dict()``."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"
    TABLE = "table"
    CAPTION = "caption"
    EMBED = "embed"  # an embedded post (a tweet or similar)
    CODE = "code"


@fast_init
@dataclass(frozen=True, slots=True)
class Block:
    """One typed piece of the article body.

    ``text`` is always the block's plain text. Structured kinds carry more:
    a heading its ``level`` (1-6), a list its ``items`` (and ``ordered``), a table its ``rows``
    (tuples of cell texts, the first row a header when ``header`` is true), an embed its ``url``
    and ``author``.
    """

    kind: BlockKind
    text: str
    level: int | None = None
    items: tuple[str, ...] = ()
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False
    url: str | None = None
    author: str | None = None

    __reduce__ = as_constructor_call

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind.value, "text": self.text}
        if self.level is not None:
            d["level"] = self.level
        if self.items:
            d["items"] = list(self.items)
            d["ordered"] = self.ordered
        if self.rows:
            d["rows"] = [list(r) for r in self.rows]
            d["header"] = self.header
        if self.url is not None:
            d["url"] = self.url
        if self.author is not None:
            d["author"] = self.author
        return d


#: ``Block(...)`` without the class call (for newspith's own loops that make many blocks).
new_block = fast_new(Block)


@fast_init
@dataclass(frozen=True, slots=True)
class Article:
    """An extracted article. Fields newspith could not find are ``None`` or empty, never invented.

    ``comments`` holds reader comments, one text per comment, apart from the body.
    ``blocks`` (and so ``text``) open with the headline as a heading block when the page shows
    one next to the body; ``title`` is the headline alone, without the site's name.

    ``page_type`` is one of ``article``, ``forum``, ``product``, ``collection``, ``listing``,
    ``documentation``, ``service``; ``is_article`` is false when the page is not an article or
    holds too little of one (then ``reason`` says why), and ``text`` is still the page's main
    content (a forum's posts, a product's description, a listing's items).
    ``encoding`` names the charset the bytes were decoded with (``None`` for ``str`` input) and
    ``encoding_source`` where it came from (``"http"``, ``"bom"``, ``"meta"``, ``"utf-8"``,
    ``"detected"``); ``repaired`` is true when mojibake was repaired in the output text.

    Metadata: ``published``/``modified`` are tz-aware when the page gives the zone; ``language``
    is ISO 639-1; ``image`` is the lead image's URL; ``tags`` the page's keywords. ``sources``
    names where each filled metadata field came from (``"json-ld"``, ``"meta:og"``,
    ``"meta:article"``, ``"h1"``, ``"byline"``, ``"time-element"``, ``"url"``, ``"text"``,
    ``"html-lang"``, ``"language-id"``, ...); ``missing`` says why each empty one is empty.
    """

    title: str | None = None
    text: str = ""
    blocks: tuple[Block, ...] = ()
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    description: str | None = None
    comments: tuple[str, ...] = ()
    page_type: str | None = None
    is_article: bool = False
    reason: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None
    repaired: bool = False
    image: str | None = None
    tags: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)

    __reduce__ = as_constructor_call

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (datetimes as ISO 8601 strings, blocks as dicts)."""
        return {
            "title": self.title,
            "text": self.text,
            "blocks": [b.to_dict() for b in self.blocks],
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "modified": self.modified.isoformat() if self.modified else None,
            "site_name": self.site_name,
            "language": self.language,
            "url": self.url,
            "description": self.description,
            "comments": list(self.comments),
            "page_type": self.page_type,
            "is_article": self.is_article,
            "reason": self.reason,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "repaired": self.repaired,
            "image": self.image,
            "tags": list(self.tags),
            "sources": dict(self.sources),
            "missing": dict(self.missing),
        }

    def to_markdown(self) -> str:
        """The article as Markdown: the title as a level-1 heading, then the body blocks."""
        from newspith.extract.render import article_markdown

        return article_markdown(self)
