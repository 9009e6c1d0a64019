"""Bytes → text, and mojibake repair of the text newspith outputs.

Decoding trusts, in this order (the WHATWG "encoding sniffing" order, plus a sanity check):

1. a byte-order mark (it overrides everything, as in browsers);
2. the HTTP ``Content-Type`` charset, when the caller passes the header;
3. ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` in the first bytes of the page;
4. statistical detection (charset-normalizer) as the last resort.

A declared charset is checked, not obeyed blindly: servers and templates often claim
``iso-8859-1`` for UTF-8 pages, or ``utf-8`` for Windows-1252 ones. Bytes that are valid UTF-8 and
hold multi-byte sequences are UTF-8 whatever the page says (a legacy single-byte text is valid
UTF-8 by accident with vanishing probability), and a declared charset that cannot decode the bytes
strictly is dropped in favour of detection.

Repair (:func:`repair_text`) runs ftfy on output text, gated by a cheap regular expression so that
clean text costs one regex scan.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy

from newspith.config import DecodeConfig
from newspith.errors import DecodeError

__all__ = ["Decoded", "decode", "charset_from_content_type", "repair_text", "looks_mojibaked"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset=X> and <meta http-equiv=Content-Type content="...; charset=X">, on ASCII bytes.
_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE
)
_CT_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)

# Labels whose WHATWG meaning differs from Python's codec of the same name.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252",
    "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "iso-8859-9": "cp1254", "tis-620": "cp874",
    "utf8": "utf-8", "unicode": "utf-16-le", "utf-16": "utf-16-le",
}

# UTF-8 read as Windows-1252/Latin-1 leaves a lead byte (Â-ô) before a continuation byte
# (0x80-0xBF, which Windows-1252 shows as €‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ or Latin-1 \xa0-\xbf).
_CONTINUATIONS = "".join(map(chr, range(0x80, 0xC0))) + (
    "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019"
    "\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")
# The same pair searched in the text's UTF-8, where Â-ô are 0xC3 0x82-0xB4: the regex engine
# skips to each 0xC3 byte, several times faster than testing every character of the str.
_MOJIBAKE_GATE = re.compile(rb"\xc3[\x82-\xb4](?:%s)"
                            % b"|".join(re.escape(c.encode()) for c in _CONTINUATIONS))
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, normalization=None, explain=False,
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and where it came from."""

    text: str
    encoding: str
    source: str  # "bom" | "http" | "meta" | "utf-8" | "detected" | "fallback"


def normalise_label(label: str | None) -> str | None:
    """A charset label as a Python codec name, or ``None`` when Python does not know it."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _WHATWG_ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset named in an HTTP ``Content-Type`` header value, if any."""
    if not content_type:
        return None
    m = _CT_CHARSET_RE.search(content_type)
    return m.group(1) if m else None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _meta_charset(data: bytes, scan_bytes: int) -> str | None:
    m = _META_RE.search(data[:scan_bytes])
    return m.group(1).decode("ascii", "ignore") if m else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp", "iso8859", "latin", "mac", "koi8", "windows")) and \
        encoding not in ("cp932", "cp949", "cp950", "cp936")


def decode(data: bytes, content_type: str | None = None,
           config: DecodeConfig | None = None) -> Decoded:
    """Decode a page's bytes; ``content_type`` is the HTTP header value when known."""
    config = config or DecodeConfig()
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DecodeError(f"decode() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    bom = _bom(data)
    if bom:
        name, skip = bom
        return Decoded(data[skip:].decode(name, "replace"), name, "bom")

    utf8 = _strict(data, "utf-8")
    declared: list[tuple[str, str]] = []
    http_label = normalise_label(charset_from_content_type(content_type))
    if http_label:
        declared.append((http_label, "http"))
    meta_label = normalise_label(_meta_charset(data, config.meta_scan_bytes))
    if meta_label:
        declared.append((meta_label, "meta"))

    for encoding, source in declared:
        if encoding == "utf-8":
            if utf8 is not None:
                return Decoded(utf8, "utf-8", source)
            continue  # a false UTF-8 claim: fall through to the next witness / detection
        if utf8 is not None and not utf8.isascii() and _is_single_byte(encoding):
            # Valid multi-byte UTF-8 under a single-byte label: the label lies.
            return Decoded(utf8, "utf-8", "utf-8")
        text = _strict(data, encoding)
        if text is not None:
            return Decoded(text, encoding, source)

    if utf8 is not None:
        return Decoded(utf8, "utf-8", "utf-8")
    return _detect(data, config)


def _detect(data: bytes, config: DecodeConfig) -> Decoded:
    from charset_normalizer import from_bytes

    sample = data[: config.detect_sample_bytes]
    best = from_bytes(sample).best()
    encoding = normalise_label(best.encoding) if best is not None else None
    if encoding:
        return Decoded(data.decode(encoding, "replace"), encoding, "detected")
    # Nothing fits: Windows-1252 maps every byte, so the text is at least complete.
    return Decoded(data.decode("cp1252", "replace"), "cp1252", "fallback")


def looks_mojibaked(text: str, utf8: bytes | None = None) -> bool:
    """True when ``text`` holds a sequence typical of UTF-8 read as Windows-1252 or Latin-1.

    ``utf8`` is ``text`` encoded (``"surrogatepass"``) when the caller has it already."""
    # Every such sequence opens with a letter in U+00C2-U+00F4, which UTF-8 writes with the lead
    # byte 0xC3: one encode and one byte search rule out most text before the regex.
    if text.isascii():
        return False
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    return b"\xc3" in utf8 and _MOJIBAKE_GATE.search(utf8) is not None


def repair_text(text: str) -> str:
    """Repair mojibake (``â€”`` → ``—``) with ftfy; clean text is returned as it is, cheaply."""
    if not text or text.isascii() or not looks_mojibaked(text):
        return text
    return ftfy.fix_text(text, _FTFY_CONFIG)
