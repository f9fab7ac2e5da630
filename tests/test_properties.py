"""The core's promises as properties, over generated Marp decks and arbitrary text.

Fixture files show the cases someone thought of; these tests look for the ones nobody
did. They hold the three promises of design.md for *any* input:

(a) segmentation is lossless and never crashes: the segments join to the input, and a
    build with no translations (or msgstr == msgid) is the input byte for byte;
(b) a translation that keeps the markup keeps the structure: the built deck has the
    same slides and units, and the real Marp sees the same directives, backgrounds and
    notes on every slide;
(c) a hostile translation is refused (and the source used) or changes nothing Marp
    reads: no new slide, block, comment, directive, background, HTML or script link.

Budgets come from the Hypothesis profile (``ci`` by default, ``fuzz`` for ``make
fuzz``); the real-Marp checks use one fixed batch of decks per test, one Node process.
"""

from __future__ import annotations

import bisect
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marp import marp_available, marp_structures
from strategies import any_texts, marp_decks, pseudo_translate, seeded_decks, soup_texts

from i18n.assemble import assemble
from i18n.errors import DeckError
from i18n.marp.comments import role_of
from i18n.marp.marp_yaml import read_marp_yaml
from i18n.marp.parser import marp_parser
from i18n.model import Deck, Kept, Unit
from i18n.segment import DEFAULT_KEYS, segment_deck
from i18n.source import split_lines

# --- helpers -------------------------------------------------------------------------

_LONE_LF = re.compile(r"(?<!\r)\n")


def segment_or_none(text: str, keys: tuple[str, ...] = DEFAULT_KEYS) -> Deck | None:
    """The deck, or None for a front matter Marp cannot read; any other error fails."""
    try:
        return segment_deck(text, "deck.md", keys)
    except DeckError as error:
        lines = len(split_lines(text))
        assert str(error).startswith("deck.md"), error
        assert error.line is None or 1 <= error.line <= lines, (error.line, lines)
        return None


def joined(deck: Deck) -> str:
    return "".join(
        s.text if isinstance(s, Kept) else deck.text[s.start : s.end] for s in deck.segments()
    )


def pseudo(deck: Deck) -> dict[str, str]:
    return {unit.msgid: pseudo_translate(unit.msgid, unit.kind) for unit in deck.units}


def shape(deck: Deck) -> tuple[int, list[tuple[int, str]]]:
    """What a translation must not change, as our segmenter sees it."""
    return deck.slides, [(u.slide, u.kind) for u in deck.units]


def _walk(tokens: list[Any]) -> Iterator[Any]:
    for token in tokens:
        yield token
        if token.children and token.type != "image":  # alt text is rendered as text
            yield from _walk(token.children)


def fingerprint(text: str, keys: tuple[str, ...] = DEFAULT_KEYS) -> tuple[object, ...]:
    """The deck's Markdown structure without its words, read by markdown-it directly.

    Independent of the segmenter and the guard: every block token (type, tag, level,
    markup), every image (backgrounds with their alt words), every comment (directive
    content verbatim, notes only counted), raw HTML, and the front matter with the
    translated keys' values masked.
    """
    blocks: list[tuple[str, str, int, str]] = []
    inline: Counter[str] = Counter()
    front: object = None
    source = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    in_heading = False
    for token in _walk(marp_parser().parse(source)):
        if token.block and token.type.startswith("heading_"):
            in_heading = token.nesting == 1
        if token.type == "front_matter":
            mapping = read_marp_yaml(token.content) or {}
            front = sorted((k, "*" if k in keys else repr(v)) for k, v in mapping.items())
        elif token.type == "image":
            alt = token.content if token.content.split()[:1] == ["bg"] else "-"
            inline[f"image {alt} {token.attrGet('src')}"] += 1
        elif token.type == "marpit_comment":
            role = role_of(token.content, in_heading=in_heading and not token.block)
            inline[f"comment {token.content if role != 'note' else 'note'}"] += 1
        elif token.type in ("html_inline", "html_block"):
            inline[f"html {token.content.strip()}"] += 1
        if token.block and token.type != "inline" and token.nesting >= 0:
            markup = "" if token.type in ("marpit_comment", "front_matter") else token.markup
            blocks.append((token.type, token.tag, token.level, markup))
    return tuple(blocks), tuple(sorted(inline.items())), front


def masked(structure: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """Marp's structure with translated front-matter values (title, ...) masked."""

    def mask(directives: dict[str, Any]) -> dict[str, Any]:
        return {k: ("*" if k in keys else v) for k, v in directives.items()}

    return {
        "slides": [{**s, "directives": mask(s["directives"])} for s in structure["slides"]],
        "global": mask(structure.get("global", {})),
    }


def require_marp() -> None:
    reason = marp_available()
    if reason is not None:
        print(f"skipping the real-Marp check: {reason}")
        pytest.skip(reason)


def write_decks(folder: Path, texts: dict[str, str]) -> dict[str, Path]:
    """Write decks as UTF-8 bytes (CRLF and BOM kept) for one marp_structures batch."""
    paths = {}
    for name, text in texts.items():
        path = folder / f"{name}.md"
        path.write_bytes(text.encode("utf-8"))
        paths[name] = path
    return paths


# --- (a) lossless, for any text ------------------------------------------------------


def check_lossless(text: str) -> Deck | None:
    deck = segment_or_none(text)
    if deck is None:
        return None
    assert joined(deck) == text
    starts = [line.start for line in split_lines(text)]
    for before, after in zip(deck.units, deck.units[1:], strict=False):
        assert before.end <= after.start
    for unit in deck.units:
        assert deck.text[unit.start : unit.end].strip(), unit
        assert unit.msgid.strip(), unit
        assert unit.line == bisect.bisect_right(starts, unit.start), unit
        assert unit.kind == "front matter" or 1 <= unit.slide <= deck.slides, unit
    assert assemble(deck, {}).text == text
    assert assemble(deck, {u.msgid: u.msgid for u in deck.units}).text == text
    return deck


@given(any_texts())
def test_any_text_round_trips_byte_for_byte(text: str) -> None:
    """CRLF, lone CR, BOM, NUL, tabs, U+2028, unclosed everything: never an exception
    other than DeckError (naming the file and a real line), never a lost byte."""
    check_lossless(text)


@given(marp_decks())
def test_marp_decks_round_trip_byte_for_byte(text: str) -> None:
    """Every generated deck is valid Marp: it must segment (no DeckError) and rebuild."""
    assert check_lossless(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ufeff",
        "\r",
        "\r\n\r\n",
        "\0",
        "---",
        "---\n---",
        "---\r\ntitle: x\r\n---",
        "<!--",
        "```",
        "- \n  - \n    - ",
        "> > > ",
        "\ufeff---\ntitle: é\n---\n# T\r\nx\ry",
        "# e\u0301 שלום\t\x0c",
        "| a |\n|---|\n| b | c |",
        "---\n?\n---",  # core bug #19 (an IndexError), fixed
    ],
)
def test_edge_texts_round_trip(text: str) -> None:
    """The smallest inputs of each kind, so a regression names its case at once."""
    check_lossless(text)


# --- (b) markup-keeping translations keep the structure -----------------------------


@given(marp_decks())
def test_pseudo_translation_keeps_structure(text: str) -> None:
    """A translation of every unit that keeps the markup is accepted, and the built deck
    has the same slides, the same units of the same kinds and the same Markdown shape."""
    deck = segment_deck(text, "deck.md")
    built = assemble(deck, pseudo(deck))
    assert built.refused == ()
    again = segment_deck(built.text, "deck.md")
    assert shape(again) == shape(deck)
    assert fingerprint(built.text) == fingerprint(text)
    for unit in again.units:
        assert "ŧ" in unit.msgid, unit  # every unit was really translated
    assert built.text.startswith("\ufeff") == text.startswith("\ufeff")
    assert built.text.endswith(("\n", "\r")) == text.endswith(("\n", "\r"))
    if "\r\n" in text and not _LONE_LF.search(text):
        assert not _LONE_LF.search(built.text), "a CRLF deck got LF line endings"


@given(any_texts())
def test_pseudo_translation_of_any_text_never_breaks_structure(text: str) -> None:
    """On arbitrary text a pseudo-translation may be refused, but what is accepted
    must keep the slides, the units and the Markdown shape."""
    deck = segment_or_none(text)
    if deck is None:
        return
    built = assemble(deck, pseudo(deck))
    again = segment_deck(built.text, "deck.md")
    assert again.slides == deck.slides
    assert fingerprint(built.text) == fingerprint(text)


@pytest.mark.marp
def test_real_marp_sees_the_same_structure_after_pseudo_translation(tmp_path: Path) -> None:
    """Not our parser judging itself: marp-core reads 30 generated decks and their
    pseudo-translations; per slide, directives, backgrounds and note counts are equal,
    and Marp counts as many slides as the segmenter does."""
    require_marp()
    sources = dict(enumerate(seeded_decks(30)))
    texts: dict[str, str] = {}
    decks: dict[str, Deck] = {}
    for i, text in sources.items():
        deck = segment_deck(text, "deck.md")
        built = assemble(deck, pseudo(deck))
        assert built.refused == (), built.refused
        texts[f"src{i}"], texts[f"out{i}"] = text, built.text
        decks[f"src{i}"] = deck
    paths = write_decks(tmp_path, texts)
    found = marp_structures(list(paths.values()))
    for i in sources:
        source, output = found[str(paths[f"src{i}"])], found[str(paths[f"out{i}"])]
        assert "error" not in source and "error" not in output, (source, output)
        assert masked(output, DEFAULT_KEYS) == masked(source, DEFAULT_KEYS), texts[f"src{i}"]
        assert len(source["slides"]) == decks[f"src{i}"].slides, texts[f"src{i}"]


@pytest.mark.marp
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("---\nheadingDivider: 2\n---\n\n## a\n\ntext\n\n## b\n", id="plain"),
        pytest.param(
            "# a\n\n<!-- _class: x -->\n\n# b\n\n<!-- headingDivider: 1 -->\n", id="comment"
        ),
        # A divider heading right after --- still splits: Marp makes an empty slide.
        pytest.param("---\nheadingDivider: 2\n---\n\nA\n\n---\n\n## y\n", id="after-rule"),
        pytest.param("# a\n\n---\n\n# b\n\n<!-- headingDivider: 1 -->\n", id="rule-comment"),
    ],
)
def test_heading_divider_slide_count_matches_marp(text: str, tmp_path: Path) -> None:
    """``headingDivider`` is where our slide count and Marp's can part: ask Marp."""
    require_marp()
    (path,) = write_decks(tmp_path, {"deck": text}).values()
    marp = marp_structures([path])[str(path)]
    assert len(marp["slides"]) == segment_deck(text, "deck.md").slides


# --- lang ----------------------------------------------------------------------------


def marp_lang(text: str) -> str | None:
    """The global ``lang`` Marp applies: the front matter's, then every directive
    comment's in document order, the last one winning (marpit ``directives/parse.js``)."""
    found: str | None = None
    source = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for token in _walk(marp_parser().parse(source)):
        if token.type in ("front_matter", "marpit_comment"):
            mapping = read_marp_yaml(token.content) or {}
            if isinstance(mapping.get("lang"), str):
                found = str(mapping["lang"])
    return found


@given(st.one_of(marp_decks(), any_texts()))
def test_build_sets_lang_and_changes_nothing_else(text: str) -> None:
    """``build`` sets Marp's ``lang`` in every deck (in the front matter, a new one, or
    a comment when Marp ignores the front matter) and leaves slides and units alone."""
    deck = segment_or_none(text)
    if deck is None:
        return
    built = assemble(deck, {}, lang="sv")
    again = segment_deck(built.text, "deck.md")
    assert marp_lang(built.text) == "sv", built.text
    assert shape(again) == shape(deck)
    assert [u.msgid for u in again.units] == [u.msgid for u in deck.units]
    assert built.text.startswith("\ufeff") == text.startswith("\ufeff")


@pytest.mark.parametrize(
    "text", ["# a\n\n<!-- lang: en -->\n", "---\ntitle: x\n---\n# a\n\n- <!-- lang: en -->\n"]
)
def test_build_lang_wins_over_a_lang_comment(text: str) -> None:
    """Marp's last ``lang`` directive wins: a comment in the deck must not undo the
    build's language (core bug #14, fixed)."""
    built = assemble(segment_deck(text, "deck.md"), {}, lang="sv")
    assert marp_lang(built.text) == "sv", built.text


@pytest.mark.parametrize("text", ["---\n\u00a0\n---\n", "---\n\u2028\n---\n"])
def test_build_lang_next_to_a_front_matter_of_unicode_spaces(text: str) -> None:
    """Found by fuzzing: a body of NBSP or U+2028 is a YAML scalar, not an empty one
    (core bug #15, fixed)."""
    built = assemble(segment_deck(text, "deck.md"), {}, lang="sv")
    assert segment_or_none(built.text) is not None, built.text
    assert marp_lang(built.text) == "sv", built.text


@pytest.mark.parametrize("text", ["---\n{}\n---\n# x\n", "---\n{title: x}\n---\n# x\n"])
def test_build_lang_with_a_flow_mapping_front_matter(text: str) -> None:
    """Found by fuzzing: ``{...}`` is a mapping too; the built deck must stay readable."""
    built = assemble(segment_deck(text, "deck.md"), {}, lang="sv")
    assert segment_or_none(built.text) is not None, built.text
    assert marp_lang(built.text) == "sv", built.text


@pytest.mark.parametrize("text", ["- a--0\nA\n", "- x--\n---\n\n# Slide\n"])
def test_build_lang_when_the_first_list_item_looks_like_a_front_matter(text: str) -> None:
    """Found by fuzzing: ``lang: sv`` must not land in the slide text, where Marp shows
    it (core bug #18, fixed)."""
    deck = segment_deck(text, "deck.md")
    again = segment_deck(assemble(deck, {}, lang="sv").text, "deck.md")
    assert shape(again) == shape(deck)
    assert [u.msgid for u in again.units] == [u.msgid for u in deck.units]


def test_translation_of_the_first_list_item_cannot_become_a_front_matter() -> None:
    """Found by fuzzing: in a deck starting with ``- ``, markdown-it-front-matter (Marp's
    too) reads a first item ``Ö--0`` as a front matter and renders an empty item (core
    bug #20, fixed: refused)."""
    deck = segment_deck("- --0\nA\n", "deck.md")
    built = assemble(deck, {"--0\nA": "Ö--0\nA"})
    assert built.refused or fingerprint(built.text) == fingerprint(deck.text)


@pytest.mark.marp
def test_real_marp_reads_the_built_lang(tmp_path: Path) -> None:
    """marp-core's global ``lang`` of 30 generated decks built for ``sv`` is ``sv``."""
    require_marp()
    texts = {}
    for i, text in enumerate(seeded_decks(30, seed=99)):
        texts[f"d{i}"] = assemble(segment_deck(text, "deck.md"), {}, lang="sv").text
    paths = write_decks(tmp_path, texts)
    found = marp_structures(list(paths.values()))
    for name, path in paths.items():
        assert found[str(path)]["global"].get("lang") == "sv", texts[name]


# --- (c) hostile translations --------------------------------------------------------

HOSTILE_DECK = """\
---
title: Plain title
description: "Quoted description"
subtitle: Plain subtitle
footer: Course footer
---

# Heading text

Paragraph text
second line

- List item
  - Nested item

> Quoted text

| Head | Cell |
|------|------|
| Cell text | More |
| ![A diagram](d.png) | Cell <!-- cell note --> |

![A photo of the lab](lab.jpg)

<!--
Speaker note text
that wraps here
-->

Text with <!-- inline note --> inside

---

<!-- _class: lead -->

## Second slide
"""
HOSTILE_KEYS = ("title", "description", "subtitle")

Hostile = Callable[[str], str]
HOSTILE: dict[str, Hostile] = {
    "slide break": lambda m: f"{m}\n\n---\n\n{m}",
    "setext underline": lambda m: f"{m}\n---",
    "closes a comment": lambda m: f"{m} -->",
    "opens a comment": lambda m: f"<!-- {m}",
    "opens a fence": lambda m: f"{m}\n```\ncode",
    "heading marker": lambda m: f"# {m}",
    "list marker": lambda m: f"- {m}",
    "quote marker": lambda m: f"> {m}",
    "table pipe": lambda m: f"{m} | extra",
    "line break": lambda m: f"{m}\nmore",
    "script": lambda m: f"{m} <script>alert(1)</script>",
    "onerror": lambda m: f"{m} <img src=x onerror=alert(1)>",
    "javascript link": lambda m: f"{m} [x](javascript:alert(1))",
    "new background": lambda m: f"{m} ![bg](evil.jpg)",
    "directive comment": lambda m: f"{m} <!-- _class: x -->",
    "note as directive": lambda m: "_class: x",
    "yaml quote newline": lambda m: f'{m}"\nfoo: bar',
    "yaml colon": lambda m: f"{m}: more",
    "yaml new key": lambda m: f"{m}\nfoo: bar",
}

_SLIDE_TEXT = ("heading", "paragraph", "list item", "blockquote", "table cell")
_ALL_BUT_FRONT = (*_SLIDE_TEXT, "image alt text", "speaker note")
MUST_REFUSE: dict[str, tuple[str, ...]] = {
    "slide break": ("heading", "paragraph", "list item", "blockquote", "table cell"),
    "setext underline": _SLIDE_TEXT,
    "closes a comment": _ALL_BUT_FRONT,
    "opens a comment": _ALL_BUT_FRONT,
    "opens a fence": _SLIDE_TEXT,
    "heading marker": ("paragraph", "list item", "blockquote"),
    "list marker": ("paragraph", "list item", "blockquote"),
    "quote marker": ("paragraph", "list item", "blockquote"),
    "table pipe": ("table cell",),
    "line break": ("heading", "table cell", "image alt text"),
    "script": _SLIDE_TEXT,
    "onerror": _SLIDE_TEXT,
    "javascript link": (*_SLIDE_TEXT, "image alt text"),
    "new background": (*_SLIDE_TEXT, "image alt text"),
    "directive comment": _ALL_BUT_FRONT,
    "note as directive": ("speaker note",),
}
"""Where each hostile change would take effect, so the guard must refuse it; elsewhere
(``# `` inside a heading, a line break in a paragraph) it may pass if harmless."""

MUST_REFUSE_FRONT = {
    "subtitle": ("yaml quote newline", "yaml colon", "yaml new key"),
    "title": ("yaml quote newline", "yaml new key"),
}
"""A plain value of a key marp-core does not quote (``subtitle``) breaks on ``: ``; a
known key (``title``) is quoted by loose YAML, so ``: `` is harmless there."""


def _must_refuse(unit: Unit, name: str) -> bool:
    if unit.kind == "front matter":
        return name in MUST_REFUSE_FRONT.get(unit.key, ())
    if unit.kind != "table cell" and name == "table pipe":
        return HOSTILE_DECK.splitlines()[unit.line - 1].startswith("|")
    return unit.kind in MUST_REFUSE.get(name, ())


def _hostile_cases() -> Iterator[Any]:
    deck = segment_deck(HOSTILE_DECK, "deck.md", HOSTILE_KEYS)
    for index, unit in enumerate(deck.units):
        for name in HOSTILE:
            label = unit.key or unit.kind
            yield pytest.param(index, name, id=f"{index}-{label}-{name}")


@pytest.mark.parametrize(("index", "name"), list(_hostile_cases()))
def test_hostile_translation_is_refused_or_harmless(index: int, name: str) -> None:
    """Each hostile msgstr on each unit of a deck with every kind of unit: refused
    (and then the build is the source byte for byte), or the structure is unchanged."""
    deck = segment_deck(HOSTILE_DECK, "deck.md", HOSTILE_KEYS)
    unit = deck.units[index]
    built = assemble(deck, {unit.msgid: HOSTILE[name](unit.msgid)})
    if built.refused:
        assert built.text == HOSTILE_DECK
        assert all(str(r).startswith("deck.md") for r in built.refused)
        return
    assert not _must_refuse(unit, name), f"accepted: {HOSTILE[name](unit.msgid)!r}"
    again = segment_deck(built.text, "deck.md", HOSTILE_KEYS)
    assert again.slides == deck.slides
    assert fingerprint(built.text, HOSTILE_KEYS) == fingerprint(HOSTILE_DECK, HOSTILE_KEYS)
    if unit.kind == "front matter":
        assert again.front_matter is not None
        start, end = again.front_matter
        value = (read_marp_yaml(built.text[start:end]) or {}).get(unit.key)
        assert value == HOSTILE[name](unit.msgid)


@pytest.mark.marp
def test_real_marp_sees_no_change_from_accepted_hostile_translations(tmp_path: Path) -> None:
    """Whatever the guard lets through must not change what marp-core builds: one batch
    with every accepted hostile build of the deck."""
    require_marp()
    deck = segment_deck(HOSTILE_DECK, "deck.md", HOSTILE_KEYS)
    texts = {"source": HOSTILE_DECK}
    for index, unit in enumerate(deck.units):
        for name, hostile in HOSTILE.items():
            built = assemble(deck, {unit.msgid: hostile(unit.msgid)})
            if not built.refused:
                texts[f"{index}-{name.replace(' ', '_')}"] = built.text
    assert len(texts) > 20  # harmless cases exist; a guard refusing everything is a bug too
    paths = write_decks(tmp_path, texts)
    found = marp_structures(list(paths.values()))
    source = masked(found[str(paths["source"])], HOSTILE_KEYS)
    for name, path in paths.items():
        assert masked(found[str(path)], HOSTILE_KEYS) == source, (name, texts[name])


FRONT_STYLES = (
    "title: Plain title",
    "title: 'Single title'",
    'title: "Double title"',
    "title: |\n  Literal title",
    "title: >-\n  Folded title",
    "description: Plain: with a colon",
)
FRONT_ALPHABET = (
    *"ab :#'\"\\\t-|>{}[]&*!%@`,?", "\u2028", "\u0085", "\x07", "é", "\ufeff", "\n",
    "  ", ": ", " #", "\\n", "\\u0041", "\r", "\x00", "\u00a0", "---", "...",
)  # fmt: skip


@pytest.mark.marp
def test_real_marp_reads_accepted_front_matter_values_exactly(tmp_path: Path) -> None:
    """PyYAML decides what the guard accepts, js-yaml what Marp reads: for 120 values
    full of YAML syntax in every scalar style, an accepted translation is exactly the
    value Marp reads, and the other directives are untouched."""
    require_marp()
    chooser = random.Random(5)
    texts, expected = {}, {}
    for i in range(120):
        style = chooser.choice(FRONT_STYLES)
        size = chooser.randint(1, 8)
        value = "".join(chooser.choice(FRONT_ALPHABET) for _ in range(size)).strip() or "x"
        text = f"---\n{style}\nfooter: F\n---\n\n# Slide\n"
        deck = segment_deck(text, "deck.md")
        (unit,) = deck.units[:1]
        built = assemble(deck, {unit.msgid: value})
        if not built.refused:
            texts[f"v{i}"], expected[f"v{i}"] = built.text, (unit.key, value)
    assert len(texts) > 40  # most values are fine; refusing them all would be a bug
    paths = write_decks(tmp_path, texts)
    found = marp_structures(list(paths.values()))
    for name, path in paths.items():
        key, value = expected[name]
        marp = found[str(path)]
        assert marp["global"].get(key) == value, texts[name]
        assert marp["slides"][0]["directives"].get("footer") == "F", texts[name]


HOSTILE_SNIPPETS = (
    "\n---\n", "\n\n---\n\n", "-->", "<!--", "\n```\n", "\n~~~\n", "\n# ", "\n- ", "\n> ",
    "\n1. ", " | ", "\n===", "<script>x</script>", "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))", "![bg](evil.jpg)", "![x](new.png)", "<!-- _class: x -->",
    "_class: x", '"\nfoo: bar', ": ", "\n    code", "$$", "\n<div>\n", "\r\n---\r\n",
    "\\", "\u2028", "\0", "\n\n", "#", "[", "]", "`", "'", '"',
)  # fmt: skip


@settings(max_examples=100)
@given(marp_decks(), st.data())
def test_random_hostile_translations_never_change_structure(text: str, data: Any) -> None:
    """Hypothesis picks units of generated decks and splices hostile snippets into their
    translations: each build is refused, or it keeps slides and Markdown shape."""
    deck = segment_deck(text, "deck.md")
    if not deck.units:
        return
    translations = {}
    for unit in data.draw(st.lists(st.sampled_from(deck.units), min_size=1, max_size=4)):
        snippet = data.draw(st.sampled_from(HOSTILE_SNIPPETS) | soup_texts(8))
        cut = data.draw(st.integers(0, len(unit.msgid)))
        translations[unit.msgid] = unit.msgid[:cut] + snippet + unit.msgid[cut:]
    built = assemble(deck, translations)
    again = segment_or_none(built.text)
    assert again is not None, built.text
    assert again.slides == deck.slides, built.text
    assert fingerprint(built.text) == fingerprint(text), (translations, built.text)


def test_cell_starting_with_an_escaped_pipe_keeps_its_table() -> None:
    """Found by the fuzz profile: a translation of ``\\|A`` must not unescape the pipe."""
    text = "| \\|A | b |\n|---|---|\n"
    deck = segment_deck(text, "deck.md")
    built = assemble(deck, pseudo(deck))
    assert fingerprint(built.text) == fingerprint(text)
