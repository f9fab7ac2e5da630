"""Each Marp construct, as dotted fixture cases: deck text → expected units.

A case is a title line, then ``.``, the deck, ``.``, one line per unit
(``slide kind "msgid"`` with the msgid as a JSON string), ``.``. The deck must also
round-trip byte for byte.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dotted import read_dotted

from i18n.assemble import assemble
from i18n.segment import segment_deck

FIXTURES = Path(__file__).parent / "fixtures" / "segments"
_EXPECTED = re.compile(r'(\d+) ([a-z ]+?) (".*")$')


def read_cases() -> list[object]:
    cases: list[object] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        for case in read_dotted(path, blocks=2):
            assert not case.fields, f"{path}:{case.line + 1}: expected '.'"
            deck = case.text(0) + "\n"
            units = [_parse(line) for line in case.blocks[1]]
            cases.append(pytest.param(deck, units, id=f"{path.stem}:{case.line}:{case.title[:40]}"))
    return cases


def _parse(line: str) -> tuple[int, str, str]:
    match = _EXPECTED.match(line)
    assert match, f"bad expected-unit line: {line!r}"
    return int(match.group(1)), match.group(2), json.loads(match.group(3))


@pytest.mark.parametrize(("deck", "expected"), read_cases())
def test_units(deck: str, expected: list[tuple[int, str, str]]) -> None:
    segmented = segment_deck(deck, "deck.md")
    assert [(u.slide, u.kind, u.msgid) for u in segmented.units] == expected
    assert assemble(segmented, {}).text == deck


def test_fixture_reader_finds_cases() -> None:
    assert len(read_cases()) >= 25


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_yaml_1_1_line_breaks_are_plain_characters_as_in_marp(char: str) -> None:
    deck = segment_deck(f"---\ntitle: 'a{char}b'\nfooter: x\n---\n", "d.md")
    assert [u.msgid for u in deck.units] == [f"a{char}b"]


def test_unclosed_comment_and_fence_are_warned_about() -> None:
    deck = segment_deck("Text\n\n```\ncode\n\n<!-- open\n", "d.md")
    assert [str(w) for w in deck.warnings] == [
        "d.md:3: warning: code fence is never closed: Marp shows the rest of the deck as code"
    ]
    deck = segment_deck("Text\n\n<!-- open\n\n---\n\nMore\n", "d.md")
    assert [str(w) for w in deck.warnings] == [
        "d.md:3: warning: comment is never closed: Marp hides the rest of the deck; add -->"
    ]
    assert deck.slides == 1
