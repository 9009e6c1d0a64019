"""The per-page step: a Document in, exactly one row out (an article or an error with its reason).

A failure is data, never a lost record: errors newspith raises on purpose become error rows with
their stage; anything else is caught here too, at the batch boundary, and recorded as an
``internal`` error so that one bad page cannot stop a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from newspith.article import Article
from newspith.config import DedupConfig, ExtractConfig
from newspith.document import Document
from newspith.errors import NewspithError
from newspith.extract import extract
from newspith.pickling import as_constructor_call
from newspith.pipeline.dedup import Sketch, sketch_text
from newspith.textmode import clean_text

__all__ = ["Row", "extract_and_sketch", "extract_document"]


@dataclass(frozen=True, slots=True)
class Row:
    """The outcome for one Document: ``article`` or ``error`` (a JSON-ready dict)."""

    doc: Document
    article: Article | None = None
    error: dict[str, Any] | None = None
    sketch: Sketch | None = None  # the article's dedup sketch, when the step made one

    __reduce__ = as_constructor_call

    @property
    def ok(self) -> bool:
        return self.article is not None

    def to_dict(self) -> dict[str, Any]:
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
                       dedup: DedupConfig | None = None) -> Row:
    """:func:`extract_document`, plus the article's dedup sketch (work done in the worker
    process, so the batch's main process only looks sketches up)."""
    row = extract_document(doc, config)
    if row.article is not None and row.article.text:
        return replace(row, sketch=sketch_text(row.article.text, dedup))
    return row
