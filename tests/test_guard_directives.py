"""A hostile translation writes every directive Marp knows, with every whitespace
Unicode has between key and value, into every kind of unit: none may reach the built
deck unrefused (issue 12).

Marp reads a directive from a comment; a translation cannot add comment markers, but a
speaker note *is* a comment, and a note is written back with its whitespace folded
(``style:`` + newline + CSS becomes ``<!-- style: ... -->``). Text elsewhere (paragraph,
heading, list item, table cell, alt text) must stay text. The real Marp is the judge:
the built deck's directives, slide by slide and global, must be the source's (and
``lang`` the build's own).
"""

from __future__ import annotations

import sys

import pytest
from marp import MarpServer

from i18n.assemble import assemble
from i18n.segment import segment_deck

pytestmark = pytest.mark.marp

GLOBALS = {
    # marpit (markdown/directives/directives.js)
    "theme": "gaia",
    "style": "section{display:none}",
    "headingDivider": "2",
    "lang": "de",
    # marp-core (customDirectives.global)
    "math": "katex",
    "size": "4:3",
    # marp-cli (its engine's customDirectives.global)
    "title": "Injected",
    "description": "Injected",
    "author": "Injected",
    "image": "https://evil.example/i.png",
    "keywords": "a,b",
    "url": "https://evil.example/",
    # front matter only, for editors; harmless in a comment but no text of ours
    "marp": "true",
}
LOCALS = {
    "backgroundColor": "red",
    "backgroundImage": "url(https://evil.example/x.png)",
    "backgroundPosition": "center",
    "backgroundRepeat": "repeat",
    "backgroundSize": "cover",
    "class": "invert",
    "color": "red",
    "footer": "Injected",
    "header": "Injected",
    "paginate": "true",
}
DIRECTIVES = {**GLOBALS, **LOCALS, **{f"_{k}": v for k, v in LOCALS.items()}}
"""Every directive, locals also in their ``_`` spot form, with a value Marp accepts."""

SPACES = sorted(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
"""Every character Python (Unicode's White_Space and the ASCII separators) calls space."""
SEPARATORS = [*SPACES, "\n\n", " \n ", "\u00a0\n"]

SLIDE = """\
# Heading {n}

Paragraph {n}

- List item {n}

| Cell {n} | b |
|---|---|
| c | d |

![Alt {n}](logo.png)

Logo: ![Inline alt {n}](logo.png)

<!-- Note {n} -->
"""
UNITS = ("Heading", "Paragraph", "List item", "Cell", "Alt", "Inline alt", "Note")


def attacked(key: str, value: str, sep: str) -> tuple[str, dict[str, str]]:
    """A one-slide deck, and the translation of each of its units to ``key:<sep>value``.

    One deck per separator, not one deck of many slides: a deck's refusals are found by
    bisecting the deck, so many culprits in one deck cost far more than one in each."""
    translations = {}
    for unit in UNITS:
        source, written = f"{unit} 0", f"{key}:{sep}{value}"
        if unit == "Inline alt":
            source, written = f"Logo: ![{source}](logo.png)", f"Logo: ![{written}](logo.png)"
        translations[source] = written
    return SLIDE.format(n=0), translations


def directives(structure: dict[str, object]) -> object:
    """Every directive Marp read, per slide and global, but the ``lang`` a build sets."""
    assert "error" not in structure, structure
    slides = structure["slides"]
    assert isinstance(slides, list)
    glob = structure["global"]
    assert isinstance(glob, dict)
    return (
        [{k: v for k, v in s["directives"].items() if k != "lang"} for s in slides],
        {k: v for k, v in glob.items() if k != "lang"},
    )


def test_every_unit_kind_is_attacked() -> None:
    """The deck offers each attacked text as a unit, so every translation is laid in."""
    text, translations = attacked("class", "invert", "\n")
    msgids = {u.msgid for u in segment_deck(text, "deck.md").units}
    assert set(translations) <= msgids


@pytest.mark.parametrize("key", list(DIRECTIVES))
def test_no_directive_reaches_the_built_deck(marp: MarpServer, key: str) -> None:
    texts = []
    for sep in SEPARATORS:
        text, translations = attacked(key, DIRECTIVES[key], sep)
        texts += [text, assemble(segment_deck(text, "deck.md"), translations, "sv").text]
    found = marp.structures(texts)
    reached = [
        f"{sep!r}: {directives(after)}"
        for sep, before, after in zip(SEPARATORS, found[::2], found[1::2], strict=True)
        if directives(after) != directives(before) or after["global"].get("lang") != "sv"
    ]
    assert not reached, f"{len(reached)} of {len(SEPARATORS)} separators reach Marp:\n" + "\n".join(
        reached
    )
