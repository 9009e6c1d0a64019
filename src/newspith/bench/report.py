"""Benchmark results as text tables (plain or Markdown)."""

from __future__ import annotations

from newspith.bench.content import DatasetResult

__all__ = ["content_table", "speed_line", "worst_table", "wcxb_table"]


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w)  # noqa: E731
                               for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def content_table(res: DatasetResult, markdown: bool = False) -> str:
    header = ["tool", "precision", "recall", "F1", "accuracy", "ms/page (median)", "errors",
              "collapsed"]
    rows = []
    ranked = sorted(res.tools.values(), key=lambda t: -t.summary.f1)
    for t in ranked:
        s = t.summary
        rows.append([t.name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                     f"{s.accuracy:.3f}", f"{t.median_ms:.2f}", str(t.errors),
                     str(res.collapsed(t.name))])
    n = next(iter(res.tools.values())).summary.pages if res.tools else 0
    title = f"{res.name} ({n} pages)"
    return (f"### {title}\n\n" if markdown else f"{title}\n") + _table(header, rows, markdown)


def speed_line(results: list[DatasetResult], ours: str = "newspith",
               anchor: str = "trafilatura") -> str | None:
    import statistics

    mine = [s for r in results if ours in r.tools for s in r.tools[ours].seconds]
    theirs = [s for r in results if anchor in r.tools for s in r.tools[anchor].seconds]
    if not mine or not theirs:
        return None
    m, t = statistics.median(mine) * 1000, statistics.median(theirs) * 1000
    return (f"speed: {ours} {m:.2f} ms/page, {anchor} {t:.2f} ms/page (median over all pages): "
            f"{t / m:.1f}x faster")


def worst_table(res: DatasetResult, tool: str = "newspith", n: int = 20) -> str:
    t = res.tools.get(tool)
    if t is None:
        return ""
    rows = [[pid, f"{s.precision or 0:.2f}", f"{s.recall or 0:.2f}", f"{s.f1:.2f}"]
            for pid, s in t.worst(n)]
    return f"worst {n} pages of {tool} on {res.name}\n" + _table(
        ["page id", "precision", "recall", "F1"], rows, False)


def wcxb_table(results: dict, markdown: bool = False) -> str:
    """WCXB: mean word-bag F1 per page type and overall, one row per tool, best first."""
    from newspith.bench.wcxb import PAGE_TYPES

    any_res = next(iter(results.values()), None)
    counts = {t: len(any_res.by_type.get(t, [])) for t in PAGE_TYPES} if any_res else {}
    header = ["tool", "overall"] + [f"{t} ({counts.get(t, 0)})" for t in PAGE_TYPES] + [
        "ms/page (median)", "errors"]
    rows = []
    for r in sorted(results.values(), key=lambda r: -r.overall):
        rows.append([r.tool, f"{r.overall:.3f}"] + [f"{r.mean(t):.3f}" for t in PAGE_TYPES]
                    + [f"{r.median_ms:.2f}", str(r.errors)])
    n = sum(counts.values())
    title = f"wcxb dev ({n} pages, mean word-bag F1)"
    return (f"### {title}\n\n" if markdown else f"{title}\n") + _table(header, rows, markdown)

