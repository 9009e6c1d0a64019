"""The pipeline benchmark's parts: inputs built to the page count with distinct URLs, a command
timed with its peak memory, and a clean skip when the data is absent."""

from __future__ import annotations

import gzip
import json
import sys

from newspith.bench.pipeline import build_inputs, main, time_command
from newspith.io.warc import read_warc
from tests.conftest import sample_pages


def test_skips_with_a_message_without_data(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_inputs_repeat_the_pages_with_distinct_urls(tmp_path):
    data = tmp_path / "bench"
    (data / "content").mkdir(parents=True)
    with gzip.open(data / "content" / "pages.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i, p in enumerate(sample_pages()[:3]):
            fh.write(json.dumps({"id": f"p{i}", "url": f"https://e.example/{i}",
                                 "html": p.read_bytes().decode("utf-8", "replace"),
                                 "text": ""}) + "\n")
    warc, pages, n = build_inputs(data, tmp_path / "work", 7)
    docs = list(read_warc(warc))
    assert n == 7 and len(docs) == 7 and len({d.url for d in docs}) == 7
    assert len({d.body for d in docs}) == 3
    assert sorted(p.name for p in pages.iterdir())[0] == "000000.html"
    assert (pages / "000003.html").read_bytes() == docs[3].body


def test_a_timed_command_reports_time_cpu_and_peak_memory():
    code = ("import time; b = bytearray(80 * 1024 * 1024); t = time.time()\n"
            "while time.time() - t < 0.5: pass")
    t = time_command([sys.executable, "-c", code], every=0.02)
    assert t.returncode == 0 and t.seconds >= 0.5 and t.cpu >= 0.3
    assert t.main_mb() >= 80


def test_repeated_runs_start_from_scratch_and_report_the_median(tmp_path, monkeypatch, capsys):
    """``--repeat`` times both commands in turn, each run on fresh outputs (never a resumed
    run), and prints every run's ratio under the median run's table. trafilatura is stood in
    for by a script that copies its inputs."""
    import newspith.bench.pipeline as bench

    data = tmp_path / "bench"
    (data / "content").mkdir(parents=True)
    with gzip.open(data / "content" / "pages.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i, p in enumerate(sample_pages()[:2]):
            fh.write(json.dumps({"id": f"p{i}", "url": f"https://e.example/{i}",
                                 "html": p.read_bytes().decode("utf-8", "replace"),
                                 "text": ""}) + "\n")
    fake = tmp_path / "fake-trafilatura"
    fake.write_text(f"#!{sys.executable}\n"
                    "import shutil, sys\n"
                    "a = sys.argv\n"
                    "shutil.copytree(a[a.index('--input-dir') + 1], a[a.index('--output-dir') + 1])\n")
    fake.chmod(0o755)
    monkeypatch.setattr(bench, "_trafilatura", lambda: str(fake))
    assert main(["--data", str(data), "--pages", "3", "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    assert "| newspith |" in out and "| 3 rows |" in out and "| 3 files |" in out
    assert "2 runs, each tool in turn:" in out and out.count("×") >= 4
