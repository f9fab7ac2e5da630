"""``$...$`` and ``$$...$$`` math as marp-core reads it, not as mdit-py-plugins does.

A port of marp-core's math plugin (``src/math/math.ts``; ``lib/marp.js`` in the pinned
package): the inline rule runs after ``escape``; the block rule runs after
``blockquote`` and may interrupt a paragraph, a reference, a quote or a list. Unlike
mdit-py-plugins' dollarmath, an unclosed ``$$`` is display math to the end of the
deck (or of its list or quote), and one whose block ends at an outdented line swallows
that line too. Tokens keep dollarmath's names (``math_inline``, ``math_block``), which
the guard and ``check`` read; a block's ``meta["closed"]`` says whether a ``$$``
closed it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from i18n.marp.js_space import JS_SPACE

_SPACE_OR_TAB = (" ", "\t")
_DIGITS = tuple("0123456789")


def _trim(text: str) -> str:
    return text.strip(JS_SPACE)


def _delimiter(state: StateInline, pos: int) -> tuple[bool, bool]:
    """(may open, may close) for the ``$`` at ``pos``: no space or tab after an opening
    one; no space or tab before a closing one, nor a digit after it."""
    src = state.src
    before = src[pos - 1] if pos > 0 else ""
    after = src[pos + 1] if pos + 1 <= state.posMax and pos + 1 < len(src) else ""
    return after not in _SPACE_OR_TAB, before not in _SPACE_OR_TAB and after not in _DIGITS


def math_inline(state: StateInline, silent: bool) -> bool:
    """marp-core's ``marp_math_inline``: a lone ``$`` (or ``$$``) is text, and the
    rule still consumes it, so no later rule reads it."""
    src, pos = state.src, state.pos
    if src[pos] != "$":
        return False
    start = pos + 1

    def text(chars: str, to: int) -> bool:
        if not silent:
            state.pending += chars
        state.pos = to
        return True

    if not _delimiter(state, pos)[0]:
        return text("$", start)
    match = start
    while (match := src.find("$", match)) != -1:
        back = match - 1
        while back >= 0 and src[back] == "\\":
            back -= 1
        if (match - back) % 2 == 1:
            break
        match += 1
    if match == -1:
        return text("$", start)
    if match == start:
        return text("$$", start + 1)
    if not _delimiter(state, match)[1]:
        return text("$", start)
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.markup = "$"
        token.content = src[start:match]
    state.pos = match + 1
    return True


def math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """marp-core's ``marp_math_block``: ``$$`` at a line's start opens display math that
    runs to a line ending in ``$$``, to an outdented line (swallowed) or to ``end_line``."""
    src = state.src
    pos = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    if pos + 2 > end or src[pos : pos + 2] != "$$":
        return False
    if silent:
        return True
    first, last = src[pos + 2 : end], ""
    closed = _trim(first)[-2:] == "$$"
    if closed:
        first = _trim(first)[:-2]
    line = start_line
    while not closed:
        line += 1
        if line >= end_line:
            break
        pos, end = state.bMarks[line] + state.tShift[line], state.eMarks[line]
        if pos < end and state.tShift[line] < state.blkIndent:
            break
        if _trim(src[pos:end])[-2:] == "$$":
            closed = True
            last = src[pos : src.rfind("$$", 0, end)]
    state.line = line + 1
    token = state.push("math_block", "math", 0)
    token.block = True
    token.map = [start_line, state.line]
    token.markup = "$$"
    token.meta = {"closed": closed}
    token.content = f"{first}\n" if _trim(first) else ""
    token.content += state.getLines(start_line + 1, line, state.tShift[start_line], True)
    if _trim(last):
        token.content += last
    return True


def math_plugin(md: MarkdownIt) -> None:
    """Add marp-core's math rules where marp-core adds them."""
    md.inline.add_terminator_char("$")
    md.inline.ruler.after("escape", "math_inline", math_inline)
    md.block.ruler.after(
        "blockquote",
        "math_block",
        math_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
