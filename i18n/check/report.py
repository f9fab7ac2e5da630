"""What a ``check`` run found: per-catalogue counts and findings, and the exit code they mean."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from i18n.check.settings import Basis
from i18n.errors import I18nError

Severity = Literal["error", "warning", "info"]
"""``info``: worth a look, never a failure (one translation for two source texts, a
slide that overflows in the source already)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, located where a translator fixes it (PO file and entry line)."""

    check: str
    """A name from ``i18n.check.names.CHECKS`` (or ``ignore``/``config`` for warnings)."""
    path: str
    line: int | None
    message: str
    deck: str = ""
    language: str = ""
    msgid: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.check}: {self.message}"


@dataclass(frozen=True, slots=True)
class Tally:
    """Entries by state, the way translate-toolkit's ``pocount`` counts them."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    """Not part of ``total``: ``#~`` entries the deck no longer has."""

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.translated + other.translated,
            self.fuzzy + other.fuzzy,
            self.untranslated + other.untranslated,
            self.obsolete + other.obsolete,
        )


def percent(tally: Tally) -> float:
    """Percent translated, rounded down to 0.1 so 99.96 % never shows as 100 %."""
    if tally.total == 0:
        return 100.0
    return math.floor(tally.translated * 1000 / tally.total) / 10


@dataclass(frozen=True, slots=True)
class CatalogueStatus:
    """Completeness of one deck in one language."""

    deck: str
    language: str
    path: str
    exists: bool
    stale: bool
    messages: Tally
    words: Tally
    """Source words (``pocount``'s ``sourcewords``) per state."""
    threshold: float
    basis: Basis = "words"

    @property
    def counted(self) -> Tally:
        return self.messages if self.basis == "messages" else self.words

    @property
    def percent(self) -> float:
        return percent(self.counted)

    @property
    def passed(self) -> bool:
        """Exact comparison (no rounding): translated / total ≥ threshold / 100."""
        tally = self.counted
        return tally.total == 0 or tally.translated * 100 >= self.threshold * tally.total


@dataclass(frozen=True, slots=True)
class TranslatedEntry:
    """One translated entry as the course-wide checks read it: consistency compares it
    with every other catalogue's, spelling reads its words."""

    path: str
    line: int
    deck: str
    language: str
    msgid: str
    msgstr: str
    words: tuple[str, ...]
    """The translation's words to spell-check: its human text, less the words its
    source has (names, product words)."""
    ignored: tuple[str, ...] = ()
    """Checks a translator switched off for this entry (``# marp-i18n: ignore``)."""


@dataclass
class Report:
    """Everything one run found, in the order found; formatters turn it into text."""

    catalogues: list[CatalogueStatus] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[I18nError] = field(default_factory=list)
    """Files the run could not read: the run failed (exit 2)."""
    entries: list[TranslatedEntry] = field(default_factory=list)
    """Every translated entry, for the checks that compare catalogues (``course.py``)."""
    measure: Basis = "words"
    """What "translated %" counts in every output (``check.measure``)."""

    def share(self, messages: Tally, words: Tally) -> float:
        """Percent translated of a total, in the report's measure."""
        return percent(messages if self.measure == "messages" else words)

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def exit_code(self) -> int:
        """2 the run failed, 1 a threshold missed or a check failed, 0 all good."""
        if self.errors:
            return 2
        return 1 if self.failures else 0
