"""A faster ``__init__`` for frozen slotted dataclasses.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__(self,
name, value)``: a global lookup, an attribute lookup and a generic ``setattr`` that finds the
slot's descriptor again, per field. Text mode builds dozens of :class:`~newspith.article.Block`
objects a page, thousands of pages a second, and that was a tenth of its time.

The ``__init__`` made here lends the object, for the length of the call, to a *twin* class: the
same slots, no ``__setattr__`` of its own, so each field is a plain slot store (the interpreter's
fastest attribute write); then the object gets its class back. That costs a third of the
dataclass's ``__init__``. An instance of a subclass (whose layout may differ from the twin's)
has its slots set through the slot descriptors instead. The signature, defaults, default
factories and the frozen behaviour (``FrozenInstanceError`` on assignment) are the dataclass's.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

__all__ = ["fast_init"]

T = TypeVar("T", bound=type)


class _Factory:
    """The default of a field with a ``default_factory``: called when no value is passed."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY: Any = _Factory()


def fast_init(cls: T) -> T:
    """Class decorator (above ``@dataclass(frozen=True, slots=True)``): replace ``__init__``.

    Raises ``TypeError`` for a class this does not fit (not slotted, a field that is
    keyword-only, private, named ``self`` or not an ``__init__`` argument, a
    ``__post_init__``): those keep the dataclass's own ``__init__`` by not using this decorator.
    """
    fs = fields(cls)
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__") or \
            any(f.kw_only or not f.init or f.name == "self" or f.name.startswith("_")
                for f in fs):
        raise TypeError(f"fast_init does not fit {cls.__name__}: needs slots, positional "
                        "__init__ fields (not self or _private) and no __post_init__")
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": cls.__dict__["__slots__"],
                                              "__module__": cls.__module__})
    env: dict[str, Any] = {"_FACTORY": _FACTORY, "_cls": cls, "_twin": twin,
                           "_set_class": object.__setattr__}
    params, factories, stores, sets = [], [], [], []
    for i, f in enumerate(fs):
        env[f"_set{i}"] = cls.__dict__[f.name].__set__
        if f.default is not MISSING:
            env[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        elif f.default_factory is not MISSING:
            env[f"_factory{i}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            factories.append(f"if {f.name} is _FACTORY: {f.name} = _factory{i}()")
        else:
            params.append(f.name)
        stores.append(f"    self.{f.name} = {f.name}")
        sets.append(f"    _set{i}(self, {f.name})")
    body = [*factories, "if type(self) is _cls:", '    _set_class(self, "__class__", _twin)',
            *stores, "    self.__class__ = _cls", "else:", *sets]
    # The names are closure variables of a maker, so the __init__ reads them as fast locals.
    source = (f"def _make({', '.join(env)}):\n"
              f"    def __init__(self, {', '.join(params)}):\n"
              + "".join(f"        {line}\n" for line in body)
              + "    return __init__\n")
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # noqa: S102 (our own source, as dataclasses does)
    init = namespace["_make"](**env)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**{f.name: f.type for f in fs}, "return": None}
    cls.__init__ = init  # type: ignore[misc]
    return cls
