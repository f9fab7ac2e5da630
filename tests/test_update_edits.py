"""Each kind of edit the real histories (``../shared/histories``) show, as a small course
translated in full and then edited: the exact catalogue ``update`` leaves (msgid,
msgstr, fuzzy, previous msgid, obsolete) and its exit code. The texts are modelled on
real edits of those courses; each is one that the old matcher (translate-toolkit, cut
at 75) or the old "kept as obsolete too" rule got wrong, unless said otherwise."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from i18n.cli.main import main

PO = Path("locales/sv/deck.po")

Row = tuple[str, str, bool, str | None, bool]


def sv(msgid: str) -> str:
    """The translator's translation of ``msgid``: it says which text it was made for."""
    return f"sv: {msgid}"


def rows() -> list[Row]:
    """(msgid, msgstr, fuzzy, previous msgid, obsolete) of every entry, in file order."""
    return [
        (e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid, bool(e.obsolete))
        for e in polib.pofile(str(PO))
    ]


def exact(*msgids: str) -> list[Row]:
    return [(msgid, sv(msgid), False, None, False) for msgid in msgids]


def update(*slides: str) -> list[Row]:
    """The deck made of ``slides``, updated: the exit code is 0, the rows are returned."""
    Path("slides/deck.md").write_text("\n\n---\n\n".join(slides) + "\n", encoding="utf-8")
    assert main(["update"]) == 0
    return rows()


def translate() -> None:
    """What a translator does: every entry not translated, or fuzzy, translated."""
    po = polib.pofile(str(PO))
    for entry in po:
        if not entry.obsolete and (not entry.msgstr or "fuzzy" in entry.flags):
            entry.msgstr, entry.flags, entry.previous_msgid = sv(entry.msgid), [], None
    po.save()


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    return tmp_path


def translated(*slides: str) -> None:
    update(*slides)
    translate()
    assert update(*slides) == [(r[0], sv(r[0]), False, None, False) for r in rows()]


# Slide texts: a heading, then a paragraph (each one entry).
KEYS = "# Key management\n\nPassphrase is not the same as encryption key."
RSA = "## Key sizes\n\nRSA keys bigger than 2024 bits are usually considered safe."
NET = "## Networking\n\nWell-supported by applications and community."


def test_reworded_paragraph_is_fuzzy_from_its_old_text_and_not_also_obsolete(course: Path) -> None:
    translated(KEYS, RSA)
    old = "RSA keys bigger than 2024 bits are usually considered safe."
    new = "RSA keys bigger than 2048 bits are usually considered acceptable."
    assert update(KEYS, RSA.replace(old, new)) == [
        *exact("Key management", "Passphrase is not the same as encryption key.", "Key sizes"),
        (new, sv(old), True, old, False),
    ]


def test_short_heading_with_a_word_added(course: Path) -> None:
    """69 % similar (msgmerge's fstrcmp): the old cut-off at 75 left it untranslated."""
    translated(KEYS, NET)
    assert update(KEYS, NET.replace("## Networking", "## Basic networking")) == [
        *exact("Key management", "Passphrase is not the same as encryption key."),
        ("Basic networking", sv("Networking"), True, "Networking", False),
        *exact("Well-supported by applications and community."),
    ]


def test_markup_added(course: Path) -> None:
    old = "Common examples are\n**NIST P-256/P-384** and\n**Curve25519**."
    new = (
        "Common examples are\n**NIST P-256/P-384** and\n"
        "[**Curve25519**](https://en.wikipedia.org/wiki/Curve25519)."
    )
    translated(KEYS, f"## Curves\n\n{old}")
    assert update(KEYS, f"## Curves\n\n{new}") == [
        *exact("Key management", "Passphrase is not the same as encryption key.", "Curves"),
        (new, sv(old), True, old, False),
    ]


def test_rewrapped_lines_with_a_small_edit(course: Path) -> None:
    old = "Well-supported by applications and community."
    new = "Well-supported by applications,\nboth proprietary and FOSS."
    translated(KEYS, NET)
    assert update(KEYS, NET.replace(old, new)) == [
        *exact("Key management", "Passphrase is not the same as encryption key.", "Networking"),
        (new, sv(old), True, old, False),
    ]


def test_split_paragraph_each_half_starts_from_it(course: Path) -> None:
    old = "Keys are kept in a TPM chip and never on a disk drive."
    first, second = "Keys are kept in a TPM chip.", "They are never on a disk drive."
    translated(f"# Storage\n\n{old}", NET)
    rest = ("Networking", "Well-supported by applications and community.")
    assert update(f"# Storage\n\n{first}\n\n{second}", NET) == [
        *exact("Storage"),
        (first, sv(old), True, old, False),
        (second, sv(old), True, old, False),
        *exact(*rest),
    ]


def test_a_split_off_half_too_unlike_the_whole_gets_nothing(course: Path) -> None:
    """57 % similar: below msgmerge's bound too."""
    whole = "Passphrase is not the same as encryption key, it is used to unlock the key."
    half, short = "Passphrase is not the same as encryption key.", "It is used to unlock the key."
    translated(f"# Storage\n\n{whole}", NET)
    assert update(f"# Storage\n\n{half}\n\n{short}", NET) == [
        *exact("Storage"),
        (half, sv(whole), True, whole, False),
        (short, "", False, None, False),
        *exact("Networking", "Well-supported by applications and community."),
    ]


def test_merged_paragraphs_start_from_the_closer_one_the_other_is_obsolete(course: Path) -> None:
    one, two = "Security often relies on it.", "Keys must be kept secret."
    merged = "Security often relies on it: keys must be kept secret."
    translated(f"# Secrets\n\n{one}\n\n{two}")
    assert update(f"# Secrets\n\n{merged}") == [
        *exact("Secrets"),
        (merged, sv(one), True, one, False),
        (two, sv(two), False, None, True),
    ]


def test_slide_moved_down_unchanged_keeps_everything_exactly(course: Path) -> None:
    """(Right before issue 13 too: kept so that the alignment never breaks it.)"""
    translated(KEYS, RSA, NET)
    after = update(RSA, NET, KEYS)
    assert after == exact(
        "Key sizes",
        "RSA keys bigger than 2024 bits are usually considered safe.",
        "Networking",
        "Well-supported by applications and community.",
        "Key management",
        "Passphrase is not the same as encryption key.",
    )


def test_slide_moved_up_and_reworded_starts_from_its_old_text(course: Path) -> None:
    """Not in the same stretch any more: found among the texts that left the deck."""
    old = "Well-supported by applications and community."
    new = "Well supported by applications and by the community."
    translated(KEYS, RSA, NET)
    assert update(NET.replace(old, new), KEYS, RSA) == [
        *exact("Networking"),
        (new, sv(old), True, old, False),
        *exact(
            "Key management",
            "Passphrase is not the same as encryption key.",
            "Key sizes",
            "RSA keys bigger than 2024 bits are usually considered safe.",
        ),
    ]


def test_the_immediate_predecessor_wins_over_a_closer_older_text(course: Path) -> None:
    """msgmerge offers the older obsolete text (80 % similar) and so misses the
    translator's last edits of the text that stood there (70 %)."""
    older, previous = "Keys live in the TPM chip.", "Keys live in the HSM."
    new = "Keys live in the TPM chip, not the HSM."
    translated(f"# Storage\n\n{older}", f"## Where\n\n{previous}")
    update(f"## Where\n\n{previous}")
    assert update(f"## Where\n\n{new}") == [
        *exact("Where"),
        (new, sv(previous), True, previous, False),
        ("Storage", sv("Storage"), False, None, True),
        (older, sv(older), False, None, True),
    ]


def test_a_new_text_is_not_offered_a_translation_still_in_use(course: Path) -> None:
    """msgmerge would offer "Step 1"'s translation for "Step 2": a guess, as the
    translation is in use beside it."""
    translated("# Steps\n\nStep 1")
    assert update("# Steps\n\nStep 1\n\nStep 2") == [
        *exact("Steps", "Step 1"),
        ("Step 2", "", False, None, False),
    ]


def test_a_translators_header_survives_an_update_that_changes_no_translation(
    course: Path,
) -> None:
    translated(KEYS)
    text = PO.read_text(encoding="utf-8")
    po = polib.pofile(text)
    for field, value in {
        "PO-Revision-Date": "2025-05-05 10:00+0200",
        "Last-Translator": "Anna Svensson <anna@example.org>",
        "Language-Team": "Svenska <sv@example.org>",
        "X-Generator": "Poedit 3.4",
    }.items():
        text = text.replace(f'"{field}: {po.metadata[field]}\\n"', f'"{field}: {value}\\n"')
    PO.write_text(text, encoding="utf-8")
    before = polib.pofile(str(PO)).metadata
    update(KEYS, "## A new slide\n\nWith a text of its own.")  # no translation changes
    assert rows()[-1] == ("With a text of its own.", "", False, None, False)
    after = polib.pofile(str(PO)).metadata
    assert {k: v for k, v in after.items() if k != "POT-Creation-Date"} == {
        k: v for k, v in before.items() if k != "POT-Creation-Date"
    }
    update(KEYS.replace("Key management", "Key management basics"))  # a fuzzy suggestion
    changed = polib.pofile(str(PO)).metadata
    assert changed["PO-Revision-Date"] != "2025-05-05 10:00+0200"
    assert changed["Last-Translator"] == "Anna Svensson <anna@example.org>"
    assert changed["Language-Team"] == "Svenska <sv@example.org>"
