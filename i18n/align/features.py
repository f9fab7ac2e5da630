"""What survives translation: each unit's role and anchors, each slide's skeleton.

A hand-made translation changes the words, not the deck: headings stay headings at
their level, list items keep their depth, code, links, image sources, numbers,
``%VARIABLES%``, HTML tags, directive comments and background images stay as they are.
These facts are what ``import`` aligns by; words are used only where both decks share
them verbatim (names, acronyms, terms), as evidence and never as the only reason to pair.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from i18n.model import Deck, Unit
from i18n.source import line_start
from i18n.variables import VARIABLE

_ANCHOR = re.compile(
    r"(`+)[^`].*?\1"  # inline code
    r"|\]\([^)\s]*"  # link and image destinations
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*>"  # autolinks
    r"|[a-zA-Z][a-zA-Z0-9+.-]*://[^\s)<>\]]+|www\.[^\s)<>\]]+"  # bare URLs
    rf"|{VARIABLE.pattern}"  # the renderer's variables
    r"|\$[^$\s][^$]*?\$"  # math
    r"|</?[a-zA-Z][a-zA-Z0-9-]*"  # HTML tag names (attributes may hold text)
    r"|\d+",  # numbers: 1,000 and 1 000, 3.5 and 3,5 give the same runs of digits
    re.DOTALL,
)
_WORD = re.compile(r"\w+")  # "Linux-kärnan" shares "Linux" with "Linux kernel"
_COMMENT = re.compile(r"<!--.*?-->")
_MARKUP = re.compile(r"[ \t>#*+\-\d.)<]*")
_BAR = re.compile(r"(?<!\\)\|")  # a cell boundary; an escaped \\| is text
_SRC = re.compile(r"\]\(([^)\s]*)")


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """One unit and what a translation of it keeps."""

    unit: Unit
    role: str
    """Kind and place: heading level, list depth and marker, table column, note marker."""
    anchors: tuple[str, ...]
    """Language-neutral pieces of the text, sorted: code, URLs, numbers, tags."""
    words: frozenset[str]
    """Words that might stay untranslated (names, terms); restricted later to the words
    both decks share."""


@dataclass(frozen=True, slots=True)
class SlideFacts:
    """One slide: where it starts and its units, roles, kept tokens and shared words."""

    number: int
    line: int
    """1-based deck line where the slide starts (its separator, or the first line)."""
    units: tuple[UnitFacts, ...]
    roles: tuple[str, ...]
    marks: Mapping[str, int]
    """Multiset of language-neutral tokens: the unit anchors and every whitespace-separated
    token of the kept text (directives, background images, code, markers)."""
    words: frozenset[str]


def unit_facts(deck: Deck, unit: Unit) -> UnitFacts:
    """The role, anchors and candidate invariant words of one unit."""
    anchors: list[str] = []
    prose: list[str] = []
    pos = 0
    for match in _ANCHOR.finditer(unit.msgid):
        anchors.append(match.group())
        prose.append(unit.msgid[pos : match.start()])
        pos = match.end()
    prose.append(unit.msgid[pos:])
    if unit.kind == "image alt text":
        src = _SRC.match(deck.text, unit.end)  # the alt text is followed by ](src
        anchors.append(src.group() if src else "](")
    words = frozenset(w for w in _WORD.findall(" ".join(prose)) if _distinctive(w))
    return UnitFacts(unit, role_of(deck, unit), tuple(sorted(anchors)), words)


def _distinctive(word: str) -> bool:
    """Long enough, or written with a capital or digit, to mean something when shared."""
    return len(word) >= 4 or any(c.isupper() or c.isdigit() for c in word)


def role_of(deck: Deck, unit: Unit) -> str:
    """What the unit is and where it sits, in terms a translation does not change."""
    if unit.kind == "front matter":
        return f"front matter:{unit.key}"
    prefix = deck.text[line_start(deck.text, unit.start) : unit.start]
    if unit.kind == "table cell":
        return f"table cell:{len(_BAR.findall(prefix))}"
    prefix = _COMMENT.sub(" ", prefix).replace("<!--", "<")  # a note's opening is a marker
    if not _MARKUP.fullmatch(prefix):
        return f"{unit.kind}:inline"  # after other text on its line (an inline note)
    indent = len(prefix) - len(prefix.lstrip())
    marks = re.sub(r"\d+", "1", "".join(prefix.split())).replace("*", "-").replace("+", "-")
    return f"{unit.kind}:{indent}:{marks}:{unit.layout.setext}"


def slide_facts(
    deck: Deck,
    starts: tuple[tuple[int, int], ...],
    facts: Iterable[UnitFacts],
    shared: frozenset[str],
) -> list[SlideFacts]:
    """One SlideFacts per slide (front matter not included); ``starts`` are the slides'
    (offset, line) and ``shared`` the words both decks hold."""
    by_slide: dict[int, list[UnitFacts]] = {}
    for fact in facts:
        by_slide.setdefault(fact.unit.slide, []).append(fact)
    slides = []
    for number, (start, line) in enumerate(starts, 1):
        end = starts[number][0] if number < len(starts) else len(deck.text)
        units = tuple(by_slide.get(number, ()))
        kept: list[str] = []
        pos = start
        for fact in units:
            kept.append(deck.text[pos : max(pos, fact.unit.start)])
            pos = max(pos, fact.unit.end)
        kept.append(deck.text[pos:end])
        marks = Counter(" ".join(kept).split())
        for fact in units:
            marks.update(fact.anchors)
        words = frozenset().union(*(f.words for f in units)) & shared
        roles = tuple(f.role for f in units)
        slides.append(SlideFacts(number, line, units, roles, marks, words))
    return slides


def slide_starts(deck: Deck) -> tuple[tuple[int, int], ...]:
    """(offset, 1-based line) where slides 1, 2, ... begin, as ``segment_deck`` found them."""
    return deck.slide_starts
