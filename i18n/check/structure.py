"""The ``structure`` check: would the build refuse this translation? Asked cheaply.

The build's guard (``i18n/guard.py``) parses source and translation twice each; over a
whole course that is most of ``check``'s time. Most translations are plain sentences,
and for them the answer can be proved from their characters alone: a text whose every
line starts with a letter, with no ``<``, ``[`` or ``|`` and no ``\\r``, parses to one
paragraph (or one heading) with no link, image or HTML, so none of the guard's rules can
fire when the source is such a text as well. Everything else goes to the guard itself,
and the tests hold this shortcut to the guard's answer on the corpus and on generated text.
"""

from __future__ import annotations

from dataclasses import replace

from markdown_it import MarkdownIt

from i18n.assemble import assemble
from i18n.guard import guard_unit
from i18n.model import Deck, Unit
from i18n.segment.marp_yaml import KNOWN_DIRECTIVES

_COMMENT_MARKS = ("<!--", "-->")
_SINGLE_LINE = frozenset({"heading", "table cell"})


def _letter_lines(text: str) -> bool:
    """Every line starts with a letter: no line opens a block or interrupts a paragraph."""
    return all(line[:1].isalpha() for line in text.split("\n"))


def _no_directive_key(text: str) -> bool:
    """YAML cannot read a directive key from text that never spells one (no escapes)."""
    return "\\" not in text and not any(key in text for key in KNOWN_DIRECTIVES)


def plainly_safe(kind: str, source: str, translation: str) -> bool:
    """True only when ``guard_unit`` is sure to accept ``translation``; False means "ask it".

    Mirrors the guard rule by rule: the same comment markers; for notes, no way to read
    as a directive; for the rest, no line break where one is structure, no table bar,
    and a text that parses to one paragraph with no link, image or HTML, like its source.
    """
    if "\r" in translation:
        return False
    if any(translation.count(m) != source.count(m) for m in _COMMENT_MARKS):
        return False
    if kind == "speaker note":
        return _no_directive_key(translation)
    if kind not in ("heading", "paragraph", "list item", "table cell", "blockquote"):
        return False
    if kind in _SINGLE_LINE and "\n" in translation:
        return False
    if "|" in source or "|" in translation or "![" in source:
        return False
    if "<" in translation or "[" in translation:
        return False
    return _letter_lines(source) and _letter_lines(translation)


def structure_problem(unit: Unit, translation: str, md: MarkdownIt, deck: Deck | None) -> str | None:
    """The build's reason to refuse ``translation`` for ``unit``, or None.

    Front-matter values are judged in their deck, as the build does (the YAML around
    them must still read the same); without the deck (a stale entry) they are not.
    """
    if unit.kind == "front matter":
        if deck is None:
            return None
        alone = replace(deck, units=(unit,))  # judge this value only, not same-text units
        refused = assemble(alone, {unit.msgid: translation}).refused
        if not refused:
            return None
        message = refused[0].message.removeprefix("translation refused: ")
        return message.split("; the source text is used")[0]
    if plainly_safe(unit.kind, unit.msgid, translation):
        return None
    return guard_unit(unit, translation, md)
