"""Load benchmark of the HTTP service: N concurrent clients posting sample pages to ``/extract``.

    python -m newspith.bench.load --clients 8 --seconds 30

starts ``newspith serve`` in a child process on loopback, warms it up, then has ``--clients``
concurrent clients post the pages of ``--pages`` (raw HTML) for ``--seconds``, and prints a
Markdown table: requests per second, p50 and p99 latency, errors (anything but HTTP 200), and the
server's resident memory when idle, after the warm-up and at the end (it should stay flat).
The clients run in this process, so they share the machine's cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LoadResult", "run_load", "main"]


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, of successful requests
    errors: int = 0
    rss_idle: int = 0          # bytes
    rss_warm: int = 0
    rss_end: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def markdown(self) -> str:
        mb = lambda b: f"{b / 2**20:.0f}"  # noqa: E731
        head = ("| clients | seconds | requests | req/s | p50 ms | p99 ms | errors "
                "| RSS idle MB | RSS after warm-up MB | RSS at end MB |")
        row = (f"| {self.clients} | {self.seconds:g} | {self.requests} "
               f"| {self.requests / self.seconds:.1f} | {self.percentile(50) * 1000:.1f} "
               f"| {self.percentile(99) * 1000:.1f} | {self.errors} | {mb(self.rss_idle)} "
               f"| {mb(self.rss_warm)} | {mb(self.rss_end)} |")
        return "\n".join([head, "|" + "---|" * 10, row])


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(port: int, folder: Path) -> subprocess.Popen:
    """``newspith serve`` started in ``folder`` (empty, so that no out/corpus.sqlite of the
    caller's is opened), its log written to ``folder/server.log`` (a pipe left unread could fill
    and stall the server)."""
    cmd = [sys.executable, "-m", "newspith", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning"]
    log = folder / "server.log"
    with log.open("wb") as stderr:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, cwd=folder)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"the server did not start within 30 s: {log.read_text(errors='replace')}")


async def _clients(base: str, pages: list[bytes], clients: int, seconds: float,
                   result: LoadResult | None) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        async def one(n: int) -> None:
            i = n
            while time.monotonic() < deadline:
                page = pages[i % len(pages)]
                i += 1
                start = time.perf_counter()
                try:
                    resp = await client.post("/extract", content=page,
                                             headers={"Content-Type": "text/html"})
                    ok = resp.status_code == 200 and bool(resp.json().get("text"))
                except Exception:  # noqa: BLE001 - any failure counts as an error
                    ok = False
                if result is not None:
                    if ok:
                        result.latencies.append(time.perf_counter() - start)
                    else:
                        result.errors += 1

        await asyncio.gather(*(one(n) for n in range(clients)))


def run_load(pages_dir: str | Path, clients: int = 8, seconds: float = 30.0,
             warmup: float = 3.0) -> LoadResult:
    """Start a server, warm it up for ``warmup`` s, then measure ``clients`` for ``seconds``."""
    pages = [p.read_bytes() for p in sorted(Path(pages_dir).glob("*.html"))]
    if not pages:
        raise SystemExit(f"no .html pages in {pages_dir}")
    port = _free_port()
    result = LoadResult(clients, seconds)
    with tempfile.TemporaryDirectory(prefix="newspith-load-", ignore_cleanup_errors=True) as folder:
        server = _start_server(port, Path(folder))
        base = f"http://127.0.0.1:{port}"
        try:
            result.rss_idle = _rss(server.pid)
            asyncio.run(_clients(base, pages, clients, warmup, None))
            result.rss_warm = _rss(server.pid)
            asyncio.run(_clients(base, pages, clients, seconds, result))
            result.rss_end = _rss(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newspith.bench.load", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    p.add_argument("--seconds", type=float, default=30.0, help="measured seconds (default 30)")
    p.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds first")
    p.add_argument("--pages", default="examples/pages", help="folder of .html pages to post")
    args = p.parse_args(argv)
    result = run_load(args.pages, args.clients, args.seconds, args.warmup)
    print(f"{os.cpu_count()} cores; {args.clients} clients posting the {args.pages} pages to "
          f"/extract for {args.seconds:g} s after a {args.warmup:g} s warm-up\n")
    print(result.markdown())
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
