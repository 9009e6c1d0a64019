"""Flattened-text dumps built from the dev pages, for the text-mode benchmark.

A dump is a page's whole visible text, the way scrapers and WET files keep it:

* ``line`` form: one block (paragraph, list item, cell, heading, link in a menu …) a line;
* ``flat`` form: the page's ``<title>`` twice, one a line, then every block on one line joined by
  runs of 2–8 spaces (the form of ``examples/aleppo/page-dump.txt``).

The run lengths come from a generator seeded by the page id, so every run builds the same dumps.
"""

from __future__ import annotations

import random
import re

from selectolax.lexbor import LexborHTMLParser

__all__ = ["visible_blocks", "line_dump", "flat_dump", "line_filter"]

# Elements whose text a reader never sees.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe",
                        "object", "canvas", "select", "option", "math", "-comment"})
# Elements that start and end a block of text (a line in a dump).
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "br", "button", "label", "textarea", "input",
})
_WS = re.compile(r"\s+")


def visible_blocks(html: str, max_nodes: int = 400_000) -> tuple[str | None, list[str]]:
    """The page's ``<title>`` and its visible text as blocks, in page order."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _WS.sub(" ", title_node.text()).strip() if title_node is not None else None
    root = tree.body or tree.root
    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = _WS.sub(" ", "".join(buf)).strip()
            if text:
                blocks.append(text)
            buf.clear()

    if root is None:
        return title or None, blocks
    # Iterative pre-order walk: (node, leaving) pairs, so deep nesting costs no recursion.
    stack = [(root, False)]
    seen = 0
    while stack and seen < max_nodes:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            flush()
            continue
        seen += 1
        if tag == "-text":
            buf.append(node.text_content or "")
            continue
        if tag in _INVISIBLE or "hidden" in node.attributes:
            continue
        block = tag in _BLOCK
        if block:
            flush()
            stack.append((node, True))
        kids = []
        child = node.child
        while child is not None:
            kids.append(child)
            child = child.next
        stack.extend((k, False) for k in reversed(kids))
    flush()
    return title or None, blocks


def line_dump(html: str) -> str:
    """One visible block a line."""
    return "\n".join(visible_blocks(html)[1])


def flat_dump(html: str, seed: str | int = 0) -> str:
    """The title twice, then every block on one line joined by runs of 2–8 spaces."""
    title, blocks = visible_blocks(html)
    rng = random.Random(str(seed))
    parts = []
    for i, b in enumerate(blocks):
        if i:
            parts.append(" " * rng.randint(2, 8))
        parts.append(b)
    head = f"{title}\n{title}\n" if title else ""
    return head + "".join(parts)


# --- the C4/Gopher-style line filter, the baseline text mode must beat -------------------------

_TERMINAL = ('.', '!', '?', '"', '”', "'", '’', '。', '！', '？', '…')
_BAD = ("javascript", "cookie", "lorem ipsum", "{", "terms of use", "privacy policy")


def line_filter(text: str) -> str:
    """Keep the lines a C4-style filter keeps: terminal punctuation, ≥3 words, no bad words."""
    kept = []
    for line in text.splitlines():
        s = line.strip()
        if not s.endswith(_TERMINAL) or len(s.split()) < 3:
            continue
        low = s.lower()
        if any(b in low for b in _BAD):
            continue
        kept.append(s)
    return "\n".join(kept)
