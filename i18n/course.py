"""Where a course keeps its files: the one place that knows the layout.

``slides/<deck>.md`` is segmented to ``locales/<deck>.pot`` and translated in
``locales/<lang>/<deck>.po``; commands that write catalogues hold
``locales/.marp-i18n.lock``; a language's glossary is ``locales/<lang>/glossary.csv``
or ``glossary.tbx``; ``update --prune`` keeps the translations of removed decks in
``locales/<lang>.memory.po``. Every module asks here instead of rebuilding the paths
(issue 17), so a change of layout is a change of this file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from i18n.config import Config, validate_language
from i18n.errors import CatalogueError, ConfigError

LOCK_NAME = ".marp-i18n.lock"
GLOSSARY_NAMES = ("glossary.csv", "glossary.tbx")
"""A language's glossary files, ``locales/<lang>/glossary.csv`` or ``.tbx`` (both read)."""


def catalogue_path(config: Config, lang: str, deck_name: str) -> Path:
    """``locales/<lang>/<deck>.po``: where a deck's catalogue for one language lives."""
    return config.locales / lang / Path(deck_name).with_suffix(".po")


def language_catalogues(config: Config, lang: str) -> list[Path]:
    """Every catalogue of one language that exists, of a deck or not (yet or any more),
    in path order: all of them are translation memory for ``update``."""
    folder = config.locales / lang
    return sorted(folder.rglob("*.po")) if folder.is_dir() else []


def deck_of(path: Path, folder: Path) -> str:
    """The deck a catalogue or template under ``folder`` is for: ``a/index.po`` → ``a/index.md``."""
    return path.relative_to(folder).with_suffix(".md").as_posix()


def language_folders(config: Config) -> list[str]:
    """The languages with catalogues in ``locales/``: the configured ones, and every
    subfolder named as a language code that holds a catalogue (a language dropped from
    the settings, a pseudo-locale); a deck's template folder (``locales/a/``) is none."""
    found = set(config.languages) - {config.source_language}
    if config.locales.is_dir():
        for folder in config.locales.iterdir():
            if folder.name in found or folder.name == config.source_language:
                continue
            if not folder.is_dir() or folder.is_symlink():
                continue
            try:
                validate_language(folder.name)
            except ConfigError:
                continue
            if next(folder.rglob("*.po"), None) is not None:
                found.add(folder.name)
    return sorted(found)


def memory_path(config: Config, lang: str) -> Path:
    """``locales/<lang>.memory.po``: the translations of decks that were removed
    (``update --prune``). ``update`` reads it as memory; no deck is built from it, and
    its name matches no deck's catalogue (``locales/*/<deck>.po``) or template."""
    return config.locales / f"{lang}.memory.po"


def template_path(config: Config, deck_name: str) -> Path:
    """``locales/<deck>.pot``: the deck's template, every language's starting point."""
    return config.locales / Path(deck_name).with_suffix(".pot")


@contextmanager
def project_lock(locales: Path) -> Iterator[None]:
    """Hold ``locales/.marp-i18n.lock`` for the run, so two updates cannot interleave
    and lose a translator's edit; the OS releases it if the process dies.

    Raises:
        CatalogueError: another update holds the lock.
    """
    import fcntl

    locales.mkdir(parents=True, exist_ok=True)
    path = locales / LOCK_NAME
    try:  # not through a link: a committed one would make us create a file elsewhere
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise CatalogueError(
            str(path),
            None,
            f"cannot open the lock file: {exc.strerror}",
            "remove it (it is made again, and must not be a link)",
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # The holder before us may have removed the file after we opened it.
            if os.fstat(fd).st_ino != os.stat(path).st_ino:
                raise BlockingIOError
        except (BlockingIOError, FileNotFoundError):
            raise CatalogueError(
                str(path),
                None,
                "another marp-i18n update is running on these catalogues",
                "wait for it to finish, then run update again",
            ) from None
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
    finally:
        os.close(fd)
