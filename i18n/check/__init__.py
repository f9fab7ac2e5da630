"""``check``: completeness of every catalogue and checks of every translation, for CI.

``check_course`` runs everything and returns a ``Report``; ``format_report`` turns it
into plain text, JSON, GitHub workflow commands or JUnit XML. The library never
prints: the CLI echoes the string and exits with ``Report.exit_code``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from i18n.check.formats import FORMATS, format_report
from i18n.check.names import CATALOGUE_CHECKS, CHECKS, ENTRY_CHECKS

if TYPE_CHECKING:
    from i18n.check.entries import EntryChecker, check_translation
    from i18n.check.report import CatalogueStatus, Finding, Report, Tally
    from i18n.check.run import check_course
    from i18n.check.settings import CheckSettings, read_settings
    from i18n.check.summary import ENTRY_CAP

_LAZY = {
    "EntryChecker": "entries",
    "check_translation": "entries",
    "CatalogueStatus": "report",
    "Finding": "report",
    "Report": "report",
    "Tally": "report",
    "check_course": "run",
    "CheckSettings": "settings",
    "read_settings": "settings",
    "ENTRY_CAP": "summary",
}


def __getattr__(name: str) -> object:
    """The rest on first use (PEP 562): the CLI reads ``FORMATS`` without loading the
    checks, and a ``check`` whose decks all come from the cache never loads the entry
    checkers, nor the Markdown and translate-toolkit machinery."""
    if name in _LAZY:
        return getattr(importlib.import_module(f"i18n.check.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CATALOGUE_CHECKS",
    "CHECKS",
    "ENTRY_CAP",
    "ENTRY_CHECKS",
    "FORMATS",
    "CatalogueStatus",
    "CheckSettings",
    "EntryChecker",
    "Finding",
    "Report",
    "Tally",
    "check_course",
    "check_translation",
    "format_report",
    "read_settings",
]
