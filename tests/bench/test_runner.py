import io

import pytest

from newspith.bench.datasets import find_data
from newspith.bench.runner import BenchOptions, run_bench
from newspith.errors import InputError


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        run_bench(BenchOptions(data=str(tmp_path / "nowhere")))


def test_bench_prints_a_table_per_dataset(shared_dir):
    out = io.StringIO()
    results = run_bench(BenchOptions(data=str(shared_dir / "bench"), tools=("newspith",),
                                     limit=3, worst=2, memory_passes=2), out=out)
    text = out.getvalue()
    assert {r.name for r in results} == {"dragnet", "cleaneval", "readability", "cleanportaleval",
                                         "naeb", "naeb-confirm"}
    assert "worst 2 pages of newspith on naeb-confirm" not in text  # score only: no pages
    assert "worst 2 pages of newspith on naeb\n" in text and "collapsed" in text
    for r in results:
        assert f"{r.name} (3 pages)" in text
        assert r.tools["newspith"].summary.pages == 3
    assert "precision" in text and "worst 2 pages" in text
    assert "wcxb dev (3 pages" in text and "memory: 2 passes over 15 pages" in text
    assert "page types on wcxb dev: accuracy" in text


def test_find_data_beside_checkout(shared_dir):
    assert find_data() == shared_dir / "bench"
