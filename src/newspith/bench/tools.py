"""The extractors a benchmark compares: newspith and the anchors, behind one signature.

Each tool is ``(html: str, url: str | None) -> str`` (the article body as plain text). Anchors
come from the optional ``bench`` extra; a tool whose package is missing is reported as
unavailable instead of failing the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Tool", "available_tools", "TOOL_NAMES", "DEFAULT_TOOLS"]

Extractor = Callable[[str, "str | None"], str]


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    run: Extractor


def _newspith(**config) -> Extractor:
    from newspith import ExtractConfig, extract

    cfg = ExtractConfig(**config)
    return lambda html, url: extract(html, url, config=cfg).text


def _trafilatura(**options) -> Extractor:
    import trafilatura

    # Comments off: the benchmarks score the article body, and the comment-free setting is the
    # anchor's strongest on them.
    return lambda html, url: trafilatura.extract(
        html, url=url, include_comments=False, **options) or ""


def _readability() -> Extractor:
    import logging

    import lxml.html
    from readability import Document

    # readability-lxml logs a traceback for every page it fails on; the harness counts errors.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

    def run(html: str, url: str | None) -> str:
        summary = Document(html, url=url).summary(html_partial=True)
        if not summary.strip():
            return ""
        root = lxml.html.fromstring(summary)
        # One line per block element, like the other tools' plain text.
        for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"):
            el.tail = ("\n" + el.tail) if el.tail else "\n"
        return root.text_content()

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html, url: extract_plain_text(html, main_content=True)


_FACTORIES: dict[str, Callable[[], Extractor]] = {
    "newspith": _newspith,
    "newspith-precision": lambda: _newspith(favor="precision"),
    "newspith-recall": lambda: _newspith(favor="recall"),
    "trafilatura": _trafilatura,
    "trafilatura-precision": lambda: _trafilatura(favor_precision=True),
    "readability-lxml": _readability,
    "resiliparse": _resiliparse,
}
TOOL_NAMES = tuple(_FACTORIES)
DEFAULT_TOOLS = ("newspith", "trafilatura", "trafilatura-precision", "readability-lxml",
                 "resiliparse")


def available_tools(names: tuple[str, ...] | list[str] = DEFAULT_TOOLS
                    ) -> tuple[list[Tool], dict[str, str]]:
    """The tools that can run here, and for the others why not."""
    tools, missing = [], {}
    for name in names:
        if name not in _FACTORIES:
            missing[name] = "unknown tool"
            continue
        try:
            tools.append(Tool(name, _FACTORIES[name]()))
        except ImportError as exc:
            missing[name] = f"not installed ({exc.name}); pip install 'newspith[bench]'"
    return tools, missing
