"""Where slides begin: top-level horizontal rules and ``headingDivider`` headings.

Mirrors marpit's ``slide.js`` (a split at every ``hr`` token of nesting level 0, so
``---``, ``***``, ``___`` and ``- - -`` all split, a setext underline does not) and
``heading_divider.js`` (a split before a top-level heading of a divider level, unless
the slide has no content yet).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

_INVISIBLE = frozenset({"marpit_comment", "front_matter"})


def slide_starts(tokens: Sequence[Token], heading_divider: tuple[int, ...]) -> list[int]:
    """Parser lines at which slides 2, 3, ... begin, in order."""
    starts: list[int] = []
    has_content = False
    for token in tokens:
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        if token.type == "hr":
            starts.append(token.map[0])
            has_content = False
        elif token.type == "heading_open" and int(token.tag[1:]) in heading_divider:
            if has_content:
                starts.append(token.map[0])
            has_content = True
        elif token.type not in _INVISIBLE:
            has_content = True
    return starts


def heading_divider_levels(value: object) -> tuple[int, ...]:
    """Heading levels a ``headingDivider`` value splits at (``3`` means 1, 2 and 3)."""
    if isinstance(value, list):
        return tuple(sorted({int(v) for v in value if str(v).strip().isdigit()}))
    text = str(value).strip()
    if text.isdigit() and 1 <= int(text) <= 6:
        return tuple(range(1, int(text) + 1))
    return ()
