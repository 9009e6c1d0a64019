from dataclasses import FrozenInstanceError, dataclass, field
from datetime import datetime, timezone
import json
import pickle

import pytest

from newspith.article import Article, Block, BlockKind
from newspith.pickling import as_constructor_call


@dataclass(frozen=True, slots=True)
class _KwOnly:
    a: int
    b: int = field(default=0, kw_only=True)

    __reduce__ = as_constructor_call


@dataclass(frozen=True, slots=True)
class _Derived:
    a: int
    doubled: int = field(init=False, default=0)

    __reduce__ = as_constructor_call

    def __post_init__(self):
        object.__setattr__(self, "doubled", 2 * self.a)


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


def test_pickles_as_constructor_calls_and_round_trips_every_field():
    """Rows cross worker pipes pickled; every field (enums, zoned datetimes, nested tuples,
    dicts) must come back equal, and as the constructor's arguments, not field-by-field state."""
    from newspith.document import Document
    from newspith.pipeline.steps import Row

    zone = timezone.utc
    blocks = (Block(BlockKind.HEADING, "Title", level=1),
              Block(BlockKind.LIST, "a\nb", items=("a", "b"), ordered=True),
              Block(BlockKind.TABLE, "x y", rows=(("x", "y"),), header=True),
              Block(BlockKind.EMBED, "post", url="https://t.example/1", author="@a"))
    article = Article(title="T", text="body", blocks=blocks, authors=["A B"],
                      published=datetime(2024, 5, 2, 10, tzinfo=zone),
                      modified=datetime(2024, 5, 3), site_name="S", language="en",
                      url="https://e.example/a", description="d", comments=("c",),
                      page_type="article", is_article=True, reason=None, encoding="utf-8",
                      encoding_source="http", repaired=True, image="i.jpg", tags=("t",),
                      sources={"title": "h1"}, missing={"modified": "none"})
    doc = Document(id="x", source="s.warc.gz", body=b"<p>", url="u", content_type="text/html",
                   headers={"warc-date": "d"}, error=None, kind="html", seq=7)
    row = Row(doc, article=article)
    for value in (blocks[1], article, doc, row):
        reduced = value.__reduce__()
        assert reduced[0] is type(value) and isinstance(reduced[1], tuple)
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == value and type(back) is type(value)
    assert pickle.loads(pickle.dumps(row)).article.published.tzinfo is zone


def test_classes_the_constructor_cannot_rebuild_pickle_their_state():
    """A keyword-only field (left out of ``__match_args__``) would be dropped by a constructor
    call: such a class pickles its state. An ``init=False`` field is rebuilt by the class."""
    kw = _KwOnly(1, b=2)
    assert as_constructor_call(kw)[0] is not _KwOnly  # pickled by its state
    derived = _Derived(3)
    assert as_constructor_call(derived) == (_Derived, (3,))
    back = pickle.loads(pickle.dumps(kw))
    assert back == kw and back.b == 2
    back = pickle.loads(pickle.dumps(derived))
    assert back == derived and back.doubled == 6
