"""Phase 1: normalise flattened text and cut it into segments.

A *segment* is a piece of text that was one block on the page: a line of a WET file, or a run
between two gaps of several spaces in a dump that lost its line breaks. A segment longer than
``TextConfig.sentence_split_chars`` is cut again at sentence ends, since a dump without any
spacing clue holds the whole page on one line.

Segments are kept as parallel lists (:class:`Segments`), not one object each: text mode must
clean thousands of pages a second, and everything here is a few whole-text regular-expression
passes plus list comprehensions, linear in the input's length.
"""

from __future__ import annotations

import re
from typing import Final

from newspith.decode import looks_mojibaked, repair_text
from newspith.config import TextConfig

__all__ = ["Segments", "finish", "normalise", "segment", "split_at", "split_sentences"]

# Control characters (but tab and newline), zero-width and BOM characters.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_ZERO_WIDTH: Final = re.compile(r"[\u200b-\u200d\u2060\ufeff]+")
_NEWLINES: Final = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ODD_SPACE: Final = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")  # (not \n)
# (str.find of a character whose low byte is zero cannot use memchr: the regex is twice as fast.)
_IDEOGRAPHIC_SPACE: Final = re.compile("\u3000").search
# Spaces left before punctuation where inline tags were removed ("Iran ." → "Iran.").
# (A lookahead, so the replacement has no group: Python 3.11 expands group templates in Python.)
_SPACE_BEFORE_PUNCT: Final = re.compile(r" (?=[.,;:!?](?:\s|$))")
# A sentence end: terminal punctuation and optional closing quotes or brackets, then a space (or
# nothing, after an ideographic full stop).
_SENTENCE_END: Final = re.compile(r"([.!?…؟।][\"'”’»)\]]?)\s+(?=\S)|([。！？][」』”’）]?)\s*")


class Segments:
    """The segments of one text as parallel lists; later phases fill the feature lists.

    ``texts[i]`` is the segment, ``cont[i]`` is true when it is a sentence continuing segment
    ``i - 1``'s block. ``labels``, ``values`` and ``keep`` are set by classify and select;
    ``notes`` holds reasons that differ from the label (``{index: reason}``).
    """

    __slots__ = ("texts", "cont", "chars", "words", "terminal", "labels", "values", "keep",
                 "notes")

    def __init__(self, texts: list[str], cont: list[bool] | None,
                 chars: list[int] | None = None) -> None:
        self.texts = texts
        self.cont = cont if cont is not None else [False] * len(texts)
        self.chars = chars if chars is not None else [len(t) for t in texts]
        self.words: list[int] = []
        self.terminal: list[bool] = []
        self.labels: list[str] = []
        self.values: list[float] = []
        self.keep: list[bool] = []
        self.notes: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.texts)


def normalise(text: str) -> str:
    """Unify line breaks, tabs and no-break spaces: only what segmentation depends on.

    The rest of the clean-up (control and zero-width characters, spaces left before punctuation,
    mojibake) is done by :func:`finish` on the kept segments only: it costs a pass over the whole
    text, and most of the text is dropped.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    if not text.isascii() and ("\u2028" in text or "\u2029" in text or "\x85" in text
                               or _IDEOGRAPHIC_SPACE(text) is not None):
        text = _ODD_SPACE.sub(" ", _NEWLINES.sub("\n", text))
    return text


def finish(texts: list[str]) -> tuple[list[str], bool]:
    """The kept segments cleaned for output: (texts, whether mojibake was repaired).

    Control and zero-width characters go, a space left before punctuation where an inline tag
    was removed goes ("Iran ." → "Iran."), and ftfy repairs mojibake in the segments that show
    it (ftfy costs milliseconds a page; most segments of even a damaged page are clean).
    """
    joined = "".join(texts)  # (segments are stripped: nothing spans two of them)
    utf8 = joined.encode("utf-8", "surrogatepass")  # (for the byte searches below)
    if not joined.isprintable():
        texts = [t if t.isprintable() else
                 _ODD_SPACE.sub(" ", _CONTROL.sub(" ", _ZERO_WIDTH.sub("", t))).strip()
                 for t in texts]
    if b" ." in utf8 or b" ," in utf8:
        texts = [_SPACE_BEFORE_PUNCT.sub("", t) if " ." in t or " ," in t else t
                 for t in texts]
    if not looks_mojibaked(joined, utf8):
        return texts, False
    out = [repair_text(t) if looks_mojibaked(t) else t for t in texts]
    return out, out != texts


def split_sentences(text: str) -> list[str]:
    """A paragraph cut at sentence ends (in any script that marks them)."""
    return split_at(text, _SENTENCE_END)


def split_at(text: str, ends: re.Pattern[str]) -> list[str]:
    """``text`` cut after each match of ``ends``'s group 1 or 2 (the punctuation), the rest of
    the match (spaces) dropped; pieces stripped, empty ones left out.

    (The same as ``ends.sub(r"\1\2\n", text).split("\n")``, without the substitution: in
    Python 3.11 a template with groups is expanded by Python code for every match.)
    """
    if "\n" in text:
        return [p for t in text.split("\n") for p in split_at(t, ends)]
    out: list[str] = []
    pos = 0
    for m in ends.finditer(text):
        end = m.end(1)
        if end < 0:
            end = m.end(2)
        piece = text[pos:end].strip()
        if piece:
            out.append(piece)
        pos = m.end()
    piece = text[pos:].strip()
    if piece:
        out.append(piece)
    return out


def segment(text: str, config: TextConfig) -> Segments:
    """Cut normalised text into segments, in order."""
    gap = " " * max(2, config.min_gap_spaces)
    if gap in text:
        text = text.replace(gap, "\n") if len(gap) == 2 else re.sub(gap + "+", "\n", text)
    texts = [s for t in text.split("\n") if (s := t.strip())]
    chars = [len(t) for t in texts]
    limit = config.sentence_split_chars
    if not texts or max(chars) <= limit:
        return Segments(texts, None, chars)
    out: list[str] = []
    cont: list[bool] = []
    for t in texts:
        if len(t) > limit:
            for i, sentence in enumerate(split_sentences(t)):
                out.append(sentence)
                cont.append(i > 0)
        else:
            out.append(t)
            cont.append(False)
    return Segments(out, cont)
