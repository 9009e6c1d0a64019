"""Exact and near-duplicate articles (syndicated copies) within a run.

Every article body gets a cluster: an exact copy (same words once case and punctuation are set
aside) joins its original's cluster at once; a near copy (MinHash of word 5-shingles, Jaccard
similarity at least ``DedupConfig.threshold``, found by LSH banding with datasketch's
parameters, :mod:`newspith.pipeline.bands`) joins the cluster of every copy it matches: a
cluster is a connected component of copies, the same whatever order articles arrive in. A
cluster's id is the id of its first member in input order.

Once the run is over, :meth:`Deduper.clusters` says for each article its cluster and whether it
is the cluster's earliest copy: the earliest ``published`` date, and the first read when no copy
is dated (or dates tie).

Corpus-level mode: :meth:`Deduper.add` returns the article's :class:`Sketch` (the words' hash and
MinHash values), which a corpus stores; a later run loads the corpus's sketches first
(:meth:`Deduper.add_sketch`), so that its articles join the clusters already there.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from newspith.config import DedupConfig
from newspith.pickling import as_constructor_call
from newspith.pipeline.bands import BandIndex, band_shape
from newspith.pipeline.shingles import shingle_hashes

__all__ = ["Deduper", "Membership", "Sketch", "preload", "similarity", "sketch_text",
           "word_string"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Membership:
    cluster: str       # the id of the cluster's first member
    earliest: bool     # this is the cluster's earliest copy
    exact: bool        # another member has the same words (an exact copy, not only a near one)
    size: int          # members of the cluster


@dataclass(frozen=True, slots=True)
class Sketch:
    key: str                # hash of the normalised words (exact copies share it)
    minhash: bytes | None   # MinHash values (None: too few words to compare)

    __reduce__ = as_constructor_call  # (sketches cross the workers' pipes)


# ASCII bytes: a word byte ([0-9A-Za-z_], the ASCII part of ``\\w``) stays, lowercased; any
# other becomes a space. Bytes of other characters (0x80 and up) are left for the regex.
_FOLD: Final = bytes(c + 32 if 65 <= c <= 90 else
                     c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 or c >= 128 else 32
                     for c in range(256))


def word_string(text: str) -> str:
    """The text's ``\\w+`` words, lowercased, joined by one space. Lowercased as one string:
    lowercasing never adds a space, and a final sigma stays final before a space, so it is the
    same as lowercasing each word, in one call.

    The same as ``" ".join(re.findall(r"\\w+", text)).lower()``, about twice as fast: the
    ASCII characters are sorted and lowercased by one byte translation, and only the
    whitespace-separated pieces that hold other characters (a curly quote, an accented word)
    go through the regex."""
    try:
        folded = text.encode("utf-8").translate(_FOLD)
    except UnicodeEncodeError:  # a lone surrogate: the regex alone
        return " ".join(_WORD.findall(text)).lower()
    if folded.isascii():
        return b" ".join(folded.split()).decode("ascii")
    words: list[str] = []
    for piece in folded.decode("utf-8").split():  # (str.split: Unicode spaces are not \\w)
        if piece.isascii():
            words.append(piece)
        else:
            words.extend(_WORD.findall(piece))
    return " ".join(words).lower()


def sketch_text(text: str, config: DedupConfig | None = None) -> Sketch:
    """An article body's sketch: a pure function, so worker processes compute it beside the
    extraction and the batch's main process only looks it up.

    The key is blake2b of the lowercased ``\\w+`` words joined by spaces; the MinHash is
    datasketch's (its permutations and its default ``affine32`` scheme) over the 32-bit
    polynomial hashes of every run of ``shingle_words`` words (:mod:`newspith.pipeline.shingles`;
    sketches before schema 4 of the corpus used crc32), ``None`` under ``min_words`` words."""
    config = config or DedupConfig()
    joined = word_string(text or "")
    data = joined.encode("utf-8")
    key = hashlib.blake2b(data, digest_size=16).hexdigest()
    words = joined.count(" ") + 1 if joined else 0
    if words < config.min_words:
        return Sketch(key, None)
    return Sketch(key, _minhash(shingle_hashes(data, config.shingle_words), config.num_perm))


def similarity(a: bytes, b: bytes | None, num_perm: int) -> float:
    """The Jaccard similarity two MinHash sketches of ``num_perm`` values estimate: the share
    of equal values (0 for sketches of different widths)."""
    if b is None or len(a) != len(b) or len(a) not in (4 * num_perm, 8 * num_perm):
        return 0.0
    import numpy as np

    kind = np.uint32 if len(a) == 4 * num_perm else np.uint64  # (an old corpus's 64-bit values)
    x, y = np.frombuffer(a, kind), np.frombuffer(b, kind)
    return float(np.count_nonzero(x == y)) / len(x)


def _minhash(hashes, num_perm: int, chunk: int = 1024) -> bytes:
    """The MinHash values of 32-bit hashes (a sequence or a numpy array), as datasketch's
    ``MinHash.update_batch`` computes them. For its ``affine32`` scheme the same arithmetic is
    done here in a few numpy steps (datasketch spends about as long again building the object
    and checking input); any other scheme goes through datasketch itself.

    The products are laid out a permutation per row and taken ``chunk`` hashes at a time: the
    minimum runs along each row, and a long article's table (its shingles times ``num_perm``)
    never leaves the cache. Both cut the time about six-fold on the dev pages."""
    seed, scheme = _lean_params()
    if scheme != "affine32":
        from datasketch import MinHash

        mh = MinHash(num_perm=num_perm, seed=seed, hashfunc=int,
                     permutations=_permutations(num_perm), scheme=scheme)
        mh.update_batch([int(h) for h in hashes])
        return mh.hashvalues.tobytes()
    import numpy as np

    if len(hashes) == 0:  # (never from sketch_text) what datasketch gives for no input
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32).tobytes()
    a, b = _affine32(num_perm)
    hv = np.array(hashes, dtype=np.uint32)  # (a copy: the steps below work in place)
    # MurmurHash3's 32-bit finalizer (datasketch's pre-mix), then h -> a*h + b mod 2^32.
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    low = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    for start in range(0, len(hv), chunk):
        table = np.multiply.outer(a, hv[start:start + chunk])  # (num_perm, chunk)
        table += b[:, None]
        np.minimum(low, table.min(axis=1), out=low)
    return low.tobytes()


@lru_cache(maxsize=4)
def _affine32(num_perm: int):
    import numpy as np

    a, b = _permutations(num_perm)
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def preload(config: DedupConfig | None = None) -> None:
    """Draw the permutations now: called before worker processes are forked, so that they
    share them instead of each drawing them again. They come from the user's disk cache once
    drawn, as does the index's band shape (:mod:`newspith.pipeline.bands`): a run imports
    datasketch (and with it scipy, about 0.5 s) only to draw them the first time."""
    _affine32((config or DedupConfig()).num_perm)
    _lean_params()


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    return _datasketch_minhash(num_perm)[2]


@lru_cache(maxsize=1)
def _lean_params() -> tuple[int, str]:
    seed, scheme, _ = _datasketch_minhash(1)
    return seed, scheme


def _datasketch_minhash(num_perm: int) -> tuple[int, str, object]:
    """``(seed, scheme, permutations)`` of datasketch's ``MinHash(num_perm=num_perm)``, kept in
    the disk cache (:mod:`newspith.diskcache`) under datasketch's version."""
    def build() -> tuple[int, str, object]:
        from datasketch import MinHash

        proto = MinHash(num_perm=num_perm)
        return proto.seed, proto.scheme, proto.permutations

    try:
        from importlib.metadata import version

        key = version("datasketch")
    except Exception:  # noqa: BLE001 - no way to key an entry: draw them here
        return build()
    from newspith.diskcache import cached

    return cached(f"datasketch-minhash-{num_perm}", key, build)


@dataclass
class _Member:
    id: str
    order: int
    published: str | None
    key: str
    minhash: bytes | None = None  # (kept for the first of each exact key: candidates' check)


@dataclass
class Deduper:
    config: DedupConfig = field(default_factory=DedupConfig)
    _exact: dict[str, str] = field(default_factory=dict)       # text hash -> member id
    _members: dict[str, _Member] = field(default_factory=dict)
    _parent: dict[str, str] = field(default_factory=dict)      # union-find over member ids
    _bands: BandIndex | None = None

    def add(self, id: str, text: str, published: str | None = None,
            order: int | None = None) -> Sketch:
        """Record one article. ``order`` is its place in the input (default: the order of
        calls); it decides cluster ids and ties, so that parallel runs agree with serial ones."""
        sketch = sketch_text(text, self.config)
        self.add_sketch(id, sketch, published, order)
        return sketch

    def add_sketch(self, id: str, sketch: Sketch, published: str | None = None,
                   order: int | None = None) -> None:
        """Record one article from its sketch (one a corpus stored).

        A cluster is a connected component: an article is joined with its exact copies and
        with every article it shares a band with (:mod:`newspith.pipeline.bands`), and a copy
        that matches two clusters joins them. Which articles share a band does not depend on
        the order they arrive in, so neither do the clusters: worker processes finish pages
        in any order, and a run gives the clusters a serial run gives."""
        key = sketch.key
        order = len(self._members) if order is None else order
        if id in self._members:  # one id once (a corpus's rows of redone shards are not loaded)
            return
        self._parent[id] = id
        if key in self._exact:
            self._members[id] = _Member(id, order, published, key)
            self._union(id, self._exact[key])
            return
        self._exact[key] = id
        self._members[id] = _Member(id, order, published, key, sketch.minhash)
        if sketch.minhash is not None:
            index = self._index()
            for match in index.query(sketch.minhash):
                if similarity(sketch.minhash, self._members[match].minhash,
                              self.config.num_perm) >= self.config.threshold:
                    self._union(id, match)
            index.insert(id, sketch.minhash)

    def _find(self, id: str) -> str:
        parent = self._parent
        while parent[id] != id:
            parent[id] = parent[parent[id]]  # path halving
            id = parent[id]
        return id

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[rb] = ra

    def _index(self) -> BandIndex:
        if self._bands is None:
            tuned = min(self.config.candidate_threshold, self.config.threshold)
            bands, rows = band_shape(tuned, self.config.num_perm)
            self._bands = BandIndex(bands, rows, self.config.num_perm)
        return self._bands

    def clusters(self) -> dict[str, Membership]:
        """Every recorded article's cluster, and whether it is the cluster's earliest copy."""
        groups: dict[str, list[_Member]] = {}
        for m in self._members.values():
            groups.setdefault(self._find(m.id), []).append(m)
        out: dict[str, Membership] = {}
        for members in groups.values():
            name = min(members, key=lambda m: m.order).id  # the first in input order
            first = min(members, key=lambda m: (m.published is None, m.published or "", m.order))
            same = Counter(m.key for m in members)
            for m in members:
                out[m.id] = Membership(name, m is first, same[m.key] > 1, len(members))
        return out
