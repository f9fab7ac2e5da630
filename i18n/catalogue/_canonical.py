"""PO text exactly as GNU gettext writes it, so ``msgcat`` changes no byte of our files.

Mirrors ``write-po.c`` of gettext 0.21 (``message_print``, ``message_print_obsolete``,
``wrap``) at the default page width of 79 columns, non-indented style. polib's and
translate-toolkit's writers wrap differently (at escapes, URLs, ``.`` before a letter),
and every difference is a diff line in a translator's pull request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

import polib

from i18n.catalogue._linebreak import PROHIBITED, width_breaks
from i18n.catalogue._lines import MAX_LINE
from i18n.remembered import Remembered, Store, kept

PAGE_WIDTH = 79
_PIECE = MAX_LINE - 32
"""Longest string piece on one line: the limit less the longest ``#~ msgstr[N] ""``."""
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_NEEDS_ESCAPE = re.compile(r'[\a\b\f\n\r\t\v\\"]')


def _portions(value: str) -> list[str]:
    """``value`` cut after each newline, as gettext wraps each line separately."""
    parts = value.split("\n")
    portions = [part + "\n" for part in parts[:-1]]
    if parts[-1] or not portions:
        portions.append(parts[-1])
    return portions


def _escape(portion: str) -> tuple[str, list[int | None]]:
    """The portion as written between quotes, and where escapes forbid a break."""
    if _NEEDS_ESCAPE.search(portion) is None:  # most text: nothing to escape
        return portion, [None] * len(portion)
    chars: list[str] = []
    overrides: list[int | None] = []
    for ch in portion:
        if ch in _ESCAPES or ch in '\\"':
            chars += ["\\", _ESCAPES.get(ch, ch)]
            overrides += [None, PROHIBITED]
        else:
            chars.append(ch)
            overrides.append(None)
    if portion.endswith("\n"):
        overrides[-2] = PROHIBITED  # never break right before the final "\n"
    return "".join(chars), overrides


def wrap(prefix: str, name: str, value: str) -> list[str]:
    """The lines of one keyword and its string, e.g. ``msgid "..."`` (gettext ``wrap``).

    Remembered: the line breaking is the largest cost of writing a catalogue (bench/
    results.md, profile of update); ``update`` writes each msgid in every language's
    catalogue, compares with the old text and writes again after the header, and keeps
    the lines each catalogue asked for in the cache for its next run (``LineBreaks``).
    """
    return list(_LINES.answer((prefix, name, value), lambda: _wrap(prefix, name, value)))


_LINES: Remembered[tuple[str, str, str], tuple[str, ...]] = Remembered(1 << 16)


@dataclass(frozen=True, slots=True)
class LineBreaks:
    """The lines of the strings one catalogue asked for, as the cache keeps them."""

    strings: tuple[str, ...] = ()
    """Prefix, keyword, string, and its lines joined by newlines (a PO line has none),
    for each string in turn: flat, so the cache reads it back quickly."""


def recording_line_breaks() -> AbstractContextManager[dict[tuple[str, str, str], tuple[str, ...]]]:
    """The strings wrapped inside the block (in this thread), with their lines."""
    return _LINES.recording()


def line_breaks_of(asked: dict[tuple[str, str, str], tuple[str, ...]]) -> LineBreaks:
    """``recording_line_breaks``'s strings worth keeping: those broken into lines, or not
    ASCII (an ASCII string that fits on its keyword's line costs nothing to place)."""
    flat = [
        part
        for question, lines in asked.items()
        if len(lines) > 1 or not question[2].isascii()
        for part in (*question, "\n".join(lines))
    ]
    return LineBreaks(tuple(flat))


def learn_line_breaks(known: LineBreaks) -> None:
    """Take the lines an earlier run made (authenticated by the cache, under a key that
    covers this code)."""
    _LINES.learn(_unpacked(known))


def kept_line_breaks(store: Store, key: str) -> AbstractContextManager[None]:
    """The block's strings broken into lines as ``store`` kept them under ``key`` (a
    catalogue's, last time), and this block's kept there for the next run."""
    return kept(store, key, LineBreaks, _LINES, _unpacked, line_breaks_of)


def _unpacked(known: LineBreaks) -> list[tuple[tuple[str, str, str], tuple[str, ...]]]:
    """The kept lines by string; a list that is not whole groups of four is not taken."""
    parts = known.strings
    if len(parts) % 4:
        return []
    return [
        ((parts[i], parts[i + 1], parts[i + 2]), tuple(parts[i + 3].split("\n")))
        for i in range(0, len(parts), 4)
    ]


def _wrap(prefix: str, name: str, value: str) -> tuple[str, ...]:
    lines: list[str] = []
    portions = _portions(value)
    first = True
    after_break = len(prefix) + 1
    width = PAGE_WIDTH - 1 - after_break
    for number, portion in enumerate(portions):
        text, overrides = _escape(portion)
        while True:
            start = len(prefix) + (len(name) + 1 if first else 0) + 1 - after_break
            if text.isascii() and start + len(text) <= width:
                breaks = [False] * len(text)  # fits: no break can be needed
            else:
                breaks = width_breaks(text, overrides, width, start)
            more = number < len(portions) - 1
            if first and text and (more or start > width or any(breaks)):
                lines.append(f'{prefix}{name} ""')
                first = False
                continue
            break
        head = f"{prefix}{name} " if first else prefix
        first = False
        begin = 0
        for i in [i for i, brk in enumerate(breaks) if brk] + [len(text)]:
            for piece in _within_limit(text[begin:i]):
                lines.append(f'{head}"{piece}"')
                head = prefix
            begin = i
    return tuple(lines)


def _within_limit(text: str) -> list[str]:
    """``text`` cut into pieces short enough for a reader's line limit (``MAX_LINE``).

    gettext writes a word of any length on one line; a reader that took any line
    length could be made to hold a file of one line. So a word longer than the limit
    (a base64 image in alt text) is cut, never inside an escape: the file differs from
    msgcat's there, and reads back to the same string.
    """
    if len(text) <= _PIECE:
        return [text]
    pieces, begin = [], 0
    while len(text) - begin > _PIECE:
        end = begin + _PIECE
        run = len(text[begin:end]) - len(text[begin:end].rstrip("\\"))
        end -= run % 2  # an odd run of backslashes ends with half an escape
        pieces.append(text[begin:end])
        begin = end
    pieces.append(text[begin:])
    return pieces


def _comment_lines(marker: str, text: str) -> list[str]:
    if not text:
        return []
    return [marker + (" " + line if line else "") for line in text.split("\n")]


def _references(occurrences: Iterable[tuple[str, str]]) -> list[str]:
    """``#:`` lines, filled up to the page width like gettext does."""
    lines: list[str] = []
    line, column = "#:", 2
    seen: set[tuple[str, str]] = set()
    for path, number in occurrences:
        if (path, number) in seen:
            continue
        seen.add((path, number))
        ref = f"{path}:{number}" if number else path
        if column > 2 and column + len(ref) + 1 > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + ref
        column += len(ref) + 1
    if column > 2:
        lines.append(line)
    return lines


def entry_lines(entry: polib.POEntry) -> list[str]:
    """One entry; obsolete ones get ``#~``. Only ``fuzzy`` is kept of the flags: gettext
    drops flags it does not know, and its known flags (formats, no-wrap) would change
    how it wraps, so we never write them."""
    obsolete = bool(entry.obsolete)
    prefix = "#~ " if obsolete else ""
    translated = _translated(entry)
    lines = _comment_lines("#", entry.tcomment or "")
    lines += _comment_lines("#.", entry.comment or "")
    lines += _references(entry.occurrences)
    if "fuzzy" in entry.flags and translated:
        lines.append("#, fuzzy")
    if entry.previous_msgid and not obsolete:
        if entry.previous_msgctxt:
            lines += wrap("#| ", "msgctxt", entry.previous_msgctxt)
        lines += wrap("#| ", "msgid", entry.previous_msgid)
    if entry.msgctxt is not None:
        lines += wrap(prefix, "msgctxt", entry.msgctxt)
    lines += wrap(prefix, "msgid", entry.msgid)
    if entry.msgid_plural:
        lines += wrap(prefix, "msgid_plural", entry.msgid_plural)
        for index in sorted(entry.msgstr_plural):
            lines += wrap(prefix, f"msgstr[{index}]", entry.msgstr_plural[index])
    else:
        lines += wrap(prefix, "msgstr", entry.msgstr)
    return lines


def header_lines(comment: str, metadata: Sequence[tuple[str, str]], fuzzy: bool) -> list[str]:
    """The header entry: comment lines, then ``msgid ""`` and the metadata."""
    lines = _comment_lines("#", comment)
    if fuzzy:
        lines.append("#, fuzzy")
    lines += wrap("", "msgid", "")
    lines += wrap("", "msgstr", "".join(f"{key}: {value}\n" for key, value in metadata))
    return lines


def _translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def po_text(catalogue: polib.POFile) -> str:
    """The whole file: header, active entries in order, then obsolete ones.

    An obsolete entry without a translation is left out, as gettext does.
    """
    header = (catalogue.header or "").rstrip("\n")
    fuzzy = "fuzzy" in (catalogue.metadata_is_fuzzy or ())
    blocks = [header_lines(header, list(catalogue.metadata.items()), fuzzy)]
    active = [e for e in catalogue if not e.obsolete and e.msgid]
    gone = [e for e in catalogue if e.obsolete and e.msgid and _translated(e)]
    blocks += [entry_lines(entry) for entry in active + gone]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
