"""The web page rendered in process: the try page, search, the article view, escaping."""

from __future__ import annotations

import re
from urllib.parse import quote

from newspith import explain
from newspith.service.web import safe_href

from tests.conftest import EXAMPLES
from tests.service.conftest import call

FERRY = (EXAMPLES / "harbour-ferry.html").read_text(encoding="utf-8")

HOSTILE = """<html><head><title>Hostile page</title>
<link rel="canonical" href="javascript:window.__pwned=1">
<meta property="og:image" content="javascript:window.__pwned=1">
<script>window.__pwned = 1; alert(1)</script></head>
<body><article><h1>Council &lt;script&gt;window.__pwned=1&lt;/script&gt; meets</h1>
<p>The council met on Tuesday to discuss the budget for the coming year and heard from residents
about the state of the roads. &lt;img src=x onerror="window.__pwned=1"&gt; was typed by a reader.</p>
<p>Members argued for hours before a vote was taken late in the evening, when most of the public
had already gone home. <img src=x onerror="window.__pwned=1"> The vote passed by a narrow margin.</p>
<p>A <a href="javascript:window.__pwned=1">link</a> and an
<svg onload="window.__pwned=1"></svg> sat in the text of the third paragraph of this story.</p>
</article><div class="sidebar"><iframe src="javascript:window.__pwned=1"></iframe>
<p onclick="window.__pwned=1">Related: &lt;b onmouseover=alert(1)&gt;hover&lt;/b&gt;</p></div>
</body></html>"""


def test_home_page_has_the_form_and_no_inline_script(app):
    page = call(app, "GET", "/").text
    assert 'action="/try"' in page and 'name="mode"' in page
    assert re.search(r"<script(?![^>]*\bsrc=)", page) is None  # every script is a file
    assert re.search(r"<[^>]+\s(style|on[a-z]+)=", page) is None  # no inline style or handler


def test_try_html_shows_article_blocks_and_provenance(app):
    resp = call(app, "POST", "/try", data={"mode": "html", "html": FERRY})
    assert resp.status_code == 200
    page = resp.text
    explanation = explain(FERRY)
    assert f'id="article-title">{explanation.article.title}<' in page
    dropped = [b for b in explanation.blocks if not b.kept]
    assert page.count('class="block dropped"') == len(dropped)
    assert page.count('class="block kept"') == len(explanation.blocks) - len(dropped)
    first_reason = dropped[0].reason
    assert f'title="dropped: {first_reason}' in page  # the reason, on hover
    assert f'<span class="badge">{explanation.article.sources["title"]}</span>' in page


def test_try_text_mode(app):
    text = (EXAMPLES / "harbour-ferry.expected.txt").read_text(encoding="utf-8")
    resp = call(app, "POST", "/try", data={"mode": "text", "text": text})
    assert resp.status_code == 200 and 'class="block kept"' in resp.text


def test_try_errors_render_in_the_page(app):
    empty = call(app, "POST", "/try", data={"mode": "html", "html": "  "})
    assert empty.status_code == 400 and "the html field is empty" in empty.text
    refused = call(app, "POST", "/try", data={"mode": "url", "url": "http://127.0.0.1/"})
    assert refused.status_code == 403 and 'role="alert"' in refused.text


def test_hostile_page_is_rendered_escaped(app):
    page = call(app, "POST", "/try", data={"mode": "html", "html": HOSTILE}).text
    body = page[page.index("<main>"):]
    assert "<script>window" not in body and "<img src=x" not in body
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body  # shown as text
    assert 'href="javascript:' not in page and "<iframe" not in body and "<svg" not in body
    assert re.search(r"<[a-z]+[^>]*\son[a-z]+=", body) is None  # no event handler attribute


def test_safe_href_keeps_only_http():
    assert safe_href("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
                None, 5):
        assert safe_href(bad) is None


def test_search_page_lists_hits_with_marks(app):
    page = call(app, "GET", "/search", params={"q": "ferry"}).text
    assert page.count('class="hit"') == 2 and "<mark>Ferry</mark>" in page
    bad = call(app, "GET", "/search", params={"q": '"open'})
    assert bad.status_code == 400 and "bad search query" in bad.text


def test_read_page_shows_the_cluster(app):
    hits = call(app, "GET", "/articles", params={"q": "ferry"}).json()["results"]
    page = call(app, "GET", f"/read/{quote(hits[0]['id'], safe='')}").text
    assert 'id="cluster"' in page and "2 copies of this story" in page
    other = hits[1]["id"]
    assert f'href="/read/{quote(other)}"' in page  # the other copy is a link, this one is not
    assert f'href="/read/{quote(hits[0]["id"])}"' not in page
    missing = call(app, "GET", "/read/no/such/id")
    assert missing.status_code == 404 and "no article" in missing.text
