"""The ``structure`` check: would the build refuse this translation? Asked cheaply.

The build's guard (``i18n/guard.py``) parses source and translation twice each; over a
whole course that was most of ``check``'s time. ``check`` has already parsed both the
way the guard does (``facts.analyse``), so the guard's shape rule is answered from those
parses, and its other rules from characters: with no ``<`` or image in either text, no
script scheme or CR in the translation and no comment in either, none of them can fire. Anything
less plain goes to the guard itself; the tests hold this shortcut to the guard's
answer on the corpus and on generated text, so a new guard rule shows up there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt

from i18n.assemble import assemble
from i18n.check.facts import Shape
from i18n.guard import guard_unit
from i18n.model import Deck, Unit
from i18n.segment.marp_yaml import KNOWN_DIRECTIVES

_KINDS = frozenset({"heading", "paragraph", "list item", "table cell", "blockquote"})
_SCHEME = re.compile(r"(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_DIRECTIVE_KEY = re.compile("(?:" + "|".join(sorted(KNOWN_DIRECTIVES)) + r")[\"']?\s*:")


def _letter_lines(text: str) -> bool:
    """Every line starts with a letter: no line opens a block or interrupts a paragraph."""
    return all(line[:1].isalpha() for line in text.split("\n"))


def spells_no_directive(text: str) -> bool:
    """YAML cannot read a directive key from this text: no known key is followed by a
    colon, and there is no escape (``\\``) or anchor (``&``, which aliases would need)."""
    return "\\" not in text and "&" not in text and _DIRECTIVE_KEY.search(text) is None


def plainly_safe(
    kind: str, source: str, translation: str, shapes: tuple[Shape | None, Shape | None]
) -> bool:
    """True only when ``guard_unit`` is sure to accept ``translation``; False means "ask it".

    ``shapes`` are the block structures of source and translation, parsed as the guard
    parses them (``facts.analyse``; None for table cells). Neither text holds a comment
    and the translation no ``<``, image or script scheme, so the comment, HTML, image and
    link rules cannot fire; a note then only must not read as a directive; other texts
    need the same shape, no line break where lines are structure and no table bar.
    """
    if "\r" in translation or "<" in translation or "<" in source or "-->" in translation:
        return False
    if translation[:1].isspace() or source.endswith("\\") or translation.endswith("\\"):
        return False
    if "<!--" in source or "-->" in source:
        return False
    if kind == "speaker note":
        return spells_no_directive(translation)
    if kind not in _KINDS or "![" in source or "![" in translation:
        return False
    if _SCHEME.search(translation):
        return False
    if "|" in source or "|" in translation:  # a bar splits a cell of any unit in a table
        return False
    if kind in ("heading", "table cell") and "\n" in translation:
        return False
    if kind == "table cell":
        return _letter_lines(source) and _letter_lines(translation)
    return shapes[0] is not None and shapes[0] == shapes[1]


def plain_front_matter(unit: Unit, translation: str) -> bool:
    """True when a quoted front-matter value reads back as ``translation`` whatever it says.

    The build writes it escaped for its quotes (``assemble.yaml_scalar``); only a line
    break or another unprintable character could change what YAML reads.
    """
    return unit.layout.yaml_style in ("double", "single") and translation.isprintable()


def structure_problem(
    unit: Unit,
    translation: str,
    md: MarkdownIt,
    deck: Deck | None,
    shapes: tuple[Shape | None, Shape | None] = (None, None),
) -> str | None:
    """The build's reason to refuse ``translation`` for ``unit``, or None.

    Front-matter values are judged in their deck, as the build does (the YAML around
    them must still read the same); without the deck (a stale entry) they are not.
    """
    if unit.kind == "front matter":
        if deck is None or plain_front_matter(unit, translation):
            return None
        alone = replace(deck, units=(unit,))  # judge this value only, not same-text units
        refused = assemble(alone, {unit.msgid: translation}).refused
        if not refused:
            return None
        message = refused[0].message.removeprefix("translation refused: ")
        return message.split("; the source text is used")[0]
    in_context = unit.layout.setext or unit.line == 1  # the guard reads these in place
    if not in_context and plainly_safe(unit.kind, unit.msgid, translation, shapes):
        return None
    return guard_unit(unit, translation, md)
