"""Worker processes with a time limit and a memory cap per page; nothing lost, nothing stuck.

The parent hands a batch of up to ``PoolConfig.batch_pages`` Documents to each idle worker over a
pipe and waits on all pipes at once; the worker sends a row back per page, in order (a batch saves
the wait for the parent between pages). A worker that takes longer than ``PoolConfig.page_seconds``
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
from dataclasses import replace
from multiprocessing.connection import Connection, wait

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


def _worker(conn: Connection, fn: Callable, config, memory_mb: int) -> None:
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
            batch = conn.recv()
        except EOFError:
            return
        except MemoryError:  # the batch itself did not fit: its first page is the error row
            conn.send(("memory", None))
            return
        if batch is None:
            return
        for doc in batch:
            try:
                row = fn(doc, config)
            except MemoryError:
                row = None
            if row is None:  # out of memory: report it and let the parent start a fresh worker
                conn.send(("memory", None))
                return
            if isinstance(row, Row) and row.doc.body:
                # The parent needs the page's id and provenance, not its bytes back again.
                row = replace(row, doc=replace(row.doc, body=b""))
            conn.send(("ok", row))


class _Slot:
    """One worker process and the page it is on."""

    def __init__(self, ctx, fn, config, memory_mb) -> None:
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, fn, config, memory_mb), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.docs: deque[Document] = deque()  # the batch it is on, the current page first
        self.since = 0.0                      # when the current page started

    @property
    def doc(self) -> Document | None:
        return self.docs[0] if self.docs else None

    def give(self, docs: list[Document]) -> None:
        self.docs.extend(docs)
        self.since = time.monotonic()
        self.conn.send(docs)

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
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
    exhausted = False
    batch = max(1, pool.batch_pages)
    limited = pool.page_seconds > 0  # 0: no time limit
    try:
        while True:
            for slot in slots:
                if slot.doc is None and not exhausted:
                    given = []
                    while len(given) < batch:
                        doc = next(todo, None)
                        if doc is None:
                            exhausted = True
                            break
                        given.append(doc)
                    if given:
                        slot.give(given)
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
                        slot.docs.popleft()
                        slot.since = time.monotonic()
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
