"""End-to-end batch benchmark: ``newspith run`` against trafilatura's parallel command line.

Builds, in a temporary folder, a WARC of at least ``--pages`` pages from the dev pages in
``../shared/bench/content/`` (repeated with distinct URLs to reach the count) and the same pages
as HTML files; then times, in the same run and on the same pages, ``newspith run WARC --out
OUT.jsonl --workers N`` and ``trafilatura --input-dir DIR --output-dir OUT --parallel N``, each
as a command from start to exit. Peak memory is each process's high-water RSS (``VmHWM`` read
from ``/proc`` while it runs; shared pages count in each process that maps them).

    python -m newspith.bench.pipeline [--pages 5000] [--workers 2] [--repeat 3]
                                      [--data ../shared/bench]

The inputs are flushed to disk (``os.sync``) before each timed command, so that neither runs
beside the kernel writing them back. With ``--repeat N`` the two commands are timed N times in
turn (the machines are shared and noisy): the table is the run with the median ratio, and every
run's ratio is printed under it. Prints a Markdown table. Skips, saying why, when the data (or trafilatura) is absent.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from newspith.bench.datasets import content_datasets, find_data, read_pages

__all__ = ["Timing", "build_inputs", "main", "time_command"]


@dataclass
class Timing:
    seconds: float
    returncode: int
    peak_mb: dict[int, float] = field(default_factory=dict)  # pid -> VmHWM (MB)
    root: int = 0
    cpu: float = 0.0  # user + system seconds of the command and every process it waited for

    def main_mb(self) -> float:
        return self.peak_mb.get(self.root, 0.0)

    def worker_mb(self) -> float:
        """The largest peak among the processes under the command's own (its workers)."""
        return max((mb for pid, mb in self.peak_mb.items() if pid != self.root), default=0.0)


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def _hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def time_command(cmd: list[str], every: float = 0.05, **kw) -> Timing:
    """Run ``cmd`` to its end; wall time and the peak RSS of it and of each descendant."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    timing = Timing(0.0, 0, root=proc.pid)

    def sample() -> None:
        while proc.poll() is None:
            todo = [proc.pid]
            while todo:
                pid = todo.pop()
                mb = _hwm_mb(pid)
                if mb is not None:
                    timing.peak_mb[pid] = max(mb, timing.peak_mb.get(pid, 0.0))
                todo.extend(_children(pid))
            time.sleep(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    timing.seconds = time.perf_counter() - start
    timing.returncode = proc.returncode
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    timing.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampler.join()
    if proc.returncode:
        print(err.decode("utf-8", "replace")[-2000:], file=sys.stderr)
    return timing


def _record(uri: str, n: int, html: bytes) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(html)}\r\n\r\n".encode() + html)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-05-02T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=1)


def build_inputs(data: Path, folder: Path, pages: int) -> tuple[Path, Path, int]:
    """``(warc, html_folder, count)``: the dev pages, repeated with distinct URLs up to
    ``pages``, as one WARC and as one HTML file each."""
    dev = [p for f in content_datasets(data) for p in read_pages(f)]
    if not dev:
        raise SystemExit(f"no dev pages in {data / 'content'}")
    html_dir = folder / "pages"
    html_dir.mkdir(parents=True)
    warc = folder / "bench.warc.gz"
    with open(warc, "wb") as out:
        for n in range(pages):
            page = dev[n % len(dev)]
            html = page["html"].encode("utf-8")
            url = f"{page.get('url') or 'https://bench.example/' + str(page['id'])}#copy{n}"
            out.write(_record(url, n, html))
            (html_dir / f"{n:06d}.html").write_bytes(html)
    return warc, html_dir, pages


def _trafilatura() -> str | None:
    here = Path(sys.executable).with_name("trafilatura")
    return str(here) if here.exists() else shutil.which("trafilatura")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newspith.bench.pipeline",
                                description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", type=int, default=5000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--repeat", type=int, default=1,
                   help="time both tools this many times, in turn; the table is the median run")
    p.add_argument("--data", help="the shared/bench folder (default: found beside the checkout)")
    args = p.parse_args(argv)
    data = find_data(args.data)
    if data is None:
        print("skipped: ../shared/bench not found (the pipeline benchmark needs the dev pages)")
        return 0
    traf = _trafilatura()
    if traf is None:
        print("skipped: the trafilatura command is not installed")
        return 0
    runs = []
    with tempfile.TemporaryDirectory(prefix="newspith-bench-") as tmp:
        folder = Path(tmp)
        warc, html_dir, n = build_inputs(data, folder, args.pages)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")]))
        for _ in range(max(1, args.repeat)):
            # Each run from scratch (a run finding its shards finished would only resume).
            (folder / "out.jsonl").unlink(missing_ok=True)
            for done in (folder / "out.jsonl.shards", folder / "traf"):
                shutil.rmtree(done, ignore_errors=True)
            # The inputs (and the last run's outputs) are on disk before either clock starts:
            # the kernel writing them back must not run beside the first tool timed.
            if hasattr(os, "sync"):
                os.sync()
            ours = time_command([sys.executable, "-m", "newspith", "run", str(warc), "--out",
                                 str(folder / "out.jsonl"), "--workers", str(args.workers),
                                 "--quiet"], env=env)
            rows = sum(1 for _ in open(folder / "out.jsonl", encoding="utf-8")) \
                if ours.returncode == 0 else 0
            if hasattr(os, "sync"):
                os.sync()
            theirs = time_command([traf, "--input-dir", str(html_dir), "--output-dir",
                                   str(folder / "traf"), "--parallel", str(args.workers)],
                                  cwd=folder)
            files = sum(f.is_file() for f in (folder / "traf").rglob("*"))
            runs.append((ours, rows, theirs, files))
    # The table is the run with the median ratio; every run's ratio is listed under it.
    ratios = [theirs.seconds / ours.seconds if ours.seconds else 0.0
              for ours, _, theirs, _ in runs]
    median = sorted(range(len(runs)), key=lambda i: ratios[i])[len(runs) // 2]
    print(_table(n, args.workers, *runs[median]))
    if len(runs) > 1:
        print(f"\n{len(runs)} runs, each tool in turn: "
              + ", ".join(f"{r:.2f}×" for r in ratios)
              + f" pages/s (wall clock); the table is the median run ({ratios[median]:.2f}×)")
    return 0


def _table(n: int, workers: int, ours: Timing, rows: int, theirs: Timing, files: int) -> str:
    def rate(t: Timing) -> float:
        return n / t.seconds if t.seconds else 0.0

    def cpu(t: Timing) -> float:
        return 1000 * t.cpu / n

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"{n} pages (dev pages repeated with distinct URLs), {workers} workers each, "
        f"{os.cpu_count()} cores, load average {load:.2f} at the end",
        "",
        "| tool | command | seconds | pages/s | CPU ms/page | output | peak RSS main (MB) | "
        "peak RSS per worker (MB) |",
        "|---|---|---|---|---|---|---|---|",
        f"| newspith | `newspith run bench.warc.gz --out out.jsonl --workers {workers}` | "
        f"{ours.seconds:.1f} | {rate(ours):.1f} | {cpu(ours):.1f} | {rows} rows | "
        f"{ours.main_mb():.0f} | {ours.worker_mb():.0f} |",
        f"| trafilatura | `trafilatura --input-dir pages/ --output-dir out/ --parallel "
        f"{workers}` | {theirs.seconds:.1f} | {rate(theirs):.1f} | {cpu(theirs):.1f} | "
        f"{files} files | {theirs.main_mb():.0f} | {theirs.worker_mb():.0f} |",
        "",
        (f"newspith / trafilatura: {rate(ours) / rate(theirs):.2f}× pages/s (wall clock), "
         f"{cpu(theirs) / cpu(ours):.2f}× less CPU time per page")
        if rate(theirs) and cpu(ours) else "trafilatura did not run",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
