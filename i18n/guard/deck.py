"""The guarantee: a built deck has its source deck's structure, or the translations
that change it are found and left out.

The translated deck is read whole (``structure.deck_structure``) and compared with the
source deck. Equal: done, one parse. Different: the culprit is found by bisection over
the translations in deck order: the shortest prefix of them whose deck differs ends
with a culprit (the prefix before it gave the source's structure). It is refused, the
rest is verified again, until the deck matches. Each culprit costs about log2(units)
parses, and only decks with a bad translation pay it. Translations that are harmless
alone but not together (a definition one adds, a label another uses) are caught the
same way: whatever is kept, the deck that is written has the source's structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from i18n.marp.structure import deck_structure, describe_difference
from i18n.model import DeckStructure
from i18n.source import Edit, apply_edits

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Verified:
    """Which edits may be made, and why each left-out edit was refused."""

    kept: tuple[int, ...]
    """Indices of the edits made, in the order given."""
    refused: tuple[tuple[int, str], ...]
    """(index into the edits given, the change it made to the deck)."""

    def built(self, text: str, edits: Sequence[Edit]) -> str:
        """The deck ``text`` with the kept ``edits`` made."""
        return apply_edits(text, (edits[index] for index in self.kept))


class Verdicts(Protocol):
    """Where verdicts are remembered between runs (``i18n.cache.Cache``): the verdict is
    a pure function of the deck text, the edits and the keys, so a deck whose catalogue
    did not change is not parsed again by the next ``build`` or ``check``."""

    def key(self, *parts: bytes | str | None) -> str: ...
    def get(self, key: str, kind: type[T]) -> T | None: ...
    def put(self, key: str, value: object) -> None: ...


def verify_edits(
    text: str,
    edits: Sequence[Edit],
    translatable_keys: tuple[str, ...] = (),
    source: DeckStructure | None = None,
    verdicts: Verdicts | None = None,
) -> Verified:
    """Which of ``edits`` to the deck ``text`` may be made: every one that changes what
    Marp builds from it is left out; ``source`` is the structure of ``text`` when it is
    known already."""
    if not edits:
        return Verified((), ())
    key = ""
    if verdicts is not None:
        parts = (str(part) for edit in edits for part in edit)
        key = verdicts.key(b"verified", text, "\0".join(translatable_keys), *parts)
        if (known := verdicts.get(key, Verified)) is not None and _fits(known, len(edits)):
            return known
    verified = _verify(text, edits, translatable_keys, source)
    if verdicts is not None:
        verdicts.put(key, verified)
    return verified


def _fits(verified: Verified, count: int) -> bool:
    """A remembered verdict names each of ``count`` edits once (the key says it is this
    deck's, but an index out of range must never reach ``edits[...]``)."""
    indices = sorted([*verified.kept, *(index for index, _ in verified.refused)])
    return indices == list(range(count))


def _verify(
    text: str,
    edits: Sequence[Edit],
    translatable_keys: tuple[str, ...],
    source: DeckStructure | None,
) -> Verified:
    want = source or deck_structure(text, translatable_keys)  # segment_deck made it
    kept = list(range(len(edits)))
    refused: list[tuple[int, str]] = []

    def structure(indices: list[int]) -> DeckStructure:
        return deck_structure(apply_edits(text, (edits[i] for i in indices)), translatable_keys)

    got = structure(kept)
    while got != want:
        good, bad = 0, len(kept)  # kept[:good] builds the source's structure, kept[:bad] not
        differing = got  # the structure kept[:bad] builds
        while bad - good > 1:
            middle = (good + bad) // 2
            if (tried := structure(kept[:middle])) == want:
                good = middle
            else:
                bad, differing = middle, tried
        culprit = kept[bad - 1]
        refused.append((culprit, describe_difference(want, differing)))
        del kept[bad - 1]
        got = structure(kept)
    return Verified(tuple(kept), tuple(sorted(refused)))
