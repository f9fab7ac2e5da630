"""A glossary as data: its terms and the course word list, frozen (sent to workers)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    """One concept: its source term and what a translation must (or must not) use."""

    source: str
    target: str
    """The required translation; the source itself for a term never translated."""
    keep: bool = False
    """Never translated (a product name, ``AMD SEV``): it must appear unchanged."""
    forbidden: tuple[str, ...] = ()
    """Translations that must never be used for this term."""
    comment: str = ""
    line: int | None = None
    """Where the glossary file defines the term (its CSV row or TBX termEntry)."""


@dataclass(frozen=True, slots=True)
class Glossary:
    """The terms of one language and the words its spelling check accepts."""

    language: str
    path: str = ""
    """The glossary file, as messages name it ("" when the language has none)."""
    terms: tuple[Term, ...] = ()
    words: tuple[str, ...] = ()
    """The course word list (``words.txt``): names and jargon the dictionary lacks."""
    digest: str = ""
    """A hash of the files read: what ``check``'s cache key needs of them."""

    @property
    def kept(self) -> frozenset[str]:
        """Never-translated terms: they join ``allow-same``."""
        return frozenset(t.source for t in self.terms if t.keep)
