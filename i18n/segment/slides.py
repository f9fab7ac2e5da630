"""Where slides begin: top-level horizontal rules and ``headingDivider`` headings.

Mirrors marpit's ``slide.js`` (a split at every ``hr`` token of nesting level 0, so
``---``, ``***``, ``___`` and ``- - -`` all split, a setext underline does not) and
``heading_divider.js`` (a split before a top-level heading of a divider level, unless
the slide has no content yet).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from i18n.segment.state import SegmentState

_INVISIBLE = frozenset({"marpit_comment", "front_matter"})


def slide_starts(tokens: Sequence[Token], heading_divider: tuple[int, ...]) -> list[int]:
    """Parser lines at which slides 2, 3, ... begin, in order.

    As in marpit, a divider heading at any depth splits when any visible token came
    before it in the deck, even right after a ``---`` (Marp then shows an empty slide).
    """
    starts: list[int] = []
    seen_visible = False
    for token in tokens:
        if (
            token.type == "heading_open"
            and int(token.tag[1:]) in heading_divider
            and seen_visible
            and token.map is not None
        ) or (token.type == "hr" and token.level == 0 and token.map is not None):
            starts.append(token.map[0])
        seen_visible = seen_visible or not (token.hidden or token.type in _INVISIBLE)
    return starts


def heading_divider_levels(value: object) -> tuple[int, ...]:
    """Heading levels a ``headingDivider`` value splits at (``3`` means 1, 2 and 3)."""
    if isinstance(value, list):
        return tuple(sorted({int(v) for v in value if str(v).strip().isdigit()}))
    text = str(value).strip()
    if text.isdigit() and 1 <= int(text) <= 6:
        return tuple(range(1, int(text) + 1))
    return ()


def slide_pass(state: SegmentState, tokens: list[Token]) -> None:
    """Where slides begin, for every unit's slide number (needs ``headingDivider``)."""
    state.slide_starts = slide_starts(tokens, state.heading_divider)
