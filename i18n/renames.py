"""Which new deck is a renamed one: the rule that gives it an orphaned deck's catalogues.

A deck renamed in ``slides/`` looks to ``update`` like a deck removed and a new one
added: its catalogues would stay behind as orphans and the new deck would start from
empty ones (its texts found again only through the memory, without the translators'
comments, the obsolete entries or the file's git history). So a new deck (no template,
no catalogue) takes over an orphaned deck's catalogues when the two are plainly the
same deck: **more than half of the new deck's texts are texts of the orphan, and more
than half of the orphan's texts are in the new deck**. Both ways, so that a deck split
in two (each half holds only part of the orphan) or two decks merged into one (each
orphan is only part of the new deck) moves nothing; texts moved that way still find
their translations in the language's other catalogues. When a new deck matches several
orphans, or an orphan several new decks, nothing is moved and both are named: a
guess would hand one deck's translators' history to the wrong deck.

On the real histories (``tools/replay_renames.py``) 285 of 355 consecutive versions of a
deck pass; the others are decks rewritten, or a stub of a few lines grown into a deck.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rename:
    """The orphaned deck ``old``'s catalogues go to the new deck ``new``."""

    old: str
    new: str
    shared: int
    """Texts the two decks have in common."""
    texts: int
    """Texts of the new deck."""


@dataclass(frozen=True, slots=True)
class Unclear:
    """A new deck that matches more than one orphan, or shares its orphan with another
    new deck: nothing is moved for it."""

    new: str
    orphans: tuple[str, ...]
    rivals: tuple[str, ...]
    """Other new decks that match the same orphans."""


def _same_deck(new: Set[str], old: Set[str]) -> bool:
    shared = len(new & old)
    return 2 * shared > len(new) and 2 * shared > len(old)


def match_renames(
    new: Mapping[str, Set[str]], orphaned: Mapping[str, Set[str]]
) -> tuple[list[Rename], list[Unclear]]:
    """The renames (in the new decks' order) and the unclear cases, from the msgids of the
    new decks and of the orphaned decks, each keyed by deck name."""
    matches = {
        name: [old for old, old_texts in orphaned.items() if _same_deck(texts, old_texts)]
        for name, texts in new.items()
    }
    takers: dict[str, list[str]] = {}
    for name, olds in matches.items():
        for old in olds:
            takers.setdefault(old, []).append(name)
    renames, unclear = [], []
    for name, olds in matches.items():
        if len(olds) == 1 and takers[olds[0]] == [name]:
            old = olds[0]
            renames.append(Rename(old, name, len(new[name] & orphaned[old]), len(new[name])))
        elif olds:
            rivals = sorted({other for old in olds for other in takers[old]} - {name})
            unclear.append(Unclear(name, tuple(olds), tuple(rivals)))
    return renames, unclear
