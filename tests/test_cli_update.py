"""``update`` through ``main()``: output lines, exit codes, bad files, concurrent runs."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from conftest import Cli

import i18n.update
from i18n.catalogue.update import merge
from i18n.course import project_lock

DECK = "---\ntitle: A deck\n---\n# Hello\n\nSome text\n\n---\n\n<!-- A note -->\n"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        (tmp_path / "slides" / name).mkdir(parents=True)
        (tmp_path / "slides" / name / "index.md").write_text(
            DECK.replace("Hello", f"Hello {name}"), encoding="utf-8"
        )
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv", "de"]\n')
    return tmp_path


def test_creates_every_catalogue_and_says_so(course: Path, cli: Cli) -> None:
    code, out, err = cli("update")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "locales/a/index.pot: 4 messages",
        "locales/b/index.pot: 4 messages",
        "locales/sv/a/index.po: 0 translated, 0 fuzzy, 4 untranslated, 0 obsolete",
        "locales/sv/b/index.po: 0 translated, 0 fuzzy, 4 untranslated, 0 obsolete",
        "locales/de/a/index.po: 0 translated, 0 fuzzy, 4 untranslated, 0 obsolete",
        "locales/de/b/index.po: 0 translated, 0 fuzzy, 4 untranslated, 0 obsolete",
        "6 files: 6 written, 0 unchanged.",
    ]
    po = polib.pofile("locales/de/a/index.po")
    assert po.metadata["Language"] == "de"
    assert po.metadata["Language-Team"] == "German"
    assert not Path("locales/.marp-i18n.lock").exists()
    code, out, _ = cli("update", "--lang", "sv", "-v")
    assert code == 0
    assert out.splitlines()[-2].endswith("4 untranslated, 0 obsolete (unchanged)")
    assert out.splitlines()[-1] == "4 files: 0 written, 4 unchanged."
    code, out, err = cli("update", "--lang", "sv", "--quiet")
    assert (code, out, err) == (0, "", "")


def test_bad_catalogue_is_reported_and_left_alone_others_updated(course: Path, cli: Cli) -> None:
    cli("update", "--lang", "sv")
    bad = Path("locales/sv/a/index.po")
    broken = bad.read_bytes().replace(b'msgstr ""\n\n#. slide 1', b'msgstr "\\q"\n\n#. slide 1')
    bad.write_bytes(broken)
    Path("slides/b/index.md").write_text(DECK.replace("Some text", "Other"), encoding="utf-8")
    code, out, err = cli("update", "--lang", "sv")
    assert code == 2
    assert err == (
        "locales/sv/a/index.po:20: invalid escape sequence \\q; "
        "write \\\\ for a backslash, \\n for a newline\n"
    )
    assert bad.read_bytes() == broken
    assert "locales/sv/b/index.po: 0 translated, 0 fuzzy, 4 untranslated, 0 obsolete" in out
    assert "Other" in Path("locales/sv/b/index.po").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t.replace(b'msgstr ""\n\n#. slide 1', b'msgstr "\xe5"\n\n#. slide 1'),
         "bytes that are not UTF-8"),
        (lambda t: t + b'\nmsgid "Hello a"\nmsgstr "x"\n', "message defined twice"),
        (lambda t: t + b'\n#~ msgid "z"\n#~ msgstr "' + b"y" * 1_000_000 + b'"\n', "line of"),
    ],
)  # fmt: skip
def test_each_kind_of_damage_is_one_line_and_untouched(
    course: Path, cli: Cli, damage: object, message: str
) -> None:
    cli("update", "--lang", "sv")
    path = Path("locales/sv/a/index.po")
    broken = damage(path.read_bytes())  # type: ignore[operator]
    path.write_bytes(broken)
    code, _, err = cli("update", "--lang", "sv")
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith("locales/sv/a/index.po:") and message in err
    assert path.read_bytes() == broken


def test_a_second_update_at_the_same_time_is_refused(course: Path, cli: Cli) -> None:
    with project_lock(Path("locales")):
        code, out, err = cli("update")
    assert (code, out) == (2, "")
    assert err == (
        "marp-i18n: locales/.marp-i18n.lock: another marp-i18n update is running on these "
        "catalogues; wait for it to finish, then run update again\n"
    )
    assert cli("update")[0] == 0  # released


def test_a_catalogue_saved_during_the_run_is_not_overwritten(
    course: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("update", "--lang", "sv")
    path = Path("locales/sv/a/index.po")
    real_merge = merge  # what i18n.update calls

    def translator_saves_meanwhile(*args: object, **kwargs: object) -> polib.POFile:
        if not path.read_text(encoding="utf-8").endswith("# saved by Poedit\n"):
            path.write_text(path.read_text(encoding="utf-8") + "# saved by Poedit\n")
        return real_merge(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(i18n.update, "merge", translator_saves_meanwhile)
    Path("slides/a/index.md").write_text(DECK.replace("Some text", "Other"), encoding="utf-8")
    code, _, err = cli("update", "--lang", "sv")
    assert code == 2
    assert err == "locales/sv/a/index.po: changed while update was running; left as it is\n"
    assert path.read_text(encoding="utf-8").endswith("# saved by Poedit\n")


def test_bad_language_code(course: Path, cli: Cli) -> None:
    assert cli("update", "--lang", "s v") == (
        2,
        "",
        "marp-i18n: --lang: 's v' is not a language code; use e.g. sv or pt_BR\n",
    )
    code, _, err = cli("update", "--lang", "qq")
    assert code == 2 and "unknown language code 'qq'" in err


def test_source_language_gets_no_catalogue(course: Path, cli: Cli) -> None:
    code, _, err = cli("update", "--lang", "en")
    assert (code, err) == (0, "en: the source language gets no catalogues\n")
    assert not Path("locales/en").exists()


def test_purge_obsolete_and_line_numbers(course: Path, cli: Cli) -> None:
    cli("update", "--lang", "sv")
    path = Path("locales/sv/a/index.po")
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace('msgstr ""', 'msgstr "X"')
        .replace('msgid ""\nmsgstr "X"', 'msgid ""\nmsgstr ""', 1),
        encoding="utf-8",
    )
    deck = DECK.replace("Hello", "Hello a").replace("Some text", "Zzz")
    Path("slides/a/index.md").write_text(deck, encoding="utf-8")
    assert cli("update", "--lang", "sv")[0] == 0
    assert [e.msgid for e in polib.pofile(str(path)) if e.obsolete] == ["Some text"]
    code, out, _ = cli("update", "--lang", "sv", "--purge-obsolete", "--line-numbers")
    assert code == 0
    assert "locales/sv/a/index.po: 3 translated, 0 fuzzy, 1 untranslated, 0 obsolete" in out
    po = polib.pofile(str(path))
    assert [e for e in po if e.obsolete] == []
    assert po[1].occurrences == [("slides/a/index.md", "4")]
