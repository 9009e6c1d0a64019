"""Text-mode labels that depend on key words found across a span in one pass."""

from __future__ import annotations

from newspith.config import TextConfig
from newspith.textmode.classify import _segments_with_keys, classify, refine
from newspith.textmode.segment import Segments


def _span(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8", "surrogatepass").lower()


def test_lines_holding_a_key_in_any_case_once_each_in_order():
    lines = ["İSTANBUL’DA bugün", "We use COOKIES on this site", "plain prose here",
             "Photo pic.twitter.com/abc123 — and t.co/xyz", "© 2024 Cookie Corp. Cookie."]
    assert _segments_with_keys(_span(lines)) == [1, 3, 4]
    assert _segments_with_keys(_span(["nothing to see", "here"])) == []
    assert _segments_with_keys(b"") == []


def test_a_line_whose_lowercase_is_longer_does_not_shift_the_lines_after_it():
    # "İ" lowercases to two characters: a str offset into the lowercased span would point
    # into the line before the furniture sentence; counting lines in bytes does not.
    texts = [" ".join(["İZMİR İSTANBUL"] * 8), "Short line", "This site uses cookies.",
             "The council met on Tuesday and voted to repair the bridge before winter."]
    segs = Segments(list(texts), None)
    classify(segs, TextConfig())
    refine(segs, 0, len(texts), frozenset())
    assert segs.labels[2] == "furniture"
    assert segs.labels[1] != "furniture" and segs.labels[3] == "prose"
