"""Shared test setup: a C locale, Hypothesis budgets, and the real corpus."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from marp import MarpServer, marp_available

os.environ["LC_ALL"] = "C"
# The cache lives in the user's cache folder (i18n/cache.py): tests get their own, so
# they neither read a developer's entries nor leave thousands behind in ~/.cache.
os.environ["MARP_I18N_CACHE_DIR"] = tempfile.mkdtemp(prefix="marp-i18n-test-cache-")
atexit.register(shutil.rmtree, os.environ["MARP_I18N_CACHE_DIR"], True)
os.environ.pop("MARP_I18N_CACHE_KEY", None)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE = ROOT / "slides" / "12-confidential_hw_virt.md"

# CI runs a fixed budget with fixed seeds (a red CI is then reproducible and never a
# new random find); `make fuzz` runs long and random.
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(  # random seeds at CI's budget, for a quick look around
    "dev", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def corpus_decks() -> list[Path]:
    """Every deck of the real corpus, or [] when ../shared/corpus is absent."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.md") if p.name != "SOURCES.md")


@pytest.fixture
def corpus() -> list[Path]:
    decks = corpus_decks()
    if not decks:
        pytest.skip(f"corpus not found at {CORPUS}")
    return decks


@pytest.fixture(scope="module")
def marp() -> Iterator[MarpServer]:
    """One long-lived Node process with the pinned Marp (tests/marp.py), per module;
    the test is skipped with the reason when Node or Marp is missing."""
    reason = marp_available()
    if reason is not None:
        pytest.skip(reason)
    with MarpServer() as server:
        yield server
