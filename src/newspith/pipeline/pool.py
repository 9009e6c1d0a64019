"""Worker processes with a time limit and a memory cap per page; nothing lost, nothing stuck.

The parent hands batches of up to ``PoolConfig.batch_pages`` Documents to each worker over a
pipe and waits on all pipes at once; the worker sends a row back per page, in order. A worker
busy with a batch is sent its next one ahead, when that fits in the pipe's buffer (widened to
1 MB where the system allows): the worker finds it waiting when it is done, and the parent never
blocks on a worker that is not reading. A worker that takes longer than ``PoolConfig.page_seconds``
on a page is killed and replaced, and the page becomes an error row (``timeout``). Each worker runs
under an address-space cap (``PoolConfig.worker_memory_mb`` on top of the address space it
inherited at fork, ``RLIMIT_AS``): a page that needs more
raises MemoryError inside the worker, becomes an error row (``memory``), and the worker is replaced
so that its heap starts clean. A worker that dies for any other reason is replaced too, and its
page becomes an error row (``worker-died``). The rest of a replaced worker's batch goes to its
replacement, so no page is lost or done twice. Rows come back in completion order, each carrying
its Document (without the page's bytes, which the parent no longer needs).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import replace
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler

from newspith.config import ExtractConfig, PoolConfig
from newspith.document import Document
from newspith.extract.metadata.language import preload
from newspith.pipeline.steps import Row, extract_document

__all__ = ["run_pool"]


def _vm_size() -> int:
    """This process's address space in bytes (what it inherited at fork), 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return 0
    return 0


def _worker(pipes: tuple[Connection, Connection], fn: Callable, config, memory_mb: int
            ) -> None:
    docs, rows = pipes
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the workers
    # What the worker inherited at fork (the language model, the parent's modules) lives as
    # long as the worker: its collections pass it over, so they neither spend time on it nor
    # write to its pages (which would copy them).
    gc.freeze()
    if memory_mb:
        import resource

        # The cap is on top of the address space inherited from the parent (a loaded corpus
        # index, the language model), not a total that may already be used up.
        limit = _vm_size() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            batch = docs.recv()
        except EOFError:
            return
        except MemoryError:  # the batch itself did not fit: its first page is the error row
            rows.send(("memory", None))
            return
        if batch is None:
            return
        for doc in batch:
            try:
                row = fn(doc, config)
            except MemoryError:
                row = None
            if row is None:  # out of memory: report it and let the parent start a fresh worker
                rows.send(("memory", None))
                return
            if isinstance(row, Row) and row.doc.body:
                # The parent needs the page's id and provenance, not its bytes back again.
                row = replace(row, doc=replace(row.doc, body=b""))
            rows.send(("ok", row))


_PIPE_BYTES = 1 << 20  # the buffer asked for each pipe (Linux's default ceiling for users)
_PIPE_SLACK = 8192     # room kept free: a message's header and page-aligned pipe buffers


def _widen(conn: Connection) -> int:
    """Ask for a ``_PIPE_BYTES`` buffer on a pipe; the buffer it has, in bytes."""
    try:
        import fcntl

        fd = conn.fileno()
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        return int(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower ceiling
        return 4096  # (POSIX's smallest pipe buffer: the parent then sends ahead seldom)


class _Slot:
    """One worker process, the pages it holds (in order) and the batches sent to it."""

    def __init__(self, ctx, fn, config, memory_mb) -> None:
        docs_in, docs_out = ctx.Pipe(duplex=False)
        rows_in, rows_out = ctx.Pipe(duplex=False)
        self.room = _widen(docs_out)  # (rows, a few kB each, do with the default buffer)
        self.proc = ctx.Process(target=_worker, args=((docs_in, rows_out), fn, config,
                                                      memory_mb), daemon=True)
        self.proc.start()
        docs_in.close()
        rows_out.close()
        self.out, self.conn = docs_out, rows_in
        self.docs: deque[Document] = deque()  # the pages it holds, the current page first
        # Per batch sent: [pages whose rows are still to come, its bytes while still unread]
        # (a batch is read whole before its first row comes back).
        self.batches: deque[list[int]] = deque()
        self.since = 0.0                      # when the current page started

    @property
    def doc(self) -> Document | None:
        return self.docs[0] if self.docs else None

    def takes(self, payload: bytes) -> bool:
        """Whether ``payload`` can be sent now without waiting: the worker is idle (and so
        reading), or has one batch and the pipe's buffer holds this one beside what is unread."""
        if not self.docs:
            return True
        unread = sum(b[1] for b in self.batches)
        return len(self.batches) == 1 and unread + len(payload) + _PIPE_SLACK <= self.room

    def give(self, docs: list[Document], payload: bytes | None = None) -> None:
        if payload is None:
            payload = bytes(ForkingPickler.dumps(docs))
        if not self.docs:
            self.since = time.monotonic()
        self.docs.extend(docs)
        self.batches.append([len(docs), len(payload)])
        try:
            self.out.send_bytes(payload)
        except OSError:
            # The worker died (or ran out of memory) since its last row: the parent finds out
            # when it next reads from it, and the replacement gets these pages.
            pass

    def came_back(self) -> None:
        """One row of the current page came back."""
        self.docs.popleft()
        self.since = time.monotonic()
        batch = self.batches[0]
        batch[0] -= 1
        batch[1] = 0  # read
        if batch[0] == 0:
            self.batches.popleft()

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.proc.kill()
            else:
                self.out.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.out.close()
        self.conn.close()


def _error(doc: Document, kind: str, message: str) -> Row:
    return Row(doc, error={"error": kind, "stage": "worker", "message": message,
                           "page_id": doc.id, "url": doc.url})


def _replace(slot: _Slot, ctx, fn, config, memory_mb: int) -> _Slot:
    """Kill a worker; a fresh one takes the rest of its batch (its current page is lost to the
    caller, who writes that page's error row)."""
    slot.stop(kill=True)
    fresh = _Slot(ctx, fn, config, memory_mb)
    rest = list(slot.docs)[1:]
    if rest:
        fresh.give(rest)
    return fresh


def run_pool(docs: Iterable[Document], config: ExtractConfig | None = None,
             pool: PoolConfig | None = None,
             fn: Callable[[Document, ExtractConfig | None], Row] = extract_document
             ) -> Iterator[Row]:
    """One Row per Document, from worker processes, in completion order."""
    pool = pool or PoolConfig()
    n = max(1, pool.workers or os.cpu_count() or 1)
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    if ctx.get_start_method() == "fork":
        preload()  # the language model, loaded once and shared by the forked workers
    slots = [_Slot(ctx, fn, config, pool.worker_memory_mb) for _ in range(n)]
    todo = iter(docs)
    batch = max(1, pool.batch_pages)
    held: tuple[list[Document], bytes] | None = None  # the next batch, read and pickled
    limited = pool.page_seconds > 0  # 0: no time limit
    try:
        while True:
            for slot in slots:
                if held is None:
                    given = list(islice(todo, batch))
                    held = (given, bytes(ForkingPickler.dumps(given))) if given else None
                if held is not None and slot.takes(held[1]):
                    slot.give(*held)
                    held = None
            busy = [s for s in slots if s.doc is not None]
            if not busy:
                return
            if limited:
                deadline = min(s.since for s in busy) + pool.page_seconds
                ready = wait([s.conn for s in busy],
                             timeout=max(0.0, deadline - time.monotonic()))
            else:
                ready = wait([s.conn for s in busy])
            now = time.monotonic()
            for i, slot in enumerate(slots):
                if slot.doc is None:
                    continue
                doc = slot.doc
                if slot.conn in ready:
                    try:
                        status, row = slot.conn.recv()
                    except (EOFError, OSError):
                        status, row = "died", None
                    if status == "ok":
                        slot.came_back()
                        yield row
                        continue
                    slots[i] = _replace(slot, ctx, fn, config, pool.worker_memory_mb)
                    yield (_error(doc, "memory", f"the page needed more than "
                                  f"{pool.worker_memory_mb} MB") if status == "memory"
                           else _error(doc, "worker-died", "the worker process died on this page"))
                elif limited and now - slot.since >= pool.page_seconds:
                    slots[i] = _replace(slot, ctx, fn, config, pool.worker_memory_mb)
                    yield _error(doc, "timeout", f"the page took over {pool.page_seconds:g} s")
    finally:
        for slot in slots:
            slot.stop(kill=slot.doc is not None)
