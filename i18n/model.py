"""The small immutable model: a deck is its text plus the translatable units inside it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from i18n.errors import Warning_

Kind = Literal[
    "front matter",
    "heading",
    "paragraph",
    "list item",
    "table cell",
    "blockquote",
    "image alt text",
    "speaker note",
]
"""What a unit is, in the words translators read in ``#.`` comments."""

YamlStyle = Literal["plain", "single", "double", "literal", "folded"]


@dataclass(frozen=True, slots=True)
class Layout:
    """How a translation is laid back into the deck where the source text stood."""

    continuation: str = ""
    """Prefix written before every line after the first (list indent, ``> `` markers)."""
    newline: str = "\n"
    """Line ending inside the unit, the deck's own (LF or CRLF)."""
    wrap: int = 0
    """Speaker notes: rewrap the translation to this width; 0 keeps the translator's lines."""
    yaml_style: YamlStyle | None = None
    """Front-matter values: the scalar style to write the translation in."""
    table: bool = False
    """The unit sits in a table row, where a ``|`` would split its cell."""
    tail: str = ""
    """What follows the unit on its last line (an inline note), read with a new last line."""
    setext: str = ""
    """A setext heading's underline character (``=`` or ``-``); its text is read with it."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable piece: ``deck.text[start:end]`` is replaced by its translation."""

    start: int
    """Offset in the deck text where the unit's source text begins."""
    end: int
    """Offset just past the unit's source text."""
    msgid: str
    """What the translator sees: the source text with indentation and markers removed,
    speaker notes unwrapped, front-matter values unquoted."""
    kind: Kind
    slide: int
    """1-based slide number; 0 for front-matter values."""
    line: int
    """1-based line of the deck where the unit starts."""
    layout: Layout = field(default_factory=Layout)
    key: str = ""
    """The front-matter key, for ``kind == "front matter"``."""

    @property
    def comment(self) -> str:
        """The ``#.`` extracted comment: where the unit sits and what it is."""
        if self.kind == "front matter":
            return f"front matter: {self.key}"
        return f"slide {self.slide}, {self.kind}"


@dataclass(frozen=True, slots=True)
class Kept:
    """Text that is copied to every language unchanged."""

    text: str


@dataclass(frozen=True, slots=True)
class DeckStructure:
    """What Marp builds from a deck, its words aside (``i18n.marp.structure``): equal
    structures build the same slides but for their words."""

    marks: tuple[str, ...]
    """Everything compared, in document order (inside one block: sorted, as a
    translation may reorder the code spans or images of a sentence)."""
    lines: tuple[int, ...] = field(compare=False)
    """The 1-based deck line of each mark, for messages."""


@dataclass(frozen=True, slots=True)
class Deck:
    """A segmented deck: its exact text, its units in order, and facts build needs."""

    path: str
    """The deck's identity: its path relative to the slides folder, with ``/``."""
    text: str
    units: tuple[Unit, ...]
    slides: int
    """Number of slides as Marp counts them."""
    newline: str = "\n"
    front_matter: tuple[int, int] | None = None
    """Offsets of the front matter's YAML body (between the ``---`` lines), if any."""
    lang_spans: tuple[tuple[int, int], ...] = ()
    """Offsets of every ``lang`` value Marp reads: front matter, then directive comments
    (the last one wins in Marp, so a build replaces them all)."""
    front_matter_ignored: bool = False
    """Marp ignores the front matter (a repeated key): directives go in a comment."""
    body_start: int = 0
    """Offset just past the front matter's closing ``---`` line."""
    title: str = ""
    """The front matter's ``title``, for catalogue headers."""
    spdx: tuple[str, ...] = ()
    """The front matter's SPDX lines (licence header), copied into catalogue headers."""
    warnings: tuple[Warning_, ...] = ()
    images: tuple[tuple[int, str], ...] = ()
    """(line, src) of every image in the deck, to report missing files."""
    slide_starts: tuple[tuple[int, int], ...] = ()
    """(offset, 1-based line) where each slide begins, as Marp splits them (slide 1: just
    past the front matter)."""
    structure: DeckStructure | None = None
    """The source's structure, read from the segmenting parse: a build compares each
    translated deck with it (``guard.verify_edits``) without parsing the source again."""

    @property
    def translated_keys(self) -> tuple[str, ...]:
        return translated_keys(self.units)

    def segments(self) -> Iterator[Kept | Unit]:
        """Kept text and units in order; joined they are exactly the deck text."""
        pos = 0
        for unit in self.units:
            if unit.start > pos:
                yield Kept(self.text[pos : unit.start])
            yield unit
            pos = unit.end
        if pos < len(self.text):
            yield Kept(self.text[pos:])


def translated_keys(units: Iterable[Unit]) -> tuple[str, ...]:
    """The front-matter keys offered for translation: their values may change in a
    build, so a deck's structure compares only their type."""
    return tuple(dict.fromkeys(u.key for u in units if u.kind == "front matter"))
