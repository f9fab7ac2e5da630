"""Shared test setup: a C locale, Hypothesis budgets, the real corpus, and the CLI runner."""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
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


Cli = Callable[..., tuple[int, str, str]]
"""The CLI run in this process: ``cli("check", "--min", "0")`` → (exit code, stdout, stderr)."""


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Runs ``main()`` on the given arguments, in the current folder, and returns its
    exit code and what it printed (capsys read, so each call sees only its own output)."""
    from i18n.cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def cli_in(root: Path, *args: str) -> tuple[int, str, str]:
    """The ``cli`` fixture's run in ``root``, for module-scoped fixtures (no capsys
    there): output is caught by redirecting sys.stdout and sys.stderr instead."""
    from i18n.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(root),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()
