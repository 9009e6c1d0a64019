"""The ``newspith`` command: thin adapters over the library; errors become one line and an exit code.

Exit codes: 0 success, 1 a newspith error (bad input, fetch failure), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from newspith import __version__
from newspith.config import ExtractConfig
from newspith.errors import InputError, NewspithError

__all__ = ["main"]


def _read_source(source: str, url: str | None):
    """Bytes of a file, stdin (``-``) or a fetched URL, with the URL and Content-Type if known."""
    from newspith.fetch import fetch, is_url

    if source == "-":
        return sys.stdin.buffer.read(), url, None
    if is_url(source):
        got = fetch(source)
        return got.body, url or got.url, got.content_type
    path = Path(source)
    if not path.is_file():
        raise InputError(f"no such file: {source}")
    return path.read_bytes(), url, None


def _extract_config(args) -> ExtractConfig:
    return ExtractConfig(favor=args.favor)


def cmd_extract(args) -> int:
    from newspith.extract.explain import explain

    body, url, content_type = _read_source(args.source, args.url)
    explanation = explain(body, url, config=_extract_config(args), content_type=content_type)
    _show(explanation, args.format, args.explain)
    return 0


def _show(explanation, fmt: str, explain: bool) -> None:
    """Print one result: the explanation with ``--explain``, else the article in ``fmt``."""
    if explain:
        print(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=2) if fmt == "json"
              else explanation.to_text())
        return
    article = explanation.article
    if fmt == "json":
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        print(article.to_markdown(), end="")
    else:
        print(article.text)
    if not article.text and article.reason:
        print(f"newspith: no article: {article.reason}", file=sys.stderr)


def cmd_clean(args) -> int:
    from newspith.io.texts import TextRecord, read_text_records
    from newspith.textmode import clean_text, explain_text

    if args.source == "-":
        data = sys.stdin.buffer.read()
        records = iter([TextRecord(id="-", text=data.decode("utf-8", errors="replace"))])
    else:
        records = read_text_records(args.source)
    first = next(records, None)
    second = next(records, None)
    if first is None:
        raise InputError(f"no text records in {args.source}")
    if second is None and first.error is None:  # one text: print it like `extract` does
        title, url = args.title or first.title, args.url or first.url
        _show(explain_text(first.text, title, url), args.format, args.explain)
        return 0
    # Many records (a WET file, JSONL): one JSON line each, errors as rows with their reason.
    errors = 0
    for rec in (r for r in (first, second, *records) if r is not None):
        row = {"id": rec.id, "url": rec.url, "date": rec.date}
        if rec.error is None:
            try:
                row.update(clean_text(rec.text, rec.title, rec.url).to_dict())
            except NewspithError as exc:
                row["error"] = str(exc)
        else:
            row["error"] = rec.error
        errors += "error" in row
        print(json.dumps(row, ensure_ascii=False))
    return 1 if errors else 0


def cmd_run(args) -> int:
    from newspith.pipeline.batch import run_files

    from newspith.config import PoolConfig

    pool = PoolConfig(page_seconds=args.page_seconds, worker_memory_mb=args.worker_memory)
    stats = run_files(args.inputs, args.out, _extract_config(args), quiet=args.quiet,
                      dedup=not args.no_dedup, workers=args.workers or None, pool=pool,
                      restart=args.restart)
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats.to_dict(), indent=2) + "\n",
                                    encoding="utf-8")
    if stats.incomplete:
        print(f"newspith: {len(stats.incomplete)} input(s) could not be read to the end and are "
              f"not finished (rerun to redo them): {', '.join(stats.incomplete)}",
              file=sys.stderr)
        return 1
    if not stats.counts_check:
        print(f"newspith: counts check failed: read {stats.read}, written {stats.written}, "
              f"dropped {sum(stats.dropped.values())}, in the output {stats.landed}",
              file=sys.stderr)
        return 1
    return 0


def cmd_spark_run(args) -> int:
    from newspith.executors.spark import run_from_args

    return run_from_args(args)


def cmd_search(args) -> int:
    from newspith.io.sqlite import search

    hits = search(args.db, args.query, limit=args.limit)
    if args.format == "json":
        for h in hits:
            print(json.dumps({"id": h.id, "title": h.title, "url": h.url, "site_name": h.site_name,
                              "published": h.published, "snippet": h.snippet},
                             ensure_ascii=False))
        return 0
    for h in hits:
        print(f"{h.title or '(no title)'}\n  {h.url or h.id}"
              f"{'  ' + h.published[:10] if h.published else ''}\n  {h.snippet}\n")
    if not hits:
        print("no match", file=sys.stderr)
    return 0


def cmd_bench(args) -> int:
    from newspith.bench.runner import BenchOptions, run_bench
    from newspith.bench.tools import DEFAULT_TOOLS

    split = lambda s: tuple(x for x in (s or "").split(",") if x)  # noqa: E731
    opts = BenchOptions(data=args.data, datasets=split(args.datasets),
                        tools=split(args.tools) or DEFAULT_TOOLS, limit=args.limit,
                        every=args.every, worst=args.worst, markdown=args.markdown,
                        wcxb=not args.no_wcxb, memory_passes=args.memory,
                        text=not args.no_text, text_only=args.text_only,
                        metadata=not args.no_metadata)
    run_bench(opts)
    return 0


def cmd_serve(args) -> int:
    try:
        import uvicorn

        from newspith.service import ServiceConfig, create_app
    except ImportError as exc:
        raise InputError(f"the service needs the serve extra (pip install 'newspith[serve]'): "
                         f"{exc}") from None
    from dataclasses import replace

    default_db = "out/corpus.sqlite"  # what `make demo` writes
    db = args.db
    config = ServiceConfig(db=Path(db) if db else None, allow_private=args.allow_private)
    if db is None and Path(default_db).is_file():
        try:
            app = create_app(replace(config, db=Path(default_db)))
            db = default_db
        except InputError as exc:  # not asked for by name: serve without it, say why
            print(f"newspith: warning: not using {default_db}: {exc}; serving without a "
                  "corpus (name one with --db)", file=sys.stderr)
            app = create_app(config)
    else:
        app = create_app(config)  # a --db that cannot be opened is an error
    print(f"newspith: serving http://{args.host}:{args.port}/ (API docs at /docs); corpus: "
          f"{db or 'none (start with --db corpus.sqlite to search one)'}", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newspith", description="Turn captured news pages into "
                                "clean, structured articles.")
    p.add_argument("--version", action="version", version=f"newspith {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    favor = argparse.ArgumentParser(add_help=False)
    favor.add_argument("--favor", choices=("precision", "balanced", "recall"),
                       default="balanced", help="trade recall for precision or the reverse")

    e = sub.add_parser("extract", parents=[favor], help="extract the article from one page",
                       description="Extract the article from an HTML file, a URL or stdin (-).")
    e.add_argument("source", help="a file path, an http(s) URL, or - for standard input")
    e.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    e.add_argument("--url", help="the page's URL, when SOURCE is a file or stdin")
    e.add_argument("--explain", action="store_true",
                   help="show every block with whether it was kept and why")
    e.set_defaults(func=cmd_extract)

    c = sub.add_parser("clean", help="turn flattened page text back into the article",
                       description="Clean text already flattened from a page (a scraper's dump, "
                       "a WET file, JSONL with a 'text' field) into the article. One text prints "
                       "like `extract`; a WET or JSONL file prints one JSON line per record.")
    c.add_argument("source", help="a .txt file, a WET (.warc.wet[.gz]) file, a .jsonl[.gz] "
                   "file with a 'text' field, or - for standard input")
    c.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    c.add_argument("--title", help="the page's title, when known")
    c.add_argument("--url", help="the page's URL, when known")
    c.add_argument("--explain", action="store_true",
                   help="show each segment, kept (+) or dropped (-), and why")
    c.set_defaults(func=cmd_clean)

    r = sub.add_parser("run", parents=[favor],
                       help="extract many pages into JSONL, Parquet or a SQLite corpus",
                       description="Extract every page of the inputs (HTML, WARC, WET and JSONL "
                       "files, folders, globs; local or s3://, https:// and other fsspec URLs) "
                       "on every core; write one row per page (an article or an error with its "
                       "reason). Each input file is a shard: a rerun after a kill skips the "
                       "shards already finished.")
    r.add_argument("inputs", nargs="+",
                   help="HTML, WARC (.warc[.gz]), WET (.wet[.gz]) or JSONL (html or text "
                        "lines) files, folders or glob patterns")
    r.add_argument("--out", required=True,
                   help="output: .jsonl or .jsonl.gz, .parquet, a SQLite corpus (.sqlite, "
                        ".db) with a full-text index, or a folder (DIR/) of Markdown files, "
                        "one per article, with an index.jsonl of every row")
    r.add_argument("--quiet", action="store_true", help="no summary table")
    r.add_argument("--stats", metavar="FILE", help="also write the run's figures as JSON")
    r.add_argument("--workers", type=int, default=0,
                   help="worker processes (default: every core; 1: one guarded worker, or "
                        "this process when --page-seconds 0 --worker-memory 0)")
    r.add_argument("--page-seconds", type=float, default=30.0,
                   help="a page taking longer becomes an error row and its worker is replaced "
                        "(0: no limit)")
    r.add_argument("--worker-memory", type=int, default=2048, metavar="MB",
                   help="memory cap of a worker process; a page needing more is an error row "
                        "(0: no cap)")
    r.add_argument("--no-dedup", action="store_true",
                   help="do not cluster exact and near-duplicate articles")
    r.add_argument("--restart", action="store_true",
                   help="redo every input file, even those an earlier run of the same output "
                        "finished (by default a rerun resumes: finished files are skipped)")
    r.set_defaults(func=cmd_run)

    sr = sub.add_parser("spark-run", help="run a manifest of inputs as Apache Spark tasks",
                        description="Run every input of a manifest (one path or URL a line, "
                        "e.g. Common Crawl WARC files) as Spark tasks, each writing its own part "
                        "file and completion marker into --out; a rerun skips finished inputs. "
                        "Needs newspith[spark] and Java 17+; see docs/spark.md.")
    from newspith.executors.spark_args import add_arguments

    add_arguments(sr)
    sr.set_defaults(func=cmd_spark_run)

    q = sub.add_parser("search", help="full-text search in a SQLite corpus",
                       description="Search the titles and bodies of a corpus written by "
                       "`newspith run --out corpus.sqlite` (SQLite FTS5 syntax: words, \"a "
                       "phrase\", AND/OR/NOT, prefix*).")
    q.add_argument("query", help="what to look for")
    q.add_argument("--db", required=True, help="the corpus database")
    q.add_argument("--limit", type=int, default=20, help="at most N hits (default 20)")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_search)

    v = sub.add_parser("serve", help="run the HTTP service and web page",
                       description="Serve the JSON API (POST /extract, GET /articles, "
                       "GET /articles/{id}, GET /healthz; docs at /docs) and the web page. The "
                       "corpus is opened read-only; without --db, out/corpus.sqlite is used when "
                       "it exists (when it is not a readable corpus, a warning is printed and the "
                       "service starts without one), else the corpus routes answer 409. A --db "
                       "that cannot be opened is an error.")
    v.add_argument("--db", help="a SQLite corpus written by `newspith run --out corpus.sqlite`")
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    v.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    v.add_argument("--allow-private", action="store_true",
                   help="let /extract fetch loopback, private and link-local addresses (only on "
                        "a trusted network)")
    v.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"))
    v.set_defaults(func=cmd_serve)

    b = sub.add_parser("bench", help="benchmark newspith against other extractors",
                       description="Score newspith and the anchors (trafilatura, "
                       "readability-lxml, resiliparse) on ../shared/bench/content, same run.")
    b.add_argument("--data", help="the shared/bench folder (default: found beside the checkout)")
    b.add_argument("--datasets", help="comma-separated dataset names (default: all)")
    b.add_argument("--tools", help="comma-separated tools (default: newspith and all anchors)")
    b.add_argument("--limit", type=int, help="at most N pages per dataset")
    b.add_argument("--every", type=int, default=1, help="keep one page in N (a spread sample)")
    b.add_argument("--worst", type=int, default=0, help="list newspith's N worst pages")
    b.add_argument("--markdown", action="store_true", help="Markdown tables")
    b.add_argument("--no-wcxb", action="store_true", help="skip WCXB dev (all page types)")
    b.add_argument("--no-text", action="store_true", help="skip the text-mode benchmark")
    b.add_argument("--no-metadata", action="store_true", help="skip the metadata benchmark")
    b.add_argument("--text-only", action="store_true",
                   help="run only the text-mode benchmark (dumps of the pages' visible text)")
    b.add_argument("--memory", type=int, default=0, metavar="PASSES",
                   help="also extract the pages PASSES times over and report RSS per pass")
    b.set_defaults(func=cmd_bench)
    return p


def main(argv: list[str] | None = None) -> int:
    # The command line is a process of its own, so it sets how numpy's OpenBLAS runs, before
    # anything imports numpy: one thread. Left alone, OpenBLAS starts a thread per core in
    # every process, and those spin after each of the language identifier's small products,
    # taking CPU from the other workers of a batch (4-5% of a run's CPU time). A value the
    # user set stands.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewspithError as exc:
        print(f"newspith: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"newspith: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newspith: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
