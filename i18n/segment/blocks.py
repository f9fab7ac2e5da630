"""Headings, paragraphs, list items, table cells and quotes: one unit per inline block.

markdown-it-py tells which lines hold a block's text (token maps) and what that text
is (``inline.content``); this module finds the same text in the deck's own lines, so
the unit's msgid is the source as written and its span is exact.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18n.marp.comments import find_comment, role_of
from i18n.model import Kind, Layout
from i18n.segment.inline import alt_spans, has_words, image_only, inline_children
from i18n.segment.state import SegmentState
from i18n.segment.view import TextView
from i18n.source import line_start

Piece = tuple[int, int, int]
"""(parser line, first column, end column) of one line of a block's text."""


def block_pass(state: SegmentState, tokens: list[Token]) -> None:
    """The units of the deck's blocks: headings, paragraphs, list items, cells, quotes."""
    block_units(state, state.md, tokens, state.view)


def block_units(
    state: SegmentState,
    md: MarkdownIt,
    tokens: Sequence[Token],
    view: TextView,
    note_slide: int | None = None,
) -> None:
    """Push a unit for every inline block in ``tokens``; ``note_slide`` marks a note."""
    stack: list[str] = []
    underline = ""  # the markup of the heading being read: "=" or "-" for setext
    cells: dict[int, int] = {}  # table row line -> column where the next cell is searched
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
            if token.type == "heading_open":
                underline = token.markup if token.markup in ("=", "-") else ""
        elif token.nesting == -1 and stack:
            stack.pop()
        elif token.type == "inline" and token.map is not None:
            kind = _kind(stack, note_slide)
            pieces = _locate(view, token, stack[-1] if stack else "", cells)
            if pieces is None:
                state.warn(view.first_line + token.map[0], "text not found, kept as it is")
                continue
            slide = note_slide if note_slide is not None else state.slide_of(token.map[0])
            state.in_table = stack[-1] in ("th_open", "td_open")
            state.setext = underline if kind == "heading" else ""
            _units_of(state, md, view, token, pieces, kind, slide)
            state.in_table, state.setext = False, ""


def _kind(stack: list[str], note_slide: int | None) -> Kind:
    if note_slide is not None:
        return "speaker note"
    if stack and stack[-1] in ("th_open", "td_open"):
        return "table cell"
    if stack and stack[-1] == "heading_open":
        return "heading"
    if "list_item_open" in stack:
        return "list item"
    if "blockquote_open" in stack:
        return "blockquote"
    return "paragraph"


def _locate(view: TextView, token: Token, parent: str, cells: dict[int, int]) -> list[Piece] | None:
    """The deck columns of each line of ``token.content``, or None if it is not there verbatim
    (markdown-it expanded a tab, say): such text is kept untranslated, never corrupted."""
    assert token.map is not None
    first = token.map[0]
    content = token.content
    if parent in ("th_open", "td_open"):
        line = view.lines[first]
        start = cells.get(first, 0)
        # markdown-it unescapes \| in a cell; the deck has the escaped form.
        for candidate in dict.fromkeys((content.replace("|", "\\|"), content)):
            col = line.find(candidate, start) if candidate else -1
            if col >= 0:
                cells[first] = col + len(candidate)
                return [(first, col, col + len(candidate))]
        return None if content else []
    lines = content.split("\n")
    if first + len(lines) > len(view.lines):
        return None
    pieces: list[Piece] = []
    for k, text in enumerate(lines):
        line = view.lines[first + k]
        if parent == "heading_open" and len(lines) == 1:
            col = line.find(text, len(line) - len(line.lstrip()))
        else:
            whole = line.rstrip() if k == len(lines) - 1 else line
            col = len(whole) - len(text)
        if col < 0 or line[col : col + len(text)] != text:
            return None
        pieces.append((first + k, col, col + len(text)))
    return pieces


def _units_of(
    state: SegmentState,
    md: MarkdownIt,
    view: TextView,
    token: Token,
    pieces: list[Piece],
    kind: Kind,
    slide: int,
) -> None:
    """Split one block into kept image/comment lines and at most one text unit."""
    children = token.children or []
    if any(c.type in ("image", "marpit_comment") for c in children):
        # A one-line block is its own line: its children need no second parse.
        whole = children if len(pieces) == 1 else None
        while pieces and _peel(state, md, view, pieces[0], slide, kind, whole):
            pieces = pieces[1:]
        while pieces and _peel(state, md, view, pieces[-1], slide, kind, whole):
            pieces = pieces[:-1]
        if not pieces:
            return
        trimmed = _trim_comments(state, view, list(pieces), slide, kind)
        if trimmed != pieces:
            text = "\n".join(view.lines[ln][a:b] for ln, a, b in trimmed)
            children = inline_children(md, text)
        pieces = trimmed
    if not pieces or not has_words(children):
        return
    push_text(state, view, pieces, kind, slide)


def _peel(
    state: SegmentState,
    md: MarkdownIt,
    view: TextView,
    piece: Piece,
    slide: int,
    kind: Kind,
    children: list[Token] | None,
) -> bool:
    """Keep a line holding only images; offer the alt text of non-background ones."""
    line, a, b = piece
    text = view.lines[line][a:b]
    if children is None:
        children = inline_children(md, text)
    if not image_only(children):
        return False
    for s, e in alt_spans(text, children):
        state.push(
            view.offset(line, a + s),
            view.offset(line, a + e),
            text[s:e],
            "speaker note" if kind == "speaker note" else "image alt text",
            slide,
            view.first_line + line,
            Layout(newline=state.newline),
        )
    _comment_notes(state, view, line, a, b, slide, kind)
    return True


def _comment_notes(
    state: SegmentState, view: TextView, line: int, a: int, b: int, slide: int, kind: Kind
) -> None:
    """Inline comments that Marp collects as notes become note units."""
    text = view.lines[line]
    pos = a
    while (found := find_comment(text, pos, b)) is not None:
        content = found.content(text)
        if role_of(content, in_heading=kind == "heading") == "note":
            state.push(
                view.offset(line, found.content_start),
                view.offset(line, found.content_end),
                content,
                "speaker note",
                slide,
                view.first_line + line,
                Layout(newline=state.newline),
            )
        pos = found.end


def _trim_comments(
    state: SegmentState, view: TextView, pieces: list[Piece], slide: int, kind: Kind
) -> list[Piece]:
    """Set aside comments at the very start or end (``<!-- fit -->``, a directive, a note)."""
    line, a, b = pieces[0]
    text = view.lines[line]
    found = find_comment(text, a, b)
    if found is not None and found.start == a:
        _comment_notes(state, view, line, a, found.end, slide, kind)
        a = found.end + len(text[found.end : b]) - len(text[found.end : b].lstrip())
        pieces[0] = (line, a, b)
    line, a, b = pieces[-1]
    text = view.lines[line]
    if text[a:b].endswith("-->"):
        opening = text.rfind("<!--", a, b)
        found = find_comment(text, opening, b) if opening >= 0 else None
        if found is not None and found.end == b:
            _comment_notes(state, view, line, found.start, b, slide, kind)
            b = found.start - (len(text[a : found.start]) - len(text[a : found.start].rstrip()))
            pieces[-1] = (line, a, b)
    return [p for p in pieces if p[2] > p[1]]


def push_text(
    state: SegmentState, view: TextView, pieces: list[Piece], kind: Kind, slide: int
) -> None:
    """Push one unit covering ``pieces``; notes are unwrapped, slide text keeps its lines."""
    texts = [view.lines[ln][a:b] for ln, a, b in pieces]
    start = view.offset(pieces[0][0], pieces[0][1])
    end = view.offset(pieces[-1][0], pieces[-1][2])
    # The prefix for the translation's later lines: the longest of the source's (a lazy
    # line in a quote has none; its neighbours' "> " keeps every line in the quote).
    prefixes = (
        state.text[line_start(state.text, at) : at]
        for at in (view.offset(ln, a) for ln, a, _ in pieces[1:])
    )
    continuation = max(prefixes, key=len, default="")
    if kind == "speaker note":
        msgid = " ".join(t.strip() for t in texts)
        wrap = 0
        if len(pieces) > 1:
            ends = (view.offset(ln, b) for ln, _, b in pieces)
            wrap = max(e - line_start(state.text, e) for e in ends)
        layout = Layout(continuation, state.newline, wrap)
    else:
        msgid = "\n".join(texts)
        last = pieces[-1][0]
        tail = view.lines[last][pieces[-1][2] :]
        layout = Layout(continuation, state.newline, tail=tail if tail.strip() else "")
    state.push(start, end, msgid, kind, slide, view.first_line + pieces[0][0], layout)
