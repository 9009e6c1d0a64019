"""The command line, run as a user runs it: a real subprocess."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES
from tests.httpserver import serve

PAGE = EXAMPLES / "harbour-ferry.html"


def run(*args, stdin: bytes | None = None, timeout: float = 60):
    return subprocess.run([sys.executable, "-m", "newspith", *args], input=stdin,
                          capture_output=True, timeout=timeout)


def test_extract_file_json():
    r = run("extract", str(PAGE))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["title"].startswith("Ferry crossing") and d["is_article"]


def test_extract_stdin_markdown():
    r = run("extract", "-", "--format", "markdown", stdin=PAGE.read_bytes())
    assert r.returncode == 0
    out = r.stdout.decode()
    assert out.startswith("# Ferry crossing") and "## What changes on 3 April" in out


def test_extract_stdin_text():
    r = run("extract", "-", "--format", "text", stdin=PAGE.read_bytes())
    assert r.returncode == 0 and b"Islanders on Skerrin" in r.stdout


def test_extract_local_url():
    with serve({"/story": (200, "text/html; charset=utf-8", PAGE.read_bytes())}) as base:
        r = run("extract", base + "/story", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["title"].startswith("Ferry crossing")


@pytest.mark.parametrize("args, needle", [
    (("extract", "/no/such/file.html"), b"no such file"),
    (("extract", "http://127.0.0.1:9/x"), b"cannot fetch"),
])
def test_errors_are_one_clear_line(args, needle):
    r = run(*args)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(b"newspith: error:") and needle in lines[0]


def test_binary_input_is_an_error_line():
    r = run("extract", "-", stdin=bytes(range(256)) * 40)
    assert r.returncode == 1 and b"binary" in r.stderr


@pytest.mark.parametrize("cmd", [(), ("extract",), ("run",), ("bench",)])
def test_help_on_every_command(cmd):
    r = run(*cmd, "--help")
    assert r.returncode == 0 and b"usage:" in r.stdout


def test_usage_error_exit_code():
    assert run("extract", "--format", "pdf", str(PAGE)).returncode == 2


def test_run_writes_one_row_per_page(tmp_path):
    (tmp_path / "bad.html").write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "out" / "articles.jsonl"
    r = run("run", str(EXAMPLES), str(tmp_path / "bad.html"), "--out", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    pages = len(list(EXAMPLES.glob("*.html")))
    assert len(rows) == pages + 1
    bad = [row for row in rows if not row["ok"]]
    assert len(bad) == 1 and bad[0]["error"]["error"] == "InputError"
    assert r.returncode == 0  # every page accounted for; the failure is a row with its reason
    assert f"read {pages + 1} = written {pages + 1}".encode() in r.stdout


def test_extract_explain():
    r = run("extract", str(PAGE), "--explain", "--format", "text")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert out.startswith("strategy: container") and "+ [prose]" in out and "- [" in out


def test_run_on_a_folder_without_pages_is_one_clear_line(tmp_path):
    (tmp_path / "notes.txt").write_text("not a page")
    r = run("run", str(tmp_path), "--out", str(tmp_path / "out.jsonl"))
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"newspith: error: no HTML, WARC, WET or JSONL files in the folder {tmp_path}".encode()]


@pytest.mark.parametrize("preset, expected", [(None, "1"), ("3", "3")])
def test_the_command_line_runs_numpy_on_one_blas_thread(preset, expected):
    # A batch's workers each load numpy; OpenBLAS's own threads would spin between the
    # language identifier's small products and take CPU from the other workers. OpenBLAS reads
    # the setting when numpy loads, so the command line must set it before anything imports it.
    code = ("import os, sys\n"
            "from newspith import cli\n"
            "assert 'numpy' not in sys.modules\n"
            f"assert cli.main(['extract', {str(PAGE)!r}, '--format', 'text']) == 0\n"
            "print(os.environ['OPENBLAS_NUM_THREADS'])\n")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().strip().splitlines()[-1] == expected
