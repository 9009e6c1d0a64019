"""Read-only queries over a SQLite corpus (the schema of :mod:`newspith.io.sqlite`).

Every connection is opened with ``mode=ro`` and ``PRAGMA query_only``: the service can never
write to the corpus. Search queries are FTS5 syntax (words, ``"a phrase"``, ``AND``/``OR``/``NOT``,
``prefix*``); one FTS5 cannot parse is a :class:`BadRequestError` with SQLite's message.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newspith.errors import InputError
from newspith.service.errors import BadRequestError, NotFoundError

__all__ = ["Corpus", "Hit", "Results", "MARK_START", "MARK_END", "connect_read_only"]

#: Snippet highlight markers: control characters no extracted text keeps.
MARK_START, MARK_END = "\x02", "\x03"
_FTS_HELP = 'use words, "a phrase", AND, OR, NOT, prefix* and parentheses'


def connect_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    return conn


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str | None
    url: str | None
    site_name: str | None
    published: str | None
    snippet: str  # with MARK_START / MARK_END around matched words

    def to_dict(self) -> dict[str, Any]:
        snippet = self.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
        return {"id": self.id, "title": self.title, "url": self.url,
                "site_name": self.site_name, "published": self.published, "snippet": snippet}


@dataclass(frozen=True, slots=True)
class Results:
    query: str
    page: int
    per_page: int
    total: int
    hits: list[Hit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "page": self.page, "per_page": self.per_page,
                "total": self.total, "pages": self.pages,
                "results": [h.to_dict() for h in self.hits]}


def _day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadRequestError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


class Corpus:
    """One corpus database, queried read-only (a new connection per call: threads share none)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise InputError(f"no such corpus database: {path}")
        try:
            with closing(connect_read_only(self.path)) as conn:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{path} is not a SQLite corpus: {exc}") from None
        if not {"articles", "articles_fts"} <= tables:
            raise InputError(f"{path} is not a newspith corpus (written by `newspith run --out "
                             "corpus.sqlite`): it lacks the articles tables")
        # A corpus written without deduplication (or by an older newspith) has no clusters.
        self.has_clusters = "clusters" in tables

    def _rows(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        with closing(connect_read_only(self.path)) as conn:
            return conn.execute(sql, params).fetchall()

    def count(self) -> int:
        return self._rows("SELECT COUNT(*) FROM articles")[0][0]

    def sites(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT site_name FROM articles WHERE "
                                         "site_name IS NOT NULL ORDER BY site_name")]

    def search(self, query: str = "", *, site: str | None = None, since: str | None = None,
               until: str | None = None, page: int = 1, per_page: int = 20) -> Results:
        """Matches of an FTS5 ``query`` best first, or (no query) every article newest first."""
        query = query.strip()
        where, params = [], []
        if site:
            where.append("a.site_name = ?")
            params.append(site)
        for op, value in ((">=", _day(since, "since")), ("<=", _day(until, "until"))):
            if value:
                where.append(f"substr(a.published, 1, 10) {op} ?")
                params.append(value)
        offset = (page - 1) * per_page
        if query:
            source = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            where.insert(0, "articles_fts MATCH ?")
            params.insert(0, query)
            snippet = f"snippet(articles_fts, -1, '{MARK_START}', '{MARK_END}', ' … ', 16)"
            order = "bm25(articles_fts, 5.0, 1.0)"
        else:
            source, snippet = "articles a", "substr(a.text, 1, 240)"
            order = "a.published IS NULL, a.published DESC, a.id"
        cond = f" WHERE {' AND '.join(where)}" if where else ""
        try:
            total = self._rows(f"SELECT COUNT(*) FROM {source}{cond}", params)[0][0]
            rows = self._rows(
                f"SELECT a.id, a.title, a.url, a.site_name, a.published, {snippet} FROM {source}"
                f"{cond} ORDER BY {order} LIMIT ? OFFSET ?", [*params, per_page, offset])
        except sqlite3.OperationalError as exc:
            if query:
                raise BadRequestError(f"bad search query {query!r}: {exc} ({_FTS_HELP})") from None
            raise
        return Results(query, page, per_page, total, [Hit(*r[:5], r[5] or "") for r in rows])

    def article(self, id: str) -> dict[str, Any]:
        """The stored row of article ``id`` (the whole Article and its page's id and source)."""
        rows = self._rows("SELECT data FROM articles WHERE id = ?", (id,))
        if not rows:
            raise NotFoundError(f"no article with id {id!r} in the corpus")
        return json.loads(rows[0][0])

    def cluster(self, id: str) -> dict[str, Any] | None:
        """Article ``id``'s near-duplicate cluster: its size and members (earliest first)."""
        if not self.has_clusters:
            return None
        rows = self._rows("SELECT cluster FROM clusters WHERE id = ?", (id,))
        if not rows:
            return None
        members = self._rows(
            "SELECT c.id, c.earliest, c.exact, a.title, a.url, a.site_name, a.published "
            "FROM clusters c LEFT JOIN articles a ON a.id = c.id WHERE c.cluster = ? "
            "ORDER BY c.earliest DESC, a.published IS NULL, a.published, c.id", (rows[0][0],))
        keys = ("id", "earliest", "exact", "title", "url", "site_name", "published")
        return {"cluster": rows[0][0], "size": len(members),
                "members": [dict(zip(keys, m), earliest=bool(m[1]), exact=bool(m[2]))
                            for m in members]}
