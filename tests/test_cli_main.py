"""The command group: ``--debug`` and the verbosity travel on a typed context object."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n.cli.main import main
from i18n.errors import I18nError


def test_an_error_is_one_line_and_a_traceback_only_with_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--slides", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("marp-i18n: nowhere: slides folder not found"), err
    assert len(err.splitlines()) == 1
    with pytest.raises(I18nError, match="slides folder not found"):
        main(["--debug", "build", "--slides", "nowhere"])


def test_the_verbosity_of_the_group_reaches_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "a.md").write_text("# Hi\n", encoding="utf-8")
    assert main(["extract"]) == 0
    assert "a.pot" in capsys.readouterr().out
    assert main(["-q", "extract"]) == 0
    assert capsys.readouterr().out == ""


def test_the_console_script_exits_with_mains_code_and_only_it_tunes_the_collector(
    tmp_path: Path,
) -> None:
    """``run`` (the console script and ``python -m i18n``) hands on ``main``'s exit code;
    the collector's tuning is the script's, never the library's."""
    import subprocess
    import sys

    probe = (
        "import gc, sys; before = gc.get_threshold(); import i18n.cli.main; "
        "assert gc.get_threshold() == before; from i18n.cli import run; "
        "sys.argv = ['marp-i18n', 'update', '--lang', 'qq']; run()"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("marp-i18n: ")
    assert "Traceback" not in done.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "i18n", "--help"], capture_output=True, text=True, timeout=60
    )
    assert ok.returncode == 0 and "update" in ok.stdout
