"""The segmented-deck cache: same answers as segmenting, never a stale one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import i18n.cache
import i18n.segment
from i18n.cache import FOLDER, Cache
from i18n.files import DeckFile, load_deck

DECK = "---\ntitle: Hello\n---\n\n# One\n\nText.\n\n---\n\nTwo <!-- a note -->\n"


@pytest.fixture(autouse=True)
def forget() -> None:
    """Each test starts, and reads back from disk, without this process's memory."""
    i18n.cache._RECENT.clear()


def from_disk_only() -> None:
    i18n.cache._RECENT.clear()


@pytest.fixture
def deck(tmp_path: Path) -> DeckFile:
    path = tmp_path / "slides" / "a.md"
    path.parent.mkdir()
    path.write_text(DECK, encoding="utf-8")
    return DeckFile("a.md", path)


def no_segmenting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("segmented although cached")

    monkeypatch.setattr(i18n.segment, "segment_deck", refuse)


def test_a_cached_deck_equals_a_segmented_one_and_is_not_parsed_again(
    deck: DeckFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache.for_project(tmp_path)
    fresh = load_deck(deck, ("title",), cache)
    assert (tmp_path / FOLDER / ".gitignore").read_text().endswith("*\n")
    no_segmenting(monkeypatch)
    assert load_deck(deck, ("title",), Cache.for_project(tmp_path)) == fresh  # memory
    from_disk_only()
    assert load_deck(deck, ("title",), Cache.for_project(tmp_path)) == fresh  # disk


def test_any_change_to_the_deck_or_the_keys_misses(
    deck: DeckFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache.for_project(tmp_path)
    first = load_deck(deck, ("title",), cache)
    other_keys = load_deck(deck, ("title", "description"), cache)
    assert [u.msgid for u in first.units] == [u.msgid for u in other_keys.units]
    deck.path.write_text(DECK.replace("Text.", "Changed."), encoding="utf-8")
    changed = load_deck(deck, ("title",), cache)
    assert "Changed." in [u.msgid for u in changed.units]
    assert "Text." not in [u.msgid for u in changed.units]
    untitled = load_deck(deck, (), cache)
    assert "Hello" not in [u.msgid for u in untitled.units]


def test_a_corrupt_entry_is_ignored_and_rewritten(deck: DeckFile, tmp_path: Path) -> None:
    cache = Cache.for_project(tmp_path)
    fresh = load_deck(deck, ("title",), cache)
    entries = [p for p in (tmp_path / FOLDER).rglob("*") if p.is_file() and len(p.name) == 64]
    assert len(entries) == 1
    entries[0].write_bytes(b"not a pickle")
    from_disk_only()
    assert load_deck(deck, ("title",), cache) == fresh
    assert entries[0].read_bytes() != b"not a pickle"


def test_switched_off_by_the_environment(
    deck: DeckFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARP_I18N_NO_CACHE", "1")
    fresh = load_deck(deck, ("title",), Cache.for_project(tmp_path))
    assert not (tmp_path / FOLDER).exists()
    no_segmenting(monkeypatch)  # within one run the deck is still segmented once
    assert load_deck(deck, ("title",), Cache.for_project(tmp_path)) == fresh


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_an_unwritable_cache_is_not_used(deck: DeckFile, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    cache = Cache(folder / FOLDER)
    assert load_deck(deck, (), cache).units
    assert cache.folder is None


def test_a_cache_that_cannot_be_written_is_dropped_not_fatal(
    deck: DeckFile, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = Cache(blocker / FOLDER)
    assert load_deck(deck, (), cache).units
    assert cache.folder is None


def test_check_results_are_reused_until_a_catalogue_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from i18n.check import check_course, read_settings
    from i18n.check import run as check_run
    from i18n.config import Config

    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "a.md").write_text("# Hello\n\nWorld.\n", encoding="utf-8")
    po = tmp_path / "locales" / "sv" / "a.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Hello"\nmsgstr "Hej"\n\nmsgid "World."\nmsgstr "Värld."\n',
        encoding="utf-8",
    )
    config = Config(root=tmp_path, languages=("sv",))
    monkeypatch.chdir(tmp_path)
    settings = read_settings({})
    first = check_course(config, settings)
    assert first.exit_code == 0

    def refuse(*args: object) -> None:
        raise AssertionError("checked again although nothing changed")

    with monkeypatch.context() as patched:
        patched.setattr(check_run, "_check_deck", refuse)
        assert check_course(config, settings) == first
        from_disk_only()
        assert check_course(config, settings) == first
        with pytest.raises(AssertionError, match="checked again"):  # other settings: a miss
            check_course(config, read_settings({}, disable=("same-as-source",)))
    po.write_text(po.read_text(encoding="utf-8").replace('"Värld."', '""'), encoding="utf-8")
    assert check_course(config, settings).exit_code == 1
