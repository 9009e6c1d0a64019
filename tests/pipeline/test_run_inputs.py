"""`newspith run` over every kind of input: HTML, JSONL (html or text lines), WET; one row each."""

from __future__ import annotations

import json

from newspith.cli import main
from tests.conftest import EXAMPLES
from tests.textmode.test_text_inputs import ARTICLE, _wet


def test_run_over_jsonl_and_wet_gives_one_row_per_record(tmp_path):
    page = (EXAMPLES / "storm-blog.html").read_text(encoding="utf-8")
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"id": "p1", "url": "https://e.org/storm", "html": page}),
        json.dumps({"id": "t1", "text": ARTICLE, "title": "Harbour bridge to close"}),
        "{broken",
        json.dumps({"id": "x1", "other": 1}),
    ]) + "\n", encoding="utf-8")
    wet = _wet(tmp_path, truncated=True)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(jsonl), str(wet), "--out", str(out), "--quiet"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 + 3  # every line and every WET record: a row each
    by_id = {r["id"]: r for r in rows}
    assert by_id["p1"]["ok"] and by_id["p1"]["title"].startswith("The night the power went out")
    assert by_id["t1"]["ok"] and "corrosion" in by_id["t1"]["text"]
    assert not by_id["x1"]["ok"] and "'html' or 'text'" in by_id["x1"]["error"]["message"]
    broken = [r for r in rows if r["id"] == f"{jsonl.resolve()}:3"][0]
    assert not broken["ok"] and "not JSON" in broken["error"]["message"]
    wet_rows = sorted((r for r in rows if r["source"] == str(wet)), key=lambda r: r["id"])
    assert [r["ok"] for r in wet_rows] == [True, True, False]  # rows in completion order: sorted
    assert wet_rows[0]["warc_date"] == "2024-05-02T10:00:00Z"
    assert "truncated" in wet_rows[2]["error"]["message"]
