"""Record: what @dataclass gave the app's types, without generating code when a module loads.

`dataclasses` writes and compiles an __init__, __repr__, __eq__ (and __hash__, __setattr__ for
frozen classes) for every class as its module is imported: about 40% of a headless command's
time was that (benchmarks/RESULTS.md, issue 30). A Record's methods are written once, here, and
read each class's fields from a tuple made when the class is made. Type checkers read a Record
as a dataclass (PEP 681 dataclass_transform): a wrong field name or type in a constructor, or an
assignment to a frozen record, fails mypy exactly as it did with @dataclass.

    class Step(Record, frozen=True):
        id: StepId
        notes: tuple[str, ...] = ()
        contacts: list[Contact] = field(default_factory=list)

Fields are the class's annotations (a base Record's first), not ClassVar ones; a field without a
default may not follow one with a default. `replace`, `fields` and `as_dict` stand in for the
dataclasses functions of the same purpose.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, TypeVar, dataclass_transform

    R = TypeVar("R", bound="Record")
else:

    def dataclass_transform(**_: object) -> object:
        return lambda cls: cls


_MISSING: Any = object()


class FrozenRecordError(AttributeError):
    """An assignment to a field of a frozen record (dataclasses' FrozenInstanceError)."""


class _Field:
    __slots__ = ("default", "factory", "repr")

    def __init__(self, default: object, factory: Callable[[], object] | None, repr: bool) -> None:
        self.default, self.factory, self.repr = default, factory, repr


def field(
    *, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, repr: bool = True
) -> Any:
    """A field's default made anew for each record (default_factory), or a field left out of repr."""
    return _Field(default, default_factory, repr)


@dataclass_transform(field_specifiers=(field,))
class Record:
    __slots__ = ()
    # Each class gets its own in __init_subclass__.
    _fields: ClassVar[tuple[str, ...]] = ()
    _names: ClassVar[frozenset[str]] = frozenset()
    _required: ClassVar[frozenset[str]] = frozenset()
    _types: ClassVar[dict[str, str]] = {}
    _defaults: ClassVar[dict[str, object]] = {}
    _factories: ClassVar[dict[str, Callable[[], object]]] = {}
    _hidden: ClassVar[frozenset[str]] = frozenset()  # left out of repr (secrets)
    _frozen: ClassVar[bool] = False

    def __init_subclass__(cls, *, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        types = dict(cls._types)
        defaults, factories, hidden = dict(cls._defaults), dict(cls._factories), set(cls._hidden)
        own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - inspect costs ~9 ms to import
        for name, annotation in own.items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            types[name] = str(annotation)
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, _Field):
                delattr(cls, name)
                if not value.repr:
                    hidden.add(name)
                if value.factory is not None:
                    factories[name] = value.factory
                    continue
                value = value.default
                if value is not _MISSING:
                    setattr(cls, name, value)
            if isinstance(value, list | dict | set):
                raise ValueError(f"{name!r}: a mutable default is shared: use default_factory")
            if value is not _MISSING:
                defaults[name] = value
            elif defaults or factories:
                raise TypeError(f"{cls.__qualname__}: {name!r} has no default but follows a field with one")
        cls._fields, cls._types, cls._names = tuple(types), types, frozenset(types)
        cls._required = frozenset(types.keys() - defaults.keys() - factories.keys())
        cls._defaults, cls._factories, cls._hidden = defaults, factories, frozenset(hidden)
        cls._frozen = frozen
        if frozen:
            cls.__setattr__ = _refuse_assignment  # type: ignore[method-assign, assignment]
            cls.__delattr__ = _refuse_assignment  # type: ignore[method-assign, assignment]
            cls.__hash__ = _hash  # type: ignore[method-assign, assignment]
        else:
            cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as dataclasses

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            kwargs = self._with_positional(args, kwargs)
        given = kwargs.keys()
        if not given >= self._required or not given <= self._names:
            self._refuse(given)
        values = self.__dict__  # not setattr: a frozen record refuses that
        values.update(self._defaults)
        for name, make in self._factories.items():
            if name not in given:
                values[name] = make()
        values.update(kwargs)

    def _with_positional(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        names = self._fields
        if len(args) > len(names):
            raise TypeError(f"{type(self).__qualname__}() takes {len(names)} arguments, not {len(args)}")
        for name in names[: len(args)]:
            if name in kwargs:
                raise TypeError(f"{type(self).__qualname__}() got multiple values for {name!r}")
        return {**dict(zip(names, args, strict=False)), **kwargs}

    def _refuse(self, given: Any) -> None:
        if missing := [name for name in self._fields if name in self._required and name not in given]:
            raise TypeError(f"{type(self).__qualname__}() is missing {', '.join(map(repr, missing))}")
        unknown = [name for name in given if name not in self._names]
        raise TypeError(f"{type(self).__qualname__}() got unexpected {', '.join(map(repr, unknown))}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = (f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._hidden)
        return f"{type(self).__qualname__}({', '.join(shown)})"


def _refuse_assignment(self: Record, name: str, *_: object) -> None:
    raise FrozenRecordError(f"cannot change {name!r} of a {type(self).__qualname__}: it is frozen")


def _hash(self: Record) -> int:
    return hash(self._values())


def fields(record: Record | type[Record]) -> dict[str, str]:
    """Each field's name and its annotation as written, in order."""
    return dict(record._types)


def replace(record: R, **changes: Any) -> R:
    """A copy of the record with some fields changed (dataclasses.replace)."""
    values = {name: getattr(record, name) for name in record._fields}
    return type(record)(**{**values, **changes})


def as_dict(value: Any) -> Any:
    """Records (and lists, tuples, dicts of them) as plain dicts, recursively (dataclasses.asdict)."""
    if isinstance(value, Record):
        return {name: as_dict(getattr(value, name)) for name in value._fields}
    if isinstance(value, list | tuple):
        return type(value)(as_dict(item) for item in value)
    if isinstance(value, dict):
        return {key: as_dict(item) for key, item in value.items()}
    return value
