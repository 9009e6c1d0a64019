"""The fast ``__init__`` of frozen slotted dataclasses behaves as the dataclass's own."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from newspith.article import Article, Block, BlockKind, new_block
from newspith.slotinit import fast_init, fast_new


@dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str = "x"
    c: list[int] = field(default_factory=list)


@fast_init
@dataclass(frozen=True, slots=True)
class _Fast:
    a: int
    b: str = "x"
    c: list[int] = field(default_factory=list)


def test_same_signature_values_and_errors_as_the_dataclass_init():
    assert str(inspect.signature(_Fast)) == str(inspect.signature(_Plain))
    for args, kwargs in (((1,), {}), ((1, "y"), {}), ((), {"a": 2, "c": [3]}),
                         ((1,), {"b": "z"})):
        fast, plain = _Fast(*args, **kwargs), _Plain(*args, **kwargs)
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
    for args, kwargs in (((), {}), ((1, "y", [], 4), {}), ((1,), {"d": 1}), ((1,), {"a": 1})):
        with pytest.raises(TypeError):
            _Fast(*args, **kwargs)
        with pytest.raises(TypeError):
            _Plain(*args, **kwargs)


def test_factories_give_each_instance_its_own_value():
    one, two = _Fast(1), _Fast(2)
    assert one.c == [] and one.c is not two.c
    given = [5]
    assert _Fast(1, c=given).c is given


def test_still_frozen_hashable_and_equal():
    b = _Fast(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.a = 2  # type: ignore[misc]
    assert Block(BlockKind.PARAGRAPH, "t") == Block(BlockKind.PARAGRAPH, "t")
    assert hash(Block(BlockKind.HEADING, "t", level=2)) == hash(Block(BlockKind.HEADING, "t",
                                                                      level=2))


def test_article_and_block_use_it_and_round_trip():
    assert Block.__init__.__qualname__ == "Block.__init__"
    article = Article(title="T", blocks=(Block(BlockKind.LIST, "a\nb", items=("a", "b")),),
                      authors=["Jane Doe"])
    assert Article().authors == [] and Article().authors is not Article().authors
    assert pickle.loads(pickle.dumps(article)) == article
    assert dataclasses.replace(article, title="U").title == "U"


def test_refuses_classes_it_does_not_fit():
    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        a: int

    @dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, KeywordOnly, PostInit):
        with pytest.raises(TypeError, match="does not fit"):
            fast_init(cls)
        with pytest.raises(TypeError, match="does not fit"):
            fast_new(cls)


def test_subclass_instances_keep_their_class_and_fields():
    class WithSlots(_Fast):
        __slots__ = ()

    class WithDict(_Fast):
        pass

    for cls in (WithSlots, WithDict):
        made = cls(3, "y")
        assert type(made) is cls and (made.a, made.b, made.c) == (3, "y", [])
    assert type(_Fast(1)) is _Fast


def test_fast_new_builds_what_the_class_builds():
    new = fast_new(_Fast)
    assert str(inspect.signature(new)).startswith(str(inspect.signature(_Fast)).split(" ->")[0])
    for args, kwargs in (((1,), {}), ((1, "y"), {}), ((), {"a": 2, "c": [3]})):
        made = new(*args, **kwargs)
        assert type(made) is _Fast and made == _Fast(*args, **kwargs)
    assert new(1).c is not new(1).c
    with pytest.raises(TypeError):
        new()
    with pytest.raises(dataclasses.FrozenInstanceError):
        new(1).a = 2  # type: ignore[misc]
    block = new_block(BlockKind.HEADING, "Title", level=2)
    assert type(block) is Block and block == Block(BlockKind.HEADING, "Title", level=2)
