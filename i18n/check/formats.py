"""Report → text: the one entry point the CLI calls, whatever the ``--format``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from i18n.errors import ConfigError

if TYPE_CHECKING:
    from i18n.check.report import Report

FORMATS = {
    "plain": "table and messages",
    "json": "see docs/ci.md",
    "github": "workflow annotations",
    "junit": "JUnit XML",
}
"""The ``--format`` choices, each with its line of help; the formatters load on use."""


def format_report(
    report: Report, fmt: str = "plain", *, colour: bool = False, verbosity: int = 0
) -> str:
    """The report as ``fmt`` text, ending with a newline.

    ``verbosity`` shapes the plain format only (the others are for machines):
    -1 leaves out the table and a passing summary, 1 lists every untranslated entry.

    Raises:
        ConfigError: ``fmt`` is not one of ``FORMATS``.
    """
    if fmt not in FORMATS:
        raise ConfigError("--format", None, f"unknown format {fmt!r}", f"use {', '.join(FORMATS)}")
    from i18n.check import github, jsondoc, junit, plain

    formatters: dict[str, Callable[[Report], str]] = {
        "plain": lambda r: plain.render(r, colour=colour, verbosity=verbosity),
        "json": jsondoc.render,
        "github": github.render,
        "junit": junit.render,
    }
    return formatters[fmt](report)
