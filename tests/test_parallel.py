"""A course large enough to be worked on over several processes behaves as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Cli

from i18n.parallel import MIN_ITEMS, parallel_map

DECKS = MIN_ITEMS + 6


def square(n: int) -> int:
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def test_results_come_in_order_and_errors_reach_the_caller() -> None:
    items = [n for n in range(DECKS * 2) if n != 13]
    assert list(parallel_map(square, items, jobs=2)) == [n * n for n in items]
    with pytest.raises(ValueError, match="thirteen"):
        list(parallel_map(square, list(range(DECKS)), jobs=2))


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MARP_I18N_NO_CACHE", "1")  # every deck is really segmented
    for n in range(DECKS):
        (tmp_path / "slides" / f"d{n:02}.md").parent.mkdir(exist_ok=True)
        (tmp_path / "slides" / f"d{n:02}.md").write_text(f"# Deck {n}\n\nText {n}.\n")
    (tmp_path / "slides" / "d07.md").write_bytes(b"# Caf\xe9\n")  # Latin-1: refused
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_deck_is_one_line_and_the_others_are_done_in_order(
    course: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    jobs: str,
) -> None:
    monkeypatch.setenv("MARP_I18N_JOBS", jobs)
    code, out, err = cli("update")
    assert code == 2
    assert err.count("d07.md") == 1 and "UTF-8" in err
    pots = [line.split(":")[0] for line in out.splitlines() if line.endswith("messages")]
    assert pots == [f"locales/d{n:02}.pot" for n in range(DECKS) if n != 7]
    code, out, err = cli("build", "--lang", "sv")
    assert code == 2
    assert err.count("d07.md") == 1
    assert out.splitlines()[:-1] == [f"build/sv/d{n:02}.md" for n in range(DECKS) if n != 7]
    code, out, _ = cli("check", "--min", "0")
    assert code == 2
    assert "d07.md" in out and out.count("sv  ") == DECKS  # every other deck has a row


def test_an_entry_checker_belongs_to_its_run_and_is_made_again_in_a_worker() -> None:
    import pickle

    from i18n.check import read_settings
    from i18n.check.run import Checkers

    run = Checkers(read_settings({}, disable=("same-as-source",)))
    plain = run.get()
    assert run.get() is plain  # every deck of the run: one checker
    assert Checkers(read_settings({})).get() is not plain  # another run: its own
    sent = pickle.loads(pickle.dumps(run))  # as a worker process receives it
    assert sent.get() is not plain and not sent.get().settings.enabled("same-as-source")
