"""PO/POT text ↔ polib objects, with errors that name the file and line."""

from __future__ import annotations

import re

import polib

from i18n.errors import CatalogueError

_LINE = re.compile(r"line (\d+)")


def read_catalogue(text: str, path: str) -> polib.POFile:
    """Parse PO text.

    Raises:
        CatalogueError: a syntax error, with the line polib reports.
    """
    try:
        return polib.pofile(text, wrapwidth=79)
    except (OSError, ValueError, UnicodeError) as exc:
        match = _LINE.search(str(exc))
        raise CatalogueError(
            path,
            int(match.group(1)) if match else None,
            f"not a valid PO file: {str(exc).split(' (line')[0]}",
            "fix it (msgfmt --check-format shows the problem) or restore it from git",
        ) from None


def catalogue_text(catalogue: polib.POFile) -> str:
    """The file text of a catalogue, ending with exactly one newline."""
    return str(catalogue).rstrip("\n") + "\n"


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
