"""Phase 4: rebuild typed blocks from the kept segments, and read bylines and datelines.

Sentences a long line was cut into are joined back, then long paragraphs are cut again at
sentence ends into paragraphs of a readable length (dumps lose paragraph breaks). A short segment
followed by prose is a subheading; two or more bulleted segments in a row are a list; an embedded
post becomes an embed block with its link and, from its attribution line, its author.
"""

from __future__ import annotations

import re
from datetime import datetime

from newspith.article import Block, BlockKind
from newspith.textmode.config import TextConfig
from newspith.textmode.segment import Segments

__all__ = ["build_blocks", "byline_authors", "dateline_date"]

_BULLET = re.compile(r"^[•·▪◦‣●*–-]\s+")
_SENTENCE_END = re.compile(r"([.!?…؟।][\"'”’»)\]]?)\s+(?=\S)|([。！？])")
_EMBED_URL = re.compile(r"(?:https?://)?(?:pic\.twitter\.com/\w+|(?:www\.)?(?:twitter|x)\.com/"
                        r"\w+/status/\d+|(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+|t\.co/\w+)",
                        re.IGNORECASE)
_HANDLE = re.compile(r"^[—–-]{1,2}\s*(.+?\(@\w+\))")


def _split_paragraph(text: str, config: TextConfig) -> list[str]:
    if len(text) <= config.paragraph_split_chars:
        return [text]
    marked = _SENTENCE_END.sub(lambda m: (m.group(1) or m.group(2)) + "\n", text)
    out, cur = [], ""
    for sentence in marked.split("\n"):
        sentence = sentence.strip()
        if not sentence:
            continue
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
        blocks.append(Block(BlockKind.HEADING, texts[headline], level=1))
    j, n = 0, len(kept)
    while j < n:
        i = kept[j]
        lab, text = labels[i], texts[i]
        if lab == "prose":
            while j + 1 < n and cont[kept[j + 1]] and labels[kept[j + 1]] == "prose":
                j += 1
                text = f"{text} {texts[kept[j]]}"
            if len(text) <= config.paragraph_split_chars:
                blocks.append(Block(BlockKind.PARAGRAPH, text))
            else:
                blocks.extend(Block(BlockKind.PARAGRAPH, p)
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
            blocks.append(Block(BlockKind.EMBED, text, url=url, author=author))
        elif lab == "short" and _BULLET.match(text):
            items = []
            while j < n and labels[kept[j]] == "short" and _BULLET.match(texts[kept[j]]):
                items.append(_BULLET.sub("", texts[kept[j]]))
                j += 1
            j -= 1
            blocks.append(Block(BlockKind.LIST, "\n".join(items), items=tuple(items)))
        elif lab == "short" or lab == "data":
            nxt = kept[j + 1] if j + 1 < n else None
            if nxt is not None and labels[nxt] == "prose" and words[i] <= 15 and not terminal[i]:
                blocks.append(Block(BlockKind.HEADING, text, level=2))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, text))
        elif lab == "attribution":
            blocks.append(Block(BlockKind.CAPTION, text))
        j += 1
    return blocks


# --- bylines and datelines -----------------------------------------------------------------

_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|de)\s+(?:the\s+)?", re.IGNORECASE)
_ROLE_CUT = re.compile(r"\s*(?:[|,;]\s*|\s[-–—]\s|\bfor\b|\bin\b)\s*(?=(?:[a-z]|senior|staff|"
                       r"chief|contributing|special|correspondent|reporter|editor|writer|"
                       r"updated|published|posted|\d))", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
_ROLE_TAIL = re.compile(r"(?:\s+(?:staff|senior|chief|contributing|special|local|democracy|"
                        r"political|investigative|sports|business|writers?|reporters?|"
                        r"correspondents?|editors?|columnists?|photographers?))+$",
                        re.IGNORECASE)
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}$")


def byline_authors(text: str) -> list[str]:
    """The names in a byline: "By Jane Doe and John Roe, Staff Writers" → two names."""
    rest = _BY.sub("", text.strip(), count=1)
    rest = _ROLE_CUT.split(rest, maxsplit=1)[0] if _ROLE_CUT.search(rest) else rest
    names = []
    for part in _AND.split(rest):
        part = _ROLE_TAIL.sub("", part.strip(" ."))
        if _NAME.match(part) and part[:1].isupper() and part.lower() not in ("staff", "the staff"):
            names.append(part)
    return names


_MONTH_NUM = {
    "jan": 1, "feb": 2, "fév": 2, "mar": 3, "mär": 3, "apr": 4, "avr": 4, "may": 5, "mai": 5,
    "jun": 6, "jui": 6, "jul": 7, "aug": 8, "aoû": 8, "sep": 9, "oct": 10, "okt": 10,
    "nov": 11, "dec": 12, "dez": 12, "déc": 12,
}
_D_MONTH_Y = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]{3,9})\.?\s+(\d{4})\b")
_MONTH_D_Y = re.compile(r"\b([^\W\d_]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _month(word: str) -> int | None:
    w = word.lower()
    if w.startswith("juil"):
        return 7
    if w.startswith("juin"):
        return 6
    return _MONTH_NUM.get(w[:3])


def dateline_date(text: str) -> datetime | None:
    """The date a dateline names, when it is unambiguous (named month or ISO); else ``None``.

    Numeric dates like 12/05/2016 are left alone: day and month cannot be told apart for sure.
    """
    for rx, order in ((_ISO, "ymd"), (_MONTH_D_Y, "mdy"), (_D_MONTH_Y, "dmy")):
        m = rx.search(text)
        if not m:
            continue
        try:
            if order == "ymd":
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif order == "mdy":
                mo, d, y = _month(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                d, mo, y = int(m.group(1)), _month(m.group(2)), int(m.group(3))
            if mo is None:
                continue
            return datetime(y, mo, d)
        except ValueError:
            continue
    return None
