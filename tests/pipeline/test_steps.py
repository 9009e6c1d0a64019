from newspith.document import Document
from newspith.pipeline import extract_document


def test_article_row():
    doc = Document(id="p1", source="mem", body=b"<html><body><article><p>" +
                   b"A sentence of prose here. " * 20 + b"</p></article></body></html>")
    row = extract_document(doc)
    assert row.ok and row.to_dict()["id"] == "p1" and row.to_dict()["is_article"]


def test_error_row_keeps_page_id_and_reason():
    row = extract_document(Document(id="bin", source="mem", body=bytes(range(256)) * 30))
    d = row.to_dict()
    assert not row.ok and d["ok"] is False
    assert d["error"]["error"] == "InputError" and d["error"]["page_id"] == "bin"
    assert d["error"]["stage"] == "input"


def test_a_resumed_run_counts_its_pages_per_second_on_its_own_rows():
    from newspith.executors.shards import Tally
    from newspith.pipeline.batch import BatchStats

    stats = BatchStats(shards=2, seconds=2.0)
    stats.skip(Tally(read=10, written=10, articles=10, landed=10))  # done by the earlier run
    stats.merge(Tally(read=4, written=4, articles=4, landed=4))
    figures = stats.to_dict()
    assert (figures["read"], figures["written"], figures["shards_skipped"]) == (14, 14, 1)
    assert figures["pages_per_second"] == 2.0 and figures["counts_check"]


def test_an_encoded_row_carries_its_line_and_leaves_the_blocks_behind():
    """What a worker sends to a batch writing JSON Lines: the row's own dict as a line (which
    ``to_dict`` gives back), an article without blocks, and the same sketch."""
    import pickle

    from newspith.io.jsonl import dumps_line
    from newspith.pipeline.steps import encoded, extract_and_sketch
    from tests.conftest import EXAMPLES

    doc = Document(id="h1", source="mem", url="https://news.example/h",
                   body=(EXAMPLES / "harbour-ferry.html").read_bytes(),
                   headers={"warc-date": "2024-05-01T00:00:00Z"})
    plain = extract_and_sketch(doc)
    row = extract_and_sketch(doc, encode=True)
    assert plain.line is None and plain.article.blocks
    assert row.line == dumps_line(plain.to_dict()) and row.to_dict() == plain.to_dict()
    assert row.to_dict()["blocks"] and row.article.blocks == ()
    assert row.article.text == plain.article.text and row.sketch == plain.sketch
    assert len(pickle.dumps(row.article)) < len(pickle.dumps(plain.article))
    error = encoded(extract_document(Document(id="bin", source="mem",
                                              body=bytes(range(256)) * 30)))
    assert error.article is None and error.to_dict()["error"]["page_id"] == "bin"


def test_json_lines_runs_write_the_workers_lines_and_markdown_runs_render_articles(tmp_path):
    """A JSON Lines output holds the same rows whether pages ran in workers (encoded there)
    or in this process; a Markdown folder's rows never come encoded."""
    import json
    import shutil

    from newspith.cli import main
    from tests.conftest import EXAMPLES

    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("harbour-ferry.html", "budget-vote.html"):
        shutil.copy(EXAMPLES / name, pages / name)
    rows = {}
    for workers, guards in (("2", []), ("1", ["--page-seconds", "0", "--worker-memory", "0"])):
        out = tmp_path / f"w{workers}.jsonl"
        assert main(["run", str(pages), "--out", str(out), "--quiet", "--workers", workers,
                     *guards]) == 0
        rows[workers] = sorted(out.read_text(encoding="utf-8").splitlines())
    assert rows["1"] == rows["2"] and len(rows["1"]) == 2
    assert all(json.loads(r)["blocks"] for r in rows["1"])
    folder = tmp_path / "md"
    assert main(["run", str(pages), "--out", str(folder) + "/", "--quiet", "--workers", "2"]) == 0
    rendered = {f.read_text(encoding="utf-8") for f in folder.glob("*.md")}
    assert len(rendered) == 2
    # each file holds its article's body, rendered from the whole Article (blocks included)
    body = (EXAMPLES / "harbour-ferry.expected.txt").read_text(encoding="utf-8").split("\n")[2]
    assert any(body[:60] in md for md in rendered)
    index = [json.loads(x) for x in (folder / "index.jsonl").read_text().splitlines()]
    assert all("file" in r and "blocks" not in r for r in index)


def test_an_encoded_row_with_a_lone_surrogate_reads_back():
    """orjson refuses a lone surrogate (text from a JSONL input that was never valid
    Unicode): the line is written by ``json`` with it escaped, and ``to_dict`` reads it back."""
    from newspith.pipeline.steps import encoded

    doc = Document(id="t1", source="mem", kind="text",
                   body="A headline\n\n" + "Words of a story that goes on here. " * 12 + "\ud800")
    row = encoded(extract_document(doc))
    assert row.line is not None and b"\\ud800" in row.line
    assert row.to_dict()["id"] == "t1" and row.to_dict()["text"].startswith("Words of a story")
