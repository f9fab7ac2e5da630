"""Typed values ↔ plain JSON data, checked field by field on the way back in.

The cache stores segmented decks and check reports. Storing them with ``pickle`` let
whoever could write a cache file run code in the next command (issue 18), so they are
stored as JSON, which can only hold plain values, and read back through their type
hints: every field must have exactly the type its class declares (a ``Literal`` one of
its values, a tuple its length), or the whole value is refused. Only the shapes the
model uses are supported; anything else is a ``TypeError`` when the decoder is built,
never a silent guess.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, cast

T = TypeVar("T")

Decoder = Callable[[object], object]
"""Turns plain data into a value of one type, or raises ``InvalidData``."""


class InvalidData(ValueError):
    """Plain data that is not a value of the type asked for."""


def to_plain(value: object) -> object:
    """``value`` as lists, strings, numbers, booleans and None (dataclasses as the list
    of their fields in order, which is what ``from_plain`` reads back).

    Raises:
        TypeError: a value of a kind the model does not use (a set, an object, ...).
    """
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (tuple, list)):
        return [to_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [to_plain(getattr(value, f.name)) for f in _fields(type(value))]
    raise TypeError(f"cannot store a {type(value).__name__} as plain data")


def from_plain(kind: type[T], data: object) -> T:
    """The value of type ``kind`` that ``to_plain`` made ``data`` from.

    Raises:
        InvalidData: ``data`` does not have exactly that shape.
    """
    return cast(T, _decoder(cast(object, kind))(data))


@cache
def _decoder(kind: object) -> Decoder:
    """A decoder for one type annotation; built once per type, as hints are slow to read."""
    if kind is type(None):
        return _exact(type(None))
    if kind is float:  # as in typing, an int is a float (a threshold of 100 from TOML)
        return _any_of((_exact(float), _exact(int)))
    if kind in (str, int, bool):
        return _exact(cast(type, kind))
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Literal:
        return _one_of(args)
    if origin in (typing.Union, types.UnionType):
        return _any_of(tuple(_decoder(arg) for arg in args))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(_decoder(args[0]), tuple)
    if origin is tuple:
        return _fixed(tuple(_decoder(arg) for arg in args))
    if origin is list:
        return _sequence(_decoder(args[0]), list)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _record(kind)
    raise TypeError(f"no plain form for {kind!r}")


def _exact(kind: type) -> Decoder:
    def decode(data: object) -> object:
        if type(data) is not kind:  # not isinstance: True is no int, 1 is no float
            raise InvalidData(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return decode


def _one_of(values: tuple[object, ...]) -> Decoder:
    allowed = frozenset(values)

    def decode(data: object) -> object:
        if not isinstance(data, str | int | bool | None) or data not in allowed:
            raise InvalidData(f"{data!r} is not one of {sorted(map(repr, allowed))}")
        return data

    return decode


def _any_of(decoders: tuple[Decoder, ...]) -> Decoder:
    def decode(data: object) -> object:
        for decoder in decoders:
            try:
                return decoder(data)
            except InvalidData:
                continue
        raise InvalidData(f"{type(data).__name__} fits none of the union's types")

    return decode


def _sequence(item: Decoder, make: Callable[[list[object]], object]) -> Decoder:
    def decode(data: object) -> object:
        if type(data) is not list:
            raise InvalidData(f"expected a list, got {type(data).__name__}")
        return make([item(value) for value in data])

    return decode


def _fixed(items: tuple[Decoder, ...]) -> Decoder:
    def decode(data: object) -> object:
        if type(data) is not list or len(data) != len(items):
            raise InvalidData(f"expected a list of {len(items)}")
        return tuple(item(value) for item, value in zip(items, data, strict=True))

    return decode


def _record(kind: type) -> Decoder:
    fields = _fields(kind)
    hints = typing.get_type_hints(kind)
    decoders = tuple(_decoder(hints[f.name]) for f in fields)

    def decode(data: object) -> object:
        if type(data) is not list or len(data) != len(decoders):
            raise InvalidData(f"expected the {len(decoders)} fields of {kind.__name__}")
        values = [decoder(value) for decoder, value in zip(decoders, data, strict=True)]
        return kind(*values)

    return decode


@cache
def _fields(kind: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields given to the constructor, in order (``init=False`` ones are derived)."""
    return tuple(f for f in dataclasses.fields(kind) if f.init)
