"""Render built decks to HTML (and PDF) with marp-cli, one marp-cli run per language and format.

marp-cli takes a second or more to start (Node, and Chromium for PDF), so each language's
decks go to one run. marp-cli refuses ``-o`` with several input files and its ``-I`` would
also pick up Markdown under ``html/`` and ``pdf/``, so it is given the exact deck list and
writes each output beside its deck; every output is moved into ``html/`` or ``pdf/`` as soon
as marp-cli logs ``deck.md => deck.html``, so progress is reported per deck as it happens.
marp-cli exits 0 even for inputs it skipped, so a deck it never logs counts as failed.

A language's ``variables`` file (written by ``build``) is applied as the course's
renderer (scenskrack) applies it: each ``%KEY%`` is replaced before Marp runs, in a
hidden copy beside the deck (so its relative image paths still resolve), removed after.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from i18n.disk import check_folder, is_loop, read_input, resolved
from i18n.errors import ConfigError, I18nError, Warning_
from i18n.variables import VARIABLE, expand, parse_variables_file

Kind = Literal["html", "pdf"]
OUTPUT_DIRS: tuple[Kind, ...] = ("html", "pdf")
"""Folders under ``build/<lang>/`` that hold rendered output, never decks."""

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# marp-cli's per-file success line, e.g. "[  INFO ] sub/a.md => sub/a.html".
_CONVERTED = re.compile(r"^\[\s*INFO\s*\]\s(?P<src>.+?) => (?P<dst>.+)$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True, slots=True)
class RenderResult:
    """One deck rendered (or not) to one format."""

    lang: str
    """The language folder the deck was built into (``sv``)."""
    deck: Path
    """The built deck, ``build/<lang>/<name>.md``."""
    kind: Kind
    """``html`` or ``pdf``."""
    output: Path
    """Where the result is, or would have been: ``build/<lang>/<kind>/<name>.<kind>``."""
    error: str = ""
    """Empty on success; otherwise what marp-cli said."""

    @property
    def ok(self) -> bool:
        return not self.error


RenderProgress = Callable[[int, int, RenderResult], None]
"""Called once per deck and format as it finishes: (number done, total, result)."""


def find_languages(build: Path) -> list[str]:
    """Every language folder in ``build/``: the visible directories, sorted."""
    if not build.is_dir():
        return []
    return sorted(p.name for p in build.iterdir() if p.is_dir() and not p.name.startswith("."))


def find_decks(lang_dir: Path) -> list[Path]:
    """The built decks of one language: ``**/*.md`` outside the ``html/`` and ``pdf/`` outputs,
    regular files inside the folder (links resolved); ``problems`` names the others."""
    root = resolved(lang_dir)
    decks = []
    for path in _candidates(lang_dir):
        where = resolved(path)
        if path.is_file() and root is not None and where is not None and where.is_relative_to(root):
            decks.append(path)
    return decks


def _candidates(lang_dir: Path) -> list[Path]:
    found = []
    for path in sorted(lang_dir.rglob("*.md")):
        rel = path.relative_to(lang_dir)
        if rel.parts[0] in OUTPUT_DIRS or any(p.startswith(".") for p in rel.parts):
            continue
        found.append(path)
    return found


def problems(build: Path, langs: Sequence[str]) -> list[Warning_ | I18nError]:
    """Each thing ``render`` leaves out, as data (an error fails the run, a warning does
    not): a language folder that a link takes outside ``build/``, a deck that is a link
    loop, a FIFO, a device, or that leads outside its language folder. The other decks
    and languages are still rendered."""
    found: list[Warning_ | I18nError] = []
    for lang in langs:
        lang_dir = build / lang
        try:
            check_folder(lang_dir, build)
        except I18nError as exc:
            found.append(exc)
            continue
        if not lang_dir.is_dir():
            continue
        decks = set(find_decks(lang_dir))
        for path in _candidates(lang_dir):
            if path in decks:
                continue
            if is_loop(path):
                found.append(Warning_(str(path), None, "symlink loop, skipped"))
            elif path.exists() and not path.is_file():
                found.append(I18nError(str(path), None, "not a regular file"))
            else:
                found.append(Warning_(str(path), None, f"symlink leaves {lang_dir}, skipped"))
    return found


def find_chromium(env: Mapping[str, str]) -> str | None:
    """A Chromium or Chrome that marp-cli can print PDFs with, or None.

    ``CHROME_PATH`` (marp-cli's own variable) wins, then Debian's ``/usr/bin/chromium``,
    then the usual names on ``PATH``. The environment is a parameter so callers decide.
    """
    candidates = [env.get("CHROME_PATH", ""), "/usr/bin/chromium"]
    candidates += [shutil.which(name, path=env.get("PATH")) or "" for name in CHROMIUM_NAMES]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


MARP_HINT = (
    "run `npm ci` where package.json pins @marp-team/marp-cli, or `npm install "
    "@marp-team/marp-cli` in the course folder, or give --marp PATH"
)


def find_marp(root: Path, env: Mapping[str, str]) -> Path:
    """The marp-cli to run when none is given: the course's own (``node_modules/.bin``
    beside its settings, then in the current folder), then ``marp`` on ``PATH``; else
    the course's path, so the error names where it was looked for."""
    candidates = [root / "node_modules" / ".bin" / "marp", Path("node_modules/.bin/marp")]
    on_path = shutil.which("marp", path=env.get("PATH"))
    candidates += [Path(on_path)] if on_path else []
    return next((c for c in candidates if c.is_file()), candidates[0])


def output_path(lang_dir: Path, deck: Path, kind: Kind) -> Path:
    """``build/<lang>/<kind>/<deck path>.<kind>``: nested decks keep their folders."""
    return (lang_dir / kind / deck.relative_to(lang_dir)).with_suffix(f".{kind}")


def render(
    build: Path,
    langs: Sequence[str],
    *,
    marp: Path,
    chromium: str | None,
    env: Mapping[str, str],
    progress: RenderProgress | None = None,
) -> list[RenderResult]:
    """Render every deck of every language to HTML, and to PDF when ``chromium`` is given.

    Raises:
        I18nError: marp-cli is not installed at ``marp``.
        ConfigError: a requested language has no folder in ``build``.
    """
    if not marp.is_file():
        raise I18nError(str(marp), None, "marp-cli is not installed", MARP_HINT)
    jobs: list[tuple[str, Path, list[Path]]] = []
    for lang in langs:
        lang_dir = build / lang
        try:
            check_folder(lang_dir, build)  # ``problems`` says it: render the others
        except I18nError:
            continue
        if not lang_dir.is_dir():
            raise ConfigError(str(lang_dir), None, "no built decks", "run `marp-i18n build`")
        jobs.append((lang, lang_dir, find_decks(lang_dir)))
    kinds: list[Kind] = ["html", "pdf"] if chromium else ["html"]
    total = sum(len(decks) for _, _, decks in jobs) * len(kinds)
    results: list[RenderResult] = []

    def report(result: RenderResult) -> None:
        results.append(result)
        if progress is not None:
            progress(len(results), total, result)

    for lang, lang_dir, decks in jobs:
        values = language_variables(lang_dir)
        for kind in kinds:
            if decks:
                _run_marp(marp, lang, lang_dir, decks, kind, chromium, env, report, values)
        if decks:
            link_assets(lang_dir, lang_dir / "html")
    return results


def render_html(
    lang: str, lang_dir: Path, decks: list[Path], *, marp: Path, env: Mapping[str, str]
) -> list[RenderResult]:
    """Render some decks of one language to HTML in one marp-cli run, as ``render``
    does (the same files, so the next ``render`` or ``check --render`` can reuse them).

    Raises:
        I18nError: marp-cli is not installed at ``marp``.
    """
    if not marp.is_file():
        raise I18nError(str(marp), None, "marp-cli is not installed", MARP_HINT)
    results: list[RenderResult] = []
    if decks:
        values = language_variables(lang_dir)  # what ``render`` shows: its HTML is reused
        _run_marp(marp, lang, lang_dir, decks, "html", None, env, results.append, values)
        link_assets(lang_dir, lang_dir / "html")
    return results


def language_variables(lang_dir: Path) -> dict[str, str]:
    """The ``%KEY%`` values in ``build/<lang>/variables``, or none when there is no file.

    Raises:
        I18nError: the file is not a regular file, too large or not UTF-8.
    """
    data = read_input(lang_dir / "variables")
    if data is None:
        return {}
    try:
        return parse_variables_file(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise I18nError(
            str(lang_dir / "variables"), None, "not UTF-8", "run `marp-i18n build` again"
        ) from None


def _marp_inputs(decks: list[Path], values: Mapping[str, str]) -> dict[Path, Path]:
    """Each deck (by what marp-cli is given) as marp-cli should read it: the deck itself,
    or a hidden copy beside it with the variables filled in."""
    inputs: dict[Path, Path] = {}
    for deck in decks:
        text = deck.read_text(encoding="utf-8", errors="surrogateescape") if values else ""
        if not any(m.group(1) in values for m in VARIABLE.finditer(text)):
            inputs[deck] = deck
            continue
        copy = deck.with_name(f".{deck.stem}.marp-i18n-render.md")
        copy.unlink(missing_ok=True)  # a link left there is replaced, never written through
        copy.write_text(expand(text, values), encoding="utf-8", errors="surrogateescape")
        inputs[copy] = deck
    return inputs


def link_assets(lang_dir: Path, html_dir: Path) -> None:
    """Make the decks' files (images, ...) reachable from ``html/`` at the same relative
    paths, with relative symlinks: marp-cli keeps image URLs as written, and the HTML
    no longer sits beside the deck. No link is made where a link would take it outside
    the language folder."""
    for path in sorted(lang_dir.rglob("*")):
        rel = path.relative_to(lang_dir)
        if rel.parts[0] in OUTPUT_DIRS or path.is_dir() or path.suffix == ".md":
            continue
        if rel.as_posix() in ("variables", "order"):  # for the renderer, not the slides
            continue
        link = html_dir / rel
        if link.exists() or link.is_symlink():
            continue
        try:
            check_folder(link.parent, lang_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(os.path.relpath(path, link.parent))
        except (I18nError, OSError):
            continue  # the page shows a missing image; the deck itself was rendered


def _marp_command(marp: Path, kind: Kind, chromium: str | None) -> list[str]:
    command = [str(marp.resolve()), "--html"]
    if kind == "pdf":
        # Local images need --allow-local-files in PDF; marp-cli itself adds Chromium's
        # --no-sandbox when run as root, in a container or with CHROME_NO_SANDBOX set.
        command += ["--pdf", "--allow-local-files", "--browser-path", str(chromium)]
    return command


def _run_marp(
    marp: Path,
    lang: str,
    lang_dir: Path,
    decks: list[Path],
    kind: Kind,
    chromium: str | None,
    env: Mapping[str, str],
    report: Callable[[RenderResult], None],
    values: Mapping[str, str],
) -> None:
    """One marp-cli run over ``decks``; each output is moved into place as marp logs it."""
    inputs = _marp_inputs(decks, values)
    try:
        _run_marp_on(marp, lang, lang_dir, inputs, kind, chromium, env, report)
    finally:
        for given, deck in inputs.items():
            if given != deck:
                given.unlink(missing_ok=True)


def _run_marp_on(
    marp: Path,
    lang: str,
    lang_dir: Path,
    inputs: dict[Path, Path],
    kind: Kind,
    chromium: str | None,
    env: Mapping[str, str],
    report: Callable[[RenderResult], None],
) -> None:
    for given in inputs:  # marp-cli writes beside the deck: never through a link there
        beside = given.with_suffix(f".{kind}")
        if beside.is_symlink():
            beside.unlink()
    pending = {given.resolve(): deck for given, deck in inputs.items()}
    args = [given.relative_to(lang_dir).as_posix() for given in inputs]
    log: list[str] = []
    with subprocess.Popen(
        [*_marp_command(marp, kind, chromium), *args],
        cwd=lang_dir,
        env={**env, "NO_COLOR": "1", "FORCE_COLOR": "0"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as proc:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = _ANSI.sub("", raw.rstrip("\n"))
            match = _CONVERTED.match(line)
            deck = pending.pop((lang_dir / match["src"]).resolve(), None) if match else None
            if match is None or deck is None:
                log.append(line)
                continue
            report(_place(lang, lang_dir, deck, kind, lang_dir / match["dst"]))
    reason = _failure(log, proc.returncode)
    for deck in pending.values():
        report(RenderResult(lang, deck, kind, output_path(lang_dir, deck, kind), reason))


def _place(lang: str, lang_dir: Path, deck: Path, kind: Kind, written: Path) -> RenderResult:
    """Move marp-cli's output from beside the deck into ``<kind>/`` in one rename."""
    target = output_path(lang_dir, deck, kind)
    try:
        check_folder(target.parent, lang_dir, shown=target)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(written, target)
    except I18nError as exc:
        return RenderResult(lang, deck, kind, target, exc.message)
    except OSError as exc:
        return RenderResult(lang, deck, kind, target, f"cannot move {written}: {exc.strerror}")
    return RenderResult(lang, deck, kind, target)


def _failure(log: list[str], returncode: int | None) -> str:
    """The reason to give for decks marp-cli did not convert: its errors, else its exit."""
    messages: list[str] = []
    for line in log:
        if line.startswith(" ") and messages:  # marp-cli indents wrapped message lines
            messages[-1] += " " + line.strip()
        elif line.strip():
            messages.append(line.strip())
    errors = [m for m in messages if m.startswith("[ ERROR ]")]
    if errors:
        return "marp-cli: " + " ".join(e.removeprefix("[ ERROR ]").strip() for e in errors)
    return f"marp-cli did not convert it (exit code {returncode})"
