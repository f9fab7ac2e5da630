"""``extract`` and ``build`` end to end through ``main()``: files, messages, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from conftest import Cli

DECK = "---\ntitle: A deck\n---\n# Hello\n\nSome text\n\n---\n\n<!-- A note -->\n"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides" / "a").mkdir(parents=True)
    (tmp_path / "slides" / "b").mkdir()
    (tmp_path / "slides" / "a" / "index.md").write_text(DECK, encoding="utf-8")
    (tmp_path / "slides" / "b" / "index.md").write_text(
        DECK.replace("Hello", "Hi"), encoding="utf-8"
    )
    (tmp_path / "slides" / "images").mkdir()
    (tmp_path / "slides" / "images" / "x.png").write_bytes(b"png")
    (tmp_path / "slides" / "order").write_text("a/index.md\nb/index.md\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nlanguages = ["sv"]\n[tool.marp-i18n.variables.sv]\nWHO = "Foto:"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_extract_writes_one_template_per_deck_by_relative_path(course: Path, cli: Cli) -> None:
    code, out, err = cli("extract")
    assert (code, err) == (0, "")
    pot = polib.pofile(str(course / "locales" / "a" / "index.pot"))
    assert [e.msgid for e in pot] == ["A deck", "Hello", "Some text", "A note"]
    assert [e.comment for e in pot] == [
        "front matter: title",
        "slide 1, heading",
        "slide 1, paragraph",
        "slide 2, speaker note",
    ]
    assert pot[1].occurrences == [("slides/a/index.md", "")]
    assert (course / "locales" / "b" / "index.pot").is_file()
    assert "locales/a/index.pot: 4 messages" in out


def test_extract_twice_changes_nothing(course: Path, cli: Cli) -> None:
    cli("extract")
    first = (course / "locales" / "a" / "index.pot").read_bytes()
    code, out, _ = cli("extract")
    assert code == 0 and out.splitlines() == ["2 templates: 0 written, 2 unchanged."]
    assert (course / "locales" / "a" / "index.pot").read_bytes() == first
    code, out, _ = cli("extract", "--verbose")
    assert "locales/a/index.pot: 4 messages (unchanged)" in out.splitlines()


def test_build_uses_translations_sets_lang_copies_assets(course: Path, cli: Cli) -> None:
    cli("extract")
    po = polib.pofile(str(course / "locales" / "a" / "index.pot"))
    po[1].msgstr = "Hej"
    po[2].msgstr = "Lite text"
    po[2].flags.append("fuzzy")  # fuzzy: not used
    (course / "locales" / "sv" / "a").mkdir(parents=True)
    po.save(str(course / "locales" / "sv" / "a" / "index.po"))
    code, _, err = cli("build", "--lang", "sv")
    assert code == 0, err
    built = (course / "build" / "sv" / "a" / "index.md").read_text(encoding="utf-8")
    assert built == DECK.replace("Hello", "Hej").replace(
        "title: A deck\n", "lang: sv\ntitle: A deck\n"
    )
    assert (course / "build" / "sv" / "images" / "x.png").read_bytes() == b"png"
    assert (course / "build" / "sv" / "order").is_file()
    assert (course / "build" / "sv" / "variables").read_text() == "WHO=Foto:\n"
    assert "locales/sv/b/index.po: warning: no catalogue" in err


def test_build_without_lang_builds_source_and_targets(course: Path, cli: Cli) -> None:
    code, _, _ = cli("build", "--no-set-lang")
    assert code == 0
    for lang in ("en", "sv"):
        assert (course / "build" / lang / "a" / "index.md").read_text() == DECK


def test_build_languages_merges_and_says_a_deck_warning_once(course: Path) -> None:
    from i18n.build import BuildReport, build_languages
    from i18n.config import load_config
    from i18n.errors import Warning_

    (course / "slides" / "yaml.md").write_text('---\ntitle: "unclosed\n---\n', encoding="utf-8")
    config = load_config(course / "pyproject.toml")
    seen: list[tuple[str, BuildReport]] = []
    report = build_languages(
        config,
        ("en", "sv", "en"),
        set_lang=False,
        strict=False,
        built=lambda lang, part: seen.append((lang, part)),
    )
    assert [lang for lang, _ in seen] == ["en", "sv"]  # a language named twice: once
    assert len(report.written) == 6 and not report.failed  # 3 decks in 2 languages
    assert report.written == [line for _, part in seen for line in part.written]
    ignored = [
        m for m in report.messages if isinstance(m, Warning_) and m.check == "front-matter-ignored"
    ]
    assert len(ignored) == 1 and ignored[0] in seen[0][1].messages  # said with en only
    assert len(report.messages) == len({str(m) for m in report.messages})


def test_expand_variables_and_report_unknown(course: Path, cli: Cli) -> None:
    deck = course / "slides" / "a" / "index.md"
    deck.write_text(DECK + "\n<!-- _footer: '%WHO% X' -->\n%NOPE%\n", encoding="utf-8")
    code, _, err = cli("build", "--lang", "sv", "--expand-variables")
    assert code == 0
    built = (course / "build" / "sv" / "a" / "index.md").read_text()
    assert "'Foto: X'" in built and "%NOPE%" in built
    assert "%NOPE% has no value for sv" in err
    assert not (course / "build" / "sv" / "variables").exists()


def test_strict_makes_refusal_an_error(course: Path, cli: Cli) -> None:
    cli("extract")
    po = polib.pofile(str(course / "locales" / "a" / "index.pot"))
    po[2].msgstr = "Text\n---\nnew slide"
    (course / "locales" / "sv" / "a").mkdir(parents=True)
    po.save(str(course / "locales" / "sv" / "a" / "index.po"))
    code, _, err = cli("build", "--lang", "sv")
    assert code == 0
    assert "locales/sv/a/index.po:" in err and "translation refused" in err
    code, _, err = cli("build", "--lang", "sv", "--strict")
    assert code == 2


def test_bad_decks_are_reported_and_others_still_processed(course: Path, cli: Cli) -> None:
    (course / "slides" / "bad.md").write_bytes(b"# Caf\xe9\n")
    (course / "slides" / "yaml.md").write_text('---\ntitle: "unclosed\n---\n', encoding="utf-8")
    code, _, err = cli("extract")
    assert code == 2
    lines = err.strip().split("\n")
    assert lines[0] == "slides/bad.md:1: not UTF-8 (byte 0xe9); save the file as UTF-8"
    # Marp ignores a front matter it cannot read and renders the deck: a warning only.
    assert any(
        line.startswith("slides/yaml.md:2: warning: Marp ignores this front matter")
        for line in lines
    )
    assert "Traceback" not in err
    assert not (course / "locales" / "bad.pot").exists()
    assert (course / "locales" / "yaml.pot").exists()
    assert (course / "locales" / "a" / "index.pot").exists()


def test_missing_slides_folder_is_one_line(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no settings file here or above: the error says so
    code, _, err = cli("extract", "--slides", str(tmp_path / "nope"), "--locales", str(tmp_path))
    assert code == 2
    none = (
        f"no marp-i18n.toml (nor pyproject.toml with [tool.marp-i18n]) found in {tmp_path} "
        "or above: run `marp-i18n init` in the course folder"
    )
    assert err == (
        f"marp-i18n: {tmp_path / 'nope'}: slides folder not found ({none}); give --slides DIR\n"
    )


def test_bad_language_code_is_refused(course: Path, cli: Cli) -> None:
    code, _, err = cli("build", "--lang", "../etc")
    assert code == 2 and "is not a language code" in err
    code, _, err = cli("build", "--lang", "xx_QQ")
    assert code == 2 and "unknown language code" in err
    assert not (course / "build").exists()


def test_build_inside_slides_is_refused_before_writing(course: Path, cli: Cli) -> None:
    code, _, err = cli("build", "--build", "slides/out")
    assert code == 2 and "inside the slides folder" in err
    assert not (course / "slides" / "out").exists()


def test_symlink_leaving_slides_is_skipped(course: Path, tmp_path: Path, cli: Cli) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("# secret\n")
    (course / "slides" / "link.md").symlink_to(outside)
    code, _, err = cli("extract")
    assert code == 0
    assert "symlink leaves the slides folder, skipped" in err
    assert not (course / "locales" / "link.pot").exists()


def test_a_variable_without_value_is_one_warning_per_deck(course: Path, cli: Cli) -> None:
    deck = course / "slides" / "a" / "index.md"
    deck.write_text(DECK + "\n%NOPE% one\n\n%NOPE% two\n", encoding="utf-8")
    code, _, err = cli("build", "--lang", "sv")
    assert code == 0
    found = [line for line in err.splitlines() if "%NOPE%" in line]
    assert len(found) == 1, found
    assert re.search(r"%NOPE% has no value for sv \(lines \d+, \d+\); set it in ", found[0])
