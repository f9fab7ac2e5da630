"""PO lines checked, and each string's continuation lines joined, before polib reads them.

polib adds each continuation line to the entry with ``entry.msgstr += token``, an
attribute, which CPython cannot extend in place: every line copies the whole string so
far, and a 10 MB msgstr (130 000 lines as msgcat writes it) took 20 s to read, a
400 000-line one minutes (``make bench-scaling``). Here each string's pieces are joined
once and handed to polib as one line; the lines they came from become blank lines, which
polib skips, so every line number polib reports is still the file's.

The file is split at ``\\n`` only: ``str.splitlines``, which polib uses, also breaks at
NEL, U+2028, U+2029 and \\x1c-\\x1e, which gettext (and our writer) leave inside strings.
"""

from __future__ import annotations

import re

from i18n.errors import CatalogueError

MAX_LINE = 100_000
"""Longest line accepted (characters): a 1 MB line is damage, not a translation."""

_ESCAPE = re.compile(r"\\(.)")
_KEYWORD = re.compile(r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*(?=\")")
_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"\s*')
"""A quoted string: runs of plain characters between escapes (the unrolled form reads a
line five times faster than one alternation per character)."""
_VALID_ESCAPES = frozenset('antrvbf\\"')
_JOINED_MARKERS = ("", "#~", "#|")
RESTORE = "fix it (msgfmt --check shows the problem) or restore it from git"


def _bell(match: re.Match[str]) -> str:
    return "\a" if match.group(1) == "a" else match.group(0)


class _Open:
    """The string being joined: its keyword line, marker, keyword and pieces."""

    def __init__(self, index: int, marker: str, keyword: str, piece: str) -> None:
        self.index, self.marker, self.keyword = index, marker, keyword
        self.pieces = [piece]

    def line(self) -> str:
        text = "".join(self.pieces)
        if "\\a" in text:  # gettext writes BEL as \a; polib's unescape does not know it
            text = _ESCAPE.sub(_bell, text)
        return f'{self.marker} {self.keyword} "{text}"'.lstrip()


def _marker(line: str) -> tuple[str | None, str]:
    """(marker whose strings may be joined, or None; the rest of the line)."""
    body = line.strip()
    if body.startswith("#~|") or body.startswith("#~ |"):
        return None, body
    for marker in ("#~", "#|"):
        if body.startswith(marker):
            return marker, body[len(marker) :].lstrip()
    return ("", body) if not body.startswith("#") else (None, body)


def po_lines(text: str, path: str) -> list[str]:
    """The lines polib should read: checked, each string joined onto its keyword's line.

    Raises:
        CatalogueError: an over-long line, a line that is not a keyword and quoted string,
            or an escape gettext does not know, with its line.
    """
    lines = text.split("\n")
    open_: _Open | None = None
    for index, line in enumerate(lines):
        if len(line) > MAX_LINE:
            raise CatalogueError(
                path, index + 1, f"line of {len(line)} characters (limit {MAX_LINE})", RESTORE
            )
        body = stripped = line.strip()
        if body.startswith(("#", "|")):
            for marker in ("#~", "|", "#|"):
                if body.startswith(marker):
                    body = body[len(marker) :].lstrip()
        if not body:
            continue  # blank lines: polib and gettext skip them, inside a string too
        if body.startswith("#"):
            _close(lines, open_)
            open_ = None
            continue
        keyword = _KEYWORD.match(body)
        rest = body[keyword.end() :] if keyword else body
        string = _STRING.fullmatch(rest)
        if string is None:
            raise CatalogueError(path, index + 1, "not a keyword and quoted string", RESTORE)
        if "\\" in line:
            _check_escapes(string.group(1), path, index + 1)
        joinable = _marker(line)[0] if stripped.startswith("#") else ""
        if keyword is None and open_ is not None and joinable == open_.marker:
            open_.pieces.append(string.group(1))
            lines[index] = ""
            continue
        _close(lines, open_)
        open_ = None
        if keyword is not None and joinable in _JOINED_MARKERS:
            open_ = _Open(index, joinable, keyword.group(0).strip(), string.group(1))
    _close(lines, open_)
    return lines


def _close(lines: list[str], open_: _Open | None) -> None:
    """Write the joined string back onto its keyword line (when it needs rewriting)."""
    if open_ is not None and (len(open_.pieces) > 1 or "\\a" in open_.pieces[0]):
        lines[open_.index] = open_.line()


def _check_escapes(string: str, path: str, number: int) -> None:
    for escape in _ESCAPE.finditer(string):
        if escape.group(1) not in _VALID_ESCAPES:
            raise CatalogueError(
                path,
                number,
                f"invalid escape sequence \\{escape.group(1)}",
                "write \\\\ for a backslash, \\n for a newline",
            )
