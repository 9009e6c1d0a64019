"""Parse once, with an HTML5 parser (lexbor through selectolax), from ``str``, ``bytes`` or a tree.

The same :class:`Page` (tree plus how its text was decoded) feeds every later pass, so callers that
already hold a parsed tree do not pay for a second parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from selectolax.lexbor import LexborHTMLParser

from newspith.config import DecodeConfig, ExtractConfig
from newspith.decode import decode
from newspith.errors import InputError, TooLargeError

__all__ = ["Page", "parse", "bounded_nesting"]

_CONTROL_RE: Final = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
_TAG_RE: Final = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
# Tags that never deepen the tree: void elements, and those the parser closes by itself when the
# next one opens (an unclosed <p> or <li> is the norm, not nesting).
_FLAT_TAGS: Final = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp".split())


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page and how its text was obtained."""

    tree: LexborHTMLParser
    encoding: str | None = None
    encoding_source: str | None = None


def _looks_binary(text: str) -> bool:
    """Many control characters in the first bytes: an image, a PDF or a zip, not HTML."""
    head = text[:2048]
    return bool(head) and len(_CONTROL_RE.findall(head)) > len(head) * 0.1


def parse(html: str | bytes | LexborHTMLParser, config: ExtractConfig,
          content_type: str | None = None, decode_config: DecodeConfig | None = None) -> Page:
    """Parse ``html``; bytes are decoded first (see :mod:`newspith.decode`).

    Raises :class:`TooLargeError` over ``config.max_bytes`` and :class:`InputError` for input that
    is not text at all (binary data) or of an unsupported type.
    """
    if isinstance(html, LexborHTMLParser):
        return Page(html)
    utf8: bytes | None = None  # ``text`` as UTF-8, when the input's bytes are that already
    if isinstance(html, (bytes, bytearray, memoryview)):
        if len(html) > config.max_bytes:
            raise TooLargeError(f"page is {len(html):,} bytes, over the {config.max_bytes:,}-byte "
                                "limit (ExtractConfig.max_bytes)")
        raw = bytes(html)
        decoded = decode(raw, content_type, decode_config)
        text, encoding, source = decoded.text, decoded.encoding, decoded.source
        # UTF-8 that decoded strictly (declared or found valid; not detected from a sample, not
        # after a BOM): the bytes are what the parser is fed with (selectolax encodes text to
        # UTF-8), so they go in as they are, unless changed below.
        if encoding == "utf-8" and source in ("http", "meta", "utf-8"):
            utf8 = raw
    elif isinstance(html, str):
        if len(html) > config.max_bytes:
            raise TooLargeError(f"page is {len(html):,} characters, over the "
                                f"{config.max_bytes:,} limit (ExtractConfig.max_bytes)")
        text, encoding, source = html, None, None
    else:
        raise InputError(f"extract() takes str, bytes or a parsed tree, not {type(html).__name__}")
    if _looks_binary(text):
        raise InputError("input is binary data, not HTML")
    # NUL characters end text early in some C parsers; they never carry meaning in HTML.
    if "\x00" in text:
        text, utf8 = text.replace("\x00", ""), None
    # Only a page with more opening tags than the limit can nest deeper: "<" less "</" (and
    # most pages hold fewer "<" than the limit: the second count is skipped).
    opening = text.count("<")
    if opening > config.max_parse_depth and \
            opening - text.count("</") > config.max_parse_depth:
        bounded = bounded_nesting(text, config.max_parse_depth)
        if bounded is not text:
            text, utf8 = bounded, None
    return Page(LexborHTMLParser(utf8 if utf8 is not None else text), encoding, source)


def bounded_nesting(text: str, limit: int) -> str:
    """``text`` without the tags that would nest elements deeper than ``limit``.

    The HTML5 parser looks down its stack of open elements each time a block opens, so its time
    grows with the square of the nesting depth: 40,000 nested ``<div>`` take seconds, 160,000
    minutes. Real pages nest a few dozen deep; deeper tags are dropped, their text is kept.
    """
    depth = 0
    cut: list[tuple[int, int]] = []
    for m in _TAG_RE.finditer(text):
        if m.group(2).lower() in _FLAT_TAGS:
            continue
        if m.group(1):  # a closing tag: it closes a dropped one while the depth is over
            if depth > limit:
                cut.append(m.span())
            depth = max(0, depth - 1)
        elif not m.group(0).endswith("/>"):
            depth += 1
            if depth > limit:
                cut.append(m.span())
    if not cut:
        return text
    pieces, last = [], 0
    for start, end in cut:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
