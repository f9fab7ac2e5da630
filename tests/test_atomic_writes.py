"""An interrupted run leaves every file as it was or fully new (reliability issue, item 5).

A crash is simulated at each write of an ``update`` and a ``build``: the k-th
``os.replace`` (the moment a new file takes the old one's place) raises. Afterwards
every file must hold its old bytes or the bytes a complete run writes, never a mix.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polib
import pytest

from i18n.cli.main import main

DECK = "---\ntitle: Deck {n}\n---\n# Heading {n}\n\nText {n}\n\n<!-- Note {n} -->\n"


class Crash(Exception):
    """Stands for the process dying at that point."""


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


@pytest.fixture
def course(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    for n in range(3):
        deck = root / "slides" / f"d{n}.md"
        deck.parent.mkdir(parents=True, exist_ok=True)
        deck.write_text(DECK.format(n=n), encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    return root


def run_in(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.chdir(root)
    return main(list(args))


def translate_everything(root: Path) -> None:
    for po_path in (root / "locales" / "sv").glob("*.po"):
        po = polib.pofile(str(po_path))
        for entry in po:
            entry.msgstr = "SV " + entry.msgid
        po.save(str(po_path))


@pytest.mark.parametrize("command", [("update",), ("build", "--lang", "sv")])
def test_a_crash_at_any_write_leaves_old_or_new_files(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    assert run_in(course, monkeypatch, "update") == 0
    translate_everything(course)
    # Change the decks so that the run has something to write everywhere.
    for deck in (course / "slides").glob("*.md"):
        deck.write_text(deck.read_text().replace("Text", "Changed text"), encoding="utf-8")
    before = snapshot(course)
    complete = tmp_path / "complete"
    shutil.copytree(course, complete)
    assert run_in(complete, monkeypatch, *command) == 0
    after = snapshot(complete)
    writes = sum(1 for name in after if before.get(name) != after[name])
    assert writes >= 3

    real_replace = os.replace  # what i18n.files calls
    for k in range(writes):
        trial = tmp_path / f"trial{k}"
        shutil.copytree(course, trial)
        done = 0

        def replace(src: str, dst: str, _k: int = k) -> None:
            nonlocal done
            if done == _k:
                raise Crash(f"crash at write {_k}")
            done += 1
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(Crash):
            run_in(trial, monkeypatch, *command)
        monkeypatch.setattr(os, "replace", real_replace)
        state = snapshot(trial)
        for name, data in state.items():
            assert data in (before.get(name), after.get(name)), (k, name)
        assert not [n for n in state if n.endswith(".tmp")], k  # no temporary file left
        assert sum(state.get(n) != before.get(n) for n in set(state) | set(before)) == k


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    import os
    import stat

    from i18n.files import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.md", "a")
        assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644
        (tmp_path / "kept.po").write_text("a")
        (tmp_path / "kept.po").chmod(0o640)
        write_atomic(tmp_path / "kept.po", "b")
        assert stat.S_IMODE((tmp_path / "kept.po").stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_temporary_files_are_new_private_and_recognised_as_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``make_temp`` (tempfile.mkstemp without its imports): a new file each time, of
    its owner alone, named as ``remove_stray_temps`` knows; a planted link in the
    way is never followed."""
    from i18n.disk import _TEMP_NAME, make_temp

    made = []
    for _ in range(50):
        fd, path = make_temp(tmp_path, ".deck.po.")
        os.close(fd)
        made.append(path)
        assert path.parent == tmp_path
        assert _TEMP_NAME.fullmatch(path.name), path.name
        assert os.stat(path).st_mode & 0o777 == 0o600
    assert len(set(made)) == 50

    target = tmp_path / "elsewhere"
    calls = iter([b"\0" * 8, bytes(range(8))])
    os.symlink(target, tmp_path / ".x.aaaaaaaa.tmp")  # where the first name points
    monkeypatch.setattr(os, "urandom", lambda n: next(calls))
    fd, path = make_temp(tmp_path, ".x.")
    os.close(fd)
    assert path.name == ".x.abcdefgh.tmp"  # the taken name was passed over
    assert not target.exists()
