"""GitHub Actions workflow commands: each finding an annotation on the PO file's line.

Format and escaping as ``@actions/core`` writes them (``src/command.ts``): ``%``, CR
and LF escaped in the message, ``:`` and ``,`` as well in properties.
"""

from __future__ import annotations

from i18n.check.report import Report, percent
from i18n.check.summary import by_language, capped, summary

_KIND = {"error": "error", "warning": "warning", "info": "notice"}
"""Our severities as workflow commands: GitHub's word for info is notice."""


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, path: str, line: int | None, title: str, message: str) -> str:
    where = f"file={_prop(path)}" + (f",line={line}" if line is not None else "")
    return f"::{kind} {where},title={_prop(title)}::{_data(message)}"


def render(report: Report) -> str:
    """One ``::error``/``::warning`` per finding and unreadable file, a notice per language."""
    shown, left = capped(report.findings)
    out = [
        _command(_KIND[f.severity], f.path, f.line, f"marp-i18n {f.check}", f.message)
        for f in shown
    ]
    out.extend(
        _command("error", path, None, "marp-i18n threshold", f"{count} more entries not translated")
        for path, count in left.items()
    )
    out.extend(
        _command(
            "error", e.path, e.line, "marp-i18n", f"{e.message}; {e.hint}" if e.hint else e.message
        )
        for e in report.errors
    )
    for lang, messages, words in by_language(report.catalogues):
        totals = (
            f"{percent(messages):.1f}% translated ({messages.translated} of {messages.total} "
            f"messages, {words.translated} of {words.total} words)"
        )
        out.append(f"::notice title=marp-i18n {_prop(lang)}::{_data(totals)}")
    out.append(summary(report))
    return "\n".join(out) + "\n"
