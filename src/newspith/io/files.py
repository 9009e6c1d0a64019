"""Read HTML, WARC, WET and JSONL files, folders and globs as Documents.

A WET record or a JSONL line with a ``text`` field is a ``kind="text"`` Document (text mode); a
JSONL line with an ``html`` field is a page.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from newspith.document import Document
from newspith.errors import InputError
from newspith.io.texts import read_jsonl_pages, read_text_records
from newspith.io.warc import Dropped, is_warc, read_warc

__all__ = ["HTML_SUFFIXES", "expand_paths", "read_html_files", "read_inputs"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WET_SUFFIXES = (".wet", ".wet.gz")


def _wanted(f: Path) -> bool:
    name = f.name.lower()
    return (f.suffix.lower() in HTML_SUFFIXES or is_warc(f)
            or name.endswith(JSONL_SUFFIXES + WET_SUFFIXES))


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
    """Every page of the inputs, in order: WARC responses (and drops), WET records, JSONL lines,
    HTML files."""
    for path in paths:
        name = path.name.lower()
        if is_warc(path):
            yield from read_warc(path)
        elif name.endswith(WET_SUFFIXES) or name.endswith(JSONL_SUFFIXES):
            yield from _read_records(path)
        else:
            yield from read_html_files([path])


def _read_records(path: Path) -> Iterator[Document]:
    """WET records and JSONL lines (``html`` or ``text``) as Documents; bad ones as errors."""
    source = str(path)
    if path.name.lower().endswith(JSONL_SUFFIXES):
        yield from read_jsonl_pages(path)
        return
    for rec in read_text_records(path):
        yield Document(id=rec.id, source=source, body=rec.text, url=rec.url, kind="text",
                       headers={"warc-date": rec.date or ""}, error=rec.error)
