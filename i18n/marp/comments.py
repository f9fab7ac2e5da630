"""HTML comments as Marpit reads them: directive, speaker note, or magic comment.

A port of ``@marp-team/marpit`` ``src/markdown/comment.js`` into markdown-it-py: the
block rule runs before ``html_block`` so comments are found whatever the HTML
setting, and ends at the first line holding ``-->``; the inline rule finds
``<!-- ... -->`` inside a paragraph or heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from i18n.marp.marp_yaml import is_directive, may_be_directive, read_marp_yaml

CommentRole = Literal["directive", "magic", "fit", "note", "empty"]

_MAGIC = (
    re.compile(r"prettier-ignore(-(start|end))?"),
    re.compile(r"markdownlint-((disable|enable).*|capture|restore)"),
    re.compile(r"lint (disable|enable|ignore).*"),
)


@dataclass(frozen=True, slots=True)
class CommentMatch:
    """Where a comment and its content sit inside a piece of text (string offsets)."""

    start: int
    end: int
    """Just past the closing ``-->``."""
    content_start: int
    content_end: int

    def content(self, text: str) -> str:
        return text[self.content_start : self.content_end]


def find_comment(text: str, pos: int = 0, end: int | None = None) -> CommentMatch | None:
    """The first ``<!--+ ... --+>`` at or after ``pos``, content trimmed as marpit trims it.

    Written with ``str.find`` rather than marpit's lazy regular expression, whose
    backtracking is quadratic on long unclosed comments.
    """
    end = len(text) if end is None else end
    start = text.find("<!--", pos, end)
    if start < 0:
        return None
    close = text.find("-->", start + 4, end)
    if close < 0:
        return None
    inner_start = start + 4
    while inner_start < close and text[inner_start] == "-":
        inner_start += 1
    inner_end = close
    while inner_end > inner_start and text[inner_end - 1] == "-":
        inner_end -= 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return CommentMatch(start, close + 3, inner_start, inner_end)


def role_of(content: str, *, in_heading: bool = False) -> CommentRole:
    """What Marp makes of a comment with this (trimmed) content."""
    if not content:
        return "empty"
    if in_heading and content == "fit":
        return "fit"  # marp-core's fitting header marker
    if any(m.fullmatch(content) for m in _MAGIC):
        return "magic"
    if not may_be_directive(content):
        return "note"
    mapping = read_marp_yaml(content)
    if mapping is not None and is_directive(mapping):
        return "directive"
    return "note"


def _block_comment(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    pos = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("<!--", pos):
        return False
    if silent:
        return True
    line = state.src[pos : state.eMarks[start_line]]
    next_line = start_line + 1
    if "-->" not in line:
        while next_line < end_line:
            if state.sCount[next_line] < state.blkIndent:
                break
            line = state.src[
                state.bMarks[next_line] + state.tShift[next_line] : state.eMarks[next_line]
            ]
            next_line += 1
            if "-->" in line:
                break
    state.line = next_line
    token = state.push("marpit_comment", "", 0)
    token.map = [start_line, next_line]
    token.markup = state.getLines(start_line, next_line, state.blkIndent, True)
    token.hidden = True
    found = find_comment(token.markup)
    token.content = found.content(token.markup) if found else ""
    token.meta = {"closed": found is not None}
    return True


def _next_close(state: StateInline, start: int) -> int:
    """Offset of the first ``-->`` at or after ``start`` in the inline source, or -1.

    Remembered per source in ``env``, so a paragraph with thousands of unclosed
    ``<!--`` is scanned once, not once per opening.
    """
    memo: dict[int, tuple[str, int, int]] = state.env.setdefault("marpit_next_close", {})
    key = id(state.src)
    cached = memo.get(key)
    reusable = cached is not None and cached[0] is state.src and cached[1] <= start
    if reusable and cached is not None and (cached[2] < 0 or cached[2] >= start):
        return cached[2]
    found = state.src.find("-->", start)
    memo[key] = (state.src, start, found)
    return found


def _inline_comment(state: StateInline, silent: bool) -> bool:
    pos = state.pos
    if pos + 2 >= state.posMax or not state.src.startswith("<!--", pos):
        return False
    close = _next_close(state, pos + 4)
    if close < 0 or close + 3 > state.posMax:
        return False
    found = find_comment(state.src, pos, close + 3)
    if found is None:
        return False
    if not silent:
        token = state.push("marpit_comment", "", 0)
        token.hidden = True
        token.markup = state.src[pos : found.end]
        token.content = found.content(state.src)
    state.pos = found.end
    return True


def comment_plugin(md: MarkdownIt) -> None:
    """Install marpit's comment rules (block before ``html_block``, inline before
    ``html_inline``)."""
    # No "alt": like marpit's rule this one cannot interrupt a paragraph.
    md.block.ruler.before("html_block", "marpit_comment", _block_comment)
    md.inline.ruler.before("html_inline", "marpit_inline_comment", _inline_comment)
