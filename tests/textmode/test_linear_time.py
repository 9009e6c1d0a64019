"""Text mode's time grows linearly with the input, from 10 KB to 10 MB, whatever its shape."""

from __future__ import annotations

import time

import pytest

from newspith.textmode import clean_text

SHAPES = {
    # one line, no sentence punctuation, no gaps: the worst case for segmentation
    "one line without punctuation": "Breaking News Sport Weather and more words without an end ",
    # one line of sentences and gaps, like the seed dump
    "one line with gaps": "The council met on Tuesday and voted to close the bridge. Shops "
                          "fear the loss of trade!   Menu   Home   ",
    # a WET-like text, one block a line
    "lines": "Home\nNews\nThe council met on Tuesday and voted to close the bridge to cars.\n",
    # control characters and mixed scripts
    "mixed": "Ωμέγα\x01 漢字。 عربي؟ text\x7f with ∑ symbols.\n",
}


def _seconds(text: str, runs: int = 2) -> float:
    """CPU time of the best of ``runs`` (a collection or a page fault in one run is noise)."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        clean_text(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_time_is_linear_in_the_length(shape):
    unit = SHAPES[shape]
    small = unit * (1_000_000 // len(unit))
    big = unit * (10_000_000 // len(unit))
    tiny = unit * (10_000 // len(unit))
    assert _seconds(tiny) < 1.0
    t_small, t_big = _seconds(small), _seconds(big)
    # Ten times the text: about ten times the time (linear), far from a hundred (quadratic).
    assert t_big <= 25 * max(t_small, 0.01), (t_small, t_big)
    assert t_big < 60
