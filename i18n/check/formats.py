"""Report → text: the one entry point the CLI calls, whatever the ``--format``."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from i18n.check.report import CatalogueStatus, Finding, Report, Tally
from i18n.errors import ConfigError
from i18n.text import counted

FORMATS = ("plain", "json", "github", "junit")

ENTRY_CAP = 10
"""Untranslated entries listed per catalogue in the human formats (JSON lists all)."""


def format_report(
    report: Report, fmt: str = "plain", *, colour: bool = False, verbosity: int = 0
) -> str:
    """The report as ``fmt`` text, ending with a newline.

    ``verbosity`` shapes the plain format only (the others are for machines):
    -1 leaves out the table and a passing summary, 1 lists every untranslated entry.

    Raises:
        ConfigError: ``fmt`` is not one of ``FORMATS``.
    """
    from i18n.check import github, jsondoc, junit, plain

    formatters: dict[str, Callable[[Report], str]] = {
        "plain": lambda r: plain.render(r, colour=colour, verbosity=verbosity),
        "json": jsondoc.render,
        "github": github.render,
        "junit": junit.render,
    }
    if fmt not in formatters:
        raise ConfigError("--format", None, f"unknown format {fmt!r}", f"use {', '.join(FORMATS)}")
    return formatters[fmt](report)


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


def summary(report: Report) -> str:
    """One line: what was checked and what failed, the last line of the human formats."""
    below = sum(not s.passed for s in report.catalogues)
    stale = sum(s.stale for s in report.catalogues)
    entries = sum(f.check not in ("threshold", "stale") for f in report.failures)
    decks = len({s.deck for s in report.catalogues})
    langs = len({s.language for s in report.catalogues})
    verdict = {0: "passed", 1: "failed", 2: "could not run"}[report.exit_code]
    return (
        f"check {verdict}: {counted(decks, 'deck')} in {counted(langs, 'language')}; {below} below "
        f"threshold, {stale} stale, {counted(entries, 'translation problem')}, "
        f"{counted(len(report.errors), 'unreadable file')}"
    )
