"""Deck text → segments: kept text and translatable units, covering every character.

The rules run in a fixed order over one markdown-it-py parse of the deck:
front matter (and global directives) first, then slide boundaries, then comments
(directives kept, notes offered) and inline blocks.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from markdown_it.token import Token

from i18n.model import Deck, translated_keys
from i18n.segment.blocks import block_units
from i18n.segment.comments import directive_spans, role_of
from i18n.segment.front_matter import front_matter
from i18n.segment.marp_yaml import is_directive, read_marp_yaml
from i18n.segment.notes import note_units
from i18n.segment.parser import marp_parser
from i18n.segment.slides import heading_divider_levels, slide_starts
from i18n.segment.state import SegmentState
from i18n.segment.structure import read_structure
from i18n.segment.view import view_of
from i18n.source import Line, dominant_newline, split_lines

__all__ = ["DEFAULT_KEYS", "segment_deck"]

DEFAULT_KEYS = ("title", "description")


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
    state = SegmentState(source or path, text, view, translatable_keys, dominant_newline(lines))
    md = marp_parser()
    env: dict[str, object] = {}
    tokens = md.parse(view.source, env)

    divider: object = None
    for token in tokens:
        if token.type == "front_matter" and (token.level or (token.map or [0])[0]):
            # markdown-it-front-matter also fires inside a first list item ("- a--"):
            # Marp hides that text, but it holds no directives; lang goes at the end.
            state.front_matter_ignored, state.body_start = True, len(text)
        elif token.type == "front_matter":
            front_matter(state, token)
            divider = (read_marp_yaml(token.content) or {}).get("headingDivider", divider)
        elif token.type == "marpit_comment" and token.map is not None:
            mapping = read_marp_yaml(token.content) if token.content else None
            if mapping and is_directive(mapping):
                divider = mapping.get("headingDivider", divider)
                state.lang_spans.extend(directive_spans(view, token, ("lang", "$lang")))
    if divider is not None:
        state.heading_divider = heading_divider_levels(divider)
    state.slide_starts = slide_starts(tokens, state.heading_divider)

    notes_md = marp_parser(front_matter=False)
    block_units(state, md, tokens, view)
    for token in tokens:
        if token.type == "marpit_comment" and token.map is not None:
            if not token.meta.get("closed", True):
                state.warn(
                    view.first_line + token.map[0],
                    "comment is never closed: Marp hides the rest of the deck; add -->",
                )
            elif role_of(token.content) == "note":
                note_units(state, notes_md, token)
        elif token.type == "math_block" and token.map is not None and not token.meta["closed"]:
            state.warn(
                view.first_line + token.map[0],
                "display math ($$) is never closed: Marp reads the rest of the deck as math;"
                " close it with a line ending in $$",
            )
        elif (
            token.type == "fence" and token.map is not None and not _closed_fence(view.lines, token)
        ):
            state.warn(
                view.first_line + token.map[0],
                "code fence is never closed: Marp shows the rest of the deck as code",
            )
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


def _closed_fence(lines: tuple[str, ...], token: Token) -> bool:
    assert token.map is not None
    last = token.map[1] - 1
    if last <= token.map[0] or last >= len(lines):
        return False
    closing = lines[last].strip()
    return closing.startswith(token.markup) and set(closing) == {token.markup[0]}
