"""HTML → :class:`~newspith.article.Article`: pure functions, one parse, named phases.

``extract`` is the driver; each phase lives in its own module:

=============  ==============================================================================
``dom``        parse once (bytes are decoded by :mod:`newspith.decode`)
``segment``    walk the tree into candidate blocks and block-level elements
``scoring``    signed content value of each block
``body``       choose the container, select blocks, the fallback ladder
``structure``  typed blocks (paragraph, heading, list, quote, table, caption, embed, code)
``metadata``   title, authors, dates, site, language, canonical URL
``render``     plain text and Markdown
=============  ==============================================================================
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newspith.article import Article
from newspith.config import DecodeConfig, ExtractConfig
from newspith.decode import looks_mojibaked, repair_text
from newspith.extract.body import attach_headline, find_body
from newspith.extract.dom import parse
from newspith.extract.metadata import read_metadata
from newspith.extract.render import blocks_text
from newspith.extract.scoring import assign_regions, score_blocks
from newspith.extract.segment import segment
from newspith.extract.structure import build_blocks

__all__ = ["extract"]

_DEFAULT = ExtractConfig()


def extract(html: str | bytes | LexborHTMLParser, url: str | None = None, *,
            config: ExtractConfig | None = None, content_type: str | None = None,
            decode_config: DecodeConfig | None = None) -> Article:
    """Extract the article from one page.

    ``html`` is the page as ``str``, as ``bytes`` (decoded with ``content_type``'s charset, a BOM,
    ``<meta charset>`` or detection), or an already parsed ``LexborHTMLParser`` tree. ``url`` is
    where the page came from; the page's canonical URL wins when it declares one.

    A page without an article gives an Article with empty ``text``, ``is_article=False`` and a
    ``reason``. Raises :class:`~newspith.errors.TooLargeError` for input over
    ``config.max_bytes`` and :class:`~newspith.errors.InputError` for input that is not HTML.
    """
    config = config or _DEFAULT
    page = parse(html, config, content_type, decode_config)
    encoding = {"encoding": page.encoding, "encoding_source": page.encoding_source}
    root = page.tree.body or page.tree.root
    if root is None:
        return Article(url=url, reason="empty page", **encoding)

    md = read_metadata(page.tree)
    elements, raw, selection = _body(root, config, md.title, skip_furniture=True)
    if selection.prose_chars < config.min_body_chars:
        # Too little: maybe broken markup put the page inside an unclosed <aside> or <nav>.
        retry = _body(root, config, md.title, skip_furniture=False)
        if retry[2].prose_chars > selection.prose_chars:
            elements, raw, selection = retry
    kept = selection.blocks

    repaired = False
    if kept and looks_mojibaked("\n".join(b.text for b in kept)):
        for b in kept:
            fixed = repair_text(b.text)
            if fixed != b.text:
                b.text, repaired = fixed, True
    blocks = tuple(build_blocks(kept))
    text = blocks_text(blocks)

    title = md.title
    if title and looks_mojibaked(title):
        fixed = repair_text(title)
        repaired = repaired or fixed != title
        title = fixed

    prose = selection.prose_chars
    is_article = prose >= config.min_body_chars
    if not raw:
        reason = "no text in page"
    elif not kept:
        reason = "no article body found"
    elif not is_article:
        reason = f"too little prose for an article ({prose} characters)"
    else:
        reason = None
    return Article(
        title=title, text=text, blocks=blocks, authors=md.authors, published=md.published,
        modified=md.modified, site_name=md.site_name, language=md.language,
        url=md.url or url, description=md.description, is_article=is_article, reason=reason,
        repaired=repaired, **encoding,
    )


def _body(root, config: ExtractConfig, title: str | None, skip_furniture: bool):
    elements, raw = segment(root, config, skip_furniture)
    assign_regions(elements, config)
    score_blocks(raw, config)
    return elements, raw, attach_headline(find_body(elements, raw, config), raw, title, config)

