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
