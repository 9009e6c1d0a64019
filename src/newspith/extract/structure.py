"""Phase 6: turn the kept raw blocks into typed :class:`~newspith.article.Block`s.

The type comes from the block's owner and its nearest structural ancestors: headings, list items
(grouped per list), table cells (grouped per row and table when the table holds data, not layout),
block quotes, embedded posts, figure captions and preformatted code. Everything else is a paragraph.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.article import Block, BlockKind, new_block
from newspith.extract import rules
from newspith.extract.segment import Element, RawBlock

__all__ = ["build_blocks"]

_block: Final = new_block  # (Final: compiled code reads it without a dictionary lookup)

_STRUCTURE_DEPTH: Final = 4  # how far up a block looks for its list, quote or figure
_URL_RE: Final = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")
_ATTRIBUTION_RE: Final = re.compile(r"^[—–-]\s*([^()\n—–]{1,80}?)\s*\((@\w{1,30})\)")


def _nearest(owner: Element, tags: frozenset[str] | set[str]) -> Element | None:
    e: Element | None = owner
    for _ in range(_STRUCTURE_DEPTH):
        if e is None:
            return None
        if e.tag in tags:
            return e
        e = e.parent
    return None


def _embed_of(owner: Element) -> Element | None:
    e: Element | None = owner
    for _ in range(_STRUCTURE_DEPTH):
        if e is None:
            return None
        if e.embed:
            return e
        e = e.parent
    return None


def _kind_key(b: RawBlock) -> tuple[str, Element | None]:
    """What group a block belongs to: ("list", <ul>), ("table", <table>), ("embed", <bq>) …"""
    owner = b.owner
    if owner.tag in rules.HEADING_TAGS:
        return "heading", owner
    embed = _embed_of(owner)
    if embed is not None:
        return "embed", embed
    if owner.tag in ("td", "th"):
        table = _nearest(owner, {"table"})
        if table is not None:
            return "table", table
    if owner.tag in ("li", "dd", "dt"):
        lst = _nearest(owner, {"ul", "ol", "dl", "menu"})
        if lst is not None:
            return "list", lst
    quote = _nearest(owner, {"blockquote", "q"})
    if quote is not None:
        return "quote", quote
    if _nearest(owner, {"figcaption"}) is not None:
        return "caption", None
    if owner.tag == "pre":
        return "code", None
    return "paragraph", None


def _table_block(group: list[RawBlock]) -> Block:
    rows: list[list[str]] = []
    row_owner: Element | None = None
    for b in group:
        tr = b.owner.parent if b.owner.parent is not None and b.owner.parent.tag == "tr" else None
        if tr is None or tr is not row_owner or not rows:
            rows.append([])
            row_owner = tr
        rows[-1].append(" ".join(b.text.split()))
    header = bool(group) and group[0].owner.tag == "th"
    text = "\n".join(" | ".join(r) for r in rows)
    return _block(BlockKind.TABLE, text, rows=tuple(tuple(r) for r in rows), header=header)


def _embed_block(group: list[RawBlock], embed: Element) -> Block:
    """An embedded post: its text, its author from the "— Name (@handle) date" line, its link."""
    lines, author = [], None
    for b in group:
        m = _ATTRIBUTION_RE.match(b.text)
        if m and author is None:
            author = f"{m.group(1).strip()} ({m.group(2)})"
        else:
            lines.append(b.text)
    hrefs = [a.attributes.get("href") or "" for a in embed.node.css("a")]
    status = [h for h in hrefs if "/status/" in h or "/p/" in h or "/post/" in h]
    media = _URL_RE.findall(" ".join(lines))
    url = status[0] if status else (media[0] if media else (hrefs[-1] if hrefs else None))
    return _block(BlockKind.EMBED, "\n".join(lines), url=url or None, author=author)


def _is_data_table(group: list[RawBlock]) -> bool:
    # Layout tables put whole paragraphs (or many of them) in a cell; data tables hold short
    # cells in rows of two or more.
    if len(group) < 2:
        return False
    longest = max(b.chars for b in group)
    return longest < 300 and all(b.owner.tag in ("td", "th") for b in group)


def build_blocks(kept: list[RawBlock]) -> list[Block]:
    """Group consecutive kept blocks of one list/table/quote/embed and type every block."""
    out: list[Block] = []
    i = 0
    while i < len(kept):
        kind, group_el = _kind_key(kept[i])
        j = i + 1
        if group_el is not None and kind != "heading":
            while j < len(kept) and _kind_key(kept[j]) == (kind, group_el):
                j += 1
        group = kept[i:j]
        out.extend(_typed(kind, group))
        i = j
    return out


def _typed(kind: str, group: list[RawBlock]) -> list[Block]:
    if kind == "heading":
        b = group[0]
        return [_block(BlockKind.HEADING, b.text, level=int(b.owner.tag[1]))]
    if kind == "list":
        items = tuple(b.text for b in group)
        ordered = _nearest(group[0].owner, {"ol"}) is not None
        return [_block(BlockKind.LIST, "\n".join(items), items=items, ordered=ordered)]
    if kind == "table":
        if _is_data_table(group):
            return [_table_block(group)]
        return [_block(BlockKind.PARAGRAPH, b.text) for b in group]
    if kind == "embed":
        embed = _embed_of(group[0].owner)
        return [_embed_block(group, embed)] if embed is not None else []
    if kind == "quote":
        return [_block(BlockKind.QUOTE, "\n\n".join(b.text for b in group))]
    simple = {"caption": BlockKind.CAPTION, "code": BlockKind.CODE}.get(kind, BlockKind.PARAGRAPH)
    return [_block(simple, b.text) for b in group]
