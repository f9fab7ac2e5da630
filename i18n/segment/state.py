"""SegmentState: everything one segmentation run learns and emits, in one object."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt

from i18n.errors import Warning_
from i18n.model import Kind, Layout, Unit
from i18n.segment.view import TextView


@dataclass
class SegmentState:
    """Per-call mutable state; rules read the deck through it and push units onto it."""

    path: str
    text: str
    view: TextView
    translatable_keys: tuple[str, ...]
    md: MarkdownIt
    """The deck's parser (marp-core's settings, front matter on)."""
    notes_md: MarkdownIt
    """The parser for the Markdown inside a speaker note (no front matter there)."""
    newline: str = "\n"
    slide_starts: list[int] = field(default_factory=list)
    """Parser lines where slides 2, 3, ... begin (slide 1 starts at the top)."""
    heading_divider: tuple[int, ...] = ()
    """Heading levels that also split slides (``headingDivider``)."""
    units: list[Unit] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    front_matter: tuple[int, int] | None = None
    lang_spans: list[tuple[int, int]] = field(default_factory=list)
    in_table: bool = False
    """Set while a table cell is segmented: its units get ``Layout.table``."""
    setext: str = ""
    """Set while a setext heading is segmented: its underline character."""
    front_matter_ignored: bool = False
    body_start: int = 0
    """Offset just past the front matter's closing line (0 without front matter)."""
    title: str = ""
    spdx: list[str] = field(default_factory=list)

    def slide_of(self, line: int) -> int:
        """1-based slide number of a parser line of the main view."""
        from bisect import bisect_right

        return bisect_right(self.slide_starts, line) + 1

    def warn(self, line: int | None, message: str, check: str = "") -> None:
        self.warnings.append(Warning_(self.path, line, message, check))

    def push(
        self,
        start: int,
        end: int,
        msgid: str,
        kind: Kind,
        slide: int,
        line: int,
        layout: Layout,
        key: str = "",
    ) -> None:
        """Add a unit; empty or whitespace-only text is never worth a translator's time."""
        if not msgid.strip() or start >= end:
            return
        if self.in_table or self.setext:
            layout = replace(layout, table=self.in_table, setext=self.setext)
        self.units.append(Unit(start, end, msgid, kind, slide, line, layout, key))
