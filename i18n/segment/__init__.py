"""Deck text → segments: kept text and translatable units, covering every character.

The passes (``PASSES``) run in a fixed order over one markdown-it-py parse of the
deck: global directives (front matter, ``headingDivider``, ``lang``) first, then slide
boundaries, then the blocks' units, the speaker notes' units and the warnings about
what runs to the end of the deck.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from markdown_it.token import Token

from i18n.marp.parser import marp_parser
from i18n.marp.structure import read_structure
from i18n.model import Deck, translated_keys
from i18n.segment.blocks import block_pass
from i18n.segment.directives import global_directives
from i18n.segment.notes import note_pass
from i18n.segment.slides import slide_pass
from i18n.segment.state import SegmentState
from i18n.segment.unclosed import unclosed_warnings
from i18n.segment.view import view_of
from i18n.source import Line, dominant_newline, split_lines

__all__ = ["DEFAULT_KEYS", "PASSES", "segment_deck"]

DEFAULT_KEYS = ("title", "description")

Pass = Callable[[SegmentState, list[Token]], None]
"""A stage of segmentation over the deck's tokens: it reads and writes the state."""

PASSES: tuple[tuple[str, Pass], ...] = (
    ("global directives", global_directives),  # front matter, headingDivider, lang
    ("slides", slide_pass),  # needs headingDivider
    ("blocks", block_pass),  # needs the slides, for each unit's slide number
    ("notes", note_pass),
    ("unclosed", unclosed_warnings),
)
"""The order is data, as markdown-it's rule lists are: each pass may use what the
passes before it put on the state."""


def segment_deck(
    text: str,
    path: str,
    translatable_keys: tuple[str, ...] = DEFAULT_KEYS,
    *,
    source: str | None = None,
) -> Deck:
    """Segment a deck as Marp reads it; ``path`` is its identity, ``source`` the file
    name that warnings and errors give (default: ``path``).

    Raises:
        DeckError: the front matter is not YAML Marp can read.
    """
    lines = split_lines(text)
    view = view_of(text, [(line.start, line.end) for line in lines], 1)
    md = marp_parser()
    state = SegmentState(
        source or path,
        text,
        view,
        translatable_keys,
        md,
        marp_parser(front_matter=False),
        dominant_newline(lines),
    )
    env: dict[str, object] = {}
    tokens = md.parse(view.source, env)

    for _, run in PASSES:
        run(state, tokens)
    units = tuple(sorted(state.units, key=lambda u: u.start))
    images = tuple(_images(tokens, view.lines))
    for before, after in pairwise(units):
        assert before.end <= after.start, f"{path}: overlapping units at line {after.line}"
    return Deck(
        path=path,
        text=text,
        units=units,
        slides=len(state.slide_starts) + 1,
        newline=state.newline,
        front_matter=state.front_matter,
        lang_spans=tuple(state.lang_spans),
        front_matter_ignored=state.front_matter_ignored,
        body_start=state.body_start,
        title=state.title,
        spdx=tuple(state.spdx),
        warnings=tuple(state.warnings),
        images=images,
        slide_starts=_slide_starts(state, lines),
        structure=read_structure(tokens, env, translated_keys(units)),
    )


def _slide_starts(state: SegmentState, lines: tuple[Line, ...]) -> tuple[tuple[int, int], ...]:
    """(offset, 1-based line) of every slide's first line; slide 1 starts after the
    front matter unless the first slide break comes before it ends."""
    view = state.view
    later = [(view.offset(line, 0), view.first_line + line) for line in state.slide_starts]
    first = state.body_start if not later or state.body_start <= later[0][0] else 0
    first_line = bisect_right([line.start for line in lines], first)
    return ((first, max(first_line, 1)), *later)


def _images(tokens: list[Token], lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """(1-based line, src) of every image Marp would load, backgrounds included."""
    found: list[tuple[int, str]] = []
    for token in tokens:
        if token.type != "inline" or token.map is None:
            continue
        line = token.map[0]  # images come in order: search on from the previous one
        for child in token.children or []:
            if child.type != "image":
                continue
            src = str(child.attrGet("src") or "")
            at = next((n for n in range(line, token.map[1]) if src in lines[n]), None)
            line = at if at is not None else line
            found.append((line + 1, src))
    return found
