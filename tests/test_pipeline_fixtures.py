"""The whole pipeline over paired fixture folders (style.md §12): extract, update, build.

Each ``tests/fixtures/pipeline/<case>/`` holds a deck (``deck.md``), the template
``extract`` writes for it (``deck.pot``) and, for most, a Swedish catalogue written by
hand (``sv.po``) with the deck it builds (``deck.sv.md``, ``lang: sv`` set as the build
sets it). ``expected-refusals.txt`` lists, one ``sv.po:<line>`` a line, the entries the
structure guard refuses; the build uses the source text for them. The expected files
were generated once and then read and corrected by hand: they are what the pipeline
should write, not a snapshot of what it wrote.

Files are read and compared as bytes (CRLF and BOM cases; ``.gitattributes`` keeps
``tests/fixtures/**`` byte-exact).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n.assemble import assemble
from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.header import catalogue_file
from i18n.catalogue.pofile import entry_lines, read_catalogue, translations
from i18n.catalogue.update import merge
from i18n.model import Deck
from i18n.segment import segment_deck

FIXTURES = Path(__file__).parent / "fixtures" / "pipeline"
NOW = "2024-05-01 12:00+0000"
"""The POT-Creation-Date (and the new catalogues' PO-Revision-Date) in the fixtures."""
LATER = "2025-01-01 00:00+0000"
"""A later run: an unchanged catalogue must keep its dates."""
VERSION = "0.1.0"
"""The marp-i18n version the fixtures' X-Generator names; the tool's own is patched in."""
REFERENCE = "slides/deck.md"
"""The ``#:`` reference, as ``extract`` writes it for ``slides/deck.md`` of a course."""

CASES = sorted(path for path in FIXTURES.iterdir() if path.is_dir())
TRANSLATED = [case for case in CASES if (case / "sv.po").exists()]
KNOWN_WRONG: dict[str, str] = {}
"""Cases whose expected build is right and the build is not (yet); strict, so a fix
shows up as XPASS and the mark comes off."""


def _ids(cases: list[Path]) -> list[str]:
    return [case.name for case in cases]


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # exactly: no newline translation


def _deck(case: Path) -> Deck:
    return segment_deck(_text(case / "deck.md"), "deck.md")


@pytest.fixture(autouse=True)
def _fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("i18n.catalogue.header.tool_version", lambda: VERSION)


def test_every_case_is_complete() -> None:
    assert len(CASES) >= 12
    for case in CASES:
        assert (case / "deck.md").is_file() and (case / "deck.pot").is_file(), case.name
        assert (case / "sv.po").exists() == (case / "deck.sv.md").exists(), case.name
    assert any((case / "expected-refusals.txt").exists() for case in TRANSLATED)


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_extract_writes_the_template(case: Path) -> None:
    _, text = template_catalogue(_deck(case), REFERENCE, None, NOW)
    assert text == _text(case / "deck.pot")


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_an_empty_catalogue_rebuilds_the_deck_byte_for_byte(case: Path) -> None:
    built = assemble(_deck(case), {})
    assert built.refused == ()
    assert built.text.encode("utf-8") == (case / "deck.md").read_bytes()


@pytest.mark.parametrize("case", TRANSLATED, ids=_ids(TRANSLATED))
def test_update_leaves_the_catalogue_as_it_is(case: Path) -> None:
    deck = _deck(case)
    pot = read_catalogue((case / "deck.pot").read_bytes(), "deck.pot")
    data = (case / "sv.po").read_bytes()
    old = read_catalogue(data, "sv.po")
    text = catalogue_file(merge(pot, old), deck, "sv", pot, old, data, LATER)
    assert text == data.decode("utf-8")


@pytest.mark.parametrize("case", TRANSLATED, ids=_ids(TRANSLATED))
def test_the_catalogue_translates_every_entry(case: Path) -> None:
    catalogue = read_catalogue((case / "sv.po").read_bytes(), "sv.po")
    found = translations(catalogue)
    assert sorted(found) == sorted({unit.msgid for unit in _deck(case).units})


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(reason=KNOWN_WRONG[case.name], strict=True))
        if case.name in KNOWN_WRONG
        else case
        for case in TRANSLATED
    ],
    ids=_ids(TRANSLATED),
)
def test_the_catalogue_builds_the_translated_deck(case: Path) -> None:
    catalogue = read_catalogue((case / "sv.po").read_bytes(), "sv.po")
    lines = entry_lines(catalogue)
    built = assemble(
        _deck(case), translations(catalogue), "sv", lambda msgid: ("sv.po", lines.get(msgid))
    )
    refusals = case / "expected-refusals.txt"
    expected = _text(refusals).splitlines() if refusals.exists() else []
    assert [f"{r.path}:{r.line}" for r in built.refused] == expected
    assert built.text.encode("utf-8") == (case / "deck.sv.md").read_bytes()
