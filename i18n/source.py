"""Deck text and its lines: BOM, LF/CRLF/CR line endings, offsets and line numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from i18n.errors import DeckError

BOM = "\ufeff"
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of a deck.

    markdown-it normalises every CRLF and lone CR to LF, so line *n* of the parser is
    line *n* here; ``end`` excludes the terminator so the parser's view and ours agree.
    """

    start: int
    """Offset of the first character in the deck text."""
    end: int
    """Offset just past the last character, before the line ending."""
    newline: str
    """The line's own ending: ``"\\n"``, ``"\\r\\n"``, ``"\\r"`` or ``""`` on the last line."""


def decode(data: bytes, path: str) -> str:
    """Bytes → text, keeping a BOM as the first character so it round-trips.

    Raises:
        DeckError: the bytes are not UTF-8 (Marp reads decks as UTF-8 only).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DeckError(
            path, line, f"not UTF-8 (byte 0x{data[exc.start]:02x})", "save the file as UTF-8"
        ) from None


def split_lines(text: str) -> tuple[Line, ...]:
    """Every line of ``text``, including an empty last line when it ends with a newline.

    One regular-expression scan (linear) rather than ``str.splitlines``, which also
    splits at form feeds, U+2028 and other characters markdown-it treats as text.
    """
    lines: list[Line] = []
    # A BOM sits before the first line, outside every line, so it is always kept as is.
    start = 1 if text.startswith(BOM) else 0
    for match in _NEWLINE.finditer(text, start):
        lines.append(Line(start, match.start(), match.group()))
        start = match.end()
    lines.append(Line(start, len(text), ""))
    return tuple(lines)


def dominant_newline(lines: tuple[Line, ...]) -> str:
    """The line ending most lines use, so inserted text matches its neighbours."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.newline:
            counts[line.newline] = counts.get(line.newline, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "\n"


def line_start(text: str, offset: int) -> int:
    """Offset where the line holding ``offset`` begins (after LF, CRLF or CR)."""
    lf = text.rfind("\n", 0, offset)
    return max(lf, text.rfind("\r", lf + 1, offset)) + 1  # both searches stop at the LF


Edit = tuple[int, int, str]
"""Replace ``text[start:end]`` by the string."""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made (edits do not overlap; any order)."""
    out: list[str] = []
    pos = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)
