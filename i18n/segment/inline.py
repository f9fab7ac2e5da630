"""Inside one block's text: what is human text, what is Marp syntax to keep.

Images whose alt starts with ``bg`` are backgrounds (marpit ``background_image.js``);
other alt texts are human text once Marp's image keywords (``w:200px``, ``sepia``) are
set aside (``image/parse.js``). A line holding only images, a URL, code or math has
nothing to translate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

_KEYWORD = re.compile(
    r"(?:w|h|width|height):\S*|(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate"
    r"|invert|opacity|saturate|sepia)(?::\S*)?"
)
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+|www\.\S+|mailto:\S+")
_CONTENT_ONLY = frozenset({"code_inline", "math_inline", "image", "html_inline", "marpit_comment"})


def inline_children(md: MarkdownIt, text: str) -> list[Token]:
    """The inline tokens of ``text`` parsed on its own (as inside a paragraph)."""
    tokens = md.parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def walk(tokens: list[Token], *, into_images: bool = True) -> Iterator[Token]:
    """Every token and, depth first, its children (an image's children are its alt text)."""
    for token in tokens:
        yield token
        if token.children and (into_images or token.type != "image"):
            yield from walk(token.children, into_images=into_images)


def has_words(children: list[Token]) -> bool:
    """True when the text holds something a translator should translate.

    Text inside images is alt text (offered separately); inline code, math, HTML and
    bare URLs are not human text.
    """
    for token in walk(children, into_images=False):
        if (
            token.type == "text"
            and any(c.isalpha() for c in token.content)
            and not _URL.fullmatch(token.content.strip())
        ):
            return True
    return False


def is_background(alt: str) -> bool:
    """Marp's test: the first alt word is ``bg``."""
    words = alt.split()
    return bool(words) and words[0] == "bg"


def image_only(children: list[Token]) -> bool:
    """True when a line holds images (and comments or spaces) only."""
    seen = False
    for token in children:
        if token.type in ("image", "marpit_comment"):
            seen = seen or token.type == "image"
        elif token.type in ("softbreak", "hardbreak") or (
            token.type == "text" and not token.content.strip()
        ):
            continue
        else:
            return False
    return seen


def alt_spans(line: str, children: list[Token]) -> Iterator[tuple[int, int]]:
    """Column spans of the human part of each non-background image's alt text."""
    pos = 0
    for token in walk(children, into_images=False):
        if token.type != "image":
            continue
        alt = token.content
        found = line.find("![" + alt + "]", pos)
        if found < 0:
            continue
        pos = found + len(alt) + 3
        if is_background(alt):
            continue
        words = list(re.finditer(r"\S+", alt))
        first, last = 0, len(words)
        while first < last and _KEYWORD.fullmatch(words[first].group()):
            first += 1
        while last > first and _KEYWORD.fullmatch(words[last - 1].group()):
            last -= 1
        if first < last:
            start, end = found + 2 + words[first].start(), found + 2 + words[last - 1].end()
            if any(c.isalpha() for c in line[start:end]):
                yield start, end
