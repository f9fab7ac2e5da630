"""The cache: same answers as the work it saves, never a stale one, and never anything a
pull request can plant (issue 18): entries are authenticated data outside the course."""

from __future__ import annotations

import json
import os
import pickle
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Cli
from hypothesis import given
from hypothesis import strategies as st

import i18n.cache
import i18n.segment
from i18n.cache import MAGIC, Cache, cache_root
from i18n.check.report import Report
from i18n.files import DeckFile, load_deck
from i18n.json_values import InvalidData, from_plain, to_plain
from i18n.model import Deck

DECK = "---\ntitle: Hello\n---\n\n# One\n\nText.\n\n---\n\nTwo <!-- a note -->\n"
PO = (
    'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Hello"\nmsgstr "Hej"\n\nmsgid "World."\nmsgstr "Värld."\n'
)


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has its own cache folder and key, and starts without this process's memory."""
    monkeypatch.setenv("MARP_I18N_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.delenv("MARP_I18N_CACHE_KEY", raising=False)
    monkeypatch.delenv("MARP_I18N_NO_CACHE", raising=False)
    i18n.cache._secret.cache_clear()
    i18n.cache._RECENT.clear()


def from_disk_only() -> None:
    i18n.cache._RECENT.clear()


@pytest.fixture
def course(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    (root / "slides").mkdir(parents=True)
    return root


@pytest.fixture
def deck(course: Path) -> DeckFile:
    path = course / "slides" / "a.md"
    path.write_text(DECK, encoding="utf-8")
    return DeckFile("a.md", path)


def no_segmenting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("segmented although cached")

    monkeypatch.setattr(i18n.segment, "segment_deck", refuse)


def entries() -> list[Path]:
    return [p for p in cache_root().rglob("*") if p.is_file() and len(p.name) == 64]


def deck_entries() -> list[Path]:
    """The entries of segmented decks (beside each, what YAML said of it): the plain
    form of a ``Deck`` begins with its name."""
    return [p for p in entries() if b'["a.md",' in p.read_bytes()]


def test_a_cached_deck_equals_a_segmented_one_and_is_not_parsed_again(
    deck: DeckFile, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_deck(deck, ("title",), Cache.for_project(course))
    no_segmenting(monkeypatch)
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh  # memory
    from_disk_only()
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh  # disk
    assert len(deck_entries()) == 1 and len(entries()) == 2  # and what YAML said of it


def test_the_cache_lives_outside_the_course(deck: DeckFile, course: Path) -> None:
    load_deck(deck, ("title",), Cache.for_project(course))
    assert sorted(p.name for p in course.rglob("*")) == ["a.md", "slides"]
    assert entries() and all(not p.resolve().is_relative_to(course) for p in entries())
    key = cache_root() / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_cache_folder_inside_the_course_is_not_used(
    deck: DeckFile, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """There a pull request could commit entries and the key itself."""
    monkeypatch.setenv("MARP_I18N_CACHE_DIR", str(course / ".cache"))
    cache = Cache.for_project(course)
    assert cache.folder is None
    assert load_deck(deck, (), cache).units
    assert not (course / ".cache").exists()


def test_any_change_to_the_deck_or_the_keys_misses(deck: DeckFile, course: Path) -> None:
    cache = Cache.for_project(course)
    first = load_deck(deck, ("title",), cache)
    other_keys = load_deck(deck, ("title", "description"), cache)
    assert [u.msgid for u in first.units] == [u.msgid for u in other_keys.units]
    deck.path.write_text(DECK.replace("Text.", "Changed."), encoding="utf-8")
    changed = load_deck(deck, ("title",), cache)
    assert "Changed." in [u.msgid for u in changed.units]
    assert "Text." not in [u.msgid for u in changed.units]
    untitled = load_deck(deck, (), cache)
    assert "Hello" not in [u.msgid for u in untitled.units]


class _Planted:
    """What an attacker pickles: unpickling it writes a file (stands for any code)."""

    marker: Path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_a_planted_pickle_never_runs(
    deck: DeckFile, course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_deck(deck, ("title",), Cache.for_project(course))
    planted = _Planted()
    planted.marker = tmp_path / "pwned"
    payload = pickle.dumps(planted)
    pickle.loads(payload)  # the payload works: it would run if the cache unpickled it
    assert planted.marker.exists()
    planted.marker.unlink()
    for entry in entries():  # as a bare pickle, and behind our magic with a forged tag
        entry.write_bytes(payload)
        from_disk_only()
        assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh
        entry.write_bytes(MAGIC + b"\0" * 32 + payload)
        from_disk_only()
        assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh
    # and where the old versions kept it, inside the course (committed with git add -f)
    old = course / ".marp-i18n-cache"
    old.mkdir()
    for entry in entries():
        (old / entry.name[:2]).mkdir(exist_ok=True)
        (old / entry.name[:2] / entry.name).write_bytes(payload)
    from_disk_only()
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh
    assert not planted.marker.exists()


def _forge(entry: Path, value: object, secret: bytes) -> None:
    """Write ``value`` as an entry authenticated with ``secret`` (the attacker's guess)."""
    cache = Cache(entry.parent.parent, secret)
    cache.put(entry.name, value)


def test_a_crafted_deck_does_not_change_what_build_writes(deck: DeckFile, course: Path) -> None:
    fresh = load_deck(deck, ("title",), Cache.for_project(course))
    crafted = replace(fresh, units=(), text="<!-- style: section{display:none} -->\n")
    (entry,) = deck_entries()
    for guess in (b"\0" * 32, b"secret", (cache_root() / "key").read_bytes()[:-1] + b"!"):
        _forge(entry, crafted, guess)
        from_disk_only()
        assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh


def test_entries_made_with_another_key_are_not_trusted(
    deck: DeckFile, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI cache restored from a run that did not know the secret is ignored."""
    monkeypatch.setenv("MARP_I18N_CACHE_KEY", "the fork's guess")
    i18n.cache._secret.cache_clear()
    fresh = load_deck(deck, ("title",), Cache.for_project(course))
    (entry,) = deck_entries()
    _forge(entry, replace(fresh, units=()), i18n.cache._secret(cache_root()))
    monkeypatch.setenv("MARP_I18N_CACHE_KEY", "the project's secret")
    i18n.cache._secret.cache_clear()
    from_disk_only()
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh


def test_a_key_others_can_read_or_write_disables_the_disk_cache(
    deck: DeckFile, course: Path
) -> None:
    load_deck(deck, (), Cache.for_project(course))
    (cache_root() / "key").chmod(0o644)
    i18n.cache._secret.cache_clear()
    assert Cache.for_project(course).folder is None


def _check_course(course: Path) -> Report:
    from i18n.check import check_course, read_settings
    from i18n.config import Config

    return check_course(Config(root=course, languages=("sv",)), read_settings({}))


def _course_with_catalogue(course: Path) -> Path:
    (course / "slides" / "a.md").write_text("# Hello\n\nWorld.\n", encoding="utf-8")
    po = course / "locales" / "sv" / "a.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO.replace('"Värld."', '""'), encoding="utf-8")
    return po


def test_a_crafted_report_does_not_make_check_pass(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _course_with_catalogue(course)
    monkeypatch.chdir(course)
    failing = _check_course(course)
    assert failing.exit_code == 1
    passing = Report(catalogues=[replace(s, threshold=0.0) for s in failing.catalogues])
    assert passing.exit_code == 0
    report_entries = [e for e in entries() if b"a.po" in e.read_bytes()]
    assert report_entries
    for entry in report_entries:
        _forge(entry, passing, b"not the key")
        entry.with_name("x").write_text(json.dumps(to_plain(passing)))
        from_disk_only()
        assert _check_course(course) == failing


def test_check_results_are_reused_until_a_catalogue_changes(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from i18n.check import check_course, read_settings
    from i18n.check import run as check_run
    from i18n.config import Config

    po = _course_with_catalogue(course)
    po.write_text(PO, encoding="utf-8")
    config = Config(root=course, languages=("sv",))
    monkeypatch.chdir(course)
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
    po.write_text(PO.replace('"Värld."', '""'), encoding="utf-8")
    assert check_course(config, settings).exit_code == 1


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["flip", "cut", "append", "zero"]), st.integers(0, 10**6), st.binary()
        ),
        min_size=1,
        max_size=4,
    )
)
def test_no_corruption_of_any_entry_ends_in_a_traceback(
    corruptions: list[tuple[str, int, bytes]],
) -> None:
    """Every entry of a deck and a check run, corrupted at random: the same answers."""
    base = Path(os.environ["MARP_I18N_CACHE_DIR"]) / "fuzz"
    course = base / "course"
    if not course.exists():
        (course / "slides").mkdir(parents=True)
        _course_with_catalogue(course)
    os.environ["MARP_I18N_CACHE_DIR"] = str(base / "cache")
    i18n.cache._secret.cache_clear()
    deck = DeckFile("a.md", course / "slides" / "a.md")
    from_disk_only()
    fresh_deck = load_deck(deck, ("title",), Cache.for_project(course))
    fresh_report = _check_course(course)
    for entry in entries():
        data = bytearray(entry.read_bytes())
        for how, at, extra in corruptions:
            at %= max(len(data), 1)
            if how == "flip" and data:
                data[at] ^= 1 << (at % 8)
            elif how == "cut":
                del data[at:]
            elif how == "append":
                data += extra
            else:
                data[at : at + len(extra)] = bytes(len(extra))
        entry.write_bytes(bytes(data))
    from_disk_only()
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh_deck
    assert _check_course(course) == fresh_report


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=6),
    max_leaves=30,
)


@given(_JSON)
def test_authentic_data_of_the_wrong_shape_is_refused_not_crashed_on(data: object) -> None:
    """Even an entry with a valid tag (another version's, a bug's) is checked field by field."""
    for kind in (Deck, Report):
        try:
            value = from_plain(kind, data)
        except InvalidData:
            continue
        assert isinstance(value, kind)
        assert from_plain(kind, to_plain(value)) == value


def test_a_stored_value_reads_back_equal_with_exact_types(deck: DeckFile) -> None:
    value = load_deck(deck, ("title",))
    back = from_plain(Deck, json.loads(json.dumps(to_plain(value))))
    assert back == value
    bad = to_plain(value)
    assert isinstance(bad, list)
    bad[3] = True  # slides: a bool is no int
    with pytest.raises(InvalidData):
        from_plain(Deck, bad)


def test_switched_off_by_the_environment(
    deck: DeckFile, course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARP_I18N_NO_CACHE", "1")
    fresh = load_deck(deck, ("title",), Cache.for_project(course))
    assert not cache_root().exists()
    no_segmenting(monkeypatch)  # within one run the deck is still segmented once
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh


def test_a_cache_that_cannot_be_written_is_dropped_not_fatal(
    deck: DeckFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("MARP_I18N_CACHE_DIR", str(blocker / "cache"))
    i18n.cache._secret.cache_clear()
    cache = Cache.for_project(deck.path.parent.parent)
    assert load_deck(deck, (), cache).units
    assert cache.folder is None


def test_check_after_build_takes_the_builds_verdicts(
    deck: DeckFile, course: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """A translated deck verified by ``build`` is not parsed again by ``check`` (the CI
    order: build, then check), and the verdict read back is the build's own."""
    (course / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    po = course / "locales" / "sv" / "a.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO.replace('"World."', '"Text."'), encoding="utf-8")
    monkeypatch.chdir(course)
    assert cli("build")[0] == 0
    assert "Hej" in (course / "build" / "sv" / "a.md").read_text(encoding="utf-8")
    from_disk_only()
    parses: list[str] = []

    def parse(text: str, keys: tuple[str, ...] = ()) -> None:
        parses.append(text)
        raise AssertionError("parsed again")

    monkeypatch.setattr("i18n.guard.deck.deck_structure", parse)
    code, out, _ = cli("check")
    assert code == 1 and "1 stale, 0 translation problems" in out  # One, Two, note
    assert parses == []


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 24 * 3600
    os.utime(path, (then, then), follow_symlinks=False)


def test_entries_unused_for_a_month_are_pruned_once_a_day(deck: DeckFile, course: Path) -> None:
    load_deck(deck, ("title",), Cache.for_project(course))
    (used,) = deck_entries()
    courses = cache_root() / "courses"
    old = used.parent / ("ab" + "0" * 62)  # an old entry of another deck, in another folder
    old = courses / "gone-course" / "ab" / old.name
    old.parent.mkdir(parents=True)
    old.write_bytes(b"x")
    interrupted = used.parent / ".x.tmp"
    interrupted.write_bytes(b"x")
    kept = [cache_root() / "key", courses / "gone-course" / "ab" / "notes.txt"]
    kept[1].write_text("someone's file")
    for path in (old, interrupted, *kept):
        _age(path, 40)
    _age(used, 20)
    assert i18n.cache.prune(courses, time.time()) == 0  # for_project pruned today already
    _age(courses / ".pruned", 2)
    assert i18n.cache.prune(courses, time.time()) == 2
    assert not old.exists() and not interrupted.exists()
    assert used.exists() and all(path.exists() for path in kept)


def test_a_used_entry_is_kept_however_old(deck: DeckFile, course: Path) -> None:
    fresh = load_deck(deck, ("title",), Cache.for_project(course))
    (entry,) = deck_entries()
    _age(entry, 29)
    from_disk_only()
    assert load_deck(deck, ("title",), Cache.for_project(course)) == fresh  # a hit
    assert time.time() - entry.stat().st_mtime < 60
    _age(cache_root() / "courses" / ".pruned", 2)
    i18n.cache.prune(cache_root() / "courses", time.time() + 2 * 24 * 3600)
    assert deck_entries() == [entry]


def test_pruning_never_follows_a_link(tmp_path: Path, course: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "ab"
    elsewhere.mkdir(parents=True)
    victim = elsewhere / ("ab" + "1" * 62)
    victim.write_bytes(b"not ours")
    _age(victim, 90)
    courses = cache_root() / "courses"
    courses.mkdir(parents=True)
    (courses / "linked").symlink_to(tmp_path / "elsewhere")
    (courses / "real" / "ab").mkdir(parents=True)
    (courses / "real" / "ab" / victim.name).symlink_to(victim)
    assert i18n.cache.prune(courses, time.time()) == 0
    assert victim.exists()


def test_the_code_signature_follows_every_source_file(tmp_path: Path) -> None:
    """The key's code part changes with a file's size, its time or a new file, and not
    with bytecode: the test Python applies to its own .pyc files."""
    package = tmp_path / "pkg"
    (package / "sub" / "__pycache__").mkdir(parents=True)
    module = package / "sub" / "rules.py"
    module.write_text("A = 1\n")
    (package / "__init__.py").write_text("")
    first = i18n.cache.source_signature(package)
    assert b"sub/rules.py" in first and b"__init__.py" in first

    (package / "sub" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"x")
    (package / "notes.txt").write_text("not code")
    assert i18n.cache.source_signature(package) == first

    module.write_text("A = 22\n")
    second = i18n.cache.source_signature(package)
    assert second != first
    info = module.stat()
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # same size, a new time
    assert i18n.cache.source_signature(package) != second

    third = i18n.cache.source_signature(package)
    (package / "sub" / "new.py").write_text("")
    assert i18n.cache.source_signature(package) != third
