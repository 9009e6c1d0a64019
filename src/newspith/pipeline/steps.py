"""The per-page step: a Document in, exactly one row out (an article or an error with its reason).

A failure is data, never a lost record: errors newspith raises on purpose become error rows with
their stage; anything else is caught here too, at the batch boundary, and recorded as an
``internal`` error so that one bad page cannot stop a batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import orjson

from newspith.article import Article
from newspith.config import DedupConfig, ExtractConfig
from newspith.document import Document
from newspith.errors import NewspithError
from newspith.extract import extract
from newspith.io.jsonl import dumps_line
from newspith.pickling import as_constructor_call
from newspith.pipeline.dedup import Sketch, sketch_text
from newspith.textmode import clean_text

__all__ = ["Row", "encoded", "extract_and_sketch", "extract_document"]


@dataclass(frozen=True, slots=True)
class Row:
    """The outcome for one Document: ``article`` or ``error`` (a JSON-ready dict)."""

    doc: Document
    article: Article | None = None
    error: dict[str, Any] | None = None
    sketch: Sketch | None = None  # the article's dedup sketch, when the step made one
    line: bytes | None = None     # the row as a JSON line, when the step encoded it (`encoded`)

    __reduce__ = as_constructor_call

    @property
    def ok(self) -> bool:
        return self.article is not None

    def to_dict(self) -> dict[str, Any]:
        if self.line is not None:
            try:
                return orjson.loads(self.line)
            except orjson.JSONDecodeError:  # the json fallback's escaped lone surrogates
                return json.loads(self.line)
        head: dict[str, Any] = {"id": self.doc.id, "source": self.doc.source,
                                "fetched_url": self.doc.url, "ok": self.ok}
        if self.doc.headers.get("warc-date"):
            head["warc_date"] = self.doc.headers["warc-date"]
        if self.article is not None:
            return head | self.article.to_dict()
        return head | {"error": self.error}


def extract_document(doc: Document, config: ExtractConfig | None = None) -> Row:
    if doc.error is not None:
        return Row(doc, error={"error": doc.headers.get("read-error") or "InputError",
                               "stage": "read", "message": doc.error,
                               "page_id": doc.id, "url": doc.url})
    try:
        if doc.kind == "text":
            article = clean_text(doc.body if isinstance(doc.body, str) else
                                 doc.body.decode("utf-8", "replace"),
                                 doc.headers.get("title"), doc.url)
        else:
            article = extract(doc.body, doc.url, config=config, content_type=doc.content_type)
    except NewspithError as exc:
        exc.page_id, exc.url = exc.page_id or doc.id, exc.url or doc.url
        return Row(doc, error=exc.to_dict())
    except MemoryError:
        raise  # the worker pool replaces the worker; the sequential batch records the page
    except Exception as exc:  # noqa: BLE001 - the batch boundary: record, never lose the page
        return Row(doc, error={"error": type(exc).__name__, "stage": "internal",
                               "message": str(exc)[:500], "page_id": doc.id, "url": doc.url})
    return Row(doc, article=article)


def extract_and_sketch(doc: Document, config: ExtractConfig | None = None,
                       dedup: DedupConfig | None = None, *, sketch: bool = True,
                       encode: bool = False) -> Row:
    """:func:`extract_document`, plus the article's dedup sketch (work done in the worker
    process, so the batch's main process only looks sketches up); with ``encode``, the row
    comes :func:`encoded`."""
    row = extract_document(doc, config)
    if sketch and row.article is not None and row.article.text:
        row = replace(row, sketch=sketch_text(row.article.text, dedup))
    return encoded(row) if encode else row


def encoded(row: Row) -> Row:
    """The row as a worker sends it back to a batch that writes JSON Lines: with its line
    (``Row.line``, what ``to_dict`` then decodes) made here, and without the article's blocks,
    which the line holds. The batch's main process reads only the article's other fields (its
    counts, dedup, the summary table), and writes the line as it is: unpickling the blocks,
    building the dict and encoding it (about 0.15 ms a page there) are not done at all."""
    line = dumps_line(row.to_dict())
    article = row.article
    return replace(row, line=line,
                   article=None if article is None else replace(article, blocks=()))
