"""Deck + translations → the translated deck text.

Kept text is copied; each unit is replaced by its translation laid out the way the
source was (continuation prefixes, line endings, note wrapping, YAML quoting). A
translation the structure guard refuses is reported and the source text is used.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markdown_it import MarkdownIt

from i18n.errors import TranslationRefused
from i18n.guard import (
    Verdicts,
    character_problem,
    guard_front_matter,
    parsed_problem,
    verify_edits,
)
from i18n.marp.marp_yaml import read_marp_yaml
from i18n.marp.parser import marp_parser
from i18n.model import Deck, Unit
from i18n.source import Edit, apply_edits, line_start
from i18n.text import short

Locate = Callable[[str], tuple[str, int | None]]
"""msgid → (PO file, line) of its entry, so messages say where to fix a translation."""


@dataclass(frozen=True, slots=True)
class Built:
    """A built deck and the translations refused on the way."""

    text: str
    refused: tuple[TranslationRefused, ...]


def render(unit: Unit, translation: str, column: int = 0) -> str:
    """The deck text for ``translation`` in the unit's place; ``column`` is where it starts."""
    layout = unit.layout
    if layout.yaml_style is not None:
        return yaml_scalar(translation, layout.yaml_style)
    if unit.kind == "speaker note":
        flat = " ".join(translation.split())
        if not layout.wrap:
            return flat
        lines = textwrap.wrap(
            flat,
            width=layout.wrap,
            initial_indent=" " * column,
            subsequent_indent=layout.continuation,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines[0] = lines[0][column:]
        return layout.newline.join(_no_block_starts(lines, layout.continuation))
    return (layout.newline + layout.continuation).join(translation.split("\n"))


_BLOCK_START = re.compile(r"[-+*#>=|`~<:]|\d+[.)]")
"""What may begin a Markdown block (list item, heading, quote, setext underline, table,
fence, HTML, definition) when it starts a line; a wrapped note never starts a line
with it, so the note keeps the paragraphs and items it was extracted as."""


def _no_block_starts(lines: list[str], continuation: str) -> list[str]:
    """Join a wrapped line that would begin a block to the line before it."""
    kept = lines[:1]
    for line in lines[1:]:
        if _BLOCK_START.match(line[len(continuation) :]):
            kept[-1] += " " + line[len(continuation) :]
        else:
            kept.append(line)
    return kept


def yaml_scalar(value: str, style: str) -> str:
    """``value`` written in a YAML scalar style (block styles become double-quoted)."""
    if style == "double":
        return json.dumps(value, ensure_ascii=False)[1:-1]
    if style == "single":
        return value.replace("'", "''")
    if style == "plain":
        return value
    return json.dumps(value, ensure_ascii=False)


def assemble(
    deck: Deck,
    translations: Mapping[str, str],
    lang: str | None = None,
    locate: Locate | None = None,
    verdicts: Verdicts | None = None,
) -> Built:
    """The deck with every translated unit replaced and, given ``lang``, Marp's ``lang``
    global directive set (value replaced, key inserted, or a front matter created).

    Each translation is judged alone by the unit rules, then the deck built from those
    that pass is verified whole against the source deck (``guard.verify_edits``): a
    translation that changes what Marp builds in the deck's context is refused too.
    """
    edits: list[Edit] = []
    units: list[Unit] = []
    refused: list[tuple[Unit, str]] = []
    md: MarkdownIt | None = None
    for unit in deck.units:
        translation = translations.get(unit.msgid)
        if not translation or translation == unit.msgid:
            continue  # the source text stays, byte for byte
        column = unit.start - line_start(deck.text, unit.start)
        text = render(unit, translation, column)
        problem = character_problem(unit, translation)
        if problem is None and unit.kind == "front matter":
            problem = _front_matter_problem(deck, unit, text, translation)
        if problem is None:
            edits.append((unit.start, unit.end, text))
            units.append(unit)
        else:
            refused.append((unit, problem))
    verified = verify_edits(deck.text, edits, deck.translated_keys, deck.structure, verdicts)
    for index, reason in verified.refused:  # the unit rules say why, where they can
        if md is None:
            md = marp_parser(front_matter=False)
        unit = units[index]
        translation = translations[unit.msgid]
        refused.append((unit, parsed_problem(unit, translation, md) or reason))
    made = [edits[index] for index in verified.kept]
    if lang is not None:
        made.extend(_lang_edits(deck, lang))
    refusals = tuple(
        _refusal(unit, problem, locate or (lambda _: (deck.path, None)))
        for unit, problem in sorted(refused, key=lambda r: r[0].start)
    )
    return Built(apply_edits(deck.text, made), refusals)


def _refusal(unit: Unit, problem: str, locate: Locate) -> TranslationRefused:
    path, line = locate(unit.msgid)
    return TranslationRefused(
        path,
        line,
        f"translation refused: {problem}; the source text is used for {short(unit.msgid)}",
        "fix the msgstr",
        reason=problem,
        msgid=unit.msgid,
    )


def _lang_edits(deck: Deck, lang: str) -> list[Edit]:
    """Set every ``lang`` Marp reads to ``lang``; where the deck has none, add one."""
    if deck.lang_spans:
        return [(start, end, lang) for start, end in deck.lang_spans]
    nl = deck.newline
    if deck.front_matter is not None and not deck.front_matter_ignored:
        edit = _lang_in_front_matter(deck, lang)
        if edit is not None:
            return [edit]
    if deck.front_matter is not None or deck.front_matter_ignored:
        # Marp would not read it in the front matter: a global directive comment.
        at = deck.body_start
        lead = "" if deck.text[at - 1 : at] in ("\n", "\r") else nl
        if at >= len(deck.text):  # at the end: after a blank line, or a paragraph takes it in
            lead += nl
        return [(at, at, f"{lead}<!-- lang: {lang} -->{nl}")]
    top = 1 if deck.text.startswith("\ufeff") else 0
    return [(top, top, f"---{nl}lang: {lang}{nl}---{nl}{nl}")]


def _lang_in_front_matter(deck: Deck, lang: str) -> Edit | None:
    """A ``lang: ...`` line for the front matter, or None where YAML would not read it
    (a flow mapping ``{...}``, say).

    It goes first (after the SPDX lines), at the first key's indentation: after a
    block scalar it would change that value (a block followed by more keys keeps its
    final newline).
    """
    assert deck.front_matter is not None
    start, end = deck.front_matter
    body = deck.text[start:end]
    at = len(body) - len(body.lstrip(" \t\r\n"))  # YAML's whitespace, not Unicode's
    at = body.rfind("\n", 0, at) + 1 if at < len(body) else 0
    first = body[at:]
    indent = first[: len(first) - len(first.lstrip(" "))]
    at = _after_spdx(body, at)
    line = f"{indent}lang: {lang}{deck.newline}"
    before = read_marp_yaml(body.replace("\0", "\ufffd"), duplicates_ok=True) or {}
    after = read_marp_yaml((body[:at] + line + body[at:]).replace("\0", "\ufffd"))
    if after is None or after.get("lang") != lang or {**before, "lang": lang} != after:
        return None
    return (start + at, start + at, line)


def _after_spdx(body: str, at: int) -> int:
    """Past the licence lines that open a front matter, so they stay its first lines;
    ``at`` when a value there continues on an indented line."""
    pos = at
    while body.startswith("SPDX-", pos):
        end = body.find("\n", pos)
        if end < 0:
            return at
        pos = end + 1
    return at if body[pos : pos + 1] in (" ", "\t") else pos


def _front_matter_problem(deck: Deck, unit: Unit, text: str, translation: str) -> str | None:
    assert deck.front_matter is not None
    start, end = deck.front_matter
    # NUL reads as U+FFFD, as markdown-it (and so Marp) reads it.
    original = deck.text[start:end].replace("\0", "\ufffd")
    edited = (deck.text[start : unit.start] + text + deck.text[unit.end : end]).replace(
        "\0", "\ufffd"
    )
    before = read_marp_yaml(original, duplicates_ok=True) or {}
    after = read_marp_yaml(edited, duplicates_ok=True)
    return guard_front_matter(before, after, unit.key, translation)
