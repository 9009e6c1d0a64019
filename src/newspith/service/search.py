"""A corpus search as the API and the web page both run it: the corpus looked up, the query length
and the paging checked against :class:`~newspith.service.config.ServiceConfig`, then the FTS5
search run in a worker thread."""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from newspith.service.config import ServiceConfig
from newspith.service.corpus import Corpus, Results
from newspith.service.errors import BadRequestError, NoCorpusError

__all__ = ["corpus_of", "paging", "search_corpus"]


def corpus_of(request: Request) -> Corpus:
    corpus = request.app.state.corpus
    if corpus is None:
        raise NoCorpusError("no corpus configured: start the service with "
                            "`newspith serve --db corpus.sqlite` (written by `newspith run`)")
    return corpus


def paging(config: ServiceConfig, page: int, per_page: int | None) -> tuple[int, int]:
    """``(page, per_page)`` checked; ``per_page`` ``None`` is the configured page size."""
    per_page = config.page_size if per_page is None else per_page
    if page < 1 or not 1 <= per_page <= config.max_page_size:
        raise BadRequestError(f"page must be 1 or more and per_page 1 to {config.max_page_size}")
    if (page - 1) * per_page > config.max_offset:
        raise BadRequestError(f"results past the first {config.max_offset:,} are not served: "
                              "narrow the query")
    return page, per_page


async def search_corpus(request: Request, q: str, *, site: str | None = None,
                        since: str | None = None, until: str | None = None, page: int = 1,
                        per_page: int | None = None) -> Results:
    """One page of the corpus' matches of ``q`` (FTS5), or of every article when ``q`` is empty."""
    config: ServiceConfig = request.app.state.config
    corpus = corpus_of(request)
    if len(q) > config.max_query_chars:
        raise BadRequestError(f"query over {config.max_query_chars} characters")
    page, per_page = paging(config, page, per_page)
    return await run_in_threadpool(corpus.search, q, site=site, since=since, until=until,
                                   page=page, per_page=per_page)
