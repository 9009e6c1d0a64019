"""Read HTML files, folders and globs as Documents."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from newspith.document import Document
from newspith.errors import InputError

__all__ = ["HTML_SUFFIXES", "expand_paths", "read_html_files"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def expand_paths(inputs: Iterable[str]) -> list[Path]:
    """Files named, files under folders named (HTML suffixes only), and glob matches, sorted."""
    out: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in HTML_SUFFIXES))
        elif p.is_file():
            out.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"no such file, folder or pattern: {item}")
            out.extend(m for m in matches if m.is_file())
    return out


def read_html_files(paths: Iterable[Path]) -> Iterator[Document]:
    for path in paths:
        yield Document(id=str(path), source=str(path), body=path.read_bytes())
