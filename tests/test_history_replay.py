"""One small real history (``../shared/histories``) replayed through ``update`` and GNU
``msgmerge --previous`` the way ``make bench-history`` replays them all: nothing lost,
and at least msgmerge's recall with no more doubtful suggestions or obsolete entries."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from bench_history import HISTORIES, MSGMERGE, Replay

DECK = HISTORIES / "menacit__virt_base_course" / "27-container_cons.md"


def test_a_real_history_loses_nothing_and_recalls_as_much_as_msgmerge(tmp_path: Path) -> None:
    if not DECK.is_dir():
        pytest.skip(f"histories not found at {DECK}")
    if shutil.which(MSGMERGE) is None:
        pytest.skip(f"msgmerge not found ({MSGMERGE}): install gettext")
    replay = Replay(DECK.name, sorted(DECK.glob("[0-9][0-9][0-9].md")), tmp_path)
    replay.run()
    ours, theirs = replay.ours, replay.theirs
    assert ours.transitions == theirs.transitions == 5
    assert (ours.lost, ours.wrong) == (0, 0)
    assert ours.kept == ours.still_present == theirs.still_present
    assert ours.ideal == theirs.ideal > 0
    assert ours.from_predecessor >= theirs.from_predecessor
    assert ours.doubtful <= theirs.doubtful
    assert ours.obsolete <= theirs.obsolete
