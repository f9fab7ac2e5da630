"""--quiet, --verbose and the progress line, the same in every command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import Cli

from i18n.cli import output
from i18n.cli.output import Output

DECK = "# Title\n\nHello world.\n\n---\n\nSecond slide.\n"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "slides" / f"{name}.md").write_text(DECK.replace("Hello", name))
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    return tmp_path


@pytest.mark.parametrize("command", ["extract", "update", "build", "check"])
def test_quiet_prints_nothing_on_success_before_or_after_the_command(
    course: Path, cli: Cli, command: str
) -> None:
    if command == "check":  # a passing check needs complete catalogues
        (course / "pyproject.toml").write_text(
            '[tool.marp-i18n]\nlanguages = ["sv"]\n[tool.marp-i18n.check]\nmin = 0\n'
        )
    cli("update")
    assert cli(command, "--quiet") == (0, "", "")
    assert cli("-q", command) == (0, "", "")


def test_verbose_lists_unchanged_files_normal_only_counts_them(course: Path, cli: Cli) -> None:
    cli("build")
    code, out, _ = cli("build")
    assert code == 0 and out == "6 decks: 0 written, 6 unchanged.\n"
    code, out, _ = cli("--verbose", "build")
    assert "build/sv/a.md (unchanged)" in out.splitlines()


def test_warnings_survive_quiet(course: Path, cli: Cli) -> None:
    (course / "slides" / "a.md").write_text("# A\n\n![x](missing.png)\n")
    code, out, err = cli("build", "-q")
    assert code == 0 and out == ""
    assert "slides/a.md:3: warning: image not found: missing.png" in err


def test_quiet_check_still_explains_a_failure(course: Path, cli: Cli) -> None:
    cli("update")
    code, out, _ = cli("check", "-q")
    assert code == 1
    assert "Language" not in out  # no table
    assert "locales/sv/a.po" in out and out.splitlines()[-1].startswith("check failed:")


def test_progress_line_on_a_terminal_is_cleared_before_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    out = Output(progress_shown=True)
    out.start(3, "build sv")
    out.step("a.md")
    out.warn("a.md:1: warning: something")
    out.step("b.md")
    out.step("c.md")
    out.finish()
    text = err.getvalue()
    assert "build sv [########----------------] 1/3 a.md" in text
    # the warning starts on a cleared line, never after the bar
    assert "\r\x1b[Ka.md:1: warning: something\n" in text
    assert "3/3 c.md" in text and text.endswith("\r\x1b[K")


def test_no_progress_in_ci_or_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    tty = io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    assert output._interactive(tty, {})
    assert not output._interactive(tty, {"CI": "true"})
    assert not output._interactive(tty, {"TERM": "dumb"})
    assert not output._interactive(io.StringIO(), {})
    assert output._interactive(tty, {"CI": "false"})


def test_missing_images_are_one_warning_per_deck(course: Path, cli: Cli) -> None:
    (course / "slides" / "a.md").write_text("# A\n\n![x](one.png)\n\n![y](two.png)\n")
    code, _, err = cli("build", "-q")
    assert code == 0
    lines = [line for line in err.splitlines() if "not found" in line]
    assert lines == [
        "slides/a.md:3: warning: 2 images not found: one.png (line 3), two.png (line 5)"
    ]  # once, though two languages were built
