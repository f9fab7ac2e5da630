"""Imported translations into a catalogue: fuzzy, for a translator to confirm.

An entry with no translation, or only a fuzzy one, takes the imported text and the
``fuzzy`` flag (Poedit's "needs work"; builds do not use it until a translator clears
it). A real translation is never replaced unless asked: the difference is reported
with the PO line, so a translator can compare the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import polib

from i18n.align.decks import Pair


@dataclass(frozen=True, slots=True)
class Conflict:
    """An entry already translated otherwise than the imported deck translates it."""

    line: int
    """The entry's line in the PO file as it was read."""
    pair: Pair
    existing: str
    replaced: bool


@dataclass(slots=True)
class Filled:
    """What the import did to the catalogue's entries."""

    written: int = 0
    """Entries given the imported translation, as fuzzy."""
    kept: int = 0
    """Entries already translated (the same text, or a different one kept)."""
    conflicts: list[Conflict] = field(default_factory=list)


def fill(
    catalogue: polib.POFile,
    translations: Mapping[str, Pair],
    lines: Mapping[str, int],
    *,
    overwrite: bool = False,
) -> Filled:
    """Write ``translations`` (msgid → pair) into the catalogue's live entries.

    ``lines`` gives each msgid's line in the PO file as read (``pofile.entry_lines``), for
    the conflict messages; entries new to the catalogue have none (0).
    """
    result = Filled()
    for entry in catalogue:
        pair = translations.get(entry.msgid)
        if entry.obsolete or pair is None:
            continue
        text = pair.translated.msgid
        if entry.msgstr and "fuzzy" not in entry.flags:
            if entry.msgstr == text:
                result.kept += 1
                continue
            result.conflicts.append(
                Conflict(lines.get(entry.msgid, 0), pair, entry.msgstr, overwrite)
            )
            if not overwrite:
                result.kept += 1
                continue
        entry.msgstr = text
        entry.flags = ["fuzzy"]  # merge keeps no other flag (gettext drops unknown ones)
        entry.previous_msgid = None
        entry.previous_msgctxt = None
        result.written += 1
    return result
