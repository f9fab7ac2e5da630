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
