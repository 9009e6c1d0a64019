"""Benchmark results as text tables (plain or Markdown)."""

from __future__ import annotations

from newspith.bench.content import DatasetResult

__all__ = ["content_table", "speed_line", "worst_table"]


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
    header = ["tool", "precision", "recall", "F1", "accuracy", "ms/page (median)", "errors"]
    rows = []
    ranked = sorted(res.tools.values(), key=lambda t: -t.summary.f1)
    for t in ranked:
        s = t.summary
        rows.append([t.name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                     f"{s.accuracy:.3f}", f"{t.median_ms:.2f}", str(t.errors)])
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
