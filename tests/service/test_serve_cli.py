"""``newspith serve`` and the load benchmark, which starts it in a child process."""

from __future__ import annotations

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


def test_load_benchmark_runs_without_errors():
    result = run_load(EXAMPLES, clients=2, seconds=1.0, warmup=0.5)
    assert result.requests > 0 and result.errors == 0
    assert 0 < result.percentile(50) <= result.percentile(99)
    assert result.rss_idle > 0 and result.rss_end > 0
    table = result.markdown().splitlines()
    assert table[0].startswith("| clients |") and table[2].startswith("| 2 | 1 |")
