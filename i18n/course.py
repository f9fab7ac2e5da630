"""Where a course keeps its files: the one place that knows the layout.

``slides/<deck>.md`` is segmented to ``locales/<deck>.pot`` and translated in
``locales/<lang>/<deck>.po``; commands that write catalogues hold
``locales/.marp-i18n.lock``. Every module asks here instead of rebuilding the paths
(issue 17), so a change of layout is a change of this file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from i18n.config import Config
from i18n.errors import CatalogueError

LOCK_NAME = ".marp-i18n.lock"


def catalogue_path(config: Config, lang: str, deck_name: str) -> Path:
    """``locales/<lang>/<deck>.po``: where a deck's catalogue for one language lives."""
    return config.locales / lang / Path(deck_name).with_suffix(".po")


def language_catalogues(config: Config, lang: str) -> list[Path]:
    """Every catalogue of one language that exists, of a deck or not (yet or any more),
    in path order: all of them are translation memory for ``update``."""
    folder = config.locales / lang
    return sorted(folder.rglob("*.po")) if folder.is_dir() else []


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
