"""The YAML front matter: translatable values become units, everything else is kept.

Marp finds it with markdown-it-front-matter (mdit-py-plugins ports the same rule) and
reads it with marpit's loose FAILSAFE YAML (``marp_yaml``). The YAML is never re-dumped:
a value's own characters are replaced in place.
"""

from __future__ import annotations

import yaml
from markdown_it.token import Token

from i18n.errors import DeckError
from i18n.model import Layout, YamlStyle
from i18n.segment.marp_yaml import LOADER, duplicate_key, loose, yaml_problem, yaml_safe, yaml_unsafe
from i18n.segment.state import SegmentState
from i18n.segment.view import TextView

_STYLES: dict[str | None, YamlStyle] = {
    None: "plain",
    "'": "single",
    '"': "double",
    "|": "literal",
    ">": "folded",
}


def front_matter(state: SegmentState, token: Token) -> None:
    """Read the front matter token; push units for the translatable keys.

    Raises:
        DeckError: the front matter is YAML that Marp cannot read either.
    """
    assert token.map is not None
    view = state.view
    first, last = token.map[0] + 1, token.map[1] - 1  # body lines, between the --- lines
    body_lines = view.lines[first:last]
    end = view.offset(last - 1, len(body_lines[-1])) if body_lines else view.offset(last, 0)
    state.front_matter = (view.offset(first, 0), end)
    body = "\n".join(body_lines)
    problem = yaml_problem(body)
    if problem is not None:
        line, message = problem
        raise DeckError(
            state.path,
            view.first_line + first + line,
            f"front matter is not YAML that Marp can read: {message}",
            "fix the YAML between the first two --- lines (quote values with ': ' in them)",
        )
    state.body_start = (
        view.offset(token.map[1], 0) if token.map[1] < len(view.lines) else len(state.text)
    )
    duplicate = duplicate_key(body)
    if duplicate is not None:
        state.front_matter_ignored = True
        state.warn(
            view.first_line + first + duplicate[0],
            f"front matter repeats the key {duplicate[1]!r}: Marp ignores the whole front "
            "matter (its directives do not apply); merge the values into one key",
        )
    state.spdx = [text.strip() for text in body_lines if text.startswith("SPDX-")]
    converted = loose(body).split("\n")
    root = yaml.compose(yaml_safe("\n".join(converted)), Loader=LOADER)
    if not isinstance(root, yaml.MappingNode):
        # Marp reads no directives from a scalar or list: lang must go in a comment.
        state.front_matter_ignored = root is not None
        return
    for key_node, node in root.value:
        key = str(key_node.value)
        if key == "title" and isinstance(node, yaml.ScalarNode):
            state.title = yaml_unsafe(str(node.value))
        if not isinstance(node, yaml.ScalarNode) or key not in (*state.translatable_keys, "lang"):
            continue
        line = node.start_mark.line
        loosened = converted[line] != body_lines[line]
        start, end, style = _value_span(view, first, node, loosened)
        if style not in ("single", "double"):  # block scalars end after their newline
            end = start + len(state.text[start:end].rstrip())
        if key == "lang":
            state.lang = (start, end)
            continue
        # Plain single-line values (and loosened ones) are read raw, as Marp reads them.
        raw = state.text[start:end]
        plain_line = style == "plain" and "\n" not in raw and "\r" not in raw
        msgid = raw if plain_line else yaml_unsafe(node.value)
        state.push(
            start,
            end,
            msgid,
            "front matter",
            0,
            view.first_line + first + line,
            Layout(newline=state.newline, yaml_style=style),
            key,
        )


def _value_span(
    view: TextView, first: int, node: yaml.ScalarNode, loosened: bool
) -> tuple[int, int, YamlStyle]:
    """Deck offsets of a scalar's own text (inside any quotes) and its YAML style."""
    line = first + node.start_mark.line
    col = node.start_mark.column
    if loosened:
        # marp-core's loose mode quoted this value; Marp reads the raw rest of the line.
        start = view.offset(line, col)
        return start, start + len(view.lines[line][col:].rstrip()), "plain"
    style = _STYLES.get(node.style, "plain")
    start = view.offset(line, col)
    end = view.offset(first + node.end_mark.line, node.end_mark.column)
    if style in ("single", "double"):
        return start + 1, end - 1, style
    return start, end, style
