"""Faster construction of frozen slotted dataclasses.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__(self,
name, value)``: a global lookup, an attribute lookup and a generic ``setattr`` that finds the
slot's descriptor again, per field. Text mode builds dozens of :class:`~newspith.article.Block`
objects a page, thousands of pages a second, and that was a tenth of its time.

The code made here lends the object, while its fields are set, to a *twin* class: the same
slots, no ``__setattr__`` of its own, so each field is a plain slot store (the interpreter's
fastest attribute write); then the object gets its class back.

* :func:`fast_init` replaces the class's ``__init__`` (a third of the dataclass's cost). An
  instance of a subclass, whose layout may differ from the twin's, has its slots set through
  the slot descriptors instead.
* :func:`fast_new` makes a plain function that builds an instance without calling the class
  (no ``type.__call__``, no argument tuple for ``__init__``): half the cost again, for hot
  loops inside newspith.

The signature, defaults, default factories and the frozen behaviour (``FrozenInstanceError`` on
assignment) are the dataclass's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, fields
from typing import Any, TypeVar

__all__ = ["fast_init", "fast_new"]

T = TypeVar("T", bound=type)
C = TypeVar("C")


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
    fs, env, params, head = _parts(cls, "fast_init")
    env["_set_class"] = object.__setattr__
    sets = []
    for i, f in enumerate(fs):
        env[f"_set{i}"] = cls.__dict__[f.name].__set__
        sets.append(f"    _set{i}(self, {f.name})")
    body = [*head, "if type(self) is _cls:", '    _set_class(self, "__class__", _twin)',
            *(f"    self.{f.name} = {f.name}" for f in fs), "    self.__class__ = _cls",
            "else:", *sets]
    init = _compile(env, "__init__", ["self", *params], body)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fs}, "return": None}
    cls.__init__ = init  # type: ignore[misc]
    return cls


def fast_new(cls: Callable[..., C]) -> Callable[..., C]:
    """A function with the class's signature that returns a new instance of exactly ``cls``
    (not of a subclass), built without calling the class. Same conditions as
    :func:`fast_init`."""
    fs, env, params, head = _parts(cls, "fast_new")
    env["_new"] = object.__new__
    body = [*head, "self = _new(_twin)", *(f"self.{f.name} = {f.name}" for f in fs),
            "self.__class__ = _cls", "return self"]
    new = _compile(env, "new", params, body)
    new.__qualname__ = f"new_{cls.__qualname__}"  # type: ignore[attr-defined]
    new.__annotations__ = {**{f.name: f.type for f in fs}, "return": cls}
    return new


def _parts(cls: Any, name: str) -> tuple[tuple[Field, ...], dict[str, Any], list[str], list[str]]:
    """The fields, the names the code reads, the parameters and the factory calls."""
    fs = fields(cls)
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__") or \
            any(f.kw_only or not f.init or f.name == "self" or f.name.startswith("_")
                for f in fs):
        raise TypeError(f"{name} does not fit {cls.__name__}: needs slots, positional "
                        "__init__ fields (not self or _private) and no __post_init__")
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": cls.__dict__["__slots__"],
                                              "__module__": cls.__module__})
    env: dict[str, Any] = {"_FACTORY": _FACTORY, "_cls": cls, "_twin": twin}
    params, head = [], []
    for i, f in enumerate(fs):
        if f.default is not MISSING:
            env[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        elif f.default_factory is not MISSING:
            env[f"_factory{i}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            head.append(f"if {f.name} is _FACTORY: {f.name} = _factory{i}()")
        else:
            params.append(f.name)
    return fs, env, params, head


def _compile(env: dict[str, Any], name: str, params: list[str], body: list[str]) -> Any:
    # The names are closure variables of a maker, so the function reads them as fast locals.
    source = (f"def _make({', '.join(env)}):\n"
              f"    def {name}({', '.join(params)}):\n"
              + "".join(f"        {line}\n" for line in body)
              + f"    return {name}\n")
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # noqa: S102 (our own source, as dataclasses does)
    function = namespace["_make"](**env)
    function.__module__ = env["_cls"].__module__
    return function
