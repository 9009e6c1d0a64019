"""The JSON API: ``POST /extract``, ``GET /articles``, ``GET /articles/{id}``, ``GET /healthz``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from newspith import __version__
from newspith.service.corpus import Corpus
from newspith.service.errors import BadRequestError, NoCorpusError
from newspith.service.inputs import job_from_body, run_job

__all__ = ["router", "corpus_of", "paging"]

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


def corpus_of(request: Request) -> Corpus:
    corpus = request.app.state.corpus
    if corpus is None:
        raise NoCorpusError("no corpus configured: start the service with "
                            "`newspith serve --db corpus.sqlite` (written by `newspith run`)")
    return corpus


def paging(request: Request, page: int, per_page: int | None) -> tuple[int, int]:
    config = request.app.state.config
    per_page = per_page or config.page_size
    if page < 1 or not 1 <= per_page <= config.max_page_size:
        raise BadRequestError(f"page must be 1 or more and per_page 1 to {config.max_page_size}")
    if (page - 1) * per_page > config.max_offset:
        raise BadRequestError(f"results past the first {config.max_offset:,} are not served: "
                              "narrow the query")
    return page, per_page


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
                        422: {"description": "the URL could not be fetched"}})
async def extract(request: Request, url: str | None = Query(None, description="the page's URL"),
                  explain: bool = Query(False, description="add every block kept or dropped, "
                                        "with the reason, and the metadata's provenance"),
                  ) -> dict[str, Any]:
    job = await job_from_body(request)
    result = await run_job(job, request.app.state.config)
    return result.to_dict() if explain else result.article.to_dict()


@router.get("/articles", summary="Search (FTS5, ranked) or browse the corpus, paginated")
async def articles(request: Request,
                   q: str = Query("", description='FTS5 query: words, "a phrase", AND/OR/NOT, '
                                  "prefix*; empty: every article, newest first"),
                   site: str | None = Query(None, description="only this site name"),
                   since: str | None = Query(None, description="published on or after (YYYY-MM-DD)"),
                   until: str | None = Query(None, description="published on or before (YYYY-MM-DD)"),
                   page: int = 1, per_page: int | None = None) -> dict[str, Any]:
    corpus = corpus_of(request)
    if len(q) > request.app.state.config.max_query_chars:
        raise BadRequestError(f"query over {request.app.state.config.max_query_chars} characters")
    page, per_page = paging(request, page, per_page)
    results = await run_in_threadpool(corpus.search, q, site=site, since=since, until=until,
                                      page=page, per_page=per_page)
    return results.to_dict()


@router.get("/articles/{id:path}", summary="One article of the corpus, with its cluster")
async def article(request: Request, id: str) -> dict[str, Any]:
    corpus = corpus_of(request)
    row = await run_in_threadpool(corpus.article, id)
    return {**row, "cluster": await run_in_threadpool(corpus.cluster, id)}
