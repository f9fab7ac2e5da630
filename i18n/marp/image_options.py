"""An image's alt text as Marp reads it: space-separated options, some of them keywords.

Mirrors ``@marp-team/marpit`` ``lib/markdown/image/parse.js`` (the alt text split at
JavaScript's ``\\s``; every word tried against the option matchers: ``N%``,
``w:``/``width:``/``h:``/``height:`` lengths, the CSS filters) and
``lib/markdown/background_image/parse.js`` (an unconsumed ``bg`` word anywhere makes
the image a background; then ``bg``, ``auto``/``contain``/``cover``/``fit``,
``left``/``right[:N%]`` and ``vertical``/``horizontal`` are consumed too). Whatever is
consumed is syntax; the words left over are the image's human text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from i18n.marp.js_space import JS_SPACE_CLASS

_WORD = re.compile(f"[^{JS_SPACE_CLASS}]+")
"""``content.split(/(\\s+)/)``: JavaScript's ``\\s``, not Python's whitespace."""

_ANY = "(?:(?![\r\u2028\u2029]).)"
"""JavaScript's ``.`` (no ``s`` flag): anything but a line terminator (Python's ``.``
already stops at ``\n``; a negated class with characters past U+00FF would cost a
table for the whole BMP at import, 0.2 ms each)."""
_LENGTH = r"(?:(?:[0-9]*\.)?[0-9]+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)"
_OPTIONS = re.compile(
    "|".join(
        (
            r"(?:[0-9]*\.)?[0-9]+%",
            rf"w(?:idth)?:{_LENGTH}",
            rf"h(?:eight)?:{_LENGTH}",
            rf"(?:blur|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia)"
            rf"(?::{_ANY}+)?",
            rf"drop-shadow(?::{_ANY}+?,{_ANY}+?(?:,{_ANY}+?)?(?:,{_ANY}+?)?)?",
        )
    )
)
"""``optionMatchers`` of ``image/parse.js``, anchored as its ``^...$`` (full match)."""
_BACKGROUND = re.compile(
    r"bg|auto|contain|cover|fit|vertical|horizontal|(?:left|right)(?::(?:[0-9]*\.)?[0-9]+%)?"
)
"""What ``background_image/parse.js`` consumes once the image is a background."""


@dataclass(frozen=True, slots=True)
class AltWord:
    """One whitespace-separated word of an alt text and what Marp makes of it."""

    start: int
    """Offset of the word in the alt text."""
    end: int
    keyword: bool
    """Marp consumes it as an option: it is syntax, not text."""


def alt_words(alt: str) -> tuple[bool, tuple[AltWord, ...]]:
    """(is the image a background?, every word of ``alt`` in order, keywords marked)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(alt)]
    options = [_OPTIONS.fullmatch(word) is not None for _, _, word in words]
    background = "bg" in {word for _, _, word in words}  # "bg" is no option: never consumed
    return background, tuple(
        AltWord(start, end, options[i] or (background and bool(_BACKGROUND.fullmatch(word))))
        for i, (start, end, word) in enumerate(words)
    )


def is_background(alt: str) -> bool:
    """Marp's test: a ``bg`` word anywhere in the alt text."""
    return alt_words(alt)[0]


def text_runs(alt: str) -> list[tuple[int, int]]:
    """Offsets of each run of consecutive non-keyword words (keywords split the runs)."""
    runs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for word in alt_words(alt)[1]:
        if word.keyword:
            if current is not None:
                runs.append(current)
            current = None
        else:
            current = (current[0] if current else word.start, word.end)
    if current is not None:
        runs.append(current)
    return runs
