"""``init`` and ``add-language`` on disk: read the course folder, write what they add.

What the files say is decided in ``course_setup.py`` and ``settings_edit.py`` (pure);
this module finds the decks, reads and writes, and says what it did.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from i18n.config import SETTINGS_FILE, Config, find_settings, is_own_settings, load_config
from i18n.course_setup import (
    PLACEHOLDER_INSTALL,
    PRE_COMMIT,
    PRE_COMMIT_HOOK,
    WORKFLOW,
    course_keys,
    gitignore_text,
    ignore_lines,
    install_spec,
    next_steps,
    pre_commit_text,
    slides_folder,
    workflow_text,
)
from i18n.disk import read_input
from i18n.errors import ConfigError
from i18n.files import find_decks, read_deck, write_atomic
from i18n.settings_edit import new_settings, settings_text, with_language

_SKIPPED = frozenset({"node_modules", "build", "locales", ".git", ".venv"})


@dataclass
class SetUp:
    """What ``init`` did, for the CLI to print."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)


def set_up_course(
    root: Path,
    *,
    slides: str | None,
    locales: str,
    build: str,
    source_language: str,
    install: str | None,
) -> SetUp:
    """Write the settings (unless the folder has some), the ignore lines, the workflow
    and the pre-commit hook (unless there), each file atomically.

    Raises:
        ConfigError: no decks found (and no --slides), a pyproject.toml that is not TOML,
            or ``root`` lies inside a course that has its settings further up.
    """
    result = SetUp()
    pyproject = root / "pyproject.toml"
    found = find_settings(root.resolve())
    if found is not None and found.parent != root.resolve():
        raise ConfigError(
            str(root),
            None,
            f"inside the course set up by {os.path.relpath(found, root)}",
            f"run `marp-i18n init` in {os.path.relpath(found.parent, root)} to complete it",
        )
    settings = Path(found.name) if found is not None else None
    if settings is not None:
        result.kept.append(f"{settings} (settings kept)")
    else:
        folder = slides or (
            "slides" if (root / "slides").is_dir() else slides_folder(_markdown_files(root))
        )
        if folder is None or not (root / folder).is_dir():
            raise ConfigError(
                str(root / (folder or "")),
                None,
                "no folder of decks found",
                "give --slides DIR (the folder holding the *.md decks)",
            )
        decks, _ = find_decks(root / folder)
        keys = course_keys(read_deck(d.path) for d in decks)
        table = new_settings(
            source_language=source_language,
            slides=folder,
            locales=locales,
            build=build,
            keys=keys,
        )
        existing = _read(pyproject)
        settings = Path("pyproject.toml") if existing is not None else Path(SETTINGS_FILE)
        text = settings_text(existing, table, str(settings))
        _write(root / settings, text, result, str(settings))
    config = load_config(root / settings)  # kept settings say where their folders are
    ignored = ignore_lines(
        Path(os.path.relpath(config.locales, root)).as_posix(),
        Path(os.path.relpath(config.build, root)).as_posix(),
    )
    gitignore = gitignore_text(_read(root / ".gitignore") or "", ignored)
    _write(root / ".gitignore", gitignore, result, ".gitignore")
    spec = install or install_spec(_direct_url())
    if _read(root / WORKFLOW) is None:
        _write(root / WORKFLOW, workflow_text(spec), result, WORKFLOW)
    else:
        result.kept.append(f"{WORKFLOW} (kept)")
    existing_hooks = _read(root / PRE_COMMIT)
    hooks = pre_commit_text(existing_hooks)
    if hooks is not None:
        _write(root / PRE_COMMIT, hooks, result, PRE_COMMIT)
    elif "marp-i18n" not in (existing_hooks or ""):
        result.messages.append(f"{PRE_COMMIT} exists: add this under repos:\n{PRE_COMMIT_HOOK}")
    result.next_steps = next_steps(str(settings), config.languages, spec != PLACEHOLDER_INSTALL)
    return result


def add_language(config: Config, lang: str, threshold: float) -> str:
    """Add ``lang`` to the settings file ``config`` came from; the file's new text is
    written atomically. Returns the settings file's name.

    Raises:
        ConfigError: no settings file was found, or it cannot be edited.
    """
    if config.settings is None:
        raise ConfigError("add-language", None, config.settings_hint())
    decks, _ = find_decks(config.slides)
    keys = course_keys(read_deck(d.path) for d in decks)
    text = _read(config.settings) or ""
    edited = with_language(
        text,
        is_own_settings(config.settings),
        lang,
        where=str(config.settings),
        keys=keys,
        source_language=config.source_language,
        threshold=threshold,
    )
    write_atomic(config.settings, edited)
    return str(config.settings)


def _markdown_files(root: Path) -> list[str]:
    """Markdown files under ``root`` that look like Marp decks (front matter first, or
    ``marp: true``; a README rarely has either), with ``/``."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIPPED and not d.startswith("."))
        for name in filenames:
            path = Path(dirpath) / name
            head = (read_input(path) or b"")[:4096] if name.endswith(".md") else b""
            if head.startswith((b"---\n", b"---\r\n", b"\xef\xbb\xbf---")) or b"marp: true" in head:
                found.append(path.relative_to(root).as_posix())
    return found


def _read(path: Path) -> str | None:
    data = read_input(path, ConfigError)
    return None if data is None else data.decode("utf-8", errors="replace")


def _write(path: Path, text: str, result: SetUp, name: str) -> None:
    if write_atomic(path, text):
        result.written.append(name)
    else:
        result.kept.append(f"{name} (unchanged)")


def _direct_url() -> str | None:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        return distribution("marp-i18n").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
