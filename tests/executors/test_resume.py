"""Resume after a kill: a real `newspith run` is SIGKILLed twice, at two different moments, and
rerun; every input record ends up with exactly one row, and the figures cover the whole run."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newspith.cli import main
from newspith.executors.local import shard_folder
from tests.conftest import ROOT
from tests.warcgen import write_warcs

FILES, PAGES = 16, 8


def _start(inputs: Path, out: Path, stats: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, "-m", "newspith", "run", str(inputs), "--out",
                             str(out), "--workers", "2", "--quiet", "--stats", str(stats)],
                            env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _finished(out: Path) -> int:
    if out.suffix == ".sqlite":
        if not out.exists():
            return 0
        try:
            with sqlite3.connect(f"file:{out}?mode=ro", uri=True, timeout=1) as db:
                return db.execute("SELECT count(*) FROM shards").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0
    return len(list(shard_folder(out).glob("*.done.json")))


def _kill_when(proc: subprocess.Popen, out: Path, at_least: int) -> int:
    """SIGKILL the run (its whole process group: the workers too) once ``at_least`` shards
    are finished; the count of finished shards after the kill."""
    deadline = time.monotonic() + 120
    while _finished(out) < at_least:
        assert proc.poll() is None, f"the run ended before the kill: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return _finished(out)


def _rows(out: Path) -> list[tuple[str, bool]]:
    if out.suffix == ".sqlite":
        with sqlite3.connect(out) as db:
            return [(i, True) for (i,) in db.execute("SELECT id FROM articles")] + \
                [(i, False) for (i,) in db.execute("SELECT id FROM errors")]
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        return [(r["id"], r["ok"]) for r in map(json.loads, fh)]


@pytest.mark.parametrize("name", ["out.jsonl.gz", "corpus.sqlite"])
def test_a_run_killed_twice_and_resumed_loses_and_repeats_nothing(tmp_path, name):
    made = write_warcs(tmp_path / "in", FILES, PAGES)
    out, stats = tmp_path / name, tmp_path / "stats.json"

    first = _kill_when(_start(tmp_path / "in", out, stats), out, 3)
    assert 3 <= first < FILES, "the first kill must land mid-run"
    second = _kill_when(_start(tmp_path / "in", out, stats), out, first + 4)
    assert first + 4 <= second < FILES, "the second kill must land mid-run"
    assert not stats.exists() and (name.endswith("sqlite") or not out.exists())

    done = _start(tmp_path / "in", out, stats)
    assert done.wait(timeout=120) == 0, done.stderr.read()

    rows = _rows(out)
    ids = [i for i, _ in rows]
    assert len(ids) == len(set(ids)), "a record has two rows"
    assert set(ids) == made.page_ids, "a record has no row"
    assert sum(not ok for _, ok in rows) == FILES  # the truncated record of each file
    figures = json.loads(stats.read_text())
    assert figures["read"] == made.records
    assert figures["written"] == len(made.page_ids)
    assert figures["dropped"] == {"not-html": made.dropped}
    assert figures["counts_check"] and figures["shards"] == FILES
    assert figures["shards_skipped"] == second


def test_a_rerun_of_a_finished_run_redoes_nothing_unless_told(tmp_path):
    made = write_warcs(tmp_path / "in", 2, 3)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    before = out.read_bytes()
    again = tmp_path / "again.json"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "1",
                 "--stats", str(again)]) == 0
    assert out.read_bytes() == before
    figures = json.loads(again.read_text())
    assert figures["shards_skipped"] == 2 and figures["read"] == made.records
    assert figures["duplicates"]["copies"] > 0  # replayed articles still cluster
    fresh = tmp_path / "fresh.json"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "1",
                 "--restart", "--stats", str(fresh)]) == 0
    assert json.loads(fresh.read_text())["shards_skipped"] == 0
    assert sorted(out.read_bytes().splitlines()) == sorted(before.splitlines())


def test_a_markdown_folder_has_one_file_per_article_and_an_index_of_every_row(tmp_path):
    made = write_warcs(tmp_path / "in", 2, 3)
    out = tmp_path / "md"
    assert main(["run", str(tmp_path / "in"), "--out", f"{out}/", "--quiet", "--workers",
                 "1"]) == 0
    index = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert {r["id"] for r in index} == made.page_ids and len(index) == len(made.page_ids)
    articles = [r for r in index if r["ok"]]
    assert len(articles) == 6 and all(not r["ok"] for r in index if "error" in r)
    files = sorted(p.name for p in out.glob("*.md"))
    assert files == sorted(r["file"] for r in articles)
    first = (out / articles[0]["file"]).read_text(encoding="utf-8")
    assert first.startswith(f"# {articles[0]['title']}")
    # A rerun into the existing folder resumes: nothing is redone, the index is the same.
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 0
    assert [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()] == index


def test_a_second_run_on_a_locked_output_is_refused(tmp_path, capsys):
    import fcntl

    write_warcs(tmp_path / "in", 1, 2)
    out = tmp_path / "out.jsonl"
    with open(tmp_path / "out.jsonl.lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "another run is writing" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 0
