"""What to extract, read from a request (a raw body, JSON or the web page's form), and the run.

One :class:`Job` names the input: HTML (bytes or text, with the page's URL when known),
flattened text (with its title), or a URL to fetch. :func:`run_job` fetches under the guard and
extracts in a worker thread, so a slow page never blocks the event loop.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from newspith.article import Article
from newspith.extract import extract
from newspith.extract.explain import Explanation, explain
from newspith.service.config import ServiceConfig
from newspith.service.errors import BadRequestError, UnsupportedMediaError
from newspith.service.fetcher import fetch_url
from newspith.service.limits import ExtractionSlots
from newspith.textmode import clean_text, explain_text

__all__ = ["Job", "job_from_body", "job_from_form", "run_job"]

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/octet-stream", "")
_FIELDS = ("html", "text", "url")
#: A lone UTF-16 surrogate (JSON's "\\ud800"): no UTF-8 encoding exists for it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD (a pair is decoded by the JSON parser
    already, so any surrogate left is lone)."""
    return _SURROGATE.sub("\ufffd", value)


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
    """A job from named fields: one of ``html``, ``text``, ``url`` (``url`` also names the page).

    A field given empty is refused, never taken as absent (``{"html": "", "url": ...}`` would
    otherwise fetch the URL instead of extracting the empty page asked for).
    """
    for name in (*_FIELDS, "title"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise BadRequestError(f"{where}: '{name}' must be a string")
    fields = {k: _scrub(v) for k, v in fields.items() if v is not None}
    given = [k for k in ("html", "text") if k in fields]
    if len(given) > 1:
        raise BadRequestError(f"{where}: give one of 'html', 'text' or 'url', not both "
                              f"{given[0]!r} and {given[1]!r}")
    for name in _FIELDS:
        if name in fields and not fields[name].strip():
            raise BadRequestError(f"{where}: '{name}' is empty")
    url = fields["url"].strip() if "url" in fields else None
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
    url = _scrub(request.query_params.get("url") or "") or None
    title = _scrub(request.query_params.get("title") or "") or None
    if kind == "application/json":
        try:
            fields = json.loads(body)
        except RecursionError:
            raise BadRequestError("invalid JSON: nested too deeply") from None
        except ValueError as exc:  # bad UTF-8, bad syntax, an integer of too many digits
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
        return Job(text=text, url=url, title=title)
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
    return _job({mode: fields[mode], "url": fields.get("page_url") or None,
                 "title": fields.get("title") or None}, "form")


async def run_job(job: Job, config: ServiceConfig, slots: ExtractionSlots,
                  explained: bool = True) -> Explanation | Article:
    """Fetch (when the job is a URL) and extract: the block-by-block :class:`Explanation`, or
    with ``explained=False`` only the :class:`Article` (the explanation's decisions cost about
    as much again as the extraction).

    The extraction waits for one of ``slots`` (the fetch does not: it holds no CPU).
    """
    html, ctype, url, text, title = job.html, job.content_type, job.url, job.text, job.title
    if job.fetch:
        got = await fetch_url(job.url, config)
        html, ctype, url = got.body, got.content_type, got.url
        if (got.content_type or "").split(";")[0].strip().lower() == "text/plain":
            text, title = got.body.decode("utf-8", errors="replace"), None
    async with slots.slot():
        if text is not None:
            return await run_in_threadpool(explain_text if explained else clean_text,
                                           text, title, url)
        return await run_in_threadpool(explain if explained else extract, html, url,
                                       content_type=ctype)
