"""Phase 1: walk the parsed page once and cut it into candidate blocks.

A *block* is a run of inline content between two block-level boundaries (``<p>``, ``<div>``,
``<li>``, ``<td>``, two ``<br>``s in a row …), owned by the innermost block-level element around
it. Every block-level element becomes an :class:`Element` row (tag, parent, class/id hint, the
strongest boilerplate or content region it sits in), so later phases reason about containers
without touching the DOM again.

The walk is iterative (an explicit stack), so 10,000 nested ``<div>``s cost a loop, not a
recursion error; nesting beyond ``ExtractConfig.max_depth`` is flattened into its ancestor.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser

from newspith.config import ExtractConfig
from newspith.extract import rules

__all__ = ["Element", "RawBlock", "segment", "reset_rows"]


class Element:
    """A block-level element of the page, as a row: no DOM access after the walk."""

    __slots__ = ("idx", "end", "tag", "parent", "names", "furniture", "landmark", "neg",
                 "pos", "comment", "chrome", "kids", "node", "embed", "chars", "prose",
                 "content_score")

    def __init__(self, idx: int, tag: str, parent: Element | None, names: str, node,
                 furniture: bool, landmark: bool) -> None:
        self.idx = idx
        self.end = idx              # the last descendant's idx: the subtree is idx..end
        self.tag = tag
        self.parent = parent
        self.names = names          # class, id, aria-label, data-testid: what names its role
        self.furniture = furniture  # a <nav>/<footer>/<aside> or a furniture role
        self.landmark = landmark    # an <article>/<main>, role=main, itemprop=articleBody
        self.node = node
        self.embed = False
        self.neg = 0                # the boilerplate region it sits in (scoring.assign_regions)
        self.pos = 0                # the content region it sits in
        self.comment = False        # inside a reader-comment section (scoring.assign_regions)
        self.chrome = False         # inside furniture of its own within one (a post's share menu)
        self.kids = 0               # child elements that hold text (scoring.assign_regions)
        self.chars = 0              # characters of text in its subtree
        self.prose = 0              # characters of running text in its subtree (assign_regions)
        self.content_score = 0.0    # filled by the container phase

    def ancestors(self):
        """This element, then its parent, and so on up to the root."""
        e = self
        while e is not None:
            yield e
            e = e.parent

    def within(self, other: Element) -> bool:
        """True when this element is ``other`` or lies inside it."""
        return other.idx <= self.idx <= other.end


class RawBlock:
    """A candidate block: its text, link text and owner, plus the features scoring adds."""

    __slots__ = ("index", "text", "chars", "link_chars", "owner", "tag", "value", "keep",
                 "reason", "words", "furniture", "cell")

    def __init__(self, index: int, text: str, link_chars: int, owner: Element) -> None:
        self.index = index
        self.text = text
        self.chars = len(text)
        self.link_chars = min(link_chars, self.chars)
        self.owner = owner
        self.tag = owner.tag
        self.value = 0.0
        self.keep = False
        self.reason = 0     # a decisions.Reason: why the last phase kept or dropped it
        self.words = 0
        self.furniture = ""  # "phrase" (Share), "sentence" (cookie, ©), "machine text": scoring
        self.cell = False    # a cell of a data table (scoring): its links are names, not menus

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def reset_rows(elements: list[Element], blocks: list[RawBlock]) -> None:
    """Clear what the phases after the walk wrote on the rows, to run them again."""
    for e in elements:
        e.neg = e.pos = e.kids = e.prose = 0
        e.comment = e.chrome = False
    for b in blocks:
        b.keep, b.reason, b.furniture, b.cell = False, 0, "", False


_EXIT_LINK: Final = object()
_NO_ATTRS: Final[dict] = {}
_FORMATTING: Final = frozenset({"b", "i", "em", "strong", "u", "s", "small", "sup", "sub", "abbr",
                                "cite", "code", "mark", "q", "time", "wbr", "bdi", "bdo", "dfn",
                                "kbd", "samp", "var", "del", "ins", "tt", "big", "font", "nobr"})
_EMBED_CLASSES: Final = ("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post",
                         "bluesky-embed", "mastodon-embed", "twitter-video")


_NOT_HIDDEN: Final = 0
_HIDDEN_ATTR: Final = 1     # the ``hidden`` attribute
_HIDDEN_STYLE: Final = 2    # an inline ``display:none`` or ``visibility:hidden``
#: ``segment(reveal=...)``: read no element an inline style hides, or all of them.
REVEAL_NONE: Final = 0
REVEAL_ALL: Final = -1


def _hidden_kind(attrs: dict) -> int:
    if "hidden" in attrs:
        # React streams server-rendered content in <div hidden id="S:0"> and reveals it with a
        # script: that content is the page.
        return _NOT_HIDDEN if (attrs.get("id") or "").startswith("S:") else _HIDDEN_ATTR
    return _HIDDEN_STYLE if _styled_hidden(attrs) else _NOT_HIDDEN


#: The framework classes that hide an element until a script shows it (Bootstrap's ``hidden``,
#: ``hide`` and ``d-none``, ``is-hidden``; Webflow's form messages ``w-form-done`` and
#: ``w-form-fail``, shown once a form is sent): read like an inline ``display:none``, so a page
#: a script reveals is still read when nothing else is (a content lock). A class that shows the
#: element again at some width (``d-none d-lg-block``; Tailwind's ``hidden md:flex``) or in
#: some state (``show``, ``active``, ``open``, ``visible``) does not hide it.
_HIDE_CLASS: Final = re.compile(
    r"(?:^|\s)(?:hidden|hide|d-none|is-hidden|u-hidden|w-form-done|w-form-fail)(?:\s|$)")
_SHOW_CLASS: Final = re.compile(
    r"(?:^|\s)(?:d-\w+-(?:block|flex|inline|grid|table)|show|active|open|visible|is-active|"
    r"is-open|is-visible)")


def _may_hide(cls: str) -> bool:
    """A cheap test first: a class list can only hide when it holds one of these."""
    return "hid" in cls or "none" in cls or "w-form-" in cls


def _class_hides(cls: str | None) -> bool:
    return cls is not None and _may_hide(cls) and ":" not in cls and \
        _HIDE_CLASS.search(cls) is not None and _SHOW_CLASS.search(cls) is None


def _style_hides(style: str | None) -> bool:
    """True for an inline style that hides its element (``display:none``, ``visibility:
    hidden``)."""
    if not style:
        return False
    s = style.replace(" ", "").lower()
    return "display:none" in s or "visibility:hidden" in s


def _styled_hidden(attrs: dict) -> bool:
    """True when an element's inline style or a hiding class hides it (not ``hidden``)."""
    return _style_hides(attrs.get("style")) or _class_hides(attrs.get("class"))


def hidden_by_style(e: Element | None) -> Element | None:
    """The outermost element at or above ``e`` that an inline style or a hiding class hides,
    or ``None``."""
    found: Element | None = None
    for a in e.ancestors() if e is not None else ():
        if a.node is not None and _styled_hidden(a.node.attributes):
            found = a
    return found


#: Copies of a carousel's slides that its script adds so the carousel can loop (Slick, Owl,
#: Swiper, Glide, Splide): the same slide is in the page once more, unhidden.
_CLONE_CLASS: Final = re.compile(
    r"(?:^|\s)(?:slick-cloned|cloned|swiper-slide-duplicate|glide__slide--clone|"
    r"splide__slide--clone|is-clone)(?:\s|$)")


#: Text for screen readers only, which a sighted reader never sees: the framework classes that
#: move an element off screen or clip it to nothing (Bootstrap's ``sr-only`` and
#: ``visually-hidden``, WordPress's ``screen-reader-text``, Foundation's ``show-for-sr``,
#: Drupal's ``element-invisible``). Shops label every price with them ("Regular price",
#: "Sale price", "Unit price / per"); themes hide skip links and icon labels the same way.
_READER_ONLY_CLASS: Final = re.compile(
    r"(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|u-visually-hidden|is-visually-hidden|"
    r"screen-reader-text|screen-reader-only|screenreader-only|show-for-sr|element-invisible|"
    r"a11y-hidden|assistive-text)(?:\s|$)")


def _never_shown(cls: str | None) -> bool:
    """A carousel's copy of a slide, or text for screen readers only: skipped like a hidden
    element, and never revealed."""
    if cls is None:
        return False
    if ("clone" in cls or "duplicate" in cls) and _CLONE_CLASS.search(cls) is not None:
        return True
    return ("only" in cls or "hidden" in cls or "screen" in cls or "invisible" in cls or
            "assistive" in cls) and _READER_ONLY_CLASS.search(cls) is not None


# Tags are read by their number: lexbor numbers the standard tags once for all documents (a
# custom element's number is an address, valid in one document only), and a number costs no
# string decoding. The first node of each standard tag fills the table.
_TEXT_ID: Final[int] = (
    LexborHTMLParser("<p>x</p>").css_first("p").first_child.tag_id)  # type: ignore
_STANDARD_TAG_IDS: Final = 1024
_TAG_NAMES: Final[dict[int, str]] = {}

_BR: Final = "\u2028"  # stands for a single <br> inside a block until the block is normalised


def _normalise(raw: str) -> str:
    """Collapse white space; a single <br> becomes a newline."""
    if _BR not in raw:
        return " ".join(raw.split())
    return "\n".join(" ".join(line.split()) for line in raw.split(_BR)).strip()


def segment(root, config: ExtractConfig, skip_furniture: bool = True,
            reveal: int = REVEAL_NONE, styled: list[int] | None = None
            ) -> tuple[list[Element], list[RawBlock]]:
    """Cut the subtree under ``root`` (a selectolax node) into elements and blocks.

    ``skip_furniture`` leaves ``<nav>``, ``<menu>`` (and ``<footer>``, ``<aside>`` outside an
    article) unread; the driver walks them after all when the page seemed to hold no body
    (broken markup that leaves the whole page inside an unclosed ``<aside>``).
    Elements an inline style hides (``display:none``) are skipped, unless ``reveal`` is
    :data:`REVEAL_ALL` or the ``mem_id`` of one of them: pages that hide their content until
    a script has run (a content lock, an age gate). The ``mem_id`` of each one skipped is
    added to ``styled`` when it is given.

    The walk follows ``first_child``/``next`` pointers with an explicit stack of continuations:
    no recursion, and skipped subtrees (scripts, hidden elements) are never listed.
    """
    elements: list[Element] = []
    blocks: list[RawBlock] = []
    parts: list[str] = []
    owners: list[Element] = []
    skip_tags, block_tags = rules.SKIP_TAGS, rules.BLOCK_TAGS
    skip_outside = rules.SKIP_OUTSIDE_LANDMARKS if skip_furniture else frozenset()
    if not skip_furniture:
        skip_tags = skip_tags - rules.FURNITURE_SKIP_TAGS
    landmarks = 0  # open <article>/<main> elements
    max_depth, max_blocks = config.max_depth, config.max_blocks
    links = link_chars = brs = 0
    has_text = False

    def flush() -> None:
        nonlocal link_chars, brs, has_text
        if has_text:
            text = _normalise("".join(parts))
            if text and len(blocks) < max_blocks:
                owner = owners[-1]
                owner.chars += len(text)
                blocks.append(RawBlock(len(blocks), text, link_chars, owner))
        parts.clear()
        link_chars = brs = 0
        has_text = False

    # The stack holds what to do when a subtree is finished: an Element to close or a link to
    # leave (markers), then the node to continue with (the finished node's next sibling).
    stack: list = []
    node = root
    while True:
        while node is None:
            if not stack:
                break
            item = stack.pop()
            if item is _EXIT_LINK:
                links -= 1
            elif type(item) is Element:
                if has_text:
                    flush()
                if owners.pop().landmark:
                    landmarks -= 1
            else:
                node = item
        if node is None:
            break
        tid = node.tag_id
        if tid == _TEXT_ID:
            t = node.text_content
            if t:
                parts.append(t)
                if not t.isspace():
                    has_text = True
                    brs = 0
                    if links:
                        link_chars += len(t.strip())
            node = node.next
            continue
        tag = _TAG_NAMES.get(tid)
        if tag is None:
            tag = node.tag
            if tag is not None and tid < _STANDARD_TAG_IDS:
                _TAG_NAMES[tid] = tag
        if tag in skip_tags or tag is None or tag[0] == "-" or (  # "-comment", "-doctype"
                tag in skip_outside and not landmarks):
            node = node.next
            continue
        # Formatting tags are read without their attributes (the most frequent elements, and
        # never a region); everything else is checked for being hidden.
        attrs = _NO_ATTRS if tag in _FORMATTING else node.attributes
        if attrs:
            cls = attrs.get("class")
            # (_hidden_kind reads a class only if it may hide: most don't.)
            hid = _hidden_kind(attrs) if "hidden" in attrs or "style" in attrs or (
                cls is not None and _may_hide(cls)) else _NOT_HIDDEN
            if hid == _HIDDEN_STYLE and reveal != REVEAL_NONE and (
                    reveal == REVEAL_ALL or node.mem_id == reveal):
                hid = _NOT_HIDDEN
            if hid or _never_shown(cls):
                if hid == _HIDDEN_STYLE and styled is not None:
                    styled.append(node.mem_id)
                node = node.next
                continue
        if tag == "br":
            brs += 1
            if brs >= 2 and has_text:  # <br><br> separates paragraphs in div-and-br markup
                flush()
            else:
                parts.append(_BR)
            node = node.next
            continue
        child = node.first_child
        if child is None and tag not in block_tags:
            node = node.next
            continue
        stack.append(node.next)
        if tag in block_tags and len(owners) < max_depth:
            if has_text:
                flush()
            el = _open_element(node, tag, attrs, owners[-1] if owners else None, len(elements))
            elements.append(el)
            owners.append(el)
            stack.append(el)
            if el.landmark:
                landmarks += 1
        elif tag == "a":
            links += 1
            stack.append(_EXIT_LINK)
        node = child
    # Elements are numbered in document (pre-)order: children after parents.
    for e in reversed(elements):
        parent = e.parent
        if parent is not None:
            parent.chars += e.chars
            if e.end > parent.end:
                parent.end = e.end
    return elements, blocks


def _without_utility_classes(classes: str) -> str:
    """A class attribute without its utility classes that carry a variant or an arbitrary value
    (Tailwind's ``print:hidden``, ``md:flex``, ``w-[50%]``): they style, they name no role."""
    return " ".join(c for c in classes.split() if ":" not in c and "[" not in c)


def _open_element(node, tag: str, attrs: dict, parent: Element | None, idx: int) -> Element:
    if attrs:
        names = attrs.get("class") or ""
        if ":" in names or "[" in names:
            names = _without_utility_classes(names)
        for key in ("id", "aria-label", "data-testid"):  # these name regions too
            v = attrs.get(key)
            if v:
                names = f"{names} {v}"
        role = attrs.get("role")
        landmark = tag in rules.CONTENT_TAGS or role == "main" or \
            attrs.get("itemprop") == "articleBody"
    else:
        names, role, landmark = "", None, tag in rules.CONTENT_TAGS
    furniture = tag in rules.BOILERPLATE_TAGS or role in rules.BOILERPLATE_ROLES
    el = Element(idx, tag, parent, names, node, furniture, landmark)
    if tag == "blockquote" and names and any(c in names for c in _EMBED_CLASSES):
        el.embed = True
    return el
