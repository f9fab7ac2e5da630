"""Slides that do not fit: built decks rendered with Marp, measured in Chromium, the
source compared with each translation (the ``overflow`` check, ``pseudo``'s forecast,
the pictures in ``review``).

``measure.py`` and ``compare.py`` are pure; ``page.py`` is what runs in the browser;
``browser.py`` (Playwright), ``run.py`` (rendering, the cache) and ``findings.py`` (the
catalogues' lines) are the edges. Playwright loads only when a deck must be measured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from i18n.check.report import Report
from i18n.check.settings import CheckSettings
from i18n.config import Config
from i18n.overflow.run import Say


def check_overflow(
    config: Config,
    languages: Sequence[str],
    *,
    marp: Path,
    env: Mapping[str, str],
    say: Say | None = None,
) -> Report:
    """The ``overflow`` check of every deck in ``languages``: its findings, its info
    lines, and the decks it could not measure (a skipped check is one warning)."""
    from i18n.overflow.findings import overflow_findings
    from i18n.overflow.run import measure_course

    measured = measure_course(config, languages, marp=marp, env=env, say=say)
    findings, errors = overflow_findings(config, measured, languages)
    return Report(findings=[*measured.findings, *findings], errors=[*measured.errors, *errors])


def add_overflow(
    report: Report,
    config: Config,
    settings: CheckSettings,
    *,
    marp: Path,
    env: Mapping[str, str],
    say: Say | None = None,
) -> None:
    """Add the ``overflow`` check to ``check``'s report, when the settings ask for it
    (``render`` on, ``overflow`` not disabled), for every target language."""
    if not (settings.render and settings.enabled("overflow")):
        return
    languages = [lang for lang in config.languages if lang != config.source_language]
    found = check_overflow(config, languages, marp=marp, env=env, say=say)
    report.findings.extend(found.findings)
    said = {str(error) for error in report.errors}  # a broken catalogue: said once
    report.errors.extend(e for e in found.errors if str(e) not in said)


__all__ = ["add_overflow", "check_overflow"]
