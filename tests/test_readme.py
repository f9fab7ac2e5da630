"""The README's commands: each one it names exists with the flags it shows, and the
concrete ones run against a temporary course (issue 14: every command and flag in the
README exists and works)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from conftest import ROOT, cli_in
from markdown_it import MarkdownIt
from marp import marp_available

from i18n.cli.main import cli

README = ROOT / "README.md"
_PLACEHOLDER = re.compile(r"^[A-Z][A-Z_]+$")  # DECK, SOURCE_DECK, DIR, PERCENT
_FLAG = re.compile(r"^(-[a-z]|--[a-z][a-z0-9-]*)(/(-[a-z]|--[a-z][a-z0-9-]*))*(\s|$)")


def readme_commands() -> tuple[list[list[str]], list[str]]:
    """(``marp-i18n`` command lines as argument lists, flags named alone in inline code),
    from the README's ``sh`` blocks and inline code, as markdown-it reads them. A bare
    ``marp-i18n review`` in the text names the command; it is no command line."""
    commands: list[list[str]] = []
    flags: list[str] = []
    for token in MarkdownIt().parse(README.read_text(encoding="utf-8")):
        if token.type == "fence" and token.info.strip() == "sh":
            lines = token.content.splitlines()
        elif token.type == "inline":
            lines = [c.content for c in token.children or [] if c.type == "code_inline"]
            flags += [line.split()[0] for line in lines if _FLAG.match(line)]
        else:
            continue
        for line in lines:
            words = shlex.split(line, comments=True)
            if words[:1] == ["marp-i18n"] and (token.type == "fence" or len(words) > 2):
                commands.append(words[1:])
    return commands, flags


def _options(command: click.Command) -> set[str]:
    return {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}


def _command(name: str) -> click.Command:
    ctx = click.Context(cli)
    command = cli.get_command(ctx, name)
    assert command is not None, f"README names `marp-i18n {name}`, which does not exist"
    return command


def test_the_readme_names_commands_and_flags() -> None:
    commands, flags = readme_commands()
    names = {c[0] for c in commands}
    # The first hour, and what the issue asked the README to show.
    assert {"init", "add-language", "update", "build", "render", "check", "report"} <= names
    assert {"--quiet", "--verbose", "--no-set-lang", "--overwrite"} <= {
        f for flag in flags for f in flag.split("/")
    }


def test_every_command_and_flag_in_the_readme_exists() -> None:
    commands, flags = readme_commands()
    group = _options(cli)
    every = set(group)
    for words in commands:
        command = _command(words[0])
        known = _options(command) | group
        every |= known
        for word in words[1:]:
            if word.startswith("-"):
                assert word in known, f"`marp-i18n {' '.join(words)}`: no option {word}"
    for name in cli.list_commands(click.Context(cli)):
        every |= _options(_command(name))
    for flag in flags:
        for part in flag.split("/"):
            assert part in every, f"README names {part}, which no command has"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """The example course as a course repository: its decks, its Swedish catalogue, a
    git history with the tag the README's review command names, a hand-made deck."""
    root = tmp_path / "course"
    shutil.copytree(ROOT / "slides", root / "slides")
    shutil.copytree(ROOT / "locales" / "sv", root / "locales" / "sv")
    assert cli_in(root, "init", "--install", "marp-i18n")[0] == 0
    assert cli_in(root, "add-language", "sv", "--min", "100")[0] == 0
    if shutil.which("git") is not None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "course"],
                     ["tag", "v2024-autumn"]):  # fmt: skip
            subprocess.run(["git", *args], cwd=root, env=env, check=True)
    assert cli_in(root, "-q", "build", "--lang", "sv")[0] == 0
    shutil.copy(root / "build" / "sv" / "12-confidential_hw_virt.md", root / "sv.md")
    return root


def test_every_concrete_readme_command_runs(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands, _ = readme_commands()
    no_marp = marp_available()
    if no_marp is None:  # `marp-i18n render` as the README says it: marp-cli on PATH
        monkeypatch.setenv(
            "PATH", f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}"
        )
    skipped = []
    ran = 0
    for words in commands:
        if any(_PLACEHOLDER.match(w) for w in words):
            continue  # a synopsis (DECK, DIR): its flags are checked above
        if words[0] == "review" and shutil.which("git") is None:
            skipped.append("review --since needs git")
            continue
        if words[0] in ("render", "pseudo") and no_marp is not None:
            skipped.append(f"{words[0]}: {no_marp}")
            continue
        if words[0] == "render":
            words = [*words, "--no-pdf"]  # PDFs take seconds each; test_render has them
        code, _, err = cli_in(course, *words)
        assert code in (0, 1), f"marp-i18n {' '.join(words)} exited {code}: {err}"
        assert "Usage:" not in err and "Traceback" not in err
        ran += 1
    assert ran >= 15
    if skipped:
        pytest.skip("not run: " + "; ".join(skipped))
