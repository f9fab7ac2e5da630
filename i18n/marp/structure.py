"""What Marp builds from a whole deck, with the translatable text left out.

Two decks with equal structures give the same slides in Marp but for their words: the
same block tokens (slide breaks, headings, lists, quotes, tables, code, math, raw
HTML), the same images with the same Marp keywords (``bg``, ``60%``, ``w:200px``,
``opacity:0``, wherever they stand in the alt text: marpit ``image/parse.js`` and
``background_image/parse.js``), the same directive comments with the same values, the
same number of speaker notes, the same links and link reference definitions, and a
front matter that reads the same (translatable values aside). Where a link points is
not compared: a translator may link a page in their language, and ``check``'s
``links`` reports the change at the entry (the definitions themselves are kept text).

The deck is read once, with the parser the deck was segmented with, so the deck's own
reference definitions, front matter and comments are in context: what a unit read
alone cannot show (``![logo]`` whose label was translated, a definition line that
vanishes from its paragraph but redefines a link elsewhere) shows here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18n.marp.comments import role_of
from i18n.marp.image_options import alt_words
from i18n.marp.marp_yaml import read_marp_yaml
from i18n.marp.parser import marp_parser
from i18n.model import DeckStructure
from i18n.text import short

_RAW = frozenset({"fence", "code_block", "html_block", "math_block", "math_block_label"})
"""Block tokens whose content is not text to translate: compared as written."""


def image_keywords(alt: str) -> tuple[bool, tuple[str, ...]]:
    """(background?, the words of ``alt`` Marp consumes as keywords, in order)."""
    background, words = alt_words(alt)
    return background, tuple(alt[w.start : w.end] for w in words if w.keyword)


def deck_structure(text: str, translatable_keys: tuple[str, ...] = ()) -> DeckStructure:
    """The structure of a whole deck."""
    env: dict[str, object] = {}
    # marp-cli drops a leading BOM before rendering (Converter#convert); so does the
    # segmenter, so both read the same first line.
    tokens = _parser().parse(text.removeprefix("\ufeff"), env)
    return read_structure(tokens, env, translatable_keys)


def read_structure(
    tokens: list[Token], env: dict[str, object], translatable_keys: tuple[str, ...]
) -> DeckStructure:
    """The structure from a parse already made (the segmenter's, with inline children,
    or ``deck_structure``'s, without): the same marks either way."""
    reader = _Reader(translatable_keys, env)
    reader.read(tokens)
    references = env.get("references")
    if isinstance(references, dict):
        for label in sorted(references):
            ref = references[label]
            line = (ref.get("map") or [0])[0] + 1
            reader.add(line, f"link reference definition [{label}]: {ref.get('href')}")
    return DeckStructure(tuple(reader.marks), tuple(reader.lines))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The deck parser with inline parsing left to ``_Reader``: a block's inline text is
    parsed only where it can hold a mark (most of a translated deck is plain words)."""
    md = marp_parser()
    md.disable("inline")
    return md


_MAY_MARK = re.compile(r"[$`\[<]")
"""Where an inline mark starts: math, code, a link or image (``[``, ``![``), an autolink,
raw HTML or a comment (``<``). Text without any of them parses to text tokens only."""


class _Reader:
    """Collects the marks of one deck's tokens."""

    def __init__(self, translatable_keys: tuple[str, ...], env: dict[str, object]) -> None:
        self.keys = frozenset(translatable_keys) | {"lang"}  # lang: set by the build
        self.env = env
        """The parse's env: the deck's reference definitions, for links and images."""
        self.marks: list[str] = []
        self.lines: list[int] = []

    def add(self, line: int, mark: str) -> None:
        self.marks.append(mark)
        self.lines.append(line)

    def read(self, tokens: list[Token]) -> None:
        in_heading = False
        line = 1
        for token in tokens:
            if token.map:
                line = token.map[0] + 1
            if token.type == "inline":
                self._inline(token, line, in_heading)
            elif token.type == "front_matter":
                self._front_matter(token.content, line)
            elif token.type == "marpit_comment":
                self.add(line, _comment(token.content, in_heading=False, keys=self.keys))
            else:
                self.add(line, _block(token))
            if token.type == "heading_open":
                in_heading = True
            elif token.type == "heading_close":
                in_heading = False

    def _inline(self, token: Token, line: int, in_heading: bool) -> None:
        if not _MAY_MARK.search(token.content):
            return
        children: list[Token] = token.children or []
        if not children:
            md = _parser()
            md.inline.parse(token.content, md, self.env, children)
        marks: list[str] = []
        for child in _children(children):
            kind = child.type
            if kind == "image":
                background, keywords = image_keywords(child.content)
                role = "background" if background else "image"
                marks.append(f"{role} {child.attrGet('src')} {' '.join(keywords)}".rstrip())
            elif kind in ("html_inline", "code_inline") or kind.startswith("math_inline"):
                marks.append(f"{kind} {child.content}")
            elif kind == "marpit_comment":
                marks.append(_comment(child.content, in_heading=in_heading, keys=self.keys))
            elif kind == "link_open":  # where it points is check's "links", per entry
                marks.append("link")
        for mark in sorted(marks):
            self.add(line, mark)

    def _front_matter(self, content: str, line: int) -> None:
        mapping = read_marp_yaml(content)
        if mapping is None:  # its words are not read by Marp; that it stays ignored is
            self.add(line, "front matter Marp ignores")  # the front-matter rule's job
            return
        for key in sorted(mapping):
            value = mapping[key]
            if key in self.keys:
                self.add(line, f"front matter {key}: ({type(value).__name__})")
            else:
                self.add(line, f"front matter {key}: {_json(value)}")


def _children(tokens: list[Token]) -> Iterator[Token]:
    """Inline tokens, depth first, but not an image's own children (its alt text)."""
    for token in tokens:
        yield token
        if token.children and token.type != "image":
            yield from _children(token.children)


def _block(token: Token) -> str:
    parts = [token.type, token.tag, token.markup, token.info]
    if token.attrs:
        parts.append(_json(token.attrs))
    if token.hidden:
        parts.append("hidden")
    if token.type in _RAW:
        parts.append(token.content)
    return " ".join(parts).rstrip()


@lru_cache(maxsize=4096)
def _comment(content: str, *, in_heading: bool, keys: frozenset[str]) -> str:
    """A comment's mark: a directive with its values (``lang`` aside), else its role.
    Cached: a deck's comments recur in every language's build."""
    role = role_of(content, in_heading=in_heading)
    if role == "directive":
        mapping = read_marp_yaml(content) or {}
        shown = {k: ("…" if k.lstrip("_$") == "lang" else v) for k, v in mapping.items()}
        return f"directive comment {_json(shown)}"
    if role == "magic":
        return f"comment {content}"
    return {"note": "speaker note", "fit": "fit comment", "empty": "empty comment"}[role]


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def describe_difference(before: DeckStructure, after: DeckStructure) -> str:
    """What changed, in a few words: the first mark gained or lost (or moved)."""
    gained = Counter(after.marks) - Counter(before.marks)
    lost = Counter(before.marks) - Counter(after.marks)
    added = [(m, line) for m, line in zip(after.marks, after.lines, strict=True) if gained[m]]
    dropped = [(m, line) for m, line in zip(before.marks, before.lines, strict=True) if lost[m]]
    for found, verb, where in ((added, "adds", "deck"), (dropped, "drops", "source")):
        if found:  # the most telling mark: a paragraph comes and goes with everything
            mark, line = min(found, key=lambda f: f[0].startswith("paragraph_"))
            shown = short(mark, 79, quote="none", first_line=False)
            return f"it {verb} {shown} ({where} line {line})"
    for old, new in zip(before.marks, after.marks, strict=True):
        if old != new:
            return f"it moves {short(new, 79, quote='none', first_line=False)}"
    return "it changes the deck's structure"
