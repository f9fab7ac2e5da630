"""The rename rule (``renames.py``) and the memory a pruned catalogue goes into (``prune.py``)."""

from __future__ import annotations

import polib

from i18n.prune import keep_translations, memory_catalogue
from i18n.renames import Rename, Unclear, match_renames

DECK = {"Intro", "Hypervisors", "Containers", "Questions?"}


def test_a_deck_that_kept_most_of_its_texts_is_the_renamed_one() -> None:
    new = {"new.md": DECK - {"Containers"} | {"Pods", "Kernels"}}  # 3 of 5 from 4
    assert match_renames(new, {"old.md": DECK, "other.md": {"Else"}}) == (
        [Rename("old.md", "new.md", 3, 5)],
        [],
    )


def test_exactly_half_is_not_more_than_half() -> None:
    assert match_renames({"new.md": {"Intro", "Hypervisors", "A", "B"}}, {"old.md": DECK}) == (
        [],
        [],
    )  # half of the new deck's texts and half of the orphan's: not the same deck
    grown = {"Intro", "Hypervisors", "Containers", "A", "B"}
    assert match_renames({"new.md": grown}, {"old.md": DECK})[0] == [
        Rename("old.md", "new.md", 3, 5)
    ]


def test_a_split_or_a_merge_moves_nothing() -> None:
    halves = {"a.md": {"Intro", "Hypervisors"}, "b.md": {"Containers", "Questions?"}}
    assert match_renames(halves, {"old.md": DECK}) == ([], [])
    assert match_renames({"new.md": DECK}, {"a.md": {"Intro"}, "b.md": {"Containers"}}) == (
        [],
        [],
    )


def test_several_candidates_are_unclear() -> None:
    assert match_renames({"a.md": DECK, "b.md": DECK}, {"old.md": DECK}) == (
        [],
        [Unclear("a.md", ("old.md",), ("b.md",)), Unclear("b.md", ("old.md",), ("a.md",))],
    )
    assert match_renames({"new.md": DECK}, {"x.md": DECK, "y.md": DECK}) == (
        [],
        [Unclear("new.md", ("x.md", "y.md"), ())],
    )


def test_a_deck_with_no_text_is_never_a_rename() -> None:
    assert match_renames({"empty.md": set()}, {"old.md": set(), "x.md": DECK}) == ([], [])


def test_keep_translations_takes_every_translation_and_prefers_a_confirmed_one() -> None:
    memory = memory_catalogue("sv", "2026-01-01 00:00+0000")
    memory.append(polib.POEntry(msgid="Kept", msgstr="Behållen"))
    memory.append(polib.POEntry(msgid="Old", msgstr="Gammal", flags=["fuzzy"]))
    pruned = polib.POFile()
    pruned.append(polib.POEntry(msgid="Kept", msgstr="Fuzzy", flags=["fuzzy"]))
    pruned.append(polib.POEntry(msgid="Old", msgstr="Ny"))
    pruned.append(polib.POEntry(msgid="Gone", msgstr="Borta", obsolete=True))
    pruned.append(polib.POEntry(msgid="Empty", msgstr=""))
    pruned.append(polib.POEntry(msgid="Ctx", msgstr="K", msgctxt="c"))
    assert keep_translations(memory, pruned) == 2
    assert [(e.msgid, e.msgstr, e.flags, e.obsolete) for e in memory] == [
        ("Gone", "Borta", [], False),
        ("Kept", "Behållen", [], False),
        ("Old", "Ny", [], False),
    ]
    assert memory.metadata["Language"] == "sv"
    assert memory.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
