"""Deck paths: odd names round-trip, links stay inside, language codes stay codes.

Why: a deck's path is its identity in three trees (``slides/``, ``locales/``,
``build/``). Names with spaces, decomposed accents or a leading dash must map to the
same relative place in each; a symlink must not make the tool read outside the
course; and ``--lang`` ends up in a file path, so it must never walk out of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import polib
import pytest
from conftest import Cli

NAMES = [
    "plain.md",
    "sub dir/with space.md",
    unicodedata.normalize("NFC", "café/Ångström.md"),
    unicodedata.normalize("NFD", "naïve.md"),
    "-leading-dash.md",
    "hash#and%percent.md",
    "deep/er/and/deeper/index.md",
]


SPACED = "slides/sub dir/with space.md: warning: "
"""The one expected message: a path with spaces makes several ``#:`` references."""


def only_space_warnings(err: str) -> bool:
    return all(line.startswith(SPACED) for line in err.splitlines())


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        deck = tmp_path / "slides" / name
        deck.parent.mkdir(parents=True, exist_ok=True)
        deck.write_text(f"# Title of {Path(name).stem}\n\nSome text\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nlanguages = ["sv"]\n', encoding="utf-8"
    )
    return tmp_path


def test_odd_names_map_to_the_same_place_in_every_tree(course: Path, cli: Cli) -> None:
    """update writes locales/<name>.pot and locales/sv/<name>.po; build writes
    build/sv/<name>.md with the translation and build/en/<name>.md byte for byte."""
    code, _, err = cli("update")
    assert code == 0 and only_space_warnings(err), err
    assert SPACED in err
    for name in NAMES:
        stem = Path(name).with_suffix("")
        assert (course / "locales" / f"{stem}.pot").is_file(), name
        po_path = course / "locales" / "sv" / f"{stem}.po"
        po = polib.pofile(str(po_path))
        for entry in po:
            entry.msgstr = "Ŧ " + entry.msgid
        po.save(str(po_path))
    code, _, err = cli("build")
    assert code == 0, err
    for name in NAMES:
        source = (course / "slides" / name).read_bytes()
        assert (course / "build" / "en" / name).read_bytes() == source.replace(
            b"# Title", b"---\nlang: en\n---\n\n# Title"
        ), name
        built = (course / "build" / "sv" / name).read_text(encoding="utf-8")
        assert "# Ŧ Title of" in built and "Ŧ Some text" in built, name


def test_symlinked_deck_inside_the_folder_is_a_deck(course: Path, cli: Cli) -> None:
    (course / "slides" / "alias.md").symlink_to(course / "slides" / "plain.md")
    code, _, err = cli("extract")
    assert code == 0 and only_space_warnings(err), err
    assert (course / "locales" / "alias.pot").is_file()


def test_symlinked_folders_are_not_followed(course: Path, cli: Cli) -> None:
    """A link back to the slides folder (a loop) or out of it: the walk ends and reads
    nothing through it."""
    outside = course / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n", encoding="utf-8")
    (course / "slides" / "loop").symlink_to(course / "slides", target_is_directory=True)
    (course / "slides" / "out").symlink_to(outside, target_is_directory=True)
    code, _, _ = cli("extract")
    assert code == 0
    pots = {p.relative_to(course / "locales").as_posix() for p in course.rglob("*.pot")}
    assert len(pots) == len(NAMES)
    assert not any(p.startswith(("loop/", "out/")) for p in pots)


def test_fifo_named_like_a_deck_is_skipped(tmp_path: Path) -> None:
    """A named pipe ``*.md`` would block a read forever: it is not read, one line says it
    is not a regular file, exit 2 (core bug #16; issue 18 made it an error like every
    other unreadable input). Run in a subprocess with a timeout, so a regression fails
    instead of hanging the suite."""
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "a.md").write_text("# A\n", encoding="utf-8")
    os.mkfifo(tmp_path / "slides" / "pipe.md")
    proc = subprocess.run(
        [sys.executable, "-m", "i18n", "extract"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == "slides/pipe.md: not a regular file\n"
    assert (tmp_path / "locales" / "a.pot").is_file()
    assert not (tmp_path / "locales" / "pipe.pot").exists()


def test_slides_folder_that_is_a_file(course: Path, cli: Cli) -> None:
    code, _, err = cli("extract", "--slides", "slides/plain.md")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "slides/plain.md" in err, err
    assert not (course / "locales").exists()


@pytest.mark.parametrize("command", ["update", "build"])
@pytest.mark.parametrize(
    "code", ["../escape", "sv/../../escape", "/tmp/escape", "sv\\..\\escape", "sv\n", ""]
)
def test_language_code_never_becomes_a_path(
    command: str, code: str, course: Path, cli: Cli
) -> None:
    """``--lang`` ends up in ``locales/<lang>/`` and ``build/<lang>/``: a code that is
    not a language is one error line, and nothing is written anywhere."""
    before = sorted(course.parent.iterdir())
    exit_code, _, err = cli(command, "--lang", code)
    assert exit_code == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert not (course / "locales").exists() and not (course / "build").exists()
    assert sorted(course.parent.iterdir()) == before
    assert not Path("/tmp/escape").exists()
