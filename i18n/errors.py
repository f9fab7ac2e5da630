"""The one error family of marp-i18n: every bad input names its file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class I18nError(Exception):
    """Base error; ``str()`` is the one line the CLI prints: ``path:line: message; hint``.

    The library raises these and never prints or exits, so callers (the CLI, tests,
    other tools) decide what a failure means for them.
    """

    path: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        tail = f"; {self.hint}" if self.hint else ""
        return f"{where}: {self.message}{tail}"


class DeckError(I18nError):
    """A deck that cannot be read the way Marp reads it (encoding, front matter)."""


class CatalogueError(I18nError):
    """A PO or POT file that cannot be read or would not be safe to write."""


class ConfigError(I18nError):
    """A bad setting in ``[tool.marp-i18n]`` or on the command line."""


@dataclass
class TranslationRefused(I18nError):
    """A translation that would change the deck's structure; the source text is used.

    ``reason`` and ``msgid`` keep the parts as data, so ``check`` reports the build's
    refusals without reading its message back."""

    reason: str = ""
    msgid: str = ""


@dataclass(frozen=True)
class Warning_:
    """A finding that does not stop the run (printed as ``path:line: warning: ...``)."""

    path: str
    line: int | None
    message: str
    check: str = ""
    """The ``check`` name that reports it as a finding, if one does."""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: warning: {self.message}"


Notice = Warning_ | I18nError
"""One line for the user, kept as data until it is printed: a warning or an error
(the caller decides by its type whether the run failed, never by its text)."""


class GlossaryError(I18nError):
    """A glossary (``locales/<lang>/glossary.csv`` or ``.tbx``) or word list that cannot
    be read."""
