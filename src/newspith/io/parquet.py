"""Write batch rows as Parquet (pyarrow), in row groups, with one documented schema.

Schema (one row per page, article or error):

=============  =================  ==============================================================
column         type               meaning
=============  =================  ==============================================================
id             string             the page's stable id (path, WARC record id, JSONL line)
source         string             the file or archive it was read from
url            string             canonical URL (else the URL it was fetched from)
ok             bool               false for an error row
title          string
text           string             the body, blocks separated by a blank line
authors        list<string>
published      string             ISO 8601, with the zone when the page gives it
modified       string             ISO 8601
site_name      string
language       string             ISO 639-1
page_type      string             article, forum, product, collection, listing, documentation,
                                  service
is_article     bool
reason         string             why the page is not an article, or why it failed
warc_date      string             the WARC record's date, for pages read from WARC
error_stage    string             read, decode, parse, extract, internal (error rows only)
data           string             the whole row as JSON: blocks, metadata provenance, comments
=============  =================  ==============================================================
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["ParquetWriter", "SCHEMA_FIELDS", "parquet_schema"]

SCHEMA_FIELDS = ("id", "source", "url", "ok", "title", "text", "authors", "published",
                 "modified", "site_name", "language", "page_type", "is_article", "reason",
                 "warc_date", "error_stage", "data")


def parquet_schema():
    """The pyarrow schema above."""
    import pyarrow as pa

    s, b = pa.string(), pa.bool_()
    types = {"ok": b, "is_article": b, "authors": pa.list_(s)}
    return pa.schema([(name, types.get(name, s)) for name in SCHEMA_FIELDS])


class ParquetWriter:
    """A context manager writing ``Row.to_dict()`` rows to a Parquet file, ``batch_rows`` at a
    time (memory stays flat on long runs)."""

    def __init__(self, path: str | Path, batch_rows: int = 1000) -> None:
        self.path = Path(path)
        self.batch_rows = batch_rows
        self.rows = 0
        self._buf: list[dict[str, Any]] = []
        self._writer = None
        self._schema = None

    def __enter__(self) -> ParquetWriter:
        import pyarrow.parquet as pq

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._schema = parquet_schema()
        self._writer = pq.ParquetWriter(self.path, self._schema, compression="zstd")
        return self

    def write(self, row: dict[str, Any]) -> None:
        err = row.get("error") or {}
        self._buf.append({
            "id": row["id"], "source": row.get("source"),
            "url": row.get("url") or row.get("fetched_url"), "ok": bool(row.get("ok")),
            "title": row.get("title"), "text": row.get("text"),
            "authors": list(row.get("authors") or []), "published": row.get("published"),
            "modified": row.get("modified"), "site_name": row.get("site_name"),
            "language": row.get("language"), "page_type": row.get("page_type"),
            "is_article": bool(row.get("is_article")),
            "reason": row.get("reason") if row.get("ok") else err.get("message"),
            "warc_date": row.get("warc_date"), "error_stage": err.get("stage"),
            "data": json.dumps(row, ensure_ascii=False),
        })
        self.rows += 1
        if len(self._buf) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buf and self._writer is not None:
            self._writer.write_table(pa.Table.from_pylist(self._buf, schema=self._schema))
            self._buf.clear()

    def __exit__(self, *exc) -> None:
        if self._writer is not None:
            self._flush()
            self._writer.close()
