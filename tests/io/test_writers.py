"""Corpus outputs: the SQLite corpus (rows, error rows, FTS5 search, reruns without duplicates,
bad queries) and Parquet with its documented schema."""

from __future__ import annotations

import sqlite3

import pytest

from newspith.cli import main
from newspith.errors import InputError
from newspith.io.sqlite import search
from tests.conftest import EXAMPLES


def _corpus(tmp_path):
    (tmp_path / "pages").mkdir()
    for name in ("harbour-ferry", "budget-vote", "marche-paris"):
        (tmp_path / "pages" / f"{name}.html").write_bytes((EXAMPLES / f"{name}.html").read_bytes())
    (tmp_path / "pages" / "broken.html").write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "corpus.sqlite"
    assert main(["run", str(tmp_path / "pages"), "--out", str(db), "--quiet"]) == 0
    return db


def test_run_writes_articles_and_errors(tmp_path):
    db = _corpus(tmp_path)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 1
    title, authors = con.execute(
        "SELECT title, authors FROM articles WHERE id LIKE '%budget-vote.html'").fetchone()
    assert title.startswith("Council passes $412 million budget")
    assert "Priya Raman" in authors


def test_search_ranks_and_snippets(tmp_path):
    db = _corpus(tmp_path)
    hits = search(db, "ferry")
    assert hits and hits[0].title.startswith("Ferry crossing")
    assert "[" in hits[0].snippet and "]" in hits[0].snippet
    assert search(db, '"police overtime"')[0].title.startswith("Council passes")
    assert search(db, "marché")  # accents as written
    assert search(db, "zzzznotthere") == []


def test_a_rerun_replaces_rows_instead_of_adding(tmp_path):
    db = _corpus(tmp_path)
    assert main(["run", str(tmp_path / "pages"), "--out", str(db), "--quiet"]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert len(search(db, "ferry")) == 1


def test_a_bad_query_is_a_clear_error(tmp_path, capsys):
    db = _corpus(tmp_path)
    with pytest.raises(InputError, match="bad search query"):
        search(db, 'ferry AND (')
    assert main(["search", 'ferry AND (', "--db", str(db)]) == 1
    assert "bad search query" in capsys.readouterr().err
    assert main(["search", "ferry", "--db", str(db)]) == 0
    assert "Ferry crossing" in capsys.readouterr().out


def test_run_writes_parquet_with_the_documented_schema(tmp_path):
    import pyarrow.parquet as pq

    from newspith.io.parquet import SCHEMA_FIELDS

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "ferry.html").write_bytes((EXAMPLES / "harbour-ferry.html").read_bytes())
    (tmp_path / "pages" / "broken.html").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out.parquet"
    assert main(["run", str(tmp_path / "pages"), "--out", str(out), "--quiet"]) == 0
    table = pq.read_table(out)
    assert tuple(table.schema.names) == SCHEMA_FIELDS
    rows = {r["id"].rsplit("/", 1)[-1]: r for r in table.to_pylist()}
    assert rows["ferry.html"]["ok"] and rows["ferry.html"]["title"].startswith("Ferry crossing")
    assert rows["ferry.html"]["authors"] == ["Morwenna Hale"]
    assert not rows["broken.html"]["ok"] and rows["broken.html"]["error_stage"]


def test_an_error_inside_the_writer_rolls_back_what_was_not_committed(tmp_path):
    import sqlite3

    import pytest

    from newspith.io.sqlite import SqliteWriter

    db = tmp_path / "c.sqlite"
    with pytest.raises(RuntimeError):
        with SqliteWriter(db, commit_every=0) as w:
            w.write({"id": "a", "ok": False, "error": {"error": "x"}})
            raise RuntimeError("interrupted")
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_jsonl_rows_orjson_refuses_are_still_one_valid_line(tmp_path):
    """Text that was never valid Unicode (a lone surrogate) and integers past 64 bits go through
    the standard library, escaped: each row stays one line of valid JSON, UTF-8 throughout."""
    import gzip
    import json

    from newspith.io.jsonl import JsonlWriter

    rows = [{"text": "caf\u00e9 \u2014 ok"}, {"text": "broken \ud800 text"}, {"n": 2 ** 70},
            {"x": float("nan")}]
    for name in ("rows.jsonl", "rows.jsonl.gz"):
        path = tmp_path / name
        with JsonlWriter(path) as w:
            for row in rows:
                w.write(row)
        data = (gzip.open if name.endswith(".gz") else open)(path, "rb").read()
        lines = data.decode("utf-8").splitlines()
        assert [json.loads(line) for line in lines] == [rows[0], rows[1], rows[2], {"x": None}]
        assert "caf\u00e9 \u2014" in lines[0]  # non-ASCII written as itself, not escaped
