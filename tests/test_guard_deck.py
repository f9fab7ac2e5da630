"""The whole-deck guard: what it compares, and that what it keeps always verifies."""

from __future__ import annotations

import re
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import marp_decks

from i18n.guard import Verified, deck_structure, verify_edits
from i18n.marp.marp_yaml import KNOWN_DIRECTIVES, is_directive, may_be_directive, read_marp_yaml
from i18n.segment import segment_deck
from i18n.source import apply_edits

T = TypeVar("T")

DECK = """---
title: Hello
theme: gaia
---

# Logos

See ![logo] and [the docs][docs].

[logo]: https://example.org/logo.png
[docs]: https://example.org/docs

Plain words.

<!-- a note -->
"""


def edit(text: str, old: str, new: str) -> tuple[int, int, str]:
    start = DECK.index(old)
    return (start, start + len(old), new)


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("See ![logo] and", "Se ![logotyp] och", "image https://example.org/logo.png"),
        ("[the docs][docs]", "[dokumenten][dok]", "link"),
        (
            "Plain words.",
            "[docs]: https://evil.example/\n[x]: y\nOrd.",
            "link reference definition",
        ),
        ("Plain words.", "Ord ![bg](x.png)", "background"),
        ("a note", "_class: invert", "directive comment"),
        ("Plain words.", "Ord.\n\n---\n\nMer.", "hr"),
        ("Plain words.", "$$\nOrd.", "math_block"),
        ("theme: gaia", "theme: default", "front matter theme"),
    ],
)
def test_a_change_of_structure_is_refused_and_named(old: str, new: str, why: str) -> None:
    edits = [edit(DECK, old, new)]
    verified = verify_edits(DECK, edits, ("title",))
    assert verified.built(DECK, edits) == DECK
    ((index, reason),) = verified.refused
    assert index == 0 and why in reason, reason


def test_words_links_may_point_elsewhere_and_titles_change() -> None:
    edits = [
        edit(DECK, "Plain words.", "Enkla ord, [här](https://example.se/)."),
        edit(DECK, "Hello", "Hej"),
        edit(DECK, "a note", "en anteckning"),
        edit(DECK, "See ![logo] and [the docs][docs].", "Se [dokumenten][docs] och ![logo]."),
    ]
    assert verify_edits(DECK, edits[:1], ("title",)).refused != ()  # a link added
    verified = verify_edits(DECK, edits[1:], ("title",))
    assert verified.refused == ()
    assert verified.built(DECK, edits[1:]) == apply_edits(DECK, edits[1:])


def test_edits_harmless_alone_but_not_together_are_caught() -> None:
    """One adds a definition for a label no one uses; another starts using it."""
    text = "One.\n\nTwo [docs].\n"
    first = (0, 4, "[docs]: https://evil.example/\nEtt.")
    second = (6, 16, "Två [docs][].")
    verified = verify_edits(text, [first, second])
    assert deck_structure(verified.built(text, [first, second])) == deck_structure(text)
    assert verified.refused


_PIECES = st.sampled_from(
    [
        " ",
        "\n",
        "\t",
        "\xa0",
        ":",
        '"',
        "'",
        "?",
        "-",
        "#",
        "&",
        "*",
        "\\",
        "{",
        "}",
        "[",
        "]",
        *sorted(KNOWN_DIRECTIVES),
        "_",
        "$",
        "x",
        "note",
        "1",
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_directive_shortcut_never_misses_a_directive(text: str) -> None:
    """``may_be_directive`` says False only where YAML reads no directive."""
    if not may_be_directive(text):
        mapping = read_marp_yaml(text)
        assert mapping is None or not is_directive(mapping), (text, mapping)


_HOSTILE = [
    "x",
    "[docs]: https://e/\n",
    "![bg](e.png)",
    "\n\n---\n",
    "<!-- _class: a -->",
    "$$",
    "[",
    "](",
    "`",
    "\n# ",
    "> ",
    "- ",
    "|",
    "\\",
]


@given(
    st.lists(
        st.tuples(st.integers(0, len(DECK)), st.integers(0, 20), st.sampled_from(_HOSTILE)),
        max_size=6,
    )
)
def test_whatever_is_kept_builds_the_source_structure(raw: list[tuple[int, int, str]]) -> None:
    edits: list[tuple[int, int, str]] = []
    end = 0
    for start, length, new in sorted(raw):
        if start >= end:
            edits.append((start, min(start + length, len(DECK)), new))
            end = min(start + length, len(DECK)) + 1
    verified = verify_edits(DECK, edits, ("title",))
    built = verified.built(DECK, edits)
    assert deck_structure(built, ("title",)) == deck_structure(DECK, ("title",))
    kept = [edits[i] for i in verified.kept]
    assert built == apply_edits(DECK, kept)
    assert len(verified.kept) + len(verified.refused) == len(edits)


@given(marp_decks())
def test_reading_only_inlines_that_may_hold_a_mark_changes_nothing(text: str) -> None:
    """The shortcut (inline text without ``$`[<`` is not parsed) against a full read."""
    import i18n.marp.structure as structure

    lazy = structure.deck_structure(text, ("title",))
    saved = structure._MAY_MARK
    structure._MAY_MARK = re.compile("")  # every inline text parsed
    try:
        assert structure.deck_structure(text, ("title",)) == lazy
    finally:
        structure._MAY_MARK = saved


@given(marp_decks())
def test_the_segmenters_reading_is_the_guards(text: str) -> None:
    """A deck carries its structure from the segmenting parse; the build compares with
    it instead of parsing the source again, so the two readings must be one."""
    deck = segment_deck(text, "deck.md")
    assert deck.structure == deck_structure(text, deck.translated_keys)


class _Store:
    """An in-memory ``Verdicts``: what was asked for and what was kept."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def key(self, *parts: bytes | str | None) -> str:
        return repr(parts)

    def get(self, key: str, kind: type[T]) -> T | None:
        value = self.values.get(key)
        return value if isinstance(value, kind) else None

    def put(self, key: str, value: object) -> None:
        self.values[key] = value


def test_a_remembered_verdict_spares_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    edits = [edit(DECK, "Hello", "Hej"), edit(DECK, "Plain words.", "Ord ![bg](x.png)")]
    store = _Store()
    first = verify_edits(DECK, edits, ("title",), verdicts=store)
    assert first.kept == (0,) and [i for i, _ in first.refused] == [1]

    def no_parse(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("i18n.guard.deck.deck_structure", no_parse)
    assert verify_edits(DECK, edits, ("title",), verdicts=store) == first
    with pytest.raises(AssertionError, match="parsed again"):  # other edits: other key
        verify_edits(DECK, edits[:1], ("title",), verdicts=store)


@pytest.mark.parametrize(
    "forged",
    [
        Verified((0, 1, 2), ()),  # an index past the edits
        Verified((0,), ()),  # an edit neither kept nor refused
        Verified((0, 0), ((1, "x"),)),  # one twice
    ],
)
def test_a_verdict_that_does_not_fit_the_edits_is_not_used(forged: Verified) -> None:
    edits = [edit(DECK, "Hello", "Hej"), edit(DECK, "Plain words.", "Ord ![bg](x.png)")]
    store = _Store()
    key = store.key(b"verified", DECK, "title", *(str(p) for e in edits for p in e))
    store.values[key] = forged
    verified = verify_edits(DECK, edits, ("title",), verdicts=store)
    assert verified.kept == (0,) and [i for i, _ in verified.refused] == [1]
