"""Completeness: counts as translate-toolkit's pocount makes them, stale catalogues, thresholds."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from translate.tools.pocount import calcstats

from i18n.catalogue.extract import deck_template
from i18n.catalogue.pofile import catalogue_text, read_catalogue
from i18n.check.completeness import stale_finding, tally, threshold_findings
from i18n.check.report import CatalogueStatus, Tally, percent
from i18n.files import read_deck
from i18n.segment import segment_deck
from i18n.text import short

SAMPLE = """msgid ""
msgstr ""
"Language: sv\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. slide 1, heading
msgid "Confidential computing"
msgstr "Konfidentiell databehandling"

#, fuzzy
msgid "Making computers a bit more <b>trustworthy</b>"
msgstr "Att göra datorer lite pålitligare"

#, fuzzy
msgid "A fuzzy entry with an empty msgstr"
msgstr ""

msgid "Not translated at all, five words"
msgstr ""

#~ msgid "An obsolete translated entry"
#~ msgstr "En föråldrad översatt post"

#~ msgid "An obsolete untranslated one"
#~ msgstr ""
"""


def pocount(path: Path) -> dict[str, int]:
    stats = calcstats(str(path))
    return {
        k: stats[k]
        for k in (
            "translated",
            "fuzzy",
            "untranslated",
            "total",
            "translatedsourcewords",
            "fuzzysourcewords",
            "untranslatedsourcewords",
            "totalsourcewords",
        )
    }


def ours(messages: Tally, words: Tally) -> dict[str, int]:
    return {
        "translated": messages.translated,
        "fuzzy": messages.fuzzy,
        "untranslated": messages.untranslated,
        "total": messages.total,
        "translatedsourcewords": words.translated,
        "fuzzysourcewords": words.fuzzy,
        "untranslatedsourcewords": words.untranslated,
        "totalsourcewords": words.total,
    }


def test_states_are_counted_as_pocount_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "sv.po"
    path.write_text(SAMPLE, encoding="utf-8")
    messages, words = tally(read_catalogue(SAMPLE, str(path)))
    assert messages == Tally(translated=1, fuzzy=1, untranslated=2, obsolete=2)
    assert words.obsolete == 8
    assert ours(messages, words) == pocount(path)


def catalogues_of(deck_path: Path, out: Path, number: int) -> list[Path]:
    """The POT, a msgen-like PO and a partly translated PO (fuzzy, obsolete) of one deck."""
    deck = segment_deck(read_deck(deck_path), deck_path.name)
    written = []
    for variant in ("pot", "msgen", "partial"):
        po = deck_template(deck, deck_path.name)
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for index, entry in enumerate(po):
            state = (index + number) % 4
            if variant == "msgen" or (variant == "partial" and state in (0, 1)):
                entry.msgstr = entry.msgid
            if variant == "partial" and state in (1, 3):
                entry.flags.append("fuzzy")
        if variant == "partial":
            for text in ("gone and translated", "gone"):
                old = polib.POEntry(msgid=f"{text} {number}", msgstr=text if "and" in text else "")
                old.obsolete = True
                po.append(old)
        path = out / f"{number}.{variant}.po"
        path.write_text(catalogue_text(po), encoding="utf-8")
        written.append(path)
    return written


@pytest.mark.corpus
def test_counts_agree_with_pocount_on_the_corpus(corpus: list[Path], tmp_path: Path) -> None:
    compared = 0
    for number, deck_path in enumerate(corpus):
        for path in catalogues_of(deck_path, tmp_path, number):
            messages, words = tally(read_catalogue(path.read_bytes(), str(path)))
            assert ours(messages, words) == pocount(path), path
            compared += 1
    assert compared == 3 * len(corpus)


def entry(msgid: str, line: int, msgstr: str = "") -> polib.POEntry:
    made = polib.POEntry(msgid=msgid, msgstr=msgstr)
    made.linenum = line
    return made


def test_a_catalogue_in_step_with_its_deck_is_not_stale() -> None:
    entries = [entry("a", 5, "A"), entry("b", 9)]
    assert stale_finding("sv.po", "slides/x.md", {"a", "b"}, entries, {}) is None


def test_a_stale_catalogue_names_what_differs() -> None:
    gone = entry("old text", 12, "gammal")
    obsolete = entry("older", 20)
    obsolete.obsolete = True
    found = stale_finding(
        "sv.po",
        "slides/x.md",
        {"a", "new", "newer"},
        [entry("a", 5), gone, obsolete],
        {"new": 30, "newer": 14},
    )
    assert found is not None
    assert (found.check, found.path, found.line) == ("stale", "sv.po", 12)
    assert found.message == (
        "out of date with slides/x.md: 1 entry the deck no longer has and 2 deck texts "
        "missing (first at slides/x.md:14); run marp-i18n update"
    )


def test_threshold_findings_name_every_entry_left_to_translate() -> None:
    entries = [entry("done", 3, "klar"), entry("todo one", 7), entry("todo two", 11)]
    fuzzy = entry("fuzzy one", 15, "luddig")
    fuzzy.flags.append("fuzzy")
    found = threshold_findings("sv.po", [*entries, fuzzy], "25% translated")
    assert [(f.line, f.message) for f in found] == [
        (None, '25% translated: line 7 "todo one"; line 11 "todo two"; line 15 "fuzzy one"'),
        (7, 'not translated: "todo one"'),
        (11, 'not translated: "todo two"'),
        (15, 'fuzzy (not used in builds): "fuzzy one"'),
    ]
    assert {f.check for f in found} == {"threshold"}


@pytest.mark.parametrize(
    ("translated", "total", "shown"),
    [
        (0, 0, 100.0),
        (0, 3, 0.0),
        (2, 3, 66.6),
        (999, 1000, 99.9),
        (9999, 10000, 99.9),
        (5, 5, 100.0),
    ],
)
def test_percent_is_rounded_down(translated: int, total: int, shown: float) -> None:
    assert percent(Tally(translated=translated, untranslated=total - translated)) == shown


@pytest.mark.parametrize(
    ("threshold", "passed"), [(66.6, True), (66.66, True), (66.67, False), (100, False), (0, True)]
)
def test_thresholds_compare_exactly(threshold: float, passed: bool) -> None:
    status = CatalogueStatus("x.md", "sv", "sv.po", True, False, Tally(), Tally(2, 0, 1), threshold)
    assert status.passed is passed


def test_words_can_be_the_basis() -> None:
    status = CatalogueStatus(
        "x.md", "sv", "sv.po", True, False, Tally(1, 0, 1), Tally(9, 0, 1), 90, "words"
    )
    assert (status.percent, status.passed) == (90.0, True)


def test_short_quotes_one_line() -> None:
    assert short('say "hi"\nthere') == '"say \\"hi\\"…"'
    assert short("x" * 70) == '"' + "x" * 60 + '…"'
