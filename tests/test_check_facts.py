"""The facts the Markdown checks compare, and the parser-free path for plain text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n.check import facts as facts_module
from i18n.check.facts import Facts, analyse
from i18n.files import read_deck
from i18n.marp.parser import marp_parser
from i18n.segment import segment_deck

MD = marp_parser(front_matter=False)
KINDS = [
    "paragraph",
    "heading",
    "list item",
    "table cell",
    "blockquote",
    "speaker note",
    "image alt text",
    "front matter",
]


def parsed(text: str, kind: str) -> Facts:
    """``analyse`` with the plain-text path switched off."""
    plain, facts_module._plain = facts_module._plain, lambda *args: False
    try:
        return analyse(MD, text, kind)
    finally:
        facts_module._plain = plain


def test_analyse_finds_what_a_translation_must_keep() -> None:
    text = (
        "A [link](https://a.example/) and ![img](b.png), `code`, $x^2$, **strong** *em* "
        "~~gone~~ <kbd>K</kbd> <!-- note -->\\\nnext line"
    )
    found = analyse(MD, text, "paragraph")
    assert found.links == Counter({"https://a.example/": 1})
    assert found.images == Counter({"b.png": 1})
    assert found.code == Counter({"code": 1})
    assert found.math == Counter({"x^2": 1})
    assert found.emphasis == Counter({"strong": 1, "emphasis": 1, "strikethrough": 1})
    assert found.html == ["<kbd>", "</kbd>"]
    assert found.comments == ["note"]
    assert found.hard_breaks == 1
    assert "img" in found.text and "link" in found.text


def test_headings_are_read_with_their_marker_and_cells_inline() -> None:
    assert analyse(MD, "1. Intro", "heading").text == ["1. Intro"]  # not a list item
    assert analyse(MD, "- a *b*", "table cell").text == ["- a ", "b"]  # nor here
    assert analyse(MD, "- a *b*", "table cell").emphasis == Counter({"emphasis": 1})


PLAIN_PIECES = [
    "Ord",
    "ord",
    "Å",
    "é",
    ".",
    ",",
    "(",
    ")",
    "-",
    "%V%",
    "'",
    '"',
    ":",
    "1",
    "2.",
    "https://x.example/a",
]
plain_texts = st.lists(
    st.sampled_from([*PLAIN_PIECES, " ", "  ", "\n", "\u00a0", "\u2003"]), min_size=1, max_size=12
).map("".join)


@given(plain_texts, st.sampled_from(KINDS))
def test_plain_text_facts_are_the_parsers(text: str, kind: str) -> None:
    assert analyse(MD, text, kind) == parsed(text, kind)


@pytest.mark.corpus
def test_plain_text_facts_are_the_parsers_on_the_corpus(corpus: list[Path]) -> None:
    plain = 0
    for path in corpus:
        for u in segment_deck(read_deck(path), path.name).units:
            for text in (u.msgid, "Ŧ " + u.msgid):
                if facts_module._plain(text, u.kind):
                    plain += 1
                    assert analyse(MD, text, u.kind) == parsed(text, u.kind), (path, u.line)
    assert plain > 5000
