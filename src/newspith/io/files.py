"""Read HTML, WARC, WET and JSONL files, folders and globs as Documents, local or at fsspec
URLs (``s3://``, ``https://``; see :mod:`newspith.io.sources`).

A WET record or a JSONL line with a ``text`` field is a ``kind="text"`` Document (text mode); a
JSONL line with an ``html`` field is a page.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from newspith.document import Document
from newspith.errors import InputError
from newspith.io.sources import Source, expand_url, is_url, open_binary, source_name
from newspith.io.texts import read_jsonl_pages, read_text_records
from newspith.io.warc import Dropped, is_warc, read_warc

__all__ = ["HTML_SUFFIXES", "expand_paths", "read_html_files", "read_inputs"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WET_SUFFIXES = (".wet", ".wet.gz")


def _wanted(f: Source) -> bool:
    name = f.name.lower()
    return (f.suffix.lower() in HTML_SUFFIXES or is_warc(f)
            or name.endswith(JSONL_SUFFIXES + WET_SUFFIXES))


def expand_paths(inputs: Iterable[str]) -> list[Source]:
    """Files named, files under folders named (HTML and WARC files only), and glob matches;
    URLs stay strings (a URL glob is expanded by its filesystem)."""
    out: list[Source] = []
    for item in inputs:
        if is_url(item):
            out.extend(expand_url(item))
            continue
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and _wanted(f))
            if not found:
                raise InputError(f"no HTML, WARC, WET or JSONL files in the folder {item}")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"no such file, folder or pattern: {item}")
            out.extend(m for m in matches if m.is_file())
    return out


def read_html_files(paths: Iterable[Source]) -> Iterator[Document]:
    for path in paths:
        with open_binary(path) as fh:
            body = fh.read()
        yield Document(id=str(path), source=str(path), body=body)


def read_inputs(paths: Iterable[Source]) -> Iterator[Document | Dropped]:
    """Every page of the inputs, in order: WARC responses (and drops), WET records, JSONL lines,
    HTML files."""
    for path in paths:
        name = source_name(path).lower()
        if is_warc(path):
            yield from read_warc(path)
        elif name.endswith(WET_SUFFIXES) or name.endswith(JSONL_SUFFIXES):
            yield from _read_records(path)
        else:
            yield from read_html_files([path])


def _read_records(path: Source) -> Iterator[Document]:
    """WET records and JSONL lines (``html`` or ``text``) as Documents; bad ones as errors."""
    source = str(path)
    if source_name(path).lower().endswith(JSONL_SUFFIXES):
        yield from read_jsonl_pages(path)
        return
    for rec in read_text_records(path):
        yield Document(id=rec.id, source=source, body=rec.text, url=rec.url, kind="text",
                       headers={"warc-date": rec.date or ""}, error=rec.error)
