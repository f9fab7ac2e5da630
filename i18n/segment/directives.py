"""Global directives that shape segmentation: the front matter, ``headingDivider`` and
``lang``, wherever Marp reads them (front matter or directive comments)."""

from __future__ import annotations

from markdown_it.token import Token

from i18n.marp.comments import find_comment
from i18n.marp.marp_yaml import is_directive, may_be_directive, read_marp_yaml, top_scalars
from i18n.segment.front_matter import front_matter
from i18n.segment.slides import heading_divider_levels
from i18n.segment.state import SegmentState
from i18n.segment.view import TextView


def global_directives(state: SegmentState, tokens: list[Token]) -> None:
    """Front-matter units, ``lang`` spans and ``headingDivider``: the slide pass needs
    the divider, so this pass runs first (marpit reads every directive before it
    splits slides, the last ``headingDivider`` winning)."""
    divider: object = None
    for token in tokens:
        if token.type == "front_matter" and (token.level or (token.map or [0])[0]):
            # markdown-it-front-matter also fires inside a first list item ("- a--"):
            # Marp hides that text, but it holds no directives; lang goes at the end.
            state.front_matter_ignored, state.body_start = True, len(state.text)
        elif token.type == "front_matter":
            front_matter(state, token)
            divider = (read_marp_yaml(token.content) or {}).get("headingDivider", divider)
        elif token.type == "marpit_comment" and token.map is not None:
            # may_be_directive: a speaker note is not read as YAML only to find no key.
            text = token.content
            mapping = read_marp_yaml(text) if text and may_be_directive(text) else None
            if mapping and is_directive(mapping):
                divider = mapping.get("headingDivider", divider)
                state.lang_spans.extend(directive_spans(state.view, token, ("lang", "$lang")))
    if divider is not None:
        state.heading_divider = heading_divider_levels(divider)


def directive_spans(view: TextView, token: Token, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Deck offsets of the values of ``keys`` in a block directive comment."""
    assert token.map is not None
    top = token.map[0]
    local = "\n".join(view.lines[top : token.map[1]])
    found = find_comment(local)
    if found is None:
        return []
    content = found.content(local)
    head = local.rfind("\n", 0, found.content_start) + 1
    base_line = top + local.count("\n", 0, found.content_start)
    spans = []
    for scalar in top_scalars(content) or []:
        if scalar.key not in keys:
            continue
        ends = []
        for line, col in (scalar.start, scalar.end):
            shift = found.content_start - head if line == 0 else 0
            ends.append(view.offset(base_line + line, col + shift))
        spans.append((ends[0], ends[1]))
    return spans
