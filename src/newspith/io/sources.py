"""Where inputs live: local paths, or any fsspec URL (``s3://``, ``https://``, ``gs://``,
``memory://``), opened as a binary stream and read as it downloads (never fetched whole first).

An input is either a :class:`~pathlib.Path` (a local file) or a ``str`` holding a URL. Remote
filesystems need their fsspec driver installed (``newspith[remote]``: s3fs, aiohttp).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from newspith.errors import InputError

__all__ = ["Source", "expand_url", "is_url", "open_binary", "source_name"]

Source = Path | str

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_GLOB = re.compile(r"[*?\[]")


def is_url(item: str | Path) -> bool:
    """A URL fsspec opens (``scheme://...``); ``file://`` URLs count too."""
    return isinstance(item, str) and bool(_SCHEME.match(item))


def source_name(src: Source) -> str:
    """The file name of an input (for its kind: ``.warc.gz``, ``.jsonl``, ...)."""
    if isinstance(src, Path):
        return src.name
    return PurePosixPath(urlsplit(src).path).name


def expand_url(url: str) -> list[str]:
    """A URL, or the files a URL glob (``s3://bucket/crawl/*.warc.gz``) matches, sorted."""
    if not _GLOB.search(urlsplit(url).path) or url.startswith(("http://", "https://")):
        return [url]
    fs, _, paths = _fsspec().get_fs_token_paths(url)
    if not paths:
        raise InputError(f"no file matches {url}")
    return [fs.unstrip_protocol(p) for p in sorted(paths)]


def open_binary(src: Source) -> BinaryIO:
    """A binary stream over one input; the caller closes it. Errors are :class:`InputError`."""
    if isinstance(src, Path):
        try:
            return src.open("rb")
        except OSError as exc:
            raise InputError(f"cannot open {src}: {exc}") from exc
    try:
        return _fsspec().open(src, "rb").open()
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(f"cannot open {src}: {exc}") from exc


def _fsspec():
    import fsspec

    return fsspec
