"""What the human and machine formats share: totals per language, the entry cap, the
summary line."""

from __future__ import annotations

from itertools import groupby

from i18n.check.report import CatalogueStatus, Finding, Report, Tally
from i18n.text import counted

ENTRY_CAP = 10
"""Untranslated entries listed per catalogue in the human formats (JSON lists all)."""


def capped(
    findings: list[Finding], cap: int | None = ENTRY_CAP
) -> tuple[list[Finding], dict[str, int]]:
    """Findings with at most ``cap`` untranslated entries per catalogue, and how many
    were left out per PO file (the summary threshold finding still counts them)."""
    if cap is None:
        return list(findings), {}
    shown: list[Finding] = []
    left: dict[str, int] = {}
    seen: dict[str, int] = {}
    for finding in findings:
        if finding.check == "threshold" and finding.line is not None:
            seen[finding.path] = seen.get(finding.path, 0) + 1
            if seen[finding.path] > cap:
                left[finding.path] = left.get(finding.path, 0) + 1
                continue
        shown.append(finding)
    return shown, left


def by_language(statuses: list[CatalogueStatus]) -> list[tuple[str, Tally, Tally]]:
    """(language, messages, words) summed over its decks, languages in order of first use."""
    order = list(dict.fromkeys(s.language for s in statuses))
    rows = []
    for lang, group in groupby(
        sorted(statuses, key=lambda s: order.index(s.language)), key=lambda s: s.language
    ):
        items = list(group)
        messages, words = Tally(), Tally()
        for status in items:
            messages, words = messages + status.messages, words + status.words
        rows.append((lang, messages, words))
    return rows


def findings_line(report: Report) -> str:
    """What failed, counted one way for ``check``, ``report`` and the status page: the
    catalogues below their threshold (not each untranslated entry), the stale ones, the
    translations a check failed, the files that could not be read."""
    below = sum(not s.passed for s in report.catalogues)
    stale = sum(s.stale for s in report.catalogues)
    entries = sum(f.check not in ("threshold", "stale") for f in report.failures)
    return (
        f"{below} below threshold, {stale} stale, {counted(entries, 'translation problem')}, "
        f"{counted(len(report.errors), 'unreadable file')}"
    )


def summary(report: Report) -> str:
    """One line: what was checked and what failed, the last line of the human formats."""
    decks = len({s.deck for s in report.catalogues})
    langs = len({s.language for s in report.catalogues})
    verdict = {0: "passed", 1: "failed", 2: "could not run"}[report.exit_code]
    return (
        f"check {verdict}: {counted(decks, 'deck')} in {counted(langs, 'language')}; "
        f"{findings_line(report)}"
    )
