"""Constructs that run to the end of the deck when unclosed, as Marp reads them: said
once, at their first line, because the author rarely means it."""

from __future__ import annotations

from markdown_it.token import Token

from i18n.segment.state import SegmentState


def unclosed_warnings(state: SegmentState, tokens: list[Token]) -> None:
    """Warn about display math and code fences that are never closed (comments: the
    note pass, which meets them first)."""
    view = state.view
    for token in tokens:
        if token.map is None:
            continue
        if token.type == "math_block" and not token.meta["closed"]:
            state.warn(
                view.first_line + token.map[0],
                "display math ($$) is never closed: Marp reads the rest of the deck as math;"
                " close it with a line ending in $$",
            )
        elif token.type == "fence" and not _closed_fence(view.lines, token):
            state.warn(
                view.first_line + token.map[0],
                "code fence is never closed: Marp shows the rest of the deck as code",
            )


def _closed_fence(lines: tuple[str, ...], token: Token) -> bool:
    assert token.map is not None
    last = token.map[1] - 1
    if last <= token.map[0] or last >= len(lines):
        return False
    closing = lines[last].strip()
    return closing.startswith(token.markup) and set(closing) == {token.markup[0]}
