"""Tag classes: what is never read, what starts a block, what marks furniture or content."""

from __future__ import annotations

from typing import Final

#: Never hold readable body text: dropped with their whole subtree before anything is measured.
SKIP_TAGS: Final = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "picture", "source", "track", "map", "select", "option",
    "optgroup", "datalist", "textarea", "button", "input", "head", "title", "meta", "link",
    "base", "dialog", "-comment",
    # Navigation is never body text; skipping it unread is also the walk's biggest saving.
    "nav", "menu",
})
#: The furniture among SKIP_TAGS, read after all when a page seems to hold nothing else.
#: ``<noscript>`` too: forum engines (Discourse) serve their whole thread inside it.
FURNITURE_SKIP_TAGS: Final = frozenset({"nav", "menu", "noscript"})

#: Page furniture skipped unread outside an ``<article>``/``<main>``; inside one they may hold
#: a pull quote or a source note, so they are walked (and weighed as furniture regions).
SKIP_OUTSIDE_LANDMARKS: Final = frozenset({"footer", "aside"})

#: Elements that start a new block of text (the HTML "block-level" and table-cell elements).
BLOCK_TAGS: Final = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption", "legend",
    "html", "frameset", "frame", "noframes", "center", "listing", "plaintext", "xmp",
})

HEADING_TAGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Semantic tags whose whole subtree is page furniture, not an article.
BOILERPLATE_TAGS: Final = frozenset({"nav", "footer", "aside", "menu"})
#: ``role`` values with the same meaning. (Not ``tablist``: accordions wear it around panels
#: that hold a transcript or a product's details; real tab names weigh as short lines anyway.)
BOILERPLATE_ROLES: Final = frozenset({
    "navigation", "contentinfo", "complementary", "banner", "menu", "menubar", "search",
    "dialog", "alertdialog", "toolbar",
})
#: Semantic tags that mark the main content.
CONTENT_TAGS: Final = frozenset({"article", "main"})
