"""Every entry check with a failing and a passing translation (tests/fixtures/check/entries.txt),
plus translators' ignore comments and config switches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from dotted import read_dotted

from i18n.check import ENTRY_CHECKS, CheckSettings, EntryChecker, check_translation
from i18n.check.entries import ignored_checks, kind_of
from i18n.model import Layout, Unit

FIXTURE = Path(__file__).parent / "fixtures" / "check" / "entries.txt"


@dataclass
class Case:
    title: str
    line: int
    kind: str
    fails: list[str]
    allow: frozenset[str]
    source: str
    translation: str


def read_cases(path: Path) -> list[Case]:
    """Cases: title, ``key: value`` lines, then source and translation each ended by ``.``."""
    cases: list[Case] = []
    for case in read_dotted(path, blocks=2):
        head = dict(case.fields)
        fails = [] if head["fails"] == "-" else head["fails"].split(", ")
        allow = frozenset(head["allow"].split(", ")) if "allow" in head else frozenset()
        cases.append(
            Case(case.title, case.line, head["kind"], fails, allow, case.text(0), case.text(1))
        )
    return cases


CASES = read_cases(FIXTURE)


def unit(kind: str, msgid: str) -> Unit:
    layout = Layout(table=kind == "table cell")
    return Unit(0, len(msgid), msgid, kind, 1, 1, layout)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=[f"L{c.line}-{c.title}" for c in CASES])
def test_entry_case(case: Case) -> None:
    settings = CheckSettings(allow_same=case.allow)
    found = check_translation(unit(case.kind, case.source), case.translation, settings)
    assert [name for name, _ in found] == case.fails, found


def test_every_entry_check_has_a_failing_and_a_passing_case() -> None:
    failing = {name for case in CASES for name in case.fails}
    passing = {c.title.split(" ")[0] for c in CASES if " passes" in c.title}
    assert failing == set(ENTRY_CHECKS)
    assert passing == set(ENTRY_CHECKS) - {"injection"}  # every other passing case is clean
    assert all(c.title.split(" ")[0] in ENTRY_CHECKS for c in CASES)


def test_messages_say_what_differs() -> None:
    found = dict(check_translation(unit("list item", "Run `ls -l` now"), "Kör `ls` nu"))
    assert found["code"] == "inline code differs: missing `ls -l`; added `ls`"
    found = dict(check_translation(unit("paragraph", "a <b>b</b>"), "a <script>b</script>"))
    assert found["injection"] == "adds raw HTML the source does not have: </script>, <script>"


def test_disabled_checks_are_not_run() -> None:
    settings = CheckSettings(disabled=frozenset({"same-as-source"}))
    assert check_translation(unit("heading", "Hello"), "Hello", settings) == []
    assert check_translation(unit("heading", "Hello"), "Hello") != []


def test_injection_supersedes_links_html_and_structure() -> None:
    source = "Press <kbd>Ctrl</kbd>"
    found = check_translation(unit("paragraph", source), "Tryck <kbd>Ctrl</kbd><script>x</script>")
    assert [name for name, _ in found] == ["injection"]
    off = CheckSettings(disabled=frozenset({"injection"}))
    found = check_translation(
        unit("paragraph", source), "Tryck <kbd>Ctrl</kbd><script>x</script>", off
    )
    assert [name for name, _ in found] == ["structure", "html"]


def entry(
    msgid: str, msgstr: str, tcomment: str = "", comment: str = "slide 1, heading"
) -> polib.POEntry:
    made = polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=tcomment, comment=comment)
    made.linenum = 7
    return made


def test_a_translator_comment_switches_checks_off_for_one_entry() -> None:
    checker = EntryChecker()
    units = {"heading": unit("heading", "Hello world")}
    deck = None
    found = checker.findings(entry("Hello world", "Hello world"), units, deck, "sv.po")  # type: ignore[arg-type]
    assert [f.check for f in found] == ["same-as-source"]
    assert (found[0].path, found[0].line, found[0].msgid) == ("sv.po", 7, "Hello world")
    quiet = entry("Hello world", "Hello world", "marp-i18n: ignore same-as-source")
    assert checker.findings(quiet, units, deck, "sv.po") == []  # type: ignore[arg-type]


def test_an_unknown_name_in_an_ignore_comment_is_a_warning() -> None:
    found = EntryChecker().findings(
        entry("Hej", "Hallå", "marp-i18n: ignore same-as-sauce"),
        None,
        None,  # type: ignore[arg-type]
        "sv.po",
    )
    assert [(f.check, f.severity, f.line) for f in found] == [("config", "warning", 7)]
    assert "'same-as-sauce'" in found[0].message


@pytest.mark.parametrize(
    ("comment", "names"),
    [
        ("marp-i18n: ignore links", {"links"}),
        ("note\nmarp-i18n: ignore links, code\n", {"links", "code"}),
        ("  marp-i18n:ignore  html same-as-source", {"html", "same-as-source"}),
        ("please ignore links", set()),
        ("marp-i18n: ignored", set()),
    ],
)
def test_ignore_comments(comment: str, names: set[str]) -> None:
    assert ignored_checks(comment)[0] == names


@pytest.mark.parametrize(
    ("comment", "kind"),
    [
        ("slide 3, heading", "heading"),
        ("slide 2, table cell\nslide 4, paragraph", "table cell"),
        ("front matter: title", "front matter"),
        ("something else", "paragraph"),
        ("", "paragraph"),
    ],
)
def test_a_stale_entry_is_judged_by_the_kind_its_comment_names(comment: str, kind: str) -> None:
    assert kind_of(comment) == kind


def test_a_stale_heading_entry_still_gets_the_lines_check() -> None:
    """Not ``structure``: that is what the build refuses, and no build uses a stale entry
    (``check`` reports the catalogue as stale instead)."""
    found = EntryChecker().findings(entry("Old title", "Gammal\nrubrik"), None, None, "sv.po")  # type: ignore[arg-type]
    assert [f.check for f in found] == ["lines"]
