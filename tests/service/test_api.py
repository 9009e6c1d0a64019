"""The JSON API in process (httpx ASGI transport): extraction, the corpus routes, bad input."""

from __future__ import annotations

import json
import shutil
import sqlite3
from urllib.parse import quote

import pytest

from newspith import extract
from newspith.service import ServiceConfig, create_app
from newspith.service.corpus import connect_read_only

from tests.conftest import EXAMPLES, sample_pages
from tests.service.conftest import COPY_OF, call

FERRY = (EXAMPLES / "harbour-ferry.html").read_bytes()


def _expected_title(path) -> str:
    return extract(path.read_bytes()).title


@pytest.mark.parametrize("page", sample_pages(), ids=lambda p: p.stem)
def test_extract_raw_html_matches_the_library(app, page):
    resp = call(app, "POST", "/extract", content=page.read_bytes(),
                headers={"Content-Type": "text/html"})
    assert resp.status_code == 200
    want = extract(page.read_bytes()).to_dict()
    got = resp.json()
    assert got["title"] == want["title"] and got["text"] == want["text"]
    assert got["sources"] == want["sources"]


def test_extract_json_html_with_page_url(app):
    resp = call(app, "POST", "/extract",
                json={"html": FERRY.decode("utf-8"), "url": "https://news.example/ferry"})
    assert resp.status_code == 200
    assert resp.json()["title"] == _expected_title(EXAMPLES / "harbour-ferry.html")


def test_extract_raw_html_takes_url_query(app):
    html = b"<html><body><article><h1>A headline here</h1>" + b"<p>" + b"Words of prose, " * 40 \
        + b"end.</p></article></body></html>"
    resp = call(app, "POST", "/extract?url=https://news.example/a/b",
                content=html, headers={"Content-Type": "text/html"})
    assert resp.status_code == 200 and resp.json()["url"] == "https://news.example/a/b"


def test_extract_flattened_text_json_and_plain(app):
    text = (EXAMPLES / "harbour-ferry.expected.txt").read_text(encoding="utf-8")
    as_json = call(app, "POST", "/extract", json={"text": text})
    as_plain = call(app, "POST", "/extract", content=text.encode(),
                    headers={"Content-Type": "text/plain; charset=utf-8"})
    assert as_json.status_code == as_plain.status_code == 200
    assert as_json.json()["text"] and as_json.json()["text"] == as_plain.json()["text"]


def test_extract_explain_lists_kept_and_dropped_blocks(app):
    resp = call(app, "POST", "/extract?explain=true", content=FERRY,
                headers={"Content-Type": "text/html"})
    body = resp.json()
    kept = [b for b in body["blocks"] if b["kept"]]
    dropped = [b for b in body["blocks"] if not b["kept"]]
    assert kept and dropped and all(b["reason"] for b in dropped)
    assert body["metadata"]["title"]["source"]


@pytest.mark.parametrize("kwargs, status, words", [
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "invalid JSON"),
    ({"json": ["html"]}, 400, "must be an object"),
    ({"json": {}}, 400, "give one of"),
    ({"json": {"html": "<p>a</p>", "text": "a"}}, 400, "not both"),
    ({"json": {"html": 5}}, 400, "must be a string"),
    ({"json": {"page": "x"}}, 400, "unknown JSON field"),
    ({"content": b"", "headers": {"Content-Type": "text/html"}}, 400, "empty body"),
    ({"content": bytes(range(256)) * 40, "headers": {"Content-Type": "text/html"}}, 400, "binary"),
    ({"content": b"\x89PNG\r\n", "headers": {"Content-Type": "image/png"}}, 415, "image/png"),
    ({"json": {"url": "ftp://example.com/x"}}, 422, "only http"),
    ({"json": {"url": "http://127.0.0.1:9/"}}, 403, "loopback"),
    ({"json": {"url": "http://169.254.169.254/latest/meta-data/"}}, 403, "metadata"),
])
def test_bad_input_is_a_4xx_json_error(app, kwargs, status, words):
    resp = call(app, "POST", "/extract", **kwargs)
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["status"] == status and words in body["message"]
    assert call(app, "GET", "/healthz").status_code == 200  # and it keeps serving


def test_healthz_names_the_corpus(app, corpus):
    body = call(app, "GET", "/healthz").json()
    assert body["status"] == "ok" and body["corpus"] == str(corpus)
    assert body["articles"] == len(sample_pages()) + 1


def test_search_is_ranked_and_snippeted(app):
    body = call(app, "GET", "/articles", params={"q": "ferry"}).json()
    ids = [r["id"] for r in body["results"]]
    assert body["total"] == 2 and all(i.endswith(COPY_OF) for i in ids)
    assert all("[" in r["snippet"] for r in body["results"])
    either = call(app, "GET", "/articles", params={"q": "ferry OR budget"}).json()
    assert either["total"] == 3


def test_browse_filters_and_pages(app, corpus):
    conn = sqlite3.connect(corpus)
    rows = conn.execute("SELECT id, site_name, published FROM articles").fetchall()
    conn.close()
    everything = call(app, "GET", "/articles", params={"per_page": 100}).json()
    assert everything["total"] == len(rows)
    dates = [r["published"] for r in everything["results"]]
    assert dates == sorted(dates, reverse=True)  # newest first when there is no query
    pages = [call(app, "GET", "/articles", params={"per_page": 2, "page": n}).json()
             for n in (1, 2, 3, 4)]
    assert [len(p["results"]) for p in pages] == [2, 2, 2, 1] and pages[0]["pages"] == 4
    assert sum((p["results"] for p in pages), []) == everything["results"]
    site = rows[0][1]
    by_site = call(app, "GET", "/articles", params={"site": site}).json()
    assert by_site["total"] == sum(r[1] == site for r in rows)
    since = call(app, "GET", "/articles", params={"since": "2017-06-01"}).json()
    assert since["total"] == sum(r[2][:10] >= "2017-06-01" for r in rows)
    window = call(app, "GET", "/articles", params={"since": "2017-01-01", "until": "2017-06-30"})
    assert window.json()["total"] == sum("2017-01-01" <= r[2][:10] <= "2017-06-30" for r in rows)


@pytest.mark.parametrize("params, words", [
    ({"q": '"unterminated'}, "bad search query"),
    ({"q": "ferry AND"}, "bad search query"),
    ({"q": "nosuchcolumn: x"}, "bad search query"),
    ({"q": "(((("}, "bad search query"),
    ({"q": "x" * 501}, "query over"),
    ({"since": "last week"}, "YYYY-MM-DD"),
    ({"page": "0"}, "page must be"),
    ({"page": "two"}, "page"),
    ({"per_page": "1000"}, "per_page"),
    ({"page": "100000"}, "not served"),
])
def test_bad_search_is_400(app, params, words):
    resp = call(app, "GET", "/articles", params=params)
    assert resp.status_code == 400, resp.text
    assert words in resp.json()["message"]


def test_article_with_its_near_duplicate_cluster(app):
    ids = [h["id"] for h in call(app, "GET", "/articles", params={"q": "ferry"}).json()["results"]]
    for id in ids:
        resp = call(app, "GET", f"/articles/{quote(id, safe='')}")
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["id"] == id and body["title"] == _expected_title(EXAMPLES / COPY_OF)
        cluster = body["cluster"]
        assert cluster["size"] == 2 and {m["id"] for m in cluster["members"]} == set(ids)
        assert sum(m["earliest"] for m in cluster["members"]) == 1
    lone = call(app, "GET", "/articles", params={"q": "budget"}).json()["results"][0]["id"]
    assert call(app, "GET", f"/articles/{quote(lone, safe='')}").json()["cluster"]["size"] == 1


def test_unknown_article_is_404(app):
    resp = call(app, "GET", "/articles/no/such/page.html")
    assert resp.status_code == 404 and "no article" in resp.json()["message"]


def test_without_a_corpus_the_corpus_routes_say_so():
    bare = create_app(ServiceConfig())
    for path in ("/articles", "/articles/x", "/search"):
        resp = call(bare, "GET", path)
        assert resp.status_code == 409, path
        assert "no corpus configured" in resp.text
    assert call(bare, "GET", "/healthz").json()["corpus"] is None
    assert call(bare, "POST", "/extract", content=FERRY).status_code == 200


def test_a_file_that_is_not_a_corpus_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(Exception, match="not a newspith corpus"):
        create_app(ServiceConfig(db=other))


def test_corpus_is_opened_read_only(corpus):
    conn = connect_read_only(corpus)
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        conn.execute("DELETE FROM articles")
    conn.close()


def test_openapi_documents_the_routes(app):
    paths = call(app, "GET", "/openapi.json").json()["paths"]
    assert {"/extract", "/articles", "/articles/{id}", "/healthz"} <= set(paths)
    assert "application/json" in paths["/extract"]["post"]["requestBody"]["content"]


def test_unknown_route_and_method_are_json(app):
    assert call(app, "GET", "/nowhere").json()["status"] == 404
    wrong = call(app, "DELETE", "/extract")
    assert wrong.status_code == 405 and "not allowed" in json.loads(wrong.text)["message"]


def test_corpus_without_clusters_is_served(corpus, tmp_path):
    """A corpus written without deduplication (no clusters table) is browsed all the same."""
    bare = tmp_path / "bare.sqlite"
    shutil.copy(corpus, bare)
    with sqlite3.connect(bare) as conn:
        conn.execute("DROP TABLE clusters")
    app = create_app(ServiceConfig(db=bare))
    hit = call(app, "GET", "/articles", params={"q": "ferry"}).json()["results"][0]
    resp = call(app, "GET", f"/articles/{quote(hit['id'], safe='')}")
    assert resp.status_code == 200 and resp.json()["cluster"] is None
    page = call(app, "GET", f"/read/{quote(hit['id'], safe='')}")
    assert page.status_code == 200 and hit["title"] in page.text
