"""The near-copy index: MinHash values cut into bands, a hash table per band (LSH banding).

Two sketches are candidates when all the values of one band are equal: the banding of
datasketch's ``MinHashLSH``. How many bands of how many values suit a Jaccard threshold is
datasketch's own choice (it weighs false positives against false negatives, integrating with
scipy); it is asked once and kept in the disk cache (:mod:`newspith.diskcache`) under
datasketch's version, so a run does not import datasketch and scipy (about 0.5 s of the batch's
main process) just to look sketches up. The tables are dicts keyed by each band's bytes, and a
query finds what datasketch's ``query`` finds; a test holds the two to the same candidates.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["BandIndex", "band_shape"]


class BandIndex:
    """Ids by the bands of their MinHash values (``bytes`` of ``num_perm`` equal-width values,
    as :class:`~newspith.pipeline.dedup.Sketch` holds them)."""

    def __init__(self, bands: int, rows: int, num_perm: int) -> None:
        if bands < 1 or rows < 1 or bands * rows > num_perm:
            raise ValueError(f"{bands} bands of {rows} values do not fit {num_perm} values")
        self.bands, self.rows, self.num_perm = bands, rows, num_perm
        self._tables: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]

    def _keys(self, values: bytes) -> list[bytes]:
        width, rest = divmod(len(values), self.num_perm)
        if rest or width == 0:
            raise ValueError(f"expected {self.num_perm} MinHash values, got {len(values)} bytes")
        step = self.rows * width
        # The width leads each key, so that values of another width (an old corpus's 64-bit
        # sketches) never share a bucket with these.
        return [bytes((width,)) + values[i * step:(i + 1) * step] for i in range(self.bands)]

    def query(self, values: bytes) -> set[str]:
        """The ids that share at least one band with ``values``."""
        found: set[str] = set()
        for table, key in zip(self._tables, self._keys(values)):
            ids = table.get(key)
            if ids:
                found.update(ids)
        return found

    def insert(self, id: str, values: bytes) -> None:
        for table, key in zip(self._tables, self._keys(values)):
            table.setdefault(key, []).append(id)


def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` datasketch's ``MinHashLSH`` picks for ``threshold`` and ``num_perm``."""
    return _band_shape(float(threshold), int(num_perm))


@lru_cache(maxsize=8)
def _band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    def build() -> tuple[int, int]:
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        return int(lsh.b), int(lsh.r)

    try:
        from importlib.metadata import version

        key = version("datasketch")
    except Exception:  # noqa: BLE001 - no way to key an entry: ask datasketch now
        return build()
    from newspith.diskcache import cached

    return cached(f"datasketch-lsh-{threshold!r}-{num_perm}", key, build)
