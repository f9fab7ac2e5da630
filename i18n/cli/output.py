"""What the commands print, and how loudly: ``--quiet``, ``--verbose`` and a progress line.

One object decides for every command, so ``-q`` and ``-v`` mean the same everywhere:

- quiet: errors and warnings only (stderr); no per-file lines, summaries or progress;
- normal: one line per file written (stdout) and a closing summary;
- verbose: also the files left as they were and other details.

On a terminal (stderr is a TTY, ``CI`` unset, ``TERM`` not ``dumb``) long runs show a
single progress line on stderr that is cleared before any message, so warnings never
land in the middle of it; the per-file lines are then left out unless stdout goes
elsewhere or ``--verbose`` asks for them. In CI and in pipes nothing but plain lines is
written, so logs stay readable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from i18n.text import counted

if TYPE_CHECKING:
    from i18n.update import Line

F = TypeVar("F", bound=Callable[..., Any])

QUIET, NORMAL, VERBOSE = -1, 0, 1


def _interactive(stream: TextIO, env: dict[str, str] | os._Environ[str]) -> bool:
    """A person watches this stream: worth a progress line."""
    if env.get("CI", "").lower() not in ("", "0", "false") or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class ClickObj:
    """The group's options, typed, on the click context (``ctx.obj``) for every command
    and for ``main``, which decides by ``debug`` whether an error is one line."""

    debug: bool = False
    verbosity: int = NORMAL


@dataclass
class Output:
    """The one place commands print through."""

    verbosity: int = NORMAL
    progress_shown: bool = False
    _total: int = 0
    _done: int = 0
    _label: str = ""
    _drawn: bool = field(default=False, repr=False)
    _warned: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def for_terminal(cls, verbosity: int) -> Output:
        shown = verbosity > QUIET and _interactive(sys.stderr, os.environ)
        return cls(verbosity=verbosity, progress_shown=shown)

    @property
    def quiet(self) -> bool:
        return self.verbosity <= QUIET

    @property
    def verbose(self) -> bool:
        return self.verbosity >= VERBOSE

    @property
    def lines_shown(self) -> bool:
        """Per-file lines go to stdout unless a progress line already says it all."""
        if self.quiet:
            return False
        return self.verbose or not self.progress_shown or not _interactive(sys.stdout, {})

    # -- messages -------------------------------------------------------------------

    def line(self, text: str) -> None:
        """A file written, a deck rendered: one line on stdout at normal verbosity."""
        if self.lines_shown:
            self._clear()
            click.echo(text)

    def detail(self, text: str) -> None:
        """Only with --verbose (stdout)."""
        if self.verbose:
            self._clear()
            click.echo(text)

    def summary(self, text: str) -> None:
        """The closing line of a run; left out with --quiet."""
        self.finish()
        if not self.quiet:
            click.echo(text)

    def warn(self, text: str) -> None:
        """Warnings and errors: always, on stderr, each once: ``pseudo`` meets a bad deck
        when it writes catalogues and again when it builds, and one line is enough."""
        if text in self._warned:
            return
        self._warned.add(text)
        self._clear()
        click.echo(text, err=True)

    # -- progress ---------------------------------------------------------------------

    def start(self, total: int, label: str) -> None:
        """Begin a counted run of ``total`` steps (a deck, a catalogue)."""
        self._total, self._done, self._label = total, 0, label
        self._draw("")

    def step(self, item: str = "") -> None:
        """One step done; ``item`` names it on the progress line."""
        self._done += 1
        self._draw(item)

    def finish(self) -> None:
        self._clear()
        self._total = self._done = 0

    def _draw(self, item: str) -> None:
        if not self.progress_shown or not self._total:
            return
        width = 24
        filled = width * min(self._done, self._total) // self._total
        bar = "#" * filled + "-" * (width - filled)
        text = f"{self._label} [{bar}] {self._done}/{self._total} {item}"
        columns = _columns()
        click.echo("\r\x1b[K" + text[: columns - 1], nl=False, err=True, color=True)
        self._drawn = True

    def _clear(self) -> None:
        if self._drawn:
            click.echo("\r\x1b[K", nl=False, err=True, color=True)
            self._drawn = False


def _columns() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 80


def output_options(func: F) -> F:
    """``-q/--quiet`` and ``-v/--verbose`` on a subcommand (they work on the group too)."""
    func = click.option(
        "-v", "--verbose", "verbose", count=True, help="Say more: also files left unchanged."
    )(func)
    func = click.option("-q", "--quiet", "quiet", is_flag=True, help="Only warnings and errors.")(
        func
    )
    return func


def get_output(quiet: bool = False, verbose: int = 0) -> Output:
    """The Output for this run: the subcommand's flags, else the group's."""
    ctx = click.get_current_context(silent=True)
    level = NORMAL
    root = ctx.find_root() if ctx is not None else None
    if root is not None and isinstance(root.obj, ClickObj):
        level = root.obj.verbosity
    if quiet:
        level = QUIET
    elif verbose:
        level = VERBOSE
    return Output.for_terminal(level)


def show_lines(lines: Iterable[Line], out: Output, label: str, noun: str) -> bool:
    """Print a streamed run (extract, update) through ``out``; True when a file failed.

    ``noun`` names one file ("template"); the summary counts them.

    Files left as they were are listed only with --verbose; the summary counts them.
    """
    failed = False
    written = unchanged = 0
    for line in lines:
        if line.total is not None:
            out.start(line.total, label)
            continue
        failed = failed or line.error
        if line.stderr:
            out.warn(line.text)
        elif line.note:
            out.line(line.text)
        elif line.unchanged:
            unchanged += 1
            out.detail(line.text)
        elif line.text:
            written += 1
            out.line(line.text)
        if line.step:
            out.step(line.text.partition(":")[0] if not line.stderr else "")
    out.summary(f"{counted(written + unchanged, noun)}: {written} written, {unchanged} unchanged.")
    return failed
