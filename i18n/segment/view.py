"""A window of deck text as markdown-it sees it, with the way back to deck offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextView:
    """Lines of the deck (the whole deck, or the inside of one comment) for one parse.

    ``starts[i]`` is the deck offset of parser line *i*; ``lines[i]`` its text as the
    parser reads it. Columns inside a line are the same in both, so a (line, column)
    the parser reports maps exactly to ``starts[line] + column`` in the deck.
    """

    starts: tuple[int, ...]
    lines: tuple[str, ...]
    source: str
    """The lines joined with LF: what markdown-it parses."""
    first_line: int
    """1-based deck line number of parser line 0."""

    def offset(self, line: int, col: int) -> int:
        return self.starts[line] + col


def view_of(text: str, spans: list[tuple[int, int]], first_line: int) -> TextView:
    """Build a view over ``text``; NUL becomes U+FFFD as markdown-it's normaliser does."""
    lines = tuple(text[s:e].replace("\0", "\ufffd") for s, e in spans)
    return TextView(tuple(s for s, _ in spans), lines, "\n".join(lines), first_line)
