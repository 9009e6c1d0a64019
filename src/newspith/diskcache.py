"""A per-user cache of slow-to-build objects, kept on disk between runs.

The one user today is the language identifier: py3langid ships its model LZMA-compressed and
decompresses it on every start (about 0.7 s of every command and every batch run). Its loaded
form is pickled here once (about 70 MB) and read back in about 0.1 s after that.

Where: ``$NEWSPITH_CACHE_DIR``, else ``$XDG_CACHE_HOME/newspith``, else ``~/.cache/newspith``;
``NEWSPITH_CACHE_DIR=off`` (or empty) turns the cache off. An entry's name carries the key of
what it was built from (a package version, its data file's size and time), so a change builds a
new one. The folder is the user's own (mode 0700): only what this user wrote there is loaded.
A cache that cannot be read or written is passed over (the object is built as without one),
and a write lands whole or not at all (written aside, then renamed).
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cached"]


def cache_dir() -> Path | None:
    """The cache folder (not created here), or ``None`` when the cache is off."""
    chosen = os.environ.get("NEWSPITH_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newspith"


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The object ``build()`` makes, from the cache entry ``name`` + ``key`` when there is one;
    otherwise built, then stored for the next time."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{re.sub(r'[^A-Za-z0-9._-]+', '_', key)}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged entry is rebuilt and replaced
        pass
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: Any) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Entries of an older key (an upgraded package) are left for the user to clear.
    except Exception:  # noqa: BLE001 - no room, no right to write: run without the cache
        try:
            os.unlink(tmp)
        except OSError:
            pass
