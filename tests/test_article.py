from dataclasses import FrozenInstanceError
from datetime import datetime, timezone
import json

import pytest

from newspith.article import Article, Block, BlockKind


def make() -> Article:
    return Article(
        title="Tide tables", text="One.\n\nTwo", is_article=True,
        blocks=(Block(BlockKind.HEADING, "Tides", level=2),
                Block(BlockKind.LIST, "a\nb", items=("a", "b"), ordered=True),
                Block(BlockKind.TABLE, "h | i\n1 | 2", rows=(("h", "i"), ("1", "2")), header=True),
                Block(BlockKind.EMBED, "post", url="https://x.example/status/1", author="A (@a)"),
                Block(BlockKind.QUOTE, "quoted")),
        authors=["Ann Lee"], published=datetime(2020, 1, 2, 3, 4, tzinfo=timezone.utc))


def test_frozen():
    with pytest.raises(FrozenInstanceError):
        make().title = "other"


def test_to_dict_is_json_ready():
    d = make().to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["published"] == "2020-01-02T03:04:00+00:00"
    assert d["blocks"][1] == {"kind": "list", "text": "a\nb", "items": ["a", "b"], "ordered": True}
    assert d["blocks"][3]["author"] == "A (@a)"


def test_markdown_renders_every_kind():
    md = make().to_markdown()
    assert md.startswith("# Tide tables\n")
    assert "## Tides" in md
    assert "1. a\n2. b" in md
    assert "| h | i |\n|---|---|\n| 1 | 2 |" in md
    assert "> post" in md and "> quoted" in md
    assert "By Ann Lee" in md


def test_favor_knob_is_validated():
    from newspith import ExtractConfig

    assert ExtractConfig(favor="precision").favor_precision
    assert ExtractConfig(favor="recall").favor_recall
    with pytest.raises(ValueError):
        ExtractConfig(favor="everything")
