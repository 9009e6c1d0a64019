"""The text-mode benchmark: dumps built from pages, scored three ways in one run."""

import gzip
import io
import json

from newspith.bench.runner import BenchOptions, run_bench
from newspith.bench.textdump import flat_dump, line_dump, line_filter, visible_blocks

PAGE = ("<html><head><title>Bridge closes - The Tide</title><script>var x = 1;</script></head>"
        "<body><nav><ul><li><a>Home</a></li><li><a>News</a></li></ul></nav><h1>Bridge closes</h1>"
        "<p>The council voted to close the old bridge to cars from May, after engineers found "
        "corrosion in two of its supports.</p><p>Buses will use the ring road <b>for a "
        "year</b>.</p><p hidden>secret</p><footer>© 2024 The Tide</footer></body></html>")


def test_visible_blocks_and_the_two_dump_forms():
    title, blocks = visible_blocks(PAGE)
    assert title == "Bridge closes - The Tide"
    assert blocks[:3] == ["Home", "News", "Bridge closes"]
    assert "Buses will use the ring road for a year." in blocks
    assert not any("var x" in b or "secret" in b for b in blocks)
    assert line_dump(PAGE).split("\n") == blocks
    flat = flat_dump(PAGE, seed="p1")
    head, second, rest = flat.split("\n")
    assert head == second == title and "\n" not in rest
    assert flat == flat_dump(PAGE, seed="p1")  # the same page gives the same dump
    assert "  " in rest and "       " * 2 not in rest  # runs of 2 to 8 spaces


def test_line_filter_keeps_sentences_only():
    kept = line_filter("Home\nThe council voted to close the bridge.\nWe use cookies here.")
    assert kept == "The council voted to close the bridge."


def test_text_only_bench_prints_three_methods_per_form(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    with gzip.open(content / "tiny.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "1", "html": PAGE, "text": "Bridge closes\nThe council "
                             "voted to close the old bridge to cars from May, after engineers "
                             "found corrosion in two of its supports.\nBuses will use the ring "
                             "road for a year."}) + "\n")
    out = io.StringIO()
    run_bench(BenchOptions(data=str(tmp_path), text_only=True), out=out)
    text = out.getvalue()
    for method in ("dump unchanged", "line filter", "newspith clean_text"):
        assert text.count(method) == 2  # line and flat forms
    assert "tiny (1)" in text
