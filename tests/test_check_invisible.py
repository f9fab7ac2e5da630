"""``check``'s ``invisible`` and ``new-address`` checks: what a reviewer cannot see in a diff.

A small course is written per test (one deck, its Swedish catalogue translated by hand),
one character or address is planted in one PO entry, and ``marp-i18n check`` must name
it with the PO file and line, exit 1, and honour ``disable`` and ignore comments.
Characters are written as escapes here: the test file itself hides nothing.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import polib
import pytest
from conftest import Cli
from hypothesis import given
from hypothesis import strategies as st

from i18n.catalogue.extract import deck_template
from i18n.catalogue.pofile import catalogue_text
from i18n.check import check_translation
from i18n.check.addresses import new_addresses
from i18n.check.invisible import invisible_problem, visible
from i18n.files import read_deck
from i18n.model import Layout, Unit
from i18n.segment import segment_deck

DECK = """\
---
title: "Hidden characters"
---

# Welcome

Write to help@example.org or read https://example.org/help first.

Pair programming \U0001f469\u200d\U0001f4bb is fun.

Plain text here.

Another plain line.
"""
SWEDISH = {
    "Hidden characters": "Dolda tecken",
    "Welcome": "Välkommen",
    "Write to help@example.org or read https://example.org/help first.": (
        "Skriv till help@example.org eller läs https://example.org/help först."
    ),
    "Pair programming \U0001f469\u200d\U0001f4bb is fun.": (
        "Parprogrammering \U0001f469\u200d\U0001f4bb är roligt."
    ),
    "Plain text here.": "Vanlig text här.",
    "Another plain line.": "En till vanlig rad.",
}
PO = Path("locales/sv/deck.po")
PLAIN = "Plain text here."


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "course"
    (root / "slides").mkdir(parents=True)
    (root / "slides" / "deck.md").write_text(DECK, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nsource-language = "en"\nlanguages = ["sv"]\n'
        'translatable-keys = ["title"]\n',
        encoding="utf-8",
    )
    write_po(root, {})
    monkeypatch.chdir(root)
    # Persian, Hindi and emoji in a Swedish catalogue: no dictionary's words
    monkeypatch.setattr("i18n.check.spelling.hunspell_command", lambda: None)
    return root


def write_po(root: Path, changed: dict[str, str], comments: dict[str, str] | None = None) -> None:
    deck = segment_deck(read_deck(root / "slides" / "deck.md"), "deck.md", ("title",))
    po = deck_template(deck, "slides/deck.md")
    po.metadata = {"Language": "sv", "Content-Type": "text/plain; charset=UTF-8"}
    for entry in po:
        entry.msgstr = changed.get(entry.msgid, SWEDISH[entry.msgid])
        entry.tcomment = (comments or {}).get(entry.msgid, "")
    target = root / PO
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(catalogue_text(po), encoding="utf-8")


def line_of(root: Path, msgid: str) -> int:
    line: int = next(e.linenum for e in polib.pofile(str(root / PO)) if e.msgid == msgid)
    return line


def run_check(cli: Cli, *args: str) -> tuple[int, str]:
    """``check --no-color`` with these options: its findings are on stdout, never stderr."""
    code, out, err = cli("check", "--no-color", *args)
    assert err == ""
    return code, out


def finding_lines(out: str, check: str) -> list[str]:
    return [line for line in out.splitlines() if f": error: {check}: " in line]


def test_the_course_passes_as_translated(course: Path, cli: Cli) -> None:
    assert run_check(cli)[0] == 0


CHARACTERS = [
    # bidi embeddings, overrides and isolates (Trojan Source, CVE-2021-42574)
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    # bidi marks in a text with no right-to-left letter
    "\u200e",
    "\u200f",
    "\u061c",
    # zero-width and other default-ignorable code points
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u034f",
    "\u3164",
    "\U000e0041",
    # C0 and C1 controls, and the line separators Markdown does not see as lines
    "\x00",
    "\x08",
    "\x0b",
    "\x1b",
    "\r",
    "\t",
    "\x7f",
    "\x9b",
]
LINE_BREAKS = ["\x85", "\u2028", "\u2029"]
"""Line breaks to ``str.splitlines``, so polib cannot read a PO file that has them raw."""
CONTROL_NAMES = {
    "\x00": "NULL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x1b": "ESCAPE",
    "\r": "CARRIAGE RETURN",
    "\t": "CHARACTER TABULATION",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
    "\x9b": "CONTROL SEQUENCE INTRODUCER",
}


@pytest.mark.parametrize("char", CHARACTERS, ids=[f"U+{ord(c):04X}" for c in CHARACTERS])
def test_a_planted_character_is_named_with_its_po_line(course: Path, cli: Cli, char: str) -> None:
    write_po(course, {PLAIN: f"Vanlig{char} text här."})
    code, out = run_check(cli)
    name = CONTROL_NAMES.get(char) or unicodedata.name(char)
    found = finding_lines(out, "invisible")
    assert code == 1
    assert len(found) == 1, out
    assert found[0].startswith(f"{PO.as_posix()}:{line_of(course, PLAIN)}: error: invisible: ")
    assert f"U+{ord(char):04X} {name}" in found[0]


@pytest.mark.parametrize("char", LINE_BREAKS, ids=[f"U+{ord(c):04X}" for c in LINE_BREAKS])
def test_a_line_break_python_sees_is_refused_or_reported(course: Path, cli: Cli, char: str) -> None:
    """Today the PO reader refuses the file (exit 2, its line); the entry check names
    the character for a reader that someday accepts it."""
    write_po(course, {PLAIN: f"Vanlig{char} text här."})
    code, out, err = cli("check", "--no-color")
    assert code in (1, 2)
    assert f"{PO}:" in out + err
    unit = Unit(0, len(PLAIN), PLAIN, "paragraph", 1, 1, Layout())
    name = CONTROL_NAMES.get(char) or unicodedata.name(char)
    found = dict(check_translation(unit, f"Vanlig{char} text här."))
    assert f"U+{ord(char):04X} {name}" in found["invisible"]


def test_a_kept_zwj_emoji_is_no_finding_but_a_new_zero_width_space_is(
    course: Path, cli: Cli
) -> None:
    write_po(course, {PLAIN: "Vanlig text\u200b här."})
    code, out = run_check(cli)
    found = finding_lines(out, "invisible")
    assert code == 1
    assert [line.split(": error:")[0] for line in found] == [f"{PO}:{line_of(course, PLAIN)}"]
    assert "U+200D" not in out


def test_joiners_where_a_script_needs_them_are_no_finding(course: Path, cli: Cli) -> None:
    """A new emoji ZWJ sequence, a Persian ZWNJ, a Devanagari conjunct after a virama,
    an emoji presentation selector: visible in the slide as intended, so legitimate."""
    write_po(
        course,
        {
            PLAIN: "Vanlig text här \U0001f9d1\u200d\U0001f3eb \u2714\ufe0f.",
            "Another plain line.": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 "
            "\u0915\u094d\u200d\u0937",
        },
    )
    assert run_check(cli)[0] == 0


def test_right_to_left_marks_are_legitimate_only_in_right_to_left_text(
    course: Path, cli: Cli
) -> None:
    """An Arabic or Hebrew translation needs RLM/LRM/ALM to place punctuation next to
    an embedded Latin word; an override stays a finding even there."""
    arabic = "\u0646\u0635 \u0639\u0627\u062f\u064a SEV-SNP\u200f."
    hebrew = "\u05d8\u05e7\u05e1\u05d8 \u200eAMD\u200e\u061c."
    write_po(course, {PLAIN: arabic, "Another plain line.": hebrew})
    assert run_check(cli)[0] == 0
    write_po(course, {PLAIN: arabic.replace("\u200f", "\u202e")})
    code, out = run_check(cli)
    assert code == 1
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in finding_lines(out, "invisible")[0]


def test_a_run_of_variation_selectors_is_a_finding(course: Path, cli: Cli) -> None:
    """One selector picks a glyph; a run of them after one emoji smuggles hidden data."""
    write_po(course, {PLAIN: "Vanlig text här \U0001f600\ufe0f\ufe00\ufe01."})
    code, out = run_check(cli)
    assert code == 1
    assert "U+FE00 VARIATION SELECTOR-1" in finding_lines(out, "invisible")[0]


@pytest.mark.parametrize(
    ("translation", "new"),
    [
        ("Vanlig text här, se https://evil.example/login.", "https://evil.example/login"),
        ("Vanlig text här, skriv till phish@evil.example.", "phish@evil.example"),
        ("Vanlig text här: www.evil.example/login!", "www.evil.example/login"),
        ("Vanlig text här, besök evil.com.", "evil.com"),
        ("Vanlig text här, www.ev\u200bil.example.", "www.evil.example"),
    ],
)
def test_a_new_address_is_named(course: Path, cli: Cli, translation: str, new: str) -> None:
    write_po(course, {PLAIN: translation})
    code, out = run_check(cli)
    found = finding_lines(out, "new-address")
    assert code == 1
    assert len(found) == 1, out
    assert found[0].startswith(f"{PO}:{line_of(course, PLAIN)}: error: new-address: ")
    assert found[0].endswith(f": {new}")


def test_the_source_addresses_are_no_finding(course: Path, cli: Cli) -> None:
    """The same URL and address, reordered, in other case, after a full stop."""
    msgid = "Write to help@example.org or read https://example.org/help first."
    write_po(course, {msgid: "Läs först https://example.org/help och skriv till HELP@example.org."})
    assert run_check(cli)[0] == 0
    write_po(
        course, {msgid: "Läs först https://example.org/help och skriv till help@evil.example."}
    )
    code, out = run_check(cli)
    assert (code, len(finding_lines(out, "new-address"))) == (1, 1)


def test_disable_and_ignore_comments_switch_the_checks_off(course: Path, cli: Cli) -> None:
    write_po(course, {PLAIN: "Vanlig text här, skriv till phish@evil.example."})
    assert run_check(cli)[0] == 1
    assert run_check(cli, "--disable", "new-address")[0] == 0
    with (course / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write('\n[tool.marp-i18n.check]\ndisable = ["new-address"]\n')
    assert run_check(cli)[0] == 0
    write_po(course, {PLAIN: "Vanlig\u202e text här."})
    assert run_check(cli)[0] == 1
    assert run_check(cli, "--disable", "invisible")[0] == 0
    write_po(course, {PLAIN: "Vanlig\u202e text här."}, {PLAIN: "marp-i18n: ignore invisible"})
    assert run_check(cli)[0] == 0


def test_every_format_shows_the_po_file_and_line(course: Path, cli: Cli) -> None:
    write_po(course, {PLAIN: "Vanlig\u2067 text här, phish@evil.example."})
    line = line_of(course, PLAIN)
    _, out = run_check(cli, "--format", "github")
    for check in ("invisible", "new-address"):
        assert f"::error file={PO},line={line},title=marp-i18n {check}::" in out
    _, out = run_check(cli, "--format", "json")
    findings = json.loads(out)["findings"]
    found = {(f["check"], f["path"], f["line"]) for f in findings if f["severity"] != "info"}
    assert found == {("invisible", str(PO), line), ("new-address", str(PO), line)}
    _, out = run_check(cli, "--format", "junit")
    for check in ("invisible", "new-address"):
        assert f"{PO}:{line}: error: {check}: " in out


@given(st.text(), st.integers(min_value=0), st.sampled_from(["\u202e", "\u2066", "\u200b"]))
def test_an_override_isolate_or_zero_width_space_is_always_found(
    text: str, at: int, char: str
) -> None:
    source = visible(text)
    at %= len(source) + 1
    problem = invisible_problem(source, source[:at] + char + source[at:])
    assert problem is not None and f"U+{ord(char):04X}" in problem


@given(st.text(), st.text())
def test_removing_invisible_characters_never_finds_any(source: str, translation: str) -> None:
    assert invisible_problem(source, visible(translation)) is None


def test_addresses_compare_as_sets() -> None:
    source = ["mail a@b.org, see https://x.org/a"]
    assert new_addresses(source, ["https://x.org/a and a@b.org and a@b.org"]) is None
    assert new_addresses(source, ["(se https://X.org/a/), mailto:A@b.org."]) is None
    assert new_addresses(source, ["t.ex. Node.js, e.g. i.e. z.B. bl.a."]) is None
    assert new_addresses(source, ["see https://x.org/b"]) == (
        "adds an address the source does not have: https://x.org/b"
    )


@pytest.mark.parametrize("translation", ["\u200c", "a\u200d", "\u200db", "\u0628\u200c", "\ufe0f"])
def test_a_joiner_or_selector_at_either_end_is_a_finding(translation: str) -> None:
    problem = invisible_problem("", translation)
    assert problem is not None and "at character" in problem


@given(st.text(), st.text())
def test_any_translation_is_judged_without_error(source: str, translation: str) -> None:
    problem = invisible_problem(source, translation)
    assert problem is None or problem.count("U+") >= 1
    assert (problem is None) or visible(translation) != translation
