"""``newspith bench``: run the content benchmark and render its tables."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from newspith.bench.comments import run_comments
from newspith.bench.content import DatasetResult, run_dataset
from newspith.bench.datasets import CONFIRM, content_datasets, find_data
from newspith.bench.memory import run_memory
from newspith.bench.textmode import run_textmode, textmode_table
from newspith.bench.report import content_table, speed_line, wcxb_table, worst_table
from newspith.bench.wcxb import PAGE_TYPES, page_type_accuracy, run_wcxb
from newspith.bench.tools import DEFAULT_TOOLS, available_tools
from newspith.errors import InputError

__all__ = ["BenchOptions", "run_bench"]


@dataclass(frozen=True, slots=True)
class BenchOptions:
    data: str | None = None
    datasets: tuple[str, ...] = ()       # empty: all content datasets
    tools: tuple[str, ...] = DEFAULT_TOOLS
    limit: int | None = None             # pages per dataset
    every: int = 1                       # keep one page in N
    worst: int = 0                       # list newspith's N worst pages per dataset
    markdown: bool = False
    wcxb: bool = True                    # also run WCXB dev (all page types)
    memory_passes: int = 0               # >0: RSS over that many passes of newspith
    text: bool = True                    # also run the text-mode benchmark (dumps of the pages)
    text_only: bool = False              # run only the text-mode benchmark
    metadata: bool = True                # also run the metadata benchmark


def run_bench(opts: BenchOptions, out=sys.stdout) -> list[DatasetResult]:
    data = find_data(opts.data)
    if data is None:
        raise InputError("benchmark data not found: expected ../shared/bench/ beside the "
                         "checkout (or pass --data DIR)")
    files = content_datasets(data)
    if opts.datasets:
        files = [f for f in files if f.name.split(".")[0] in opts.datasets]
        if not files:
            raise InputError(f"no dataset named {', '.join(opts.datasets)} in {data / 'content'}")
    if opts.text or opts.text_only:
        text_results = [run_textmode(f, opts.limit, opts.every) for f in files]
        print(textmode_table(text_results, opts.markdown) + "\n", file=out)
        out.flush()
        if opts.text_only:
            return []
    tools, missing = available_tools(opts.tools)
    for name, why in missing.items():
        print(f"skipping {name}: {why}", file=out)
    results = []
    for f in files:
        res = run_dataset(f, tools, opts.limit, opts.every)
        results.append(res)
        print(content_table(res, opts.markdown), file=out)
        if opts.worst:
            print(worst_table(res, n=opts.worst), file=out)
        if "newspith" in res.tools:
            comments = run_comments(f, opts.limit, opts.every)
            if comments is not None:
                c = comments.scores
                print(f"\nnewspith comments apart from the body ({c.pages} pages with comment "
                      f"truth): precision {c.precision:.3f}, recall {c.recall:.3f}, F1 {c.f1:.3f}; "
                      f"comment text left in the body: {comments.leak:.1%} of its shingles",
                      file=out)
        print(file=out)
        out.flush()
    confirm = data / CONFIRM
    if confirm.exists() and not opts.datasets:
        # Score only: its aggregate rows, never its pages (no worst list, no comments).
        res = run_dataset(confirm, tools, opts.limit, opts.every)
        results.append(res)
        print(content_table(res, opts.markdown) + "\n", file=out)
        out.flush()
    line = speed_line(results)
    if line:
        print(line, file=out)
    wcxb_path = data / "wcxb" / "dev.jsonl.gz"
    if opts.wcxb and wcxb_path.exists():
        wres = run_wcxb(wcxb_path, tools, opts.limit, opts.every)
        print("\n" + wcxb_table(wres, opts.markdown), file=out)
        if "newspith" in wres:
            acc, confusion = page_type_accuracy(wcxb_path, opts.limit, opts.every)
            print(f"\nnewspith page types on wcxb dev: accuracy {acc:.3f}", file=out)
            for truth in PAGE_TYPES:
                row = {g: n for (t, g), n in confusion.items() if t == truth}
                if row:
                    print(f"  {truth:13} -> " + ", ".join(
                        f"{g} {n}" for g, n in sorted(row.items(), key=lambda kv: -kv[1])),
                        file=out)
        ours = wres.get("newspith")
        if ours is not None and opts.worst:
            print(f"worst {opts.worst} wcxb pages of newspith: " + ", ".join(
                f"{pid} ({ptype}, {score:.2f})" for score, pid, ptype in ours.worst[:opts.worst]),
                file=out)
    if opts.metadata:
        from newspith.bench.metadata import run as run_metadata

        print("\n" + run_metadata(data, opts.limit, opts.markdown), file=out)
    if opts.memory_passes:
        mem = run_memory(files, opts.memory_passes, opts.limit, opts.every)
        print(f"\nmemory: {mem.passes} passes over {mem.pages} pages in one process; RSS after "
              f"each pass (MB): {', '.join(f'{x:.0f}' for x in mem.rss_after_pass)}; growth "
              f"after the first pass: {mem.growth_after_first:+.1f} MB", file=out)
    return results
