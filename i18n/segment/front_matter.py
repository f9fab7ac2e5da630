"""The YAML front matter: translatable values become units, everything else is kept.

Marp finds it with markdown-it-front-matter (mdit-py-plugins ports the same rule) and
reads it with marpit's loose FAILSAFE YAML (``marp_yaml``). The YAML is never re-dumped:
a value's own characters are replaced in place.
"""

from __future__ import annotations

from markdown_it.token import Token

from i18n.marp.marp_yaml import top_scalars, yaml_problem
from i18n.model import Layout
from i18n.segment.state import SegmentState


def front_matter(state: SegmentState, token: Token) -> None:
    """Read the front matter token; push units for the translatable keys.

    A front matter Marp cannot read (marpit ``directives/yaml.js`` returns false) is
    ignored by Marp, which renders the deck without its directives: it is passed through
    as it is, nothing in it offered, with one warning.
    """
    assert token.map is not None
    view = state.view
    first, last = token.map[0] + 1, token.map[1] - 1  # body lines, between the --- lines
    body_lines = view.lines[first:last]
    end = view.offset(last - 1, len(body_lines[-1])) if body_lines else view.offset(last, 0)
    state.front_matter = (view.offset(first, 0), end)
    body = "\n".join(body_lines)
    state.body_start = (
        view.offset(token.map[1], 0) if token.map[1] < len(view.lines) else len(state.text)
    )
    state.spdx = [text.strip() for text in body_lines if text.startswith("SPDX-")]
    problem = yaml_problem(body)
    if problem is not None:
        state.front_matter_ignored = True
        state.warn(
            view.first_line + first + problem[0],
            f"Marp ignores this front matter ({problem[1]}); nothing in it is offered for "
            "translation",
            "front-matter-ignored",
        )
        return
    scalars = top_scalars(body)
    if scalars is None:
        # Marp reads no directives from a scalar or list: lang must go in a comment.
        state.front_matter_ignored = True
        return
    for scalar in scalars:
        if scalar.key == "title":
            state.title = scalar.value
        start = view.offset(first + scalar.start[0], scalar.start[1])
        end = view.offset(first + scalar.end[0], scalar.end[1])
        if scalar.key == "lang":
            state.lang_spans.append((start, end))
        elif scalar.key in state.translatable_keys:
            state.push(
                start,
                end,
                scalar.value,
                "front matter",
                0,
                view.first_line + first + scalar.start[0],
                Layout(newline=state.newline, yaml_style=scalar.style),
                scalar.key,
            )
