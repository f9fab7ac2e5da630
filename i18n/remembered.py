"""Answers of a pure function, remembered in this process and handed to the cache.

Some answers cost more to compute than to keep: what YAML says of a front matter
(``marp_yaml``: PyYAML's import alone is 10 ms of a one-deck ``update``) and where
gettext breaks a string's lines (``catalogue._canonical``: most of writing a
catalogue). Each is a pure function of its arguments and of this package's code, so an
answer can be taken from anywhere that is trusted: this process's memory, or the
authenticated cache (``files.keyed_deck`` and ``update`` keep the answers a deck or a
catalogue asked for beside it, under a key that covers the code). Only the edges do
I/O; this module only remembers, and records what a block of work asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from typing import Generic, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = TypeVar("P")


class Remembered(Generic[K, V]):
    """Known answers by their question, at most ``limit`` (then forgotten at once: a
    course asks a few thousand questions, a long-lived process must not grow)."""

    def __init__(self, limit: int) -> None:
        self._known: dict[K, V] = {}
        self._limit = limit
        self._asked = threading.local()

    def answer(self, question: K, compute: Callable[[], V]) -> V:
        """The known answer, else ``compute()``'s, remembered; recorded either way."""
        if question in self._known:
            value = self._known[question]
        else:
            value = compute()
            self._keep(question, value)
        asked: dict[K, V] | None = getattr(self._asked, "answers", None)
        if asked is not None:
            asked[question] = value
        return value

    def learn(self, answers: Iterable[tuple[K, V]]) -> None:
        """Take answers given elsewhere (an earlier run, kept in the cache)."""
        for question, value in answers:
            self._keep(question, value)

    def forget(self) -> None:
        self._known.clear()

    def knows(self, question: K) -> bool:
        return question in self._known

    @contextmanager
    def recording(self) -> Iterator[dict[K, V]]:
        """The questions asked inside the block, in this thread, with their answers."""
        outer: dict[K, V] | None = getattr(self._asked, "answers", None)
        asked: dict[K, V] = {}
        self._asked.answers = asked
        try:
            yield asked
        finally:
            self._asked.answers = outer
            if outer is not None:
                outer.update(asked)

    def _keep(self, question: K, value: V) -> None:
        if len(self._known) >= self._limit:
            self._known.clear()
        self._known[question] = value


class Store(Protocol):
    """Where answers are kept between runs (``i18n.cache.Cache``: authenticated, under
    keys that cover this package's code)."""

    def get(self, key: str, kind: type[P]) -> P | None: ...
    def put(self, key: str, value: object) -> None: ...


@contextmanager
def kept(
    store: Store,
    key: str,
    kind: type[P],
    memory: Remembered[K, V],
    unpack: Callable[[P], Iterable[tuple[K, V]]],
    pack: Callable[[dict[K, V]], P],
) -> Iterator[None]:
    """The block's work with the answers kept under ``key`` last time learnt first, and
    the answers it asked for kept there for the next run (written only when they
    changed). ``pack`` and ``unpack`` turn answers into the plain form ``store`` holds
    and back; ``unpack`` leaves out what it cannot trust."""
    known = store.get(key, kind)
    if known is not None:
        memory.learn(unpack(known))
    with memory.recording() as asked:
        yield
    made = pack(asked)
    if made != known:
        store.put(key, made)
