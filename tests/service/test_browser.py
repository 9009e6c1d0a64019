"""The web page in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

Loads the page, extracts a sample page, sees the article and its title, searches the corpus, opens
an article with its near-duplicate cluster, and proves that a page carrying ``<script>``,
``onerror=`` and ``javascript:`` payloads runs nothing. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import pytest

from newspith import extract

from tests.conftest import EXAMPLES
from tests.service.conftest import chromium_path
from tests.service.test_web import HOSTILE

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FERRY = EXAMPLES / "harbour-ferry.html"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser test needs Playwright's Python package "
        "(pip install playwright; no browser download: it drives Debian's chromium)")
    executable = chromium_path()
    if executable is None:
        pytest.skip("the browser test needs Chromium: `apt-get install chromium` (.ci/run does)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=ARGS, timeout=30_000)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _submit_html(page, base: str, html: str) -> None:
    page.goto(base + "/")
    page.click("label.tab:has-text('HTML')")
    assert page.is_visible("#html") and not page.is_visible("#url")  # the tabs' script ran
    page.fill("#html", html)
    page.click("#submit")
    page.wait_for_selector("#article-title")


def test_extract_search_and_read(page, live, artifacts):
    _submit_html(page, live, FERRY.read_text(encoding="utf-8"))
    title = extract(FERRY.read_bytes()).title
    assert page.inner_text("#article-title") == title
    assert "Skerrin" in page.inner_text("#article .body")
    dropped = page.locator(".block.dropped")
    assert dropped.count() > 0 and dropped.first.get_attribute("title").startswith("dropped")
    page.screenshot(path=str(artifacts / "service-try.png"), full_page=True)
    page.uncheck("#show-dropped")
    assert not dropped.first.is_visible()  # the toggle hides them
    page.goto(live + "/search")
    page.fill("#q", "ferry")
    page.press("#q", "Enter")
    page.wait_for_selector("#hits")
    assert page.locator(".hit").count() == 2
    assert page.locator(".hit mark").first.inner_text().lower() == "ferry"
    page.screenshot(path=str(artifacts / "service-search.png"), full_page=True)
    page.click(".hit-title >> nth=0")
    page.wait_for_selector("#cluster")
    assert page.inner_text("#article-title") == title
    assert "2 copies" in page.inner_text("#cluster")
    page.screenshot(path=str(artifacts / "service-read.png"), full_page=True)
    print(f"screenshots: {artifacts}/service-try.png, service-search.png, service-read.png")


def test_hostile_page_runs_nothing(page, live, artifacts):
    # the detector works: the same payload does run in a page without the service's guards
    page.set_content("<script>window.__pwned = 1</script>")
    assert page.evaluate("window.__pwned") == 1
    _submit_html(page, live, HOSTILE)
    page.wait_for_load_state("load")
    shown = page.inner_text("#article")
    assert "<script>window.__pwned=1</script>" in shown  # shown as text, not run
    page.hover("#article-title")
    for block in page.locator(".block").all()[:20]:
        block.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.locator("#article img, #article script, #article iframe, #article svg").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    page.screenshot(path=str(artifacts / "service-hostile.png"), full_page=True)
