"""A Markdown folder as output (``newspith run ... --out DIR/``): one ``.md`` file per article.

Each article is written to ``DIR/<title-words>-<hash of its id>.md`` (the name is stable, so a
rerun rewrites the same file). Every row, article or error, also goes into ``DIR/index.jsonl``:
the article's id, source, URL, title and ``file``, or the error with its reason; that index is
kept resumable like a JSONL output (parts and markers in ``DIR/.shards/``, :mod:`.parts`).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from newspith.executors.parts import PartSink, PartStore

__all__ = ["MarkdownSink", "markdown_name"]

_WORDS = re.compile(r"[^\W_]+")


def markdown_name(id: str, title: str | None, max_words: int = 8) -> str:
    """A file name for an article: a few title words, then a hash of its id."""
    words = _WORDS.findall((title or "").lower())[:max_words]
    digest = hashlib.sha1(id.encode("utf-8")).hexdigest()[:12]
    return f"{'-'.join(words)[:80]}-{digest}.md" if words else f"{digest}.md"


class MarkdownSink(PartSink):
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(PartStore(folder / ".shards", ".jsonl"))
        self.folder = folder

    @property
    def takes_lines(self) -> bool:
        return False  # each row is rendered to Markdown here, from its Article

    def as_dict(self, row) -> dict:
        head = {"id": row.doc.id, "source": row.doc.source, "ok": row.ok}
        a = row.article
        if a is None:
            return head | {"fetched_url": row.doc.url, "error": row.error}
        name = markdown_name(row.doc.id, a.title)
        tmp = self.folder / f".{name}.tmp{os.getpid()}"
        tmp.write_text(a.to_markdown(), encoding="utf-8")
        os.replace(tmp, self.folder / name)
        return head | {"url": a.url or row.doc.url, "title": a.title,
                       "is_article": a.is_article, "file": name}
