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

from newspith.config import ExtractConfig
from newspith.extract import rules

__all__ = ["Element", "RawBlock", "segment"]


class Element:
    """A block-level element of the page, as a row: no DOM access after the walk."""

    __slots__ = ("idx", "tag", "parent", "depth", "hint", "furniture", "landmark", "neg", "pos",
                 "node", "embed", "chars", "content_score", "block_count")

    def __init__(self, idx: int, tag: str, parent: Element | None, hint: int, node,
                 furniture: bool, landmark: bool) -> None:
        self.idx = idx
        self.tag = tag
        self.parent = parent
        self.depth = parent.depth + 1 if parent is not None else 0
        self.hint = hint            # class/id hint, -2 … +2 (rules.element_hint)
        self.furniture = furniture  # a <nav>/<footer>/<aside> or a furniture role
        self.landmark = landmark    # an <article>/<main>, role=main, itemprop=articleBody
        self.node = node
        self.embed = False
        self.neg = 0                # the boilerplate region it sits in (scoring.assign_regions)
        self.pos = 0                # the content region it sits in
        self.chars = 0              # characters of text in its subtree
        self.content_score = 0.0    # filled by the container phase
        self.block_count = 0

    def ancestors(self):
        """This element, then its parent, and so on up to the root."""
        e = self
        while e is not None:
            yield e
            e = e.parent

    def within(self, other: Element) -> bool:
        """True when this element is ``other`` or lies inside it."""
        e = self
        while e is not None and e.depth >= other.depth:
            if e is other:
                return True
            e = e.parent
        return False


class RawBlock:
    """A candidate block: its text, link text and owner, plus the features scoring adds."""

    __slots__ = ("index", "text", "chars", "link_chars", "owner", "tag", "value", "keep",
                 "reason", "words", "ends")

    def __init__(self, index: int, text: str, link_chars: int, owner: Element) -> None:
        self.index = index
        self.text = text
        self.chars = len(text)
        self.link_chars = min(link_chars, self.chars)
        self.owner = owner
        self.tag = owner.tag
        self.value = 0.0
        self.keep = False
        self.reason = ""
        self.words = 0
        self.ends = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


_EXIT_LINK = object()
_EMBED_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post",
                  "bluesky-embed", "mastodon-embed", "twitter-video")


def _is_hidden(attrs: dict) -> bool:
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    if style:
        s = style.replace(" ", "").lower()
        if "display:none" in s or "visibility:hidden" in s:
            return True
    return False


def segment(root, config: ExtractConfig) -> tuple[list[Element], list[RawBlock]]:
    """Cut the subtree under ``root`` (a selectolax node) into elements and blocks."""
    elements: list[Element] = []
    blocks: list[RawBlock] = []
    parts: list[str] = []
    state = {"links": 0, "link_chars": 0, "brs": 0}
    owners: list[Element] = []

    def flush() -> None:
        if parts:
            raw = "".join(parts)
            parts.clear()
            text = "\n".join(" ".join(line.split()) for line in raw.split("\n"))
            text = text.strip()
            if text and len(blocks) < config.max_blocks:
                owner = owners[-1]
                owner.block_count += 1
                owner.chars += len(text)
                blocks.append(RawBlock(len(blocks), text, state["link_chars"], owner))
        state["link_chars"] = 0
        state["brs"] = 0

    def open_element(node, tag: str, attrs: dict) -> Element:
        # aria-label and data-testid name regions too ("Comments", "related-stories").
        class_id = " ".join(v for v in (attrs.get("class"), attrs.get("id"),
                                         attrs.get("aria-label"), attrs.get("data-testid")) if v)
        # <html> and <body> classes describe the page ("single-post has-comments"), not a region.
        hint = rules.element_hint(class_id) if class_id and tag not in ("html", "body") else 0
        role = attrs.get("role")
        furniture = tag in rules.BOILERPLATE_TAGS or (role in rules.BOILERPLATE_ROLES)
        landmark = tag in rules.CONTENT_TAGS or attrs.get("itemprop") == "articleBody" \
            or role == "main"
        parent = owners[-1] if owners else None
        el = Element(len(elements), tag, parent, hint, node, furniture, landmark)
        if tag == "blockquote" and class_id and any(c in class_id for c in _EMBED_CLASSES):
            el.embed = True
        elements.append(el)
        return el

    stack: list = [root]
    while stack:
        item = stack.pop()
        if item is _EXIT_LINK:
            state["links"] -= 1
            continue
        if isinstance(item, Element):  # leaving a block-level element
            flush()
            owners.pop()
            continue
        if item.is_text_node:
            t = item.text_content
            if t:
                parts.append(t)
                if not t.isspace():
                    state["brs"] = 0
                    if state["links"]:
                        state["link_chars"] += len(t.strip())
            continue
        tag = item.tag
        if tag in rules.SKIP_TAGS or not item.is_element_node:
            continue
        attrs = item.attributes
        if attrs and _is_hidden(attrs):
            continue
        if tag == "br":
            state["brs"] += 1
            if state["brs"] >= 2:  # <br><br> separates paragraphs in div-and-br markup
                flush()
            else:
                parts.append("\n")
            continue
        if tag in rules.BLOCK_TAGS and len(owners) < config.max_depth:
            flush()
            el = open_element(item, tag, attrs)
            owners.append(el)
            stack.append(el)
        elif tag == "a":
            state["links"] += 1
            stack.append(_EXIT_LINK)
        elif tag == "img":
            continue
        children = list(item.iter(include_text=True))
        children.reverse()
        stack.extend(children)
    # Elements are numbered in document (pre-)order: children after parents.
    for e in reversed(elements):
        if e.parent is not None:
            e.parent.chars += e.chars
    return elements, blocks
