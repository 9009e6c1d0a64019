"""A per-user cache of slow-to-build objects, kept on disk between runs.

The language identifier is the main user: py3langid ships its model LZMA-compressed and
decompresses it on every start (about 0.7 s of every command and every batch run). Its loaded
form is pickled here once (about 70 MB) and read back in about 0.1 s after that. The dedup
step's MinHash permutations are the other: drawing them means importing datasketch, which
imports scipy (about 0.35 s), before a batch's workers can start.

Where: ``$NEWSPITH_CACHE_DIR``, else ``$XDG_CACHE_HOME/newspith``, else ``~/.cache/newspith``;
``NEWSPITH_CACHE_DIR=off`` turns the cache off. An entry's name carries the key of what it was
built from (a package version, its data file's size and time), so a change builds a new one.

Entries are pickles, so only a folder that is this user's own is read or written: a real
folder (not a link), owned by the user and writable by no one else (it is made with mode
0700); an entry must be a regular file the user owns, opened without following links. Any other
folder is passed over, as is a cache that cannot be read or written: the object is then built
as without one. A write lands whole or not at all (written aside, then renamed). When an entry
is written, entries of the same name under other keys (an upgraded package) that no process
has read for a day are removed, as are leftovers of writes cut short over a day ago.
"""

from __future__ import annotations

import os
import pickle
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cached"]

_STALE_SECONDS = 24 * 3600  # an entry under another key, unread this long, is removed
_OFF = ("", "off", "0", "none")


def cache_dir() -> Path | None:
    """The cache folder (not created here), or ``None`` when the cache is off."""
    chosen = os.environ.get("NEWSPITH_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newspith"


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The object ``build()`` makes, from the cache entry ``name`` + ``key`` when there is one;
    otherwise built, then stored for the next time."""
    folder = cache_dir()
    if folder is None or not hasattr(os, "getuid"):
        return build()
    path = folder / f"{name}-{re.sub(r'[^A-Za-z0-9._-]+', '_', key)}.pickle"
    if _own_folder(folder):
        value = _load(path)
        if value is not None:
            return value
    value = build()
    _store(folder, path, name, value)
    return value


def _own_folder(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this user's that no one else can write to."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def _load(path: Path) -> Any:
    """The entry's object, or ``None`` (absent, not the user's own regular file, damaged)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid():
                return None
            value = pickle.load(fh)
            if os.utime in os.supports_fd:
                os.utime(fh.fileno())  # read now: not stale
        return value
    except Exception:  # noqa: BLE001 - a damaged entry is rebuilt and replaced
        return None


def _store(folder: Path, path: Path, name: str, value: Any) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _own_folder(folder):
            return
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{name}-", suffix=".tmp")
    except OSError:
        return
    landed = False
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        landed = True
    except Exception:  # noqa: BLE001 - no room, no right to write: run without the cache
        pass
    finally:
        if not landed:  # (an interrupt still propagates, without leaving half a file)
            try:
                os.unlink(tmp)
            except OSError:
                pass
    if landed:
        _prune(folder, name, keep=path)


def _prune(folder: Path, name: str, keep: Path) -> None:
    now = time.time()
    for other in folder.glob(f"{name}-*"):
        if other == keep or not other.name.endswith((".pickle", ".tmp")):
            continue
        try:
            if now - other.lstat().st_mtime > _STALE_SECONDS:
                other.unlink()
        except OSError:
            pass
