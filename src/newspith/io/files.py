"""Read HTML files, WARC files, folders and globs as Documents."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from newspith.document import Document
from newspith.errors import InputError
from newspith.io.warc import Dropped, is_warc, read_warc

__all__ = ["HTML_SUFFIXES", "expand_paths", "read_html_files", "read_inputs"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def _wanted(f: Path) -> bool:
    return f.suffix.lower() in HTML_SUFFIXES or is_warc(f)


def expand_paths(inputs: Iterable[str]) -> list[Path]:
    """Files named, files under folders named (HTML and WARC files only), and glob matches."""
    out: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and _wanted(f)))
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


def read_inputs(paths: Iterable[Path]) -> Iterator[Document | Dropped]:
    """Every page of the inputs: a WARC file's HTML responses (and drops), or an HTML file."""
    for path in paths:
        if is_warc(path):
            yield from read_warc(path)
        else:
            yield from read_html_files([path])
