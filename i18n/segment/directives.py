"""Global directives that shape segmentation: the front matter, ``headingDivider`` and
``lang``, wherever Marp reads them (front matter or directive comments)."""

from __future__ import annotations

from markdown_it.token import Token

from i18n.segment.comments import directive_spans
from i18n.segment.front_matter import front_matter
from i18n.segment.marp_yaml import is_directive, read_marp_yaml
from i18n.segment.slides import heading_divider_levels
from i18n.segment.state import SegmentState


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
            mapping = read_marp_yaml(token.content) if token.content else None
            if mapping and is_directive(mapping):
                divider = mapping.get("headingDivider", divider)
                state.lang_spans.extend(directive_spans(state.view, token, ("lang", "$lang")))
    if divider is not None:
        state.heading_divider = heading_divider_levels(divider)
