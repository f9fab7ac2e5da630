"""Speaker notes: the Markdown inside a note comment, one unit per paragraph or item.

Marp hands notes to the presenter view as plain text; authors wrap them as prose.
The inside of the comment is parsed on its own (common indentation removed, so an
indented note is prose, not a code block) and each paragraph or list item becomes a
unit, unwrapped for the translator and wrapped back on build (``assemble``).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18n.marp.comments import find_comment, role_of
from i18n.segment.blocks import block_units
from i18n.segment.state import SegmentState
from i18n.segment.view import view_of


def note_pass(state: SegmentState, tokens: list[Token]) -> None:
    """The units of every speaker note; a comment never closed is warned about instead
    (Marp hides the rest of the deck in it)."""
    for token in tokens:
        if token.type != "marpit_comment" or token.map is None:
            continue
        if not token.meta.get("closed", True):
            state.warn(
                state.view.first_line + token.map[0],
                "comment is never closed: Marp hides the rest of the deck; add -->",
            )
        elif role_of(token.content) == "note":
            note_units(state, state.notes_md, token)


def note_units(state: SegmentState, md: MarkdownIt, token: Token) -> None:
    """Push the units of one block comment that Marp collects as a speaker note."""
    assert token.map is not None
    view = state.view
    top, bottom = token.map
    local = "\n".join(view.lines[top:bottom])
    found = find_comment(local)
    if found is None:
        return
    first, first_col = _line_col(local, found.content_start, top)
    last, last_col = _line_col(local, found.content_end, top)
    spans: list[list[int]] = []
    for line in range(first, last + 1):
        a = first_col if line == first else 0
        b = last_col if line == last else len(view.lines[line])
        spans.append([view.offset(line, a), view.offset(line, b)])
    # Remove the indentation every line shares (a first line after "<!-- " has none).
    indents = [
        len(text) - len(text.lstrip(" "))
        for i, (s, e) in enumerate(spans)
        if (text := state.text[s:e]).strip() and not (i == 0 and first_col > 0)
    ]
    shared = min(indents, default=0)
    for i, span in enumerate(spans):
        if shared and not (i == 0 and first_col > 0):
            span[0] = min(span[0] + shared, span[1])
    note_view = view_of(state.text, [(s, e) for s, e in spans], view.first_line + first)
    block_units(state, md, md.parse(note_view.source), note_view, state.slide_of(top))


def _line_col(text: str, offset: int, top: int) -> tuple[int, int]:
    """(parser line, column) of an offset into lines joined from parser line ``top``."""
    return top + text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1)
