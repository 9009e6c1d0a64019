"""``newspith serve`` and the load benchmark, which starts it in a child process."""

from __future__ import annotations

import sys

import pytest

from newspith.bench.load import run_load
from newspith.cli import build_parser, main

from tests.conftest import EXAMPLES


def test_serve_options():
    args = build_parser().parse_args(["serve", "--db", "c.sqlite", "--port", "9999",
                                      "--allow-private"])
    assert (args.db, args.host, args.port, args.allow_private) == ("c.sqlite", "127.0.0.1",
                                                                   9999, True)


def test_serve_refuses_a_missing_corpus(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "missing.sqlite")]) == 1
    assert "no such corpus database" in capsys.readouterr().err


def test_serve_warns_of_a_broken_default_corpus_and_starts_without(tmp_path, monkeypatch,
                                                                  capsys):
    uvicorn = pytest.importorskip("uvicorn")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "corpus.sqlite").write_bytes(b"not a database " * 100)
    monkeypatch.chdir(tmp_path)
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.append(app))
    assert main(["serve"]) == 0
    assert served[0].app.state.corpus is None
    err = capsys.readouterr().err
    assert "warning: not using out/corpus.sqlite" in err and "not a SQLite corpus" in err


def test_load_benchmark_reports_a_failed_start_and_cleans_up(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    fake = tmp_path / "fake-python"
    fake.write_text("#!/bin/sh\necho the server failed to start >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(fake))
    with pytest.raises(RuntimeError, match="the server failed to start"):
        run_load(EXAMPLES, clients=1, seconds=0.1, warmup=0.1)
    assert not list(tmp_path.glob("newspith-load-*"))


def test_load_benchmark_runs_without_errors(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    result = run_load(EXAMPLES, clients=2, seconds=1.0, warmup=0.5)
    assert result.requests > 0 and result.errors == 0
    assert 0 < result.percentile(50) <= result.percentile(99)
    assert result.rss_idle > 0 and result.rss_end > 0
    table = result.markdown().splitlines()
    assert table[0].startswith("| clients |") and table[2].startswith("| 2 | 1 |")
    assert not list(tmp_path.glob("newspith-load-*"))  # its folder is removed
