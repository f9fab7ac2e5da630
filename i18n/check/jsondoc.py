"""The machine format: one JSON document, keys stable, described by docs/check-schema.json.

``schema`` is bumped only when a key changes meaning or disappears; new keys may be
added within a version, so readers should ignore keys they do not know.
"""

from __future__ import annotations

import json

from i18n.check.report import CatalogueStatus, Finding, Report, Tally
from i18n.check.summary import by_language
from i18n.errors import I18nError

SCHEMA_VERSION = 1


def _tally(tally: Tally) -> dict[str, int]:
    return {
        "translated": tally.translated,
        "fuzzy": tally.fuzzy,
        "untranslated": tally.untranslated,
        "obsolete": tally.obsolete,
        "total": tally.total,
    }


def _catalogue(s: CatalogueStatus) -> dict[str, object]:
    return {
        "deck": s.deck,
        "language": s.language,
        "path": s.path,
        "exists": s.exists,
        "stale": s.stale,
        "messages": _tally(s.messages),
        "words": _tally(s.words),
        "basis": s.basis,
        "percent": s.percent,
        "threshold": s.threshold,
        "passed": s.passed,
    }


def _finding(f: Finding) -> dict[str, object]:
    return {
        "check": f.check,
        "severity": f.severity,
        "path": f.path,
        "line": f.line,
        "deck": f.deck,
        "language": f.language,
        "msgid": f.msgid,
        "message": f.message,
    }


def _error(e: I18nError) -> dict[str, object]:
    return {"path": e.path, "line": e.line, "message": e.message, "hint": e.hint}


def document(report: Report) -> dict[str, object]:
    """The report as plain JSON data (what ``render`` serialises)."""
    return {
        "schema": SCHEMA_VERSION,
        "exit_code": report.exit_code,
        "passed": report.exit_code == 0,
        "measure": report.measure,
        "languages": {
            lang: {
                "messages": _tally(m),
                "words": _tally(w),
                "percent": report.share(m, w),
            }
            for lang, m, w in by_language(report.catalogues)
        },
        "catalogues": [_catalogue(s) for s in report.catalogues],
        "findings": [_finding(f) for f in report.findings],
        "errors": [_error(e) for e in report.errors],
    }


def render(report: Report) -> str:
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"
