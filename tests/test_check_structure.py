"""``structure``: the shortcut around the build's guard must never disagree with it.

``plainly_safe`` says "the guard would accept this" from characters and the parses
``check`` already made; these tests hold it to ``guard_unit`` itself, on generated
translations and on every unit of the real corpus, so a new guard rule that the
shortcut does not know about fails here rather than passing silently in CI.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n.check.facts import analyse
from i18n.check.structure import plainly_safe, structure_problem
from i18n.files import read_deck
from i18n.guard import guard_unit
from i18n.model import Layout, Unit
from i18n.segment import segment_deck
from i18n.segment.parser import marp_parser

MD = marp_parser(front_matter=False)

SOURCES = {
    "paragraph": [
        "Plain words here",
        "**Bold** start",
        "1984 was a year",
        "Two\nlines",
        "See [docs](https://a.example/)",
        "Has <b>html</b>",
        "Note <!-- c -->",
        "Line one  \nLine two",
        "Image ![x](a.png) inline",
    ],
    "heading": ["Confidential computing", "`code` heading", "Title <!-- fit -->"],
    "list item": ["Exposes unique attack surface", "[Link](https://x.example) first"],
    "table cell": ["Memory encryption", "a \\| b", "`x`"],
    "blockquote": ["A quoted line\nand another"],
    "speaker note": ["Remember to breathe", "Segue: next slide", "class notes"],
    "image alt text": ["A cat"],
}
PIECES = [
    "Ord",
    "ord",
    "Å",
    " ",
    " ",
    "\n",
    "\n\n",
    "# ",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "> ",
    "**",
    "_",
    "`",
    "[a](b)",
    "[a] (b)",
    "![x](y.png)",
    "![bg](z.png)",
    "<b>",
    "</b>",
    "<br>",
    "<!--",
    "-->",
    "<!-- _class: x -->",
    "|",
    "\\|",
    "\\",
    "=",
    "===",
    "---",
    "javascript:",
    "](",
    '="data:',
    "theme: x",
    "class:",
    "&a ",
    "*a",
    "$x$",
    "$$",
    "    ",
    "\t",
    "\r",
    ":",
    "bg ",
    "%VAR%",
    "'",
    '"',
    "{",
    "}",
    "```",
    "~~~",
    "Ŧ",
]
translations = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


def unit(kind: str, msgid: str, line: int = 2) -> Unit:
    # Line 2: units on a deck's first line are read in place by the guard, never by the
    # shortcut (see test_first_line_units_go_to_the_guard).
    layout = Layout(table=kind == "table cell")
    return Unit(0, len(msgid), msgid, kind, 1, line, layout)  # type: ignore[arg-type]


def safe(u: Unit, translation: str) -> bool:
    shapes = (analyse(MD, u.msgid, u.kind).shape, analyse(MD, translation, u.kind).shape)
    return plainly_safe(u.kind, u.msgid, translation, shapes)


@given(st.sampled_from([(k, s) for k, v in SOURCES.items() for s in v]), translations)
def test_the_shortcut_only_accepts_what_the_guard_accepts(
    source: tuple[str, str], text: str
) -> None:
    u = unit(*source)
    if safe(u, text):
        assert guard_unit(u, text, MD) is None


@pytest.mark.parametrize(
    ("kind", "source", "translation", "expected"),
    [
        ("paragraph", "Plain words here", "Enkla ord här", True),
        ("paragraph", "**Bold** start", "**Fet** början", True),
        ("paragraph", "See [docs](https://a.example/)", "Se [dok](https://a.example/)", True),
        ("heading", "Confidential computing", "Konfidentiell databehandling", True),
        ("speaker note", "Remember to breathe", "Kom ihåg att andas", True),
        ("table cell", "Memory encryption", "Minneskryptering", True),
        ("speaker note", "Remember to breathe", "theme: gaia", False),
        ("paragraph", "Plain words here", "Enkla <b>ord</b>", False),
        ("paragraph", "Plain words here", "# Enkla ord", False),
        ("paragraph", "Plain words here", "Enkla ![ord](x.png)", False),
        ("paragraph", "Plain words here", "[a](javascript:alert(1))", False),
        ("table cell", "Memory encryption", "Minnes | kryptering", False),
        ("heading", "Confidential computing", "Konfidentiell\nberäkning", False),
        ("image alt text", "A cat", "En katt", False),
    ],
)
def test_the_shortcut_takes_plain_translations(
    kind: str, source: str, translation: str, expected: bool
) -> None:
    assert safe(unit(kind, source), translation) is expected


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("Hej där", None),
        ('Hej "där"\nnu', None),
        ("Hej\nda", None),
    ],
)
def test_a_quoted_front_matter_value_takes_any_text(translation: str, problem: str | None) -> None:
    deck = segment_deck('---\ntitle: "Hello there"\n---\n\n# Hi\n', "x.md")
    title = deck.units[0]
    assert structure_problem(title, translation, MD, deck) == problem


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("Ett enkelt värde", None),
        ("Hej\nda", "the front matter would no longer be valid YAML"),
        ("{a}", "YAML reads the value of description differently; avoid line breaks and quotes"),
    ],
)
def test_a_plain_front_matter_value_is_judged_in_its_yaml(
    translation: str, problem: str | None
) -> None:
    deck = segment_deck("---\ndescription: A plain value\n---\n\n# Hi\n", "x.md")
    described = next(u for u in deck.units if u.key == "description")
    assert structure_problem(described, translation, MD, deck) == problem
    assert structure_problem(described, translation, MD, None) is None  # stale: no YAML to judge


def _variants(msgid: str) -> list[str]:
    lines = msgid.split("\n")
    return [
        "\n".join("Ŧ " + line for line in lines),
        "Ŧ " + msgid.replace(" ", " | ", 1),
        "Ŧ " + msgid + " <b>x</b>",
        msgid.replace("[", "![", 1),
        "Ŧ " + msgid + "\n\nŦ",
    ]


@pytest.mark.corpus
def test_the_shortcut_agrees_with_the_guard_on_the_corpus(corpus: list) -> None:
    taken = 0
    for path in corpus:
        deck = segment_deck(read_deck(path), path.name)
        for u in deck.units:
            if u.kind == "front matter":
                continue
            for text in _variants(u.msgid):
                if safe(u, text):
                    taken += 1
                    assert guard_unit(u, text, MD) is None, (path, u.line, text)
    assert taken > 5000  # the shortcut carries most of the corpus


def test_first_line_units_go_to_the_guard() -> None:
    u = unit("paragraph", "Plain words here", line=1)
    assert structure_problem(u, "---Ord", MD, None) == guard_unit(u, "---Ord", MD)
    assert structure_problem(u, "---Ord", MD, None) is not None
