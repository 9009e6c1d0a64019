"""Corpus-level dedup: a later run's syndicated copy joins the cluster of an article an earlier
run wrote to the SQLite corpus, and is not the earliest copy."""

from __future__ import annotations

import sqlite3

from newspith.cli import main
from tests.conftest import EXAMPLES


def _clusters(db) -> dict[str, tuple[str, int, int, int]]:
    with sqlite3.connect(db) as conn:
        return {r[0]: r[1:] for r in conn.execute(
            "SELECT id, cluster, earliest, exact, size FROM clusters")}


def test_a_syndicated_copy_in_a_later_run_joins_the_corpus_cluster(tmp_path):
    original = tmp_path / "run1" / "harbour-ferry.html"
    other = tmp_path / "run1" / "budget-vote.html"
    original.parent.mkdir()
    original.write_bytes((EXAMPLES / "harbour-ferry.html").read_bytes())
    other.write_bytes((EXAMPLES / "budget-vote.html").read_bytes())
    db = tmp_path / "corpus.sqlite"
    assert main(["run", str(original.parent), "--out", str(db), "--quiet"]) == 0
    first = _clusters(db)
    assert first[str(original)] == (str(original), 1, 0, 1)

    # The same story as a partner site republished it: a few words edited.
    page = (EXAMPLES / "harbour-ferry.html").read_text(encoding="utf-8")
    edit = "would now leave the island"
    assert edit in page
    copy = tmp_path / "run2" / "syndicated.html"
    copy.parent.mkdir()
    copy.write_text(page.replace(edit, "would in future leave Skerrin", 1), encoding="utf-8")
    assert main(["run", str(copy), "--out", str(db), "--quiet"]) == 0
    second = _clusters(db)
    cluster, earliest, exact, size = second[str(copy)]
    assert cluster == str(original) and not earliest and not exact and size == 2
    assert second[str(original)] == (str(original), 1, 0, 2)
    assert second[str(other)][0] == str(other)  # the unrelated story stays alone
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM signatures").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_a_redone_input_is_clustered_by_its_new_text(tmp_path):
    # b is first its own story, then rewritten as a copy of a: the rerun redoes b, and b's new
    # text (not the old one the corpus held) decides its cluster, in that very run.
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = folder / "a.html", folder / "b.html"
    a.write_bytes((EXAMPLES / "harbour-ferry.html").read_bytes())
    b.write_bytes((EXAMPLES / "budget-vote.html").read_bytes())
    db = tmp_path / "corpus.sqlite"
    assert main(["run", str(folder), "--out", str(db), "--quiet"]) == 0
    assert _clusters(db)[str(b)][0] == str(b)
    b.write_bytes(a.read_bytes() + b"\n")  # a changed input (its size differs): redone
    assert main(["run", str(folder), "--out", str(db), "--quiet"]) == 0
    after = _clusters(db)
    assert after[str(b)] == (str(a), 0, 1, 2) and after[str(a)] == (str(a), 1, 1, 2)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM signatures").fetchone()[0] == 2
