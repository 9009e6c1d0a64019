"""The metadata benchmark: per-field accuracy of newspith, trafilatura and htmldate, same run.

Four datasets: ``metadata/readability-pages.jsonl.gz`` (Readability.js test pages with their
expected title, byline, site name, date and language) and the ``title``/``authors``/``published``
truth of ``wcxb/dev.jsonl.gz``, ``news/naeb.jsonl.gz`` and ``news/naeb-confirm.jsonl.gz`` (scored
as an aggregate only). How answers are compared:

* title: exact after whitespace normalisation;
* authors: as a set of names, case-insensitive. Truth and answers go through the same splitter
  (``;``, `` and ``, ``&``, and ``,`` between multi-word names), so "A and B" equals ["A", "B"];
  a Readability byline keeps its first line without a leading "By";
* published: the calendar day as the page writes it (``YYYY-MM-DD``, no time-zone shift);
* site name: exact after whitespace normalisation, case-insensitive;
* language: the primary subtag (``en-US`` → ``en``).

Accuracy is over the pages whose truth has the field. "Extra" counts answers on pages whose truth
is empty (meaningful on WCXB, whose truth was annotated; on Readability's pages an empty field
often means only that Readability.js did not find it). "Both answered" compares newspith with each
anchor on the pages where both gave an answer.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newspith.bench.datasets import find_data, read_pages
from newspith.bench.report import _table

__all__ = ["Answer", "FieldScore", "run", "main", "evaluate", "normalise_authors",
           "metadata_overhead"]

FIELDS = ("title", "authors", "published", "site_name", "language")
#: (name, file, fields, aggregate only). naeb-confirm is scored as an aggregate only: no miss
#: of it is ever listed.
DATASETS = (("readability-pages", "metadata/readability-pages.jsonl.gz", FIELDS, False),
            ("wcxb dev", "wcxb/dev.jsonl.gz", ("title", "authors", "published"), False),
            ("naeb", "news/naeb.jsonl.gz", ("title", "authors", "published"), False),
            ("naeb-confirm", "news/naeb-confirm.jsonl.gz", ("title", "authors", "published"),
             True))
OURS = "newspith"


@dataclass(frozen=True, slots=True)
class Answer:
    title: str | None = None
    authors: frozenset[str] = frozenset()
    published: str | None = None   # YYYY-MM-DD
    site_name: str | None = None
    language: str | None = None


# --- normalisation (the same for truth and every tool) ---------------------------------------

_SPLIT = re.compile(r"\s*;\s*|\s+(?:and|&)\s+|\s*&\s*", re.I)
_BY = re.compile(r"^(?:written\s+by|posted\s+by|by|par|von|por)\s*:?\s+", re.I)


def _text(v) -> str | None:
    if not isinstance(v, str):
        return None
    v = " ".join(v.split())
    return v if v and v != "None" else None


def normalise_authors(value) -> frozenset[str]:
    """A set of casefolded names from a string or a list of strings (see the module docstring)."""
    items = value if isinstance(value, (list, tuple)) else [value]
    names: list[str] = []
    for it in items:
        if not isinstance(it, str) or it == "None":
            continue
        for part in _SPLIT.split(it):
            commas = [p.strip() for p in part.split(",")]
            if len(commas) > 1 and all(len(p.split()) >= 2 for p in commas):
                names.extend(commas)
            else:
                names.append(part)
    out = {_BY.sub("", " ".join(n.split())).casefold() for n in names}
    return frozenset(n for n in out if n)


def _day(v) -> str | None:
    v = _text(v)
    return v[:10] if v and re.match(r"\d{4}-\d{2}-\d{2}", v) else None


def _lang(v) -> str | None:
    v = _text(v)
    return re.split(r"[-_]", v)[0].lower() if v else None


def _truth(dataset: str, page: dict) -> Answer:
    if dataset == "readability-pages":
        byline = page.get("byline")
        byline = _BY.sub("", byline.strip()) if isinstance(byline, str) else ""
        first = byline.strip().splitlines()[0] if byline.strip() else None
        return Answer(_text(page.get("title")), normalise_authors(first) if first else frozenset(),
                      _day(page.get("published")), _text(page.get("site_name")),
                      _lang(page.get("language")))
    return Answer(_text(page.get("title")), normalise_authors(page.get("authors") or []),
                  _day(page.get("published")))


def _same(name: str, truth, got) -> bool:
    if name in ("site_name",):
        return truth.casefold() == got.casefold()
    return truth == got


# --- the tools -------------------------------------------------------------------------------

MetaTool = Callable[[str, "str | None"], Answer]


def _newspith() -> MetaTool:
    from newspith import extract

    def run(html: str, url: str | None) -> Answer:
        a = extract(html, url)
        return Answer(_text(a.title), normalise_authors(a.authors),
                      a.published.date().isoformat() if a.published else None,
                      _text(a.site_name), _lang(a.language))
    return run


def _trafilatura() -> MetaTool:
    from trafilatura.metadata import extract_metadata

    def run(html: str, url: str | None) -> Answer:
        m = extract_metadata(html, default_url=url)  # extensive date search, as with_metadata
        return Answer(_text(m.title), normalise_authors(m.author or ""), _day(m.date),
                      _text(m.sitename), None)
    return run


def _htmldate() -> MetaTool:
    from htmldate import find_date

    def run(html: str, url: str | None) -> Answer:
        return Answer(published=_day(find_date(html, extensive_search=True, original_date=True,
                                               url=url)))
    return run


_TOOLS: dict[str, Callable[[], MetaTool]] = {
    "newspith": _newspith, "trafilatura": _trafilatura, "htmldate": _htmldate}
_ANSWERS = {"trafilatura": ("title", "authors", "published", "site_name"),
            "htmldate": ("published",), "newspith": FIELDS}


# --- scoring ---------------------------------------------------------------------------------

@dataclass
class FieldScore:
    right: int = 0
    total: int = 0     # pages whose truth has the field
    extra: int = 0     # answers on pages whose truth is empty
    empty: int = 0     # pages whose truth is empty

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class DatasetScores:
    name: str
    fields: tuple[str, ...]
    pages: int = 0
    scores: dict[str, dict[str, FieldScore]] = field(default_factory=dict)
    # (anchor, field) -> [pages both answered, newspith right, anchor right]
    both: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)


def evaluate(name: str, pages, fields: tuple[str, ...], tools: dict[str, MetaTool]
             ) -> DatasetScores:
    res = DatasetScores(name, fields)
    for t in tools:
        res.scores[t] = {f: FieldScore() for f in _ANSWERS[t] if f in fields}
        res.seconds[t], res.errors[t] = [], 0
    for page in pages:
        res.pages += 1
        truth = _truth(name, page)
        answers: dict[str, Answer] = {}
        for t, fn in tools.items():
            start = time.perf_counter()
            try:
                answers[t] = fn(page["html"], page.get("url"))
            except Exception:  # noqa: BLE001 - a tool's failure is one error, not a crash
                answers[t], res.errors[t] = Answer(), res.errors[t] + 1
            res.seconds[t].append(time.perf_counter() - start)
        for t, per_field in res.scores.items():
            for f, s in per_field.items():
                want, got = getattr(truth, f), getattr(answers[t], f)
                if not want:
                    s.empty += 1
                    s.extra += bool(got)
                    continue
                s.total += 1
                ok = bool(got) and _same(f, want, got)
                s.right += ok
                if t == OURS and not ok:
                    res.misses.append((page.get("id", "?"), f, want, got))
        if OURS not in answers:
            continue
        for t in tools:
            if t == OURS:
                continue
            for f in res.scores[t]:
                want, mine, theirs = (getattr(truth, f), getattr(answers[OURS], f),
                                      getattr(answers[t], f))
                if want and mine and theirs:
                    row = res.both.setdefault((t, f), [0, 0, 0])
                    row[0] += 1
                    row[1] += _same(f, want, mine)
                    row[2] += _same(f, want, theirs)
    return res


def _accuracy_table(res: DatasetScores, markdown: bool) -> str:
    header = ["tool"] + [f"{f} ({next(iter(res.scores.values()))[f].total})"
                         if f in next(iter(res.scores.values())) else f for f in res.fields]
    header += ["ms/page", "errors"]
    rows = []
    for t, per_field in res.scores.items():
        cells = []
        for f in res.fields:
            s = per_field.get(f)
            cells.append("—" if s is None else f"{s.accuracy:.3f}" + (
                f" (+{s.extra})" if s.extra else ""))
        ms = statistics.median(res.seconds[t]) * 1000 if res.seconds[t] else 0.0
        rows.append([t] + cells + [f"{ms:.1f}", str(res.errors[t])])
    title = (f"{res.name}: metadata accuracy ({res.pages} pages; per field the pages with "
             f"truth; (+N) answers where the truth is empty)")
    return (f"### {title}\n\n" if markdown else f"{title}\n") + _table(header, rows, markdown)


def _both_table(res: DatasetScores, markdown: bool) -> str:
    header = ["anchor", "field", "both answered", "newspith right", "anchor right"]
    rows = [[t, f, str(n), str(a), str(b)] for (t, f), (n, a, b) in sorted(res.both.items())]
    title = f"{res.name}: pages where newspith and the anchor both answered"
    return (f"\n{title}\n\n" if markdown else f"{title}\n") + _table(header, rows, markdown)


def metadata_overhead(pages) -> tuple[float, float]:
    """Median ms/page of ``extract`` and of its metadata part alone, over the same pages."""
    from newspith.config import ExtractConfig
    from newspith.extract import run as extract_run
    from newspith.extract.dom import parse
    from newspith.extract.metadata import date_lines, finish_metadata, read_metadata

    config = ExtractConfig()
    total, meta = [], []
    for page in pages:
        html, url = page["html"], page.get("url")
        start = time.perf_counter()
        done = extract_run(html, url)
        total.append(time.perf_counter() - start)
        # The same metadata calls extract makes, timed alone on the same page.
        tree = parse(html, config, None, None).tree
        kept = done.selection.blocks if done.selection else []
        start = time.perf_counter()
        md = read_metadata(tree, url)
        finish_metadata(md, date_lines(done.blocks, kept[0].index if kept else 0, md.title,
                                       last=kept[-1].index if kept else None), done.article.text)
        meta.append(time.perf_counter() - start)
    return sum(total) / len(total) * 1000, sum(meta) / len(meta) * 1000


def run(data_dir: Path, limit: int | None = None, markdown: bool = False,
        tools: tuple[str, ...] = ("newspith", "trafilatura", "htmldate"),
        misses: int = 0) -> str:
    """Run the metadata benchmark on ``data_dir`` (``shared/bench``) and return its tables."""
    chosen: dict[str, MetaTool] = {}
    out: list[str] = []
    for t in tools:
        try:
            chosen[t] = _TOOLS[t]()
        except ImportError as exc:
            out.append(f"skipping {t}: not installed ({exc.name}); pip install 'newspith[bench]'")
    for name, rel, fields, aggregate_only in DATASETS:
        path = Path(data_dir) / rel
        if not path.exists():
            out.append(f"skipping {name}: {path} not found")
            continue
        res = evaluate(name, read_pages(path, limit), fields, chosen)
        out += [_accuracy_table(res, markdown), "", _both_table(res, markdown), ""]
        for pid, f, want, got in ([] if aggregate_only else res.misses[:misses]):
            out.append(f"  miss {pid} {f}: want {want!r} got {got!r}")
    if OURS in chosen:
        wcxb = Path(data_dir) / "wcxb" / "dev.jsonl.gz"
        if wcxb.exists():
            n = min(limit or 200, 200)
            total, meta = metadata_overhead(read_pages(wcxb, n))
            out.append(f"metadata time: {meta:.2f} of {total:.2f} ms/page of extract on {n} wcxb "
                       f"pages: +{meta / max(total - meta, 1e-9):.0%} over the body-only path")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m newspith.bench.metadata",
                                description="newspith's metadata benchmark")
    p.add_argument("--data", help="the shared/bench folder (found beside the checkout)")
    p.add_argument("--limit", type=int, help="pages per dataset")
    p.add_argument("--markdown", action="store_true")
    p.add_argument("--tools", default="newspith,trafilatura,htmldate")
    p.add_argument("--misses", type=int, default=0, help="list newspith's first N misses")
    args = p.parse_args(argv)
    data = find_data(args.data)
    if data is None:
        print("benchmark data not found: expected ../shared/bench/ (or pass --data DIR)")
        return 1
    print(run(data, args.limit, args.markdown, tuple(args.tools.split(",")), args.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
