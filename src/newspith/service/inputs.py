"""What to extract, read from a request (a raw body, JSON or the web page's form), and the run.

One :class:`Job` names the input: HTML (bytes or text, with the page's URL when known),
flattened text (with its title), or a URL to fetch. :func:`run_job` fetches under the guard and
extracts in a worker thread, so a slow page never blocks the event loop.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from newspith.extract.explain import Explanation, explain
from newspith.service.config import ServiceConfig
from newspith.service.errors import BadRequestError, UnsupportedMediaError
from newspith.service.fetcher import fetch_url
from newspith.textmode import explain_text

__all__ = ["Job", "job_from_body", "job_from_form", "run_job"]

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/octet-stream", "")
_FIELDS = ("html", "text", "url")


@dataclass(frozen=True, slots=True)
class Job:
    html: bytes | str | None = None
    text: str | None = None
    url: str | None = None        # the page's URL; fetched when neither html nor text is given
    title: str | None = None      # the title of flattened text, when known
    content_type: str | None = None

    @property
    def fetch(self) -> bool:
        return self.html is None and self.text is None


def _job(fields: dict, where: str) -> Job:
    """A job from named fields: one of ``html``, ``text``, ``url`` (``url`` also names the page)."""
    for name in (*_FIELDS, "title"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise BadRequestError(f"{where}: '{name}' must be a string")
    given = [k for k in ("html", "text") if fields.get(k)]
    if len(given) > 1:
        raise BadRequestError(f"{where}: give one of 'html', 'text' or 'url', not both "
                              f"{given[0]!r} and {given[1]!r}")
    url = (fields.get("url") or "").strip() or None
    if not given and url is None:
        raise BadRequestError(f"{where}: give one of 'html' (a page), 'text' (flattened text) "
                              "or 'url' (a page to fetch)")
    title = (fields.get("title") or "").strip() or None
    if given == ["html"]:
        return Job(html=fields["html"], url=url)
    if given == ["text"]:
        return Job(text=fields["text"], url=url, title=title)
    return Job(url=url)


async def job_from_body(request: Request) -> Job:
    """``POST /extract``: a JSON object, flattened text (text/plain) or raw HTML (the rest)."""
    ctype = request.headers.get("content-type", "")
    kind = ctype.split(";")[0].strip().lower()
    body = await request.body()
    url = request.query_params.get("url") or None
    if kind == "application/json":
        try:
            fields = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadRequestError(f"invalid JSON: {exc}") from None
        if not isinstance(fields, dict):
            raise BadRequestError("the JSON body must be an object with 'html', 'text' or 'url'")
        unknown = sorted(set(fields) - {*_FIELDS, "title"})
        if unknown:
            raise BadRequestError(f"unknown JSON field(s): {', '.join(unknown)}; expected "
                                  "'html', 'text' or 'url' (and 'title' with 'text')")
        return _job(fields, "JSON body")
    if not body:
        raise BadRequestError("empty body: post an HTML page, or JSON with 'html', 'text' or "
                              "'url'")
    if kind == "text/plain":
        text = body.decode("utf-8", errors="replace")
        return Job(text=text, url=url, title=request.query_params.get("title") or None)
    if kind not in _HTML_TYPES:
        raise UnsupportedMediaError(f"cannot extract a {kind} body: post text/html, text/plain "
                                    "or application/json")
    return Job(html=body, url=url, content_type=ctype or None)


def job_from_form(body: bytes) -> Job:
    """The web page's form (urlencoded): ``mode`` picks which of its fields is the input."""
    try:
        form = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=16,
                        strict_parsing=False)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequestError(f"unreadable form: {exc}") from None
    fields = {k: v[0] for k, v in form.items() if v}
    mode = fields.get("mode", "url")
    if mode not in _FIELDS:
        raise BadRequestError(f"unknown mode {mode!r}: expected url, html or text")
    if not fields.get(mode, "").strip():
        raise BadRequestError(f"nothing to extract: the {mode} field is empty")
    if mode == "url":
        return _job({"url": fields["url"]}, "form")
    return _job({mode: fields[mode], "url": fields.get("page_url"), "title": fields.get("title")},
                "form")


async def run_job(job: Job, config: ServiceConfig) -> Explanation:
    """Fetch (when the job is a URL) and extract, with the block-by-block explanation."""
    html, ctype, url = job.html, job.content_type, job.url
    if job.fetch:
        got = await fetch_url(job.url, config)
        if (got.content_type or "").split(";")[0].strip().lower() == "text/plain":
            text = got.body.decode("utf-8", errors="replace")
            return await run_in_threadpool(explain_text, text, None, got.url)
        html, ctype, url = got.body, got.content_type, got.url
    if job.text is not None:
        return await run_in_threadpool(explain_text, job.text, job.title, url)
    return await run_in_threadpool(lambda: explain(html, url, content_type=ctype))
