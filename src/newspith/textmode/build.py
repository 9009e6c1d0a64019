"""Phase 4: rebuild typed blocks from the kept segments.

Sentences a long line was cut into are joined back, then long paragraphs are cut again at
sentence ends into paragraphs of a readable length (dumps lose paragraph breaks). A short segment
followed by prose is a subheading; two or more bulleted segments in a row are a list; an embedded
post becomes an embed block with its link and, from its attribution line, its author.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.article import Block, BlockKind, new_block
from newspith.config import TextConfig
from newspith.textmode.segment import Segments, split_at

__all__ = ["build_blocks"]

# (Final names: compiled code reads them without a dictionary lookup.)
_block: Final = new_block
_HEADING: Final = BlockKind.HEADING
_PARAGRAPH: Final = BlockKind.PARAGRAPH
_EMBED: Final = BlockKind.EMBED
_LIST: Final = BlockKind.LIST
_CAPTION: Final = BlockKind.CAPTION
_BULLET: Final = re.compile(r"^[•·▪◦‣●*–-]\s+")
_SENTENCE_END: Final = re.compile(r"([.!?…؟।][\"'”’»)\]]?)\s+(?=\S)|([。！？])")
_EMBED_URL: Final = re.compile(r"(?:https?://)?(?:pic\.twitter\.com/\w+|"
                               r"(?:www\.)?(?:twitter|x)\.com/\w+/status/\d+|"
                               r"(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+|t\.co/\w+)",
                               re.IGNORECASE)
_HANDLE: Final = re.compile(r"^[—–-]{1,2}\s*(.+?\(@\w+\))")


def _split_paragraph(text: str, config: TextConfig) -> list[str]:
    if len(text) <= config.paragraph_split_chars:
        return [text]
    out, cur = [], ""
    for sentence in split_at(text, _SENTENCE_END):
        cur = f"{cur} {sentence}" if cur else sentence
        if len(cur) >= config.paragraph_chars:
            out.append(cur)
            cur = ""
    if cur:
        if out and len(cur) < config.paragraph_chars // 3:
            out[-1] = f"{out[-1]} {cur}"
        else:
            out.append(cur)
    return out


def build_blocks(segs: Segments, kept: list[int], headline: int | None, config: TextConfig
                 ) -> list[Block]:
    """Typed blocks from the kept segments (their indexes, in order), opening with the headline."""
    texts, labels, cont, words, terminal = (segs.texts, segs.labels, segs.cont, segs.words,
                                            segs.terminal)
    blocks: list[Block] = []
    if headline is not None:
        blocks.append(_block(_HEADING, texts[headline], level=1))
    j, n = 0, len(kept)
    while j < n:
        i = kept[j]
        lab, text = labels[i], texts[i]
        if lab == "prose":
            while j + 1 < n and cont[kept[j + 1]] and labels[kept[j + 1]] == "prose":
                j += 1
                text = f"{text} {texts[kept[j]]}"
            if len(text) <= config.paragraph_split_chars:
                blocks.append(_block(_PARAGRAPH, text))
            else:
                blocks.extend(_block(_PARAGRAPH, p)
                              for p in _split_paragraph(text, config))
        elif lab == "embed":
            author = None
            if j + 1 < n and labels[kept[j + 1]] == "attribution":
                j += 1
                m = _HANDLE.match(texts[kept[j]])
                author = m.group(1) if m else None
            m = _EMBED_URL.search(text)
            url = m.group(0) if m else None
            if url and not url.lower().startswith("http"):
                url = "https://" + url
            blocks.append(_block(_EMBED, text, url=url, author=author))
        elif lab == "short" and _BULLET.match(text):
            items = []
            while j < n and labels[kept[j]] == "short" and _BULLET.match(texts[kept[j]]):
                items.append(_BULLET.sub("", texts[kept[j]]))
                j += 1
            j -= 1
            blocks.append(_block(_LIST, "\n".join(items), items=tuple(items)))
        elif lab == "short" or lab == "data":
            nxt = kept[j + 1] if j + 1 < n else None
            if nxt is not None and labels[nxt] == "prose" and words[i] <= 15 and not terminal[i]:
                blocks.append(_block(_HEADING, text, level=2))
            else:
                blocks.append(_block(_PARAGRAPH, text))
        elif lab == "attribution":
            blocks.append(_block(_CAPTION, text))
        j += 1
    return blocks
