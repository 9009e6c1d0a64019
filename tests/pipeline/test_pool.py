"""The worker pool: a slow page, a page that dies, a page that needs too much memory; every page
still gives exactly one row, and the pool goes on."""

from __future__ import annotations

import os
import time

from newspith.document import Document
from newspith.config import PoolConfig
from newspith.pipeline.pool import run_pool
from newspith.pipeline.steps import extract_document
from tests.conftest import EXAMPLES

PAGE = ("<html><body><article><h1>Bridge closes</h1>" + "<p>The council voted to close the old "
        "bridge to cars from May, after engineers found corrosion in its supports.</p>" * 5 +
        "</article></body></html>")


def misbehave(doc, config):
    """Module level, so worker processes can run it: what each test document asks for."""
    if doc.id == "slow":
        time.sleep(30)
    elif doc.id == "dies":
        os._exit(3)
    elif doc.id == "hog":
        blob = bytearray(1024 * 1024 * 1024)  # over the worker's cap
        return blob
    return extract_document(doc, config)


def test_every_page_gives_one_row_whatever_it_does():
    ids = ["a", "slow", "b", "dies", "c", "hog", "d", "e"]
    docs = [Document(id=i, source="test", body=PAGE) for i in ids]
    start = time.monotonic()
    rows = list(run_pool(docs, pool=PoolConfig(workers=2, page_seconds=2,
                                               worker_memory_mb=512), fn=misbehave))
    assert time.monotonic() - start < 20
    by_id = {r.doc.id: r for r in rows}
    assert sorted(by_id) == sorted(ids) and len(rows) == len(ids)
    for i in "abcde":
        assert by_id[i].ok and by_id[i].article.title == "Bridge closes"
    assert by_id["slow"].error["error"] == "timeout"
    assert by_id["dies"].error["error"] == "worker-died"
    assert by_id["hog"].error["error"] == "memory"


def test_rows_match_the_sequential_step():
    docs = [Document(id=str(i), source="test", body=PAGE.replace("May", f"May {i}"))
            for i in range(12)]
    rows = list(run_pool(docs, pool=PoolConfig(workers=2)))
    pooled = {r.doc.id: r.article.text for r in rows}
    assert pooled == {d.id: extract_document(d).article.text for d in docs}
    # Rows come back with their page's provenance but not its bytes (sent once, not twice).
    assert all(r.doc.body == b"" and r.doc.source == "test" for r in rows)


def test_the_memory_cap_is_on_top_of_what_the_worker_inherits():
    import mmap

    page = (EXAMPLES / "storm-blog.html").read_bytes()
    reserved = mmap.mmap(-1, 3 << 30)  # a large index loaded in the parent: address space only
    try:
        docs = [Document(id=f"p{i}", source="t", body=page) for i in range(3)]
        rows = list(run_pool(docs, pool=PoolConfig(workers=1, worker_memory_mb=512)))
    finally:
        reserved.close()
    assert [r.ok for r in rows] == [True] * 3, [r.error for r in rows]


def _slow_ok(doc, config):
    time.sleep(0.3)
    return extract_document(doc, config)


def test_ctrl_c_reaching_the_workers_does_not_kill_them():
    import multiprocessing
    import signal

    page = (EXAMPLES / "storm-blog.html").read_bytes()
    docs = [Document(id=f"p{i}", source="t", body=page) for i in range(4)]
    rows = []
    for row in run_pool(docs, pool=PoolConfig(workers=2, batch_pages=1), fn=_slow_ok):
        if not rows:
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGINT)
        rows.append(row)
    assert [r.ok for r in rows] == [True] * 4, [r.error for r in rows]


def test_batches_sent_ahead_keep_order_limits_and_every_row():
    """With small batches sent one ahead, every page still gives one row, a slow page still
    times out, and its worker's other pages, sent ahead, come back from the replacement."""
    ids = [f"p{i}" for i in range(10)] + ["slow"] + [f"q{i}" for i in range(10)]
    docs = [Document(id=i, source="test", body=PAGE) for i in ids]
    start = time.monotonic()
    rows = list(run_pool(docs, pool=PoolConfig(workers=2, page_seconds=1.5, batch_pages=2,
                                               worker_memory_mb=0), fn=misbehave))
    assert time.monotonic() - start < 15
    assert sorted(r.doc.id for r in rows) == sorted(ids)
    by_id = {r.doc.id: r for r in rows}
    assert by_id["slow"].error["error"] == "timeout"
    assert all(by_id[i].ok for i in ids if i != "slow")


def test_a_worker_is_sent_its_next_batch_only_when_the_pipe_holds_it():
    from newspith.pipeline.pool import _Slot

    import multiprocessing as mp

    slot = _Slot(mp.get_context("fork"), misbehave, None, 0)
    try:
        small, big = b"x" * 100, b"x" * (slot.room + 1)
        assert slot.takes(big)                     # idle: it reads whatever it is sent
        slot.docs.append(Document(id="a", source="t"))
        slot.batches.append([1, 0])                # one batch, already read
        assert slot.takes(small) and not slot.takes(big)
        slot.batches.append([1, 100])              # two batches: nothing more
        assert not slot.takes(small)
    finally:
        slot.docs.clear()
        slot.stop()


def _dies_on_p2(doc, config):
    if doc.id == "p2":
        os._exit(3)
    return extract_document(doc, config)


def _no_memory_on_p2(doc, config):
    if doc.id == "p2":
        return None  # what the worker's loop makes of a MemoryError
    return extract_document(doc, config)


def test_a_worker_dying_on_a_batch_sent_ahead_loses_nothing():
    """A worker dies (or runs out of memory) on the first page of its second batch while the
    parent is slow to read its rows: the parent's next batch for it finds a closed pipe, the
    page becomes an error row, and every other page still comes back, from the replacement."""
    ids = [f"p{i}" for i in range(8)]
    for fn, kind in ((_dies_on_p2, "worker-died"), (_no_memory_on_p2, "memory")):
        docs = [Document(id=i, source="test", body=PAGE) for i in ids]
        rows = []
        for row in run_pool(docs, pool=PoolConfig(workers=1, batch_pages=2, page_seconds=20,
                                                  worker_memory_mb=0), fn=fn):
            rows.append(row)
            time.sleep(0.3)  # a slow sink: the worker is done with its batch before we ask
        by_id = {r.doc.id: r for r in rows}
        assert sorted(by_id) == ids and len(rows) == len(ids), fn.__name__
        assert by_id["p2"].error["error"] == kind
        assert all(by_id[i].ok for i in ids if i != "p2")
