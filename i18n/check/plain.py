"""The human format: a completeness table, then one line per finding, then a summary."""

from __future__ import annotations

from i18n.check.report import CatalogueStatus, Report, Tally
from i18n.check.summary import ENTRY_CAP, by_language, capped, summary

_GREEN, _RED, _YELLOW, _BOLD, _RESET = "\033[32m", "\033[31m", "\033[33m", "\033[1m", "\033[0m"
_HEAD = ("Language", "Deck", "Translated", "Fuzzy", "Untransl.", "Obsolete", "Words", "%", "Min")
_RIGHT = frozenset(range(2, 9))


def render(report: Report, *, colour: bool = False, verbosity: int = 0) -> str:
    """The report for a terminal (``colour``: ANSI colours) or for a log (plain text).

    ``verbosity`` -1 (--quiet) leaves out the table and a passing summary; 1
    (--verbose) lists every untranslated entry instead of the first few.
    """

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    rows = [(_cells(s), _verdict(s)) for s in report.catalogues]
    totals = [
        _totals(lang, m, w, report.share(m, w)) for lang, m, w in by_language(report.catalogues)
    ]
    out: list[str] = []
    if rows and verbosity >= 0:
        widths = [
            max(len(r[i]) for r in [_HEAD, *(c for c, _ in rows), *totals])
            for i in range(len(_HEAD))
        ]
        out.append(paint(_line(_HEAD, widths), _BOLD))
        for cells, verdict in rows:
            out.append(
                _line(cells, widths) + "  " + paint(verdict, _GREEN if verdict == "ok" else _RED)
            )
        out.extend(paint(_line(cells, widths), _BOLD) for cells in totals)
        out.append("")
    shown, left = capped(report.findings, None if verbosity > 0 else ENTRY_CAP)
    for finding in shown:
        colour_ = {"error": _RED, "warning": _YELLOW}.get(finding.severity)
        out.append(paint(str(finding), colour_) if colour_ else str(finding))
    for path, count in left.items():
        out.append(f"{path}: … and {count} more entries not translated (--format json lists all)")
    out.extend(paint(str(error), _RED) for error in report.errors)
    if verbosity >= 0 or report.exit_code:
        out.append(paint(summary(report), _GREEN if report.exit_code == 0 else _RED))
    return "".join(f"{line}\n" for line in out)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(
        c.rjust(w) if i in _RIGHT else c.ljust(w)
        for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    ).rstrip()


def _verdict(s: CatalogueStatus) -> str:
    if not s.exists and s.messages.total:
        return "missing"
    if s.stale:
        return "stale" if s.passed else "stale, below"
    return "ok" if s.passed else "below"


def _cells(s: CatalogueStatus) -> tuple[str, ...]:
    m, w = s.messages, s.words
    return (
        s.language,
        s.deck,
        f"{m.translated}/{m.total}",
        str(m.fuzzy),
        str(m.untranslated),
        str(m.obsolete),
        f"{w.translated}/{w.total}",
        f"{s.percent:.1f}",
        f"{s.threshold:g}",
    )


def _totals(lang: str, m: Tally, w: Tally, share: float) -> tuple[str, ...]:
    return (
        lang,
        "(all decks)",
        f"{m.translated}/{m.total}",
        str(m.fuzzy),
        str(m.untranslated),
        str(m.obsolete),
        f"{w.translated}/{w.total}",
        f"{share:.1f}",
        "",
    )
