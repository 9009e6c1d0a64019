"""The SQLite corpus: the embedded default output, with full-text search over titles and bodies.

Schema (created on first use; ``PRAGMA user_version`` records it):

``articles``      one row per page extracted: ``id`` (the page's stable id: path, WARC record id),
                  ``source``, ``url``, ``title``, ``text``, ``authors`` (JSON list),
                  ``published``/``modified`` (ISO 8601), ``site_name``, ``language``,
                  ``page_type``, ``is_article`` (0/1), ``reason``, ``warc_date``, and ``data``:
                  the whole row as JSON (blocks, metadata provenance, ...), ``shard`` (the
                  key of the shard it came from, added in schema 3; also in ``errors``)
``errors``        one row per page that failed: ``id``, ``source``, ``url``, ``stage``, ``error``,
                  ``message``
``clusters``      near-duplicate clusters: ``id``, ``cluster`` (the first member's id),
                  ``earliest`` (0/1), ``exact`` (0/1), ``size``
``shards``        completion markers of resumable runs: ``key``, ``source``, ``idx``, ``rows``,
                  ``tally`` (JSON counts), ``finished`` (UTC time); committed in the same
                  transaction as the shard's rows (added in schema 2); ``fingerprint``
                  (what the shard was made from, added in schema 3)
``signatures``    what corpus-level dedup needs of each article: ``id``, ``key`` (hash of the
                  normalised words), ``published``, ``seq`` (its place in input order),
                  ``minhash`` (the MinHash values as native-order unsigned integers, 32-bit
                  for datasketch's default scheme; NULL for short texts) (added in schema 2;
                  since schema 4 over polynomial shingle hashes, not crc32: a corpus of an
                  older schema has its MinHashes computed again from its texts on open)
``articles_fts``  an FTS5 index over ``title`` and ``text``, kept in step with ``articles`` by
                  triggers

Rows are keyed by page id and written with ``INSERT OR REPLACE``: a rerun over the same inputs
replaces rows instead of adding duplicates. :func:`search` opens the database read-only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newspith.errors import InputError

__all__ = ["SqliteWriter", "SearchHit", "search", "SQLITE_SUFFIXES"]

SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
SCHEMA_VERSION = 4
#: The first schema whose signatures hash shingles the way newspith.pipeline.shingles does.
SHINGLES_SINCE = 4
#: Columns added after a table was first created: (table, column), added on open if missing.
_ADDED = (("articles", "shard"), ("errors", "shard"), ("shards", "fingerprint"))

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE, source TEXT, url TEXT, title TEXT, text TEXT, authors TEXT,
    published TEXT, modified TEXT, site_name TEXT, language TEXT, page_type TEXT,
    is_article INTEGER, reason TEXT, warc_date TEXT, data TEXT, shard TEXT
);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site_name);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS errors (
    id TEXT PRIMARY KEY, source TEXT, url TEXT, stage TEXT, error TEXT, message TEXT,
    shard TEXT
);
CREATE TABLE IF NOT EXISTS clusters (
    id TEXT PRIMARY KEY, cluster TEXT, earliest INTEGER, exact INTEGER, size INTEGER
);
CREATE INDEX IF NOT EXISTS clusters_cluster ON clusters(cluster);
CREATE TABLE IF NOT EXISTS shards (
    key TEXT PRIMARY KEY, source TEXT, idx INTEGER, rows INTEGER, tally TEXT, finished TEXT,
    fingerprint TEXT
);
CREATE TABLE IF NOT EXISTS signatures (
    id TEXT PRIMARY KEY, key TEXT, published TEXT, seq INTEGER, minhash BLOB
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
"""

_COLUMNS = ("id", "source", "url", "title", "text", "authors", "published", "modified",
            "site_name", "language", "page_type", "is_article", "reason", "warc_date", "data",
            "shard")


class SqliteWriter:
    """A context manager writing batch rows (``Row.to_dict()``) into a corpus database.

    ``commit_every`` rows are committed together; 0 leaves commits to the caller (:meth:`commit`,
    :meth:`mark_shard`), so that a shard's rows and its marker land in one transaction."""

    def __init__(self, path: str | Path, commit_every: int = 500) -> None:
        self.path = Path(path)
        self.commit_every = commit_every
        self.rows = 0
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> SqliteWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        #: The schema the file had when opened (0: a new corpus).
        self.opened_schema = self._db.execute("PRAGMA user_version").fetchone()[0]
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        for table, column in _ADDED:
            have = {r[1] for r in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        self._db.execute("CREATE INDEX IF NOT EXISTS articles_shard ON articles(shard)")
        self._db.execute("CREATE INDEX IF NOT EXISTS errors_shard ON errors(shard)")
        if not 0 < self.opened_schema < SHINGLES_SINCE:
            self.mark_schema()  # (an older corpus is marked once its MinHashes are redone)
        return self

    def mark_schema(self) -> None:
        """Record that the file is in this schema (``PRAGMA user_version``)."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def write(self, row: dict[str, Any], shard: str | None = None) -> None:
        """One row; ``shard`` (its shard's key) lets a redone shard's old rows be removed."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        if row.get("ok"):
            values = (row["id"], row.get("source"), row.get("url") or row.get("fetched_url"),
                      row.get("title"), row.get("text") or "",
                      json.dumps(row.get("authors") or [], ensure_ascii=False),
                      row.get("published"), row.get("modified"), row.get("site_name"),
                      row.get("language"), row.get("page_type"), int(bool(row.get("is_article"))),
                      row.get("reason"), row.get("warc_date"), json.dumps(row, ensure_ascii=False),
                      shard)
            # DELETE then INSERT (what INSERT OR REPLACE does) fires both FTS triggers.
            self._db.execute("DELETE FROM articles WHERE id = ?", (row["id"],))
            self._db.execute(f"INSERT INTO articles ({', '.join(_COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(_COLUMNS))})", values)
            self._db.execute("DELETE FROM errors WHERE id = ?", (row["id"],))
        else:
            err = row.get("error") or {}
            self._db.execute("DELETE FROM articles WHERE id = ?", (row["id"],))
            self._db.execute("INSERT OR REPLACE INTO errors (id, source, url, stage, error, "
                             "message, shard) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (row["id"], row.get("source"), row.get("fetched_url"),
                              err.get("stage"), err.get("error"), err.get("message"), shard))
        self.rows += 1
        if self.commit_every and self.rows % self.commit_every == 0:
            self._db.commit()

    def commit(self) -> None:
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.commit()

    def forget_shard(self, key: str) -> None:
        """Remove a shard's rows, signatures and marker (uncommitted: the shard is redone)."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.execute("DELETE FROM signatures WHERE id IN "
                         "(SELECT id FROM articles WHERE shard = ?)", (key,))
        self._db.execute("DELETE FROM articles WHERE shard = ?", (key,))
        self._db.execute("DELETE FROM errors WHERE shard = ?", (key,))
        self._db.execute("DELETE FROM shards WHERE key = ?", (key,))

    def shard_rows(self, key: str) -> int:
        """Rows (articles and errors) the corpus holds for one shard."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        return sum(self._db.execute(f"SELECT COUNT(*) FROM {t} WHERE shard = ?",
                                    (key,)).fetchone()[0] for t in ("articles", "errors"))

    def mark_shard(self, key: str, source: str, idx: int, tally: dict,
                   fingerprint: str = "") -> None:
        """A shard's completion marker, committed with every row written before it."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.execute("INSERT OR REPLACE INTO shards (key, source, idx, rows, tally, "
                         "finished, fingerprint) VALUES (?, ?, ?, ?, ?, "
                         "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
                         (key, source, idx, tally.get("written", 0), json.dumps(tally),
                          fingerprint))
        self._db.commit()

    def finished_shards(self) -> dict[str, dict]:
        """The markers of finished shards, by key: source, index, rows and tally."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        return {k: {"key": k, "source": src, "index": idx, "rows": rows,
                    "tally": json.loads(tally), "fingerprint": fp or ""}
                for k, src, idx, rows, tally, fp in
                self._db.execute("SELECT key, source, idx, rows, tally, fingerprint FROM shards")}

    def clear_shards(self) -> None:
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.execute("DELETE FROM shards")
        self._db.commit()

    def write_signature(self, id: str, key: str, published: str | None, seq: int,
                        minhash: bytes | None) -> None:
        """What corpus-level dedup keeps of one article (see :mod:`newspith.pipeline.dedup`)."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?, ?, ?, ?)",
                         (id, key, published, seq, minhash))

    def signature_texts(self, batch: int = 1000):
        """``(id, text)`` of every article with a signature (to compute its MinHash again), read
        ``batch`` at a time in id order: a big corpus is never held in memory, and the caller
        may update the signatures between batches."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        last = ""
        while True:
            rows = self._db.execute("SELECT s.id, a.text FROM signatures s JOIN articles a "
                                    "ON a.id = s.id WHERE s.id > ? ORDER BY s.id LIMIT ?",
                                    (last, batch)).fetchall()
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1][0]

    def set_minhash(self, id: str, minhash: bytes | None) -> None:
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.execute("UPDATE signatures SET minhash = ? WHERE id = ?", (minhash, id))

    def signatures(self, skip_shards: frozenset[str] = frozenset()):
        """``(id, key, published, seq, minhash)`` of every article of the corpus, in order,
        leaving out the articles of ``skip_shards`` (shards about to be redone: their new text,
        not their old, is what counts)."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        rows = self._db.execute(
            "SELECT s.id, s.key, s.published, s.seq, s.minhash, a.shard FROM signatures s "
            "LEFT JOIN articles a ON a.id = s.id ORDER BY s.seq")
        return (r[:5] for r in rows if r[5] not in skip_shards)

    def write_clusters(self, clusters: dict) -> None:
        """Near-duplicate clusters of this run (``id -> Membership``), replacing older rows."""
        assert self._db is not None, "use SqliteWriter as a context manager"
        self._db.executemany(
            "INSERT OR REPLACE INTO clusters VALUES (?, ?, ?, ?, ?)",
            [(id, m.cluster, int(m.earliest), int(m.exact), m.size) for id, m in clusters.items()])

    def __exit__(self, exc_type, *exc) -> None:
        if self._db is not None:
            if exc_type is None:
                self._db.commit()
            else:  # an error part-way: keep only what was committed
                self._db.rollback()
            self._db.close()


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    url: str | None
    site_name: str | None
    published: str | None
    snippet: str


def search(db: str | Path, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles matching an FTS5 ``query``, best first (bm25, title weighted over text).

    The database is opened read-only. A query FTS5 cannot parse raises
    :class:`~newspith.errors.InputError` with its message.
    """
    path = Path(db)
    if not path.is_file():
        raise InputError(f"no such corpus database: {db}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT a.id, a.title, a.url, a.site_name, a.published, "
            "snippet(articles_fts, -1, '[', ']', ' … ', 12) "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ? OFFSET ?",
            (query, limit, offset)).fetchall()
    except sqlite3.OperationalError as exc:
        raise InputError(f"bad search query {query!r}: {exc}") from exc
    finally:
        conn.close()
    return [SearchHit(*r) for r in rows]
