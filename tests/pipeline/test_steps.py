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
