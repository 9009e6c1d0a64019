"""Phase 2: block features and the content value of each block.

A block's *value* is positive when it reads like article prose and negative when it looks like
page furniture, in units of characters so that long blocks weigh more than short ones:

* link density: a block that is mostly link text is navigation or a related headline;
* length and punctuation: prose has words and sentence ends (any script's: ``.!?。！？…``);
  a short line without them is a label, a button or a menu entry;
* the region: blocks under a strong boilerplate hint (comments, share bars, footers, ``<nav>``)
  count against their container, blocks under a strong content hint count more;
* phrases from :mod:`rules` (``Share``, ``Advertisement``, cookie sentences).

Nothing here depends on English stopwords: the features are shape, links, punctuation and markup.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.config import ExtractConfig
from newspith.extract import rules
from newspith.extract.segment import Element, RawBlock

__all__ = ["assign_regions", "score_blocks", "is_prose", "running_text"]

_SENTENCE_ENDS: Final = re.compile(r"[.!?。！？…;:]")
_END_CHARS: Final = ".!?。！？…\"'”’»)"


def is_prose(block: RawBlock, config: ExtractConfig) -> bool:
    """Reads like running text: enough words, or sentence punctuation and a real length."""
    if block.words >= config.prose_words:
        return True
    return block.chars >= config.min_block_chars and block.words >= 4 and \
        _SENTENCE_ENDS.search(block.text) is not None


def running_text(b: RawBlock) -> int:
    """The characters of running text in a block: its text outside links when it is long and
    link-poor, else 0."""
    nonlink = b.chars - b.link_chars
    return nonlink if nonlink >= 80 and b.link_chars * 3 < b.chars else 0


def _count_prose(elements: list[Element], blocks: list[RawBlock]) -> int:
    """Fill each element's ``prose``: the characters of running text in its subtree, and
    return the page's."""
    for b in blocks:
        b.owner.prose += running_text(b)
    for e in reversed(elements):
        if e.parent is not None:
            e.parent.prose += e.prose
    return elements[0].prose if elements else 0


def assign_regions(elements: list[Element], blocks: list[RawBlock], config: ExtractConfig,
                   trust_prose: bool = False) -> tuple[int, bool]:
    """Mark the boilerplate (``neg``) and content (``pos``) region each element sits in; return
    the page's running text (characters of long, link-poor blocks) and whether some furniture
    class word sits on an element holding most of it.

    A strong furniture hint (``comments``, ``sidebar``, ``<nav>``) marks its whole subtree, until a
    strong content marker below it (``<article>``, ``article-body``) resets the region. A hint on an
    element that holds most of the page's text is ignored: it names a page-wide wrapper
    (``adSkinLayer``, ``meta_container``), not a region of furniture. With ``trust_prose``, so is a
    class hint (not a comment section's) on an element holding at least
    ``ExtractConfig.prose_region_share`` of the running text: it names something else
    (``content-nav-section``); the driver reads a page so when its body came out small.
    """
    page_chars = elements[0].chars if elements else 0
    wrapper = config.wrapper_share * page_chars
    page_prose = _count_prose(elements, blocks)
    prose_floor = max(config.min_body_chars, config.prose_region_share * page_prose) \
        if page_prose else float("inf")
    hidden = False
    for e in elements:
        if not e.chars:
            continue  # no text below it: no block will ever ask for its region
        parent = e.parent
        neg = parent.neg if parent is not None else 0
        pos = parent.pos if parent is not None else 0
        # <html> and <body> classes describe the page ("single-post has-comments"), not a region.
        hint = rules.element_hint(e.names) if e.names and e.tag not in ("html", "body") else 0
        own = hint  # (as named, before the adjustments below: for ``chrome``)
        if hint < 0:
            hint = _without_title_slug(e, hint)
        if e.chars >= wrapper and page_chars >= config.min_body_chars:
            hint = max(hint, 0)  # a class word on a page-wide wrapper; <aside>/<nav> still count
        furniture = e.furniture or (e.tag == "form" and e.prose < config.min_body_chars
                                    and e.chars < wrapper and _asks_for_contact(e))
        if hint == -rules.SOFT:
            hint = -rules.WEAK if pos >= rules.STRONG else -rules.STRONG
        if hint < 0 and e.prose >= prose_floor and not rules.is_comment_region(e.names):
            hidden = True
            if trust_prose:
                hint = 0
        if furniture or hint <= -rules.STRONG:
            neg, pos = rules.STRONG, 0
        elif e.landmark or hint >= rules.STRONG:
            neg, pos = 0, rules.STRONG
        elif hint < 0:
            neg = max(neg, -hint)
        elif hint > 0:
            pos = max(pos, hint)
        e.neg, e.pos = neg, pos
        if parent is not None:
            parent.kids += 1
        e.comment = (parent is not None and parent.comment) or (
            hint <= -rules.STRONG and rules.is_comment_region(e.names))
        # Within a thread every element is marked furniture, so a post's own furniture (its
        # share menu "cPostShareMenu", the poster's column "ipsEntry__author-column") is known
        # by its name alone; ``comments`` leaves what it holds out of the posts.
        e.chrome = parent is not None and parent.comment and (parent.chrome or (
            own == -rules.STRONG and not rules.is_comment_region(e.names)))
    return page_prose, hidden


#: Fields of a form that asks for a way to reach the reader: a sign-up, contact or comment form.
_CONTACT_FIELDS: Final = ('input[type="email"], input[type="tel"], textarea, '
                          'input[name*="email" i], input[name*="phone" i]')


def _asks_for_contact(e: Element) -> bool:
    """True for a form asking for an e-mail address, a phone number or a message (a newsletter,
    lead or comment form), not one wrapping a list of items (a shop's compare checkboxes)."""
    return e.node is not None and e.node.css_first(_CONTACT_FIELDS) is not None


_SLUG_SPLIT: Final = re.compile(r"[-_\s]+")
_TITLE_WORDS: Final = re.compile(r"\w+")


def _without_title_slug(e: Element, hint: int) -> int:
    """The hint of ``e`` with its id left out when the id is its heading's title made a slug.

    Documentation and blog generators (Sphinx, Markdown renderers) name a section, or its
    heading, after the title: ``<div id="getting-into-trouble-with-shared-mutable-history">``
    over ``<h2>Getting into trouble with shared mutable history</h2>``. Such an id's words say
    what the section is about (``shared``, ``related``), not what role it plays on the page.
    """
    node = e.node
    # A slug of two words or more has a "-" or "_"; its names (the id among them) say so
    # without reading the node's attributes, which most elements with a hint never need.
    if node is None or ("-" not in e.names and "_" not in e.names):
        return hint
    heading = node if e.tag in rules.HEADING_TAGS else node.first_child
    while heading is not None and heading.tag == "-text":  # white space before the heading
        heading = heading.next
    if heading is None or heading.tag not in rules.HEADING_TAGS:
        return hint
    ident = node.attributes.get("id")
    if not ident:
        return hint
    words = [w for w in _SLUG_SPLIT.split(ident.lower()) if w]
    if len(words) < 2:
        return hint
    title = set(_TITLE_WORDS.findall((heading.text() or "").lower()))
    if not title or not set(words) <= title:
        return hint
    rest = " ".join(n for n in e.names.split() if n != ident)
    return rules.element_hint(rest) if rest else 0


def score_blocks(blocks: list[RawBlock], config: ExtractConfig) -> None:
    """Fill each block's ``words`` and ``value`` (characters, signed). A cell of a data table
    (:func:`_is_data_table`) weighs nothing either way and is marked ``cell``: its links are the
    names in the table (laureates, parts, releases), not a menu."""
    tables: dict[int, bool] = {}  # this page's tables: whether each is a data table
    for b in blocks:
        text = b.text
        b.words = text.count(" ") + text.count("\n") + 1
        if b.tag in _CELL_TAGS and _in_data_table(b.owner, tables, config):
            b.cell, b.value = True, 0.0
        else:
            b.value = _value(b, config)


_CELL_TAGS: Final = frozenset({"td", "th"})


def _in_data_table(e: Element, tables: dict[int, bool], config: ExtractConfig) -> bool:
    """True when the table around the cell ``e`` is a data table: it has header cells
    (``<th>``) and at least ``data_table_rows`` rows. Layout tables (a page's columns, an old
    site's menu) have no headers."""
    t: Element | None = e
    while t is not None and t.tag != "table":
        t = t.parent
    if t is None:
        return False
    known = tables.get(t.idx)
    if known is None:
        node = t.node
        known = node is not None and node.css_first("th") is not None and \
            len(node.css("tr")) >= config.data_table_rows
        tables[t.idx] = known
    return known


def _value(b: RawBlock, config: ExtractConfig) -> float:
    chars = b.chars
    owner = b.owner
    if chars >= rules.MACHINE_TEXT_MIN_CHARS and owner.tag not in ("pre", "code") and \
            rules.is_machine_text(b.text):
        b.furniture = "machine text"
        return -float(chars)
    if chars <= rules.PHRASE_MAX_CHARS and rules.is_boilerplate_phrase(b.text):
        b.furniture = "phrase"  # (linked or not: "Check price at REI" is a link)
        return -float(chars)
    ld = b.link_chars / chars if chars else 0.0
    if ld > config.max_link_density:
        return -float(chars)
    if rules.is_furniture(b.text):
        b.furniture = "sentence"
        return -float(chars)
    nonlink = chars - b.link_chars
    if is_prose(b, config):
        value = float(nonlink)
        if b.text[-1] in _END_CHARS:
            value *= 1.2
    elif chars < config.min_block_chars:
        # Labels, buttons, dates: neutral on their own, slightly against a container.
        value = -0.25 * chars
    else:
        value = 0.4 * nonlink
    if owner.tag in rules.HEADING_TAGS:
        value = abs(value) * 0.5
    if owner.neg >= rules.STRONG:
        value = -abs(value)
    elif owner.neg:
        value *= 0.5 if value > 0 else 1.5
    if owner.pos >= rules.STRONG and value > 0:
        value *= 1.5
    return value
