"""PO/POT text ↔ polib objects, with errors that name the file and line.

Reading is stricter than polib: whatever gettext would reject (bytes outside the
declared charset, unknown escapes, a message defined twice) is refused with the line,
so ``update`` never rewrites a catalogue it misunderstood. Writing produces gettext's
canonical form (``_canonical``), which ``msgcat`` leaves byte-identical.
"""

from __future__ import annotations

import codecs
import re

import polib

from i18n.errors import CatalogueError

MAX_LINE = 100_000
"""Longest line accepted (characters): a 1 MB line is damage, not a translation."""

_LINE = re.compile(r"line (\d+)")
_CHARSET = re.compile(rb'^"Content-Type:[^\n]*?charset=([^\s"\\]+)', re.MULTILINE)
_ESCAPE = re.compile(r"\\(.)")
_KEYWORD = re.compile(r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*(?=\")")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*')
_VALID_ESCAPES = frozenset('ntrvbf\\"')
_RESTORE = "fix it (msgfmt --check shows the problem) or restore it from git"


def decode_catalogue(data: bytes, path: str) -> str:
    """The text of a PO file, decoded with the charset its header declares.

    Raises:
        CatalogueError: unknown charset, or bytes that are not in it (with the line).
    """
    data = data.removeprefix(codecs.BOM_UTF8)
    match = _CHARSET.search(data)
    charset = match.group(1).decode("ascii", "replace") if match else "UTF-8"
    if charset.upper() == "CHARSET":  # an unfilled template: gettext reads it as ASCII
        charset = "UTF-8"
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        line = data[: match.start()].count(b"\n") + 1 if match else None
        raise CatalogueError(path, line, f"unknown charset {charset!r}", _RESTORE) from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogueError(
            path,
            line,
            f"bytes that are not {charset}, the charset the header declares",
            f"save the file as {charset}, or set the charset the file is really in",
        ) from None


def _check_lines(text: str, path: str) -> None:
    """Refuse what polib would silently misread: long lines, bad strings and escapes."""
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            raise CatalogueError(
                path, number, f"line of {len(line)} characters (limit {MAX_LINE})", _RESTORE
            )
        body = line.strip()
        for marker in ("#~", "|", "#|"):
            if body.startswith(marker):
                body = body[len(marker) :].lstrip()
        if not body or body.startswith("#"):
            continue
        keyword = _KEYWORD.match(body)
        rest = body[keyword.end() :] if keyword else body
        string = _STRING.fullmatch(rest)
        if string is None:
            raise CatalogueError(path, number, "not a keyword and quoted string", _RESTORE)
        if "\\" not in line:
            continue
        for escape in _ESCAPE.finditer(string.group(1)):
            if escape.group(1) not in _VALID_ESCAPES:
                raise CatalogueError(
                    path,
                    number,
                    f"invalid escape sequence \\{escape.group(1)}",
                    "write \\\\ for a backslash, \\n for a newline",
                )


def read_catalogue(text: str | bytes, path: str) -> polib.POFile:
    """Parse PO text (bytes are decoded with the header's charset).

    Raises:
        CatalogueError: a syntax error, an encoding error, an invalid escape, an
            over-long line or a message defined twice, with the line.
    """
    if isinstance(text, bytes):
        text = decode_catalogue(text, path)
    text = text.removeprefix("\ufeff")
    _check_lines(text, path)
    try:
        catalogue = polib.pofile(text, wrapwidth=79)
    except (OSError, ValueError, UnicodeError) as exc:
        match = _LINE.search(str(exc))
        raise CatalogueError(
            path,
            int(match.group(1)) if match else None,
            f"not a valid PO file: {str(exc).split(' (line')[0]}",
            _RESTORE,
        ) from None
    seen: dict[tuple[str | None, str], int] = {}
    for entry in catalogue:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogueError(
                path,
                entry.linenum,
                f"message defined twice (first at line {seen[key]})",
                "merge the two entries into one",
            )
        seen[key] = entry.linenum
    return catalogue


def catalogue_text(catalogue: polib.POFile) -> str:
    """The file text of a catalogue in gettext's canonical form (what ``msgcat`` writes)."""
    from i18n.catalogue._canonical import po_text

    return po_text(catalogue)


def translations(catalogue: polib.POFile) -> dict[str, str]:
    """msgid → msgstr for entries a build may use: translated, not fuzzy, not obsolete."""
    return {
        entry.msgid: entry.msgstr
        for entry in catalogue
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def entry_lines(catalogue: polib.POFile) -> dict[str, int]:
    """msgid → line of its entry in the file, for messages that say where to fix it."""
    return {entry.msgid: entry.linenum for entry in catalogue if not entry.obsolete}
