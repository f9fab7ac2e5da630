"""``check``: completeness of every catalogue and checks of every translation, for CI.

``check_course`` runs everything and returns a ``Report``; ``format_report`` turns it
into plain text, JSON, GitHub workflow commands or JUnit XML. The library never
prints: the CLI echoes the string and exits with ``Report.exit_code``.
"""

from __future__ import annotations

from i18n.check.entries import EntryChecker, check_translation
from i18n.check.formats import FORMATS, format_report
from i18n.check.names import CATALOGUE_CHECKS, CHECKS, ENTRY_CHECKS
from i18n.check.report import CatalogueStatus, Finding, Report, Tally
from i18n.check.run import check_course
from i18n.check.settings import CheckSettings, read_settings

__all__ = [
    "CATALOGUE_CHECKS",
    "CHECKS",
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
