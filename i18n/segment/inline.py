"""Inside one block's text: what is human text, what is Marp syntax to keep.

Images with a ``bg`` word anywhere in their alt text are backgrounds and offer nothing;
other alt texts offer each run of words between Marp's image keywords (``60%``,
``w:200px``, ``sepia``), which stay in place (``image_options``). A line holding only
images, a URL, code or math has nothing to translate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18n.marp.image_options import is_background, text_runs

_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+|www\.\S+|mailto:\S+")


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
    """Column spans of the human text of each non-background image's alt text: one per
    run of words between keywords, so no keyword is ever inside a span."""
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
        for start, end in text_runs(alt):
            if any(c.isalpha() for c in alt[start:end]):
                yield found + 2 + start, found + 2 + end
