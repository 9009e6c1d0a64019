"""Article → plain text and Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newspith.article import Block, BlockKind

if TYPE_CHECKING:
    from newspith.article import Article

__all__ = ["blocks_text", "block_markdown", "article_markdown"]


def blocks_text(blocks: list[Block] | tuple[Block, ...]) -> str:
    """The body as plain text: one block a paragraph, blocks separated by one blank line."""
    return "\n\n".join(b.text for b in blocks if b.text)


def _md_escape_cell(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def block_markdown(b: Block) -> str:
    if b.kind is BlockKind.HEADING:
        return "#" * max(2, min(b.level or 2, 6)) + " " + b.text
    if b.kind is BlockKind.LIST:
        if b.ordered:
            return "\n".join(f"{i}. {item}" for i, item in enumerate(b.items, 1))
        return "\n".join(f"- {item}" for item in b.items)
    if b.kind in (BlockKind.QUOTE, BlockKind.EMBED):
        lines = b.text.split("\n")
        body = "\n".join(("> " + ln) if ln else ">" for ln in lines)
        if b.kind is BlockKind.EMBED and b.url and b.url not in b.text:
            body += f"\n>\n> <{b.url}>"
        return body
    if b.kind is BlockKind.TABLE and b.rows:
        width = max(len(r) for r in b.rows)
        rows = [list(r) + [""] * (width - len(r)) for r in b.rows]
        head = rows[0] if b.header else [""] * width
        body_rows = rows[1:] if b.header else rows
        out = ["| " + " | ".join(_md_escape_cell(c) for c in head) + " |",
               "|" + "---|" * width]
        out += ["| " + " | ".join(_md_escape_cell(c) for c in r) + " |" for r in body_rows]
        return "\n".join(out)
    if b.kind is BlockKind.CAPTION:
        return f"*{b.text}*"
    if b.kind is BlockKind.CODE:
        return "```\n" + b.text + "\n```"
    return b.text


def article_markdown(article: Article) -> str:
    parts = []
    if article.title:
        parts.append(f"# {article.title}")
    byline = []
    if article.authors:
        byline.append("By " + ", ".join(article.authors))
    if article.published:
        byline.append(article.published.isoformat())
    if article.site_name:
        byline.append(article.site_name)
    if byline:
        parts.append("*" + " · ".join(byline) + "*")
    blocks = list(article.blocks)
    if blocks and article.title and blocks[0].kind is BlockKind.HEADING \
            and blocks[0].text == article.title:
        blocks = blocks[1:]  # the headline is already the title line
    parts.extend(block_markdown(b) for b in blocks)
    return "\n\n".join(parts) + "\n"
