"""Word shingles of an article body, hashed: the loop under every dedup sketch.

Compiled with the extractor's hot modules (a sketch is about a fifth of a batch page's CPU).
:func:`newspith.pipeline.dedup.sketch_text` documents what a sketch is; this module only cuts
and hashes, and must give exactly what that definition gives (tests check it in any script).
Lowercasing stays out of here: compiled, ``str.lower`` does not give a word-final sigma its
final form.
"""

from __future__ import annotations

import zlib
from itertools import accumulate

__all__ = ["shingle_hashes"]


def shingle_hashes(joined: str, data: bytes, words: list[str], n: int) -> list[int]:
    """crc32 of the UTF-8 bytes of each run of ``n`` words (of all of them when there are
    fewer). ``joined`` is the words joined by one space, ``data`` its UTF-8 bytes and
    ``words`` the words; each run is cut out of ``data`` by the words' offsets, not joined
    again."""
    if len(words) <= n:
        return [zlib.crc32(data)]
    if len(data) == len(joined):  # ASCII: characters and bytes line up
        sizes = [len(w) + 1 for w in words]
    else:
        sizes = [len(w.encode("utf-8")) + 1 for w in words]
    starts = [0, *accumulate(sizes)]  # starts[i]: where word i begins; starts[-1]: end + 1
    crc32 = zlib.crc32
    out: list[int] = []
    for i in range(len(words) - n + 1):
        out.append(crc32(data[starts[i]:starts[i + n] - 1]))
    return out
