"""Why each block was kept or dropped: the extractor's reasoning, block by block.

``newspith.explain(html)`` returns an :class:`Explanation`: the Article, the strategy that found
the body (a rung of the fallback ladder), the container it chose, and one
:class:`BlockDecision` per candidate block in page order. ``newspith extract --explain`` prints
it, so users can see a mistake and report it with the reason attached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newspith.article import Article
from newspith.config import DecodeConfig, ExtractConfig
from newspith.extract import run
from newspith.extract.decisions import label
from newspith.extract.segment import Element, RawBlock

__all__ = ["BlockDecision", "Explanation", "explain"]

_PATH_DEPTH = 4
METADATA_FIELDS = ("title", "authors", "published", "modified", "site_name", "language", "url",
                   "description", "image", "tags")


def element_path(e: Element | None, depth: int = _PATH_DEPTH) -> str:
    """A short CSS-like path of an element: ``div.article-body > p``, nearest last."""
    parts: list[str] = []
    while e is not None and len(parts) < depth:
        attrs = e.node.attributes if e.node is not None else {}
        label = e.tag
        if attrs.get("id"):
            label += "#" + attrs["id"].split()[0]
        elif attrs.get("class"):
            label += "." + ".".join(attrs["class"].split()[:2])
        parts.append(label)
        e = e.parent
    return " > ".join(reversed(parts))


@dataclass(frozen=True, slots=True)
class BlockDecision:
    index: int
    kept: bool
    reason: str
    path: str
    value: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "kept": self.kept, "reason": self.reason, "path": self.path,
                "value": round(self.value, 1), "text": self.text}


@dataclass(frozen=True, slots=True)
class Explanation:
    article: Article
    strategy: str | None
    container: str | None
    blocks: tuple[BlockDecision, ...]
    page_type_points: dict[str, float] | None = None

    def metadata(self) -> dict[str, dict[str, Any]]:
        """Each metadata field: its value and where it came from, or why it is empty."""
        a, out = self.article, {}
        for name in METADATA_FIELDS:
            value = getattr(a, name)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            if value:
                out[name] = {"value": value, "source": a.sources.get(name)}
            else:
                out[name] = {"value": value, "missing": a.missing.get(name, "not found")}
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"strategy": self.strategy, "container": self.container,
                "page_type": self.article.page_type, "page_type_points": self.page_type_points,
                "metadata": self.metadata(),
                "blocks": [b.to_dict() for b in self.blocks], "article": self.article.to_dict()}

    def to_text(self, width: int = 100) -> str:
        """One line per block: ``+`` kept, ``-`` dropped, the reason, the path, the text."""
        points = ", ".join(f"{t} {p:g}" for t, p in sorted(
            (self.page_type_points or {}).items(), key=lambda kv: -kv[1]) if p)
        lines = [f"strategy: {self.strategy or '-'}", f"container: {self.container or '-'}",
                 f"page type: {self.article.page_type or '-'} ({points or 'no signal'})", ""]
        for name, m in self.metadata().items():
            value = m["value"]
            if isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            if m.get("missing") is not None and not value:
                lines.append(f"{name}: - (empty: {m['missing']})")
            else:
                text = str(value) if len(str(value)) <= width else str(value)[: width - 1] + "…"
                lines.append(f"{name}: {text}  [from {m['source'] or '?'}]")
        lines.append("")
        for b in self.blocks:
            text = " ".join(b.text.split())
            if len(text) > width:
                text = text[: width - 1] + "…"
            lines.append(f"{'+' if b.kept else '-'} [{b.reason or '-'}] {b.path}\n    {text}")
        return "\n".join(lines)


def _decision(b: RawBlock) -> BlockDecision:
    reason = label(b.reason) if (b.reason or not b.keep) else ""
    return BlockDecision(b.index, b.keep, reason, element_path(b.owner), b.value, b.text)


def explain(html: str | bytes | LexborHTMLParser, url: str | None = None, *,
            config: ExtractConfig | None = None, content_type: str | None = None,
            decode_config: DecodeConfig | None = None) -> Explanation:
    """Extract the article and say, block by block, what was kept or dropped and why."""
    r = run(html, url, config=config, content_type=content_type, decode_config=decode_config)
    sel = r.selection
    return Explanation(
        article=r.article,
        strategy=sel.strategy if sel else None,
        container=element_path(sel.container, depth=8) if sel and sel.container else None,
        blocks=tuple(_decision(b) for b in r.blocks),
        page_type_points=r.page_type_points,
    )
