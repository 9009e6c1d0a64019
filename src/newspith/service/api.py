"""The JSON API: ``POST /extract``, ``GET /articles``, ``GET /articles/{id}``, ``GET /healthz``.

The articles returned are the library's, unchanged: their strings come from the page and must be
treated as untrusted by clients (``url`` and ``image`` can be ``javascript:`` URLs, ``title`` and
``text`` can hold markup); escape them and check a link's scheme before rendering one.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from newspith import __version__
from newspith.service.inputs import job_from_body, run_job
from newspith.service.search import corpus_of, search_corpus

__all__ = ["router"]

router = APIRouter()

_EXTRACT_BODY = {
    "description": "Raw HTML (`text/html`, the page's URL in the `url` query), flattened text "
                   "(`text/plain`), or JSON with one of `html`, `text` (and `title`) or `url` "
                   "(fetched: public addresses only). With `html` or `text`, `url` names the page.",
    "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "html": {"type": "string"}, "text": {"type": "string"}, "url": {"type": "string"},
            "title": {"type": "string"}}},
            "example": {"url": "https://example.com/news/story.html"}},
        "text/html": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
    },
}


@router.get("/healthz", summary="Liveness and the corpus in use")
def healthz(request: Request) -> dict[str, Any]:
    corpus = request.app.state.corpus
    return {"status": "ok", "version": __version__,
            "corpus": str(corpus.path) if corpus else None,
            "articles": corpus.count() if corpus else None}


@router.post("/extract", summary="Extract the article from a page, a text or a URL",
             openapi_extra={"requestBody": _EXTRACT_BODY},
             responses={400: {"description": "bad input"}, 403: {"description": "refused URL"},
                        413: {"description": "body or page too large"},
                        415: {"description": "not a web page"},
                        422: {"description": "the URL could not be fetched"},
                        503: {"description": "busy: no extraction slot freed up in time"}})
async def extract(request: Request, url: str | None = Query(None, description="the page's URL"),
                  explain: bool = Query(False, description="add every block kept or dropped, "
                                        "with the reason, and the metadata's provenance"),
                  ) -> dict[str, Any]:
    """The article as the library extracts it; its strings are the page's (untrusted)."""
    job = await job_from_body(request)
    result = await run_job(job, request.app.state.config, request.app.state.slots,
                           explained=explain)
    return result.to_dict()


@router.get("/articles", summary="Search (FTS5, ranked) or browse the corpus, paginated")
async def articles(request: Request,
                   q: str = Query("", description='FTS5 query: words, "a phrase", AND/OR/NOT, '
                                  "prefix*; empty: every article, newest first"),
                   site: str | None = Query(None, description="only this site name"),
                   since: str | None = Query(None, description="published on or after (YYYY-MM-DD)"),
                   until: str | None = Query(None, description="published on or before (YYYY-MM-DD)"),
                   page: int = 1, per_page: int | None = None) -> dict[str, Any]:
    results = await search_corpus(request, q, site=site, since=since, until=until, page=page,
                                  per_page=per_page)
    return results.to_dict()


@router.get("/articles/{id:path}", summary="One article of the corpus, with its cluster")
async def article(request: Request, id: str) -> dict[str, Any]:
    corpus = corpus_of(request)
    row = await run_in_threadpool(corpus.article, id)
    return {**row, "cluster": await run_in_threadpool(corpus.cluster, id)}
