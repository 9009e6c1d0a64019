"""Record ids are unique within a run: generated ids name the resolved source, a repeated
explicit id is an error row, and one file named twice is read once."""

from __future__ import annotations

import json

import pytest

from newspith.cli import main
from tests.conftest import EXAMPLES


def _page() -> str:
    return (EXAMPLES / "storm-blog.html").read_text(encoding="utf-8")


def _rows(out):
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["out.jsonl", "corpus.sqlite"])
def test_same_file_name_in_two_folders_keeps_both_rows(tmp_path, name):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "pages.jsonl").write_text(json.dumps({"html": _page()}) + "\n")
    out, stats = tmp_path / name, tmp_path / "stats.json"
    assert main(["run", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out),
                 "--quiet", "--workers", "1", "--stats", str(stats)]) == 0
    if name.endswith(".sqlite"):
        import sqlite3

        with sqlite3.connect(out) as db:
            ids = sorted(i for (i,) in db.execute("SELECT id FROM articles"))
    else:
        ids = sorted(r["id"] for r in _rows(out))
    assert ids == [f"{(tmp_path / f).resolve()}/pages.jsonl:1" for f in ("a", "b")]
    assert json.loads(stats.read_text())["articles"] == 2


def test_a_repeated_explicit_id_is_a_duplicate_id_error_row(tmp_path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join(json.dumps({"id": "same", "html": _page()}) for _ in range(2)))
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["run", str(pages), "--out", str(out), "--quiet", "--workers", "1",
                 "--stats", str(stats)]) == 0
    rows = _rows(out)
    assert [r["ok"] for r in rows] == [True, False]
    assert rows[0]["id"] == "same" and rows[1]["error"]["error"] == "duplicate-id"
    figures = json.loads(stats.read_text())
    assert figures["errors"] == {"duplicate-id": 1} and figures["articles"] == 1


def test_one_file_named_twice_is_read_once(tmp_path, monkeypatch):
    (tmp_path / "pages.jsonl").write_text(json.dumps({"html": _page()}) + "\n")
    monkeypatch.chdir(tmp_path)
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["run", "pages.jsonl", str(tmp_path / "pages.jsonl"), "--out", str(out),
                 "--quiet", "--workers", "1", "--stats", str(stats)]) == 0
    assert len(_rows(out)) == 1
    figures = json.loads(stats.read_text())
    assert figures["shards"] == 1 and figures["read"] == 1
