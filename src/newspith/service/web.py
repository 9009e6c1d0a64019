"""The web page: try a URL, HTML or text; search and browse the corpus; read one article.

Server-rendered with Jinja2 (autoescaping on: every extracted string is escaped), a static CSS
file and a little static JavaScript; no inline script or style, as the CSP demands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from newspith.errors import NewspithError
from newspith.extract.explain import METADATA_FIELDS, Explanation
from newspith.service.api import corpus_of, paging
from newspith.service.corpus import MARK_END, MARK_START
from newspith.service.errors import BadRequestError, error_body, status_of
from newspith.service.inputs import job_from_form, run_job

__all__ = ["router", "templates"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def safe_href(url: Any) -> str | None:
    """``url`` when it is an http(s) URL (fit for a link), else ``None`` (``javascript:``...)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def highlight(snippet: str) -> Markup:
    """A search snippet, escaped, with its matched words in ``<mark>``."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


templates.env.filters["safe_href"] = safe_href
templates.env.filters["highlight"] = highlight
templates.env.globals["urlencode"] = urlencode


def metadata_rows(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Each metadata field of an article dict: its value and source, or why it is empty."""
    sources, missing = article.get("sources") or {}, article.get("missing") or {}
    rows = []
    for name in METADATA_FIELDS:
        value = article.get(name)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        rows.append({"name": name.replace("_", " "), "value": value or None,
                     "source": sources.get(name) if value else None,
                     "missing": None if value else missing.get(name, "not found"),
                     "href": safe_href(value) if name in ("url", "image") else None})
    return rows


def _page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    corpus = request.app.state.corpus
    return templates.TemplateResponse(request, template, {"has_corpus": corpus is not None,
                                                          **context}, status_code=status)


def _result(explanation: Explanation, limit: int) -> dict[str, Any]:
    article = explanation.article.to_dict()
    blocks = explanation.blocks
    return {"article": article, "metadata": metadata_rows(article),
            "strategy": explanation.strategy, "container": explanation.container,
            "blocks": blocks[:limit], "hidden": max(0, len(blocks) - limit),
            "kept": sum(b.kept for b in blocks), "dropped": sum(not b.kept for b in blocks)}


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    return _page(request, "try.html", mode="url", form={})


@router.post("/try", response_class=HTMLResponse)
async def try_page(request: Request) -> HTMLResponse:
    config = request.app.state.config
    body = await request.body()
    form: dict[str, str] = {}
    mode = "url"
    try:
        job = job_from_form(body)
        form = {"url": job.url or "", "title": job.title or ""}
        mode = "url" if job.fetch else ("text" if job.text is not None else "html")
        form[mode] = job.url if job.fetch else (job.text if job.text is not None else job.html)
        result = _result(await run_job(job, config), config.max_shown_blocks)
    except NewspithError as exc:
        return _page(request, "try.html", status_of(exc), mode=mode,
                     form=form, error=error_body(exc))
    return _page(request, "try.html", mode=mode, form=form, result=result)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = "", site: str = "", since: str = "",
                      until: str = "", page: int = 1) -> HTMLResponse:
    config = request.app.state.config
    params = {"q": q, "site": site, "since": since, "until": until}
    try:
        corpus = corpus_of(request)
        if len(q) > config.max_query_chars:
            raise BadRequestError(f"query over {config.max_query_chars} characters")
        page, per_page = paging(request, page, None)
        results = await run_in_threadpool(corpus.search, q, site=site or None,
                                          since=since or None, until=until or None,
                                          page=page, per_page=per_page)
        sites = await run_in_threadpool(corpus.sites)
    except NewspithError as exc:
        return _page(request, "search.html", status_of(exc), params=params, sites=[],
                     error=error_body(exc))
    return _page(request, "search.html", params=params, sites=sites, results=results)


@router.get("/read/{id:path}", response_class=HTMLResponse)
async def read_page(request: Request, id: str) -> HTMLResponse:
    try:
        corpus = corpus_of(request)
        article = await run_in_threadpool(corpus.article, id)
        cluster = await run_in_threadpool(corpus.cluster, id)
    except NewspithError as exc:
        return _page(request, "read.html", status_of(exc), error=error_body(exc))
    return _page(request, "read.html", id=id, article=article, cluster=cluster,
                 metadata=metadata_rows(article))
