"""Deck → POT: one entry per distinct msgid, with where it sits and what it is."""

from __future__ import annotations

import re
import unicodedata

import polib

from i18n.errors import CatalogueError
from i18n.model import Deck
from i18n.variables import VARIABLE


def deck_template(deck: Deck, reference: str, *, line_numbers: bool = False) -> polib.POFile:
    """The POT of a deck; ``reference`` is the deck path written in ``#:`` comments.

    Equal msgids share one entry (gettext's rule), keeping every ``#.`` location.
    The renderer's ``%VARIABLE%`` placeholders are named in a ``#.`` line. No custom
    ``#,`` flags (Weblate's ``md-text``, ``placeholders:``): gettext drops flags it does
    not know, so ``msgcat``/``msgmerge`` would strip them and the files would not be
    canonical; set them as Weblate component flags instead.
    """
    _refuse_unwritable(reference)
    pot = polib.POFile(wrapwidth=79)
    by_msgid: dict[str, polib.POEntry] = {}
    for unit in deck.units:
        entry = by_msgid.get(unit.msgid)
        occurrence = (reference, str(unit.line) if line_numbers else "")
        if entry is None:
            entry = polib.POEntry(msgid=unit.msgid, msgstr="", comment=unit.comment)
            entry.occurrences = [occurrence]
            variables = sorted({m.group() for m in VARIABLE.finditer(unit.msgid)})
            if variables:
                entry.comment += "\nkeep unchanged: " + " ".join(variables)
            by_msgid[unit.msgid] = entry
            pot.append(entry)
            continue
        if unit.comment not in entry.comment.split("\n"):
            lines = entry.comment.split("\n")
            where = len(lines) - 1 if lines[-1].startswith("keep unchanged:") else len(lines)
            entry.comment = "\n".join([*lines[:where], unit.comment, *lines[where:]])
        if occurrence not in entry.occurrences:
            entry.occurrences.append(occurrence)
    return pot


_UNWRITABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})


def printable(name: str) -> str:
    """``name`` with control characters, line breaks and undecodable bytes as escapes,
    so a message naming the file stays one line and can be printed."""
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _UNWRITABLE else c
        for c in name
    )


def _refuse_unwritable(reference: str) -> None:
    """A ``#:`` reference is one line of text: a deck name with a line break or a
    control character would end it (and be read back as another deck's name, or as a
    syntax error), and an undecodable byte (a lone surrogate) cannot be written at all.

    Raises:
        CatalogueError: naming the deck file, escaped.
    """
    bad = [c for c in reference if unicodedata.category(c) in _UNWRITABLE]
    if bad:
        raise CatalogueError(
            printable(reference),
            None,
            f"a deck name with {printable(bad[0])} cannot be written in a catalogue's #: reference",
            "rename the file (letters, digits, - and _ are safe)",
        )


def template_catalogue(
    deck: Deck, reference: str, old_text: str | None, now: str, *, line_numbers: bool = False
) -> tuple[polib.POFile, str]:
    """The POT and its file text; keeps the old POT-Creation-Date when nothing else
    changed, so re-running ``extract`` on an unchanged deck rewrites no byte."""
    from i18n.catalogue.header import template_header
    from i18n.catalogue.pofile import catalogue_text

    pot = deck_template(deck, reference, line_numbers=line_numbers)
    if old_text is not None:
        match = re.search(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', old_text, re.MULTILINE)
        if match:
            template_header(pot, deck, match.group(1))
            text = catalogue_text(pot)
            if text == old_text:
                return pot, text
    template_header(pot, deck, now)
    return pot, catalogue_text(pot)
