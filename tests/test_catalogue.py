"""Reading catalogues strictly, headers from Babel, and the msgmerge-like merge."""

from __future__ import annotations

import polib
import pytest

from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.header import catalogue_header, language_facts
from i18n.catalogue.pofile import MAX_LINE, catalogue_text, read_catalogue
from i18n.catalogue.update import Memory, counts, merge
from i18n.errors import CatalogueError
from i18n.segment import segment_deck

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'


def po(body: str, charset: str = "UTF-8") -> str:
    return HEADER.format(charset=charset) + body


def error(data: str | bytes) -> str:
    with pytest.raises(CatalogueError) as info:
        read_catalogue(data, "x.po")
    return str(info.value)


# --- reading: every damage is one line with file and line; nothing is guessed ---


def test_bytes_outside_the_declared_charset() -> None:
    data = po('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "\xe5"\n').encode("latin-1")
    assert error(data) == (
        "x.po:9: bytes that are not UTF-8, the charset the header declares; "
        "save the file as UTF-8, or set the charset the file is really in"
    )


def test_a_declared_latin1_catalogue_is_read_in_latin1() -> None:
    data = po('msgid "a"\nmsgstr "\xe5"\n', charset="ISO-8859-1").encode("latin-1")
    assert read_catalogue(data, "x.po")[0].msgstr == "\xe5"


def test_unknown_charset() -> None:
    assert error(po("", charset="KLINGON").encode()).startswith("x.po:3: unknown charset")


def test_invalid_escape() -> None:
    assert error(po('msgid "a"\nmsgstr "b\\q"\n')) == (
        "x.po:6: invalid escape sequence \\q; write \\\\ for a backslash, \\n for a newline"
    )


def test_duplicate_message() -> None:
    text = po('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n')
    assert error(text) == (
        "x.po:8: message defined twice (first at line 5); merge the two entries into one"
    )


def test_duplicate_between_active_and_obsolete() -> None:
    text = po('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n')
    assert "message defined twice" in error(text)


def test_one_megabyte_line() -> None:
    text = po('msgid "a"\nmsgstr "' + "x" * 1_000_000 + '"\n')
    assert error(text) == (
        f"x.po:6: line of 1000009 characters (limit {MAX_LINE}); "
        "fix it (msgfmt --check shows the problem) or restore it from git"
    )


def test_unterminated_string() -> None:
    assert error(po('msgid "a\nmsgstr "b"\n')).startswith("x.po:5: not a keyword and quoted string")


def test_fine_catalogue_reads() -> None:
    text = po('# note\n#, fuzzy\n#| msgid "o"\nmsgid "a\\n\\"q\\""\nmsgstr "b"\n')
    entry = read_catalogue(text, "x.po")[0]
    assert (entry.msgid, entry.tcomment, entry.previous_msgid) == ('a\n"q"', "note", "o")


# --- headers ---


def test_language_facts_come_from_babel() -> None:
    assert language_facts("sv") == ("Swedish", "nplurals=2; plural=(n != 1);")
    assert language_facts("pt_BR")[0] == "Portuguese (Brazil)"
    assert language_facts("ja")[1] == "nplurals=1; plural=0;"


DECK = (
    "---\ntitle: T\nSPDX-License-Identifier: CC0-1.0\n---\n"
    "# Hello\n\nOne two three four five six.\n\n---\n\nGone soon\n"
)


def template(text: str = DECK) -> polib.POFile:
    return template_catalogue(segment_deck(text, "d.md"), "slides/d.md", None, "NOW")[0]


def test_new_catalogue_header() -> None:
    deck = segment_deck(DECK, "d.md")
    new = polib.POFile()
    catalogue_header(new, deck, "sv", template().metadata, None, "NOW")
    text = catalogue_text(new)
    assert text.startswith(
        "# Swedish translation of the Marp deck d.md: T\n# SPDX-License-Identifier: CC0-1.0\n"
    )
    assert '"Language-Team: Swedish\\n"' in text
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text


def test_translator_header_fields_and_comments_are_kept() -> None:
    deck = segment_deck(DECK, "d.md")
    old = polib.POFile()
    old.header = "Old translation of the Marp deck d.md: Old\nSPDX-FileCopyrightText: 2024 Anna"
    old.metadata = {
        "Last-Translator": "Anna <a@x>",
        "Language-Team": "Svenska",
        "X-Generator": "Poedit",
    }
    new = polib.POFile()
    catalogue_header(new, deck, "sv", template().metadata, old, "NOW")
    assert new.header.split("\n") == [
        "Swedish translation of the Marp deck d.md: T",
        "SPDX-License-Identifier: CC0-1.0",
        "SPDX-FileCopyrightText: 2024 Anna",
    ]
    assert new.metadata["Last-Translator"] == "Anna <a@x>"
    assert new.metadata["Language-Team"] == "Svenska"
    assert new.metadata["X-Generator"] == "Poedit"
    assert new.metadata["Project-Id-Version"] == "T"


# --- merge ---


def translated(pot: polib.POFile, **overrides: str) -> polib.POFile:
    """A catalogue where every msgid is translated as its upper-case form."""
    result = polib.POFile()
    for entry in pot:
        result.append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgid.upper()))
    for entry in result:
        entry.msgstr = overrides.get(entry.msgid, entry.msgstr)
    return result


def test_unchanged_msgids_keep_translation_and_comments() -> None:
    old = translated(template())
    old[1].tcomment = "checked with the author"
    new = merge(template(), old)
    assert [(e.msgid, e.msgstr, e.flags) for e in new] == [(e.msgid, e.msgstr, []) for e in old]
    assert new[1].tcomment == "checked with the author"


def test_changed_msgid_becomes_fuzzy_with_previous_msgid() -> None:
    old = translated(template())
    old[2].tcomment = "translator note"
    changed = template(DECK.replace("four", "FOUR"))
    new = merge(changed, old)
    entry = new[2]
    assert (entry.msgid, entry.msgstr, entry.flags) == (
        "One two three FOUR five six.",
        "ONE TWO THREE FOUR FIVE SIX.",
        ["fuzzy"],
    )
    assert entry.previous_msgid == "One two three four five six."
    assert entry.tcomment == "translator note"
    # The old translation lives on in the fuzzy entry only (issue 13: no obsolete
    # copy), and changing the text back restores it exactly.
    assert [e for e in new if e.obsolete] == []
    back = merge(template(), read_catalogue(catalogue_text(new), "x.po"))
    assert [(e.msgid, e.msgstr, e.flags) for e in back if not e.obsolete] == [
        (e.msgid, e.msgstr, []) for e in old
    ]


def test_removed_text_is_obsolete_and_comes_back_not_fuzzy() -> None:
    old = translated(template())
    shorter = template(DECK.replace("\n---\n\nGone soon\n", "\n"))
    new = read_catalogue(catalogue_text(merge(shorter, old)), "x.po")
    assert [(e.msgid, e.msgstr) for e in new if e.obsolete] == [("Gone soon", "GONE SOON")]
    assert counts(new).obsolete == 1
    back = merge(template(), new)
    assert [(e.msgid, e.msgstr, e.flags) for e in back] == [(e.msgid, e.msgstr, []) for e in old]
    assert merge(shorter, old, purge_obsolete=True)[-1].msgid == "One two three four five six."


def test_memory_of_other_decks_is_used_after_the_deck_own() -> None:
    memory = Memory([("One two three four five seven.", "FROM ANOTHER DECK")])
    new = merge(template(DECK.replace("six", "seven")), None, memory)
    assert (new[2].msgstr, new[2].flags) == ("FROM ANOTHER DECK", ["fuzzy"])
    assert new[2].previous_msgid is None  # same text: nothing to show as changed


def test_fuzzy_obsolete_dropped_only_when_its_translation_lives_on() -> None:
    old = translated(template())
    old.append(polib.POEntry(msgid="x1", msgstr="GONE SOON", flags=["fuzzy"]))
    old.append(polib.POEntry(msgid="x2", msgstr="edited by hand", flags=["fuzzy"]))
    new = merge(template(), old)
    assert [(e.msgid, e.flags) for e in new if e.obsolete] == [("x2", ["fuzzy"])]
