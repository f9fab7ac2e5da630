"""Copy the files beside the decks (images, an ``order`` file) into a built language folder."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from i18n.disk import CHUNK, is_loop, open_input, replace_atomic, resolved
from i18n.errors import I18nError, Notice, Warning_


@dataclass
class Copied:
    """What ``copy_assets`` did: files copied, warnings and errors (one line each)."""

    count: int = 0
    messages: list[Notice] = field(default_factory=list)
    failed: bool = False


def copy_assets(
    slides: Path, target: Path, skip: tuple[Path, ...] = (), *, within: Path | None = None
) -> Copied:
    """Copy every file beside the decks (images/, an ``order`` file, ...) into ``target``.

    A built language folder must render on its own, so it needs the decks' images at
    the same relative paths. Files already identical are left alone; symlinks that
    leave the slides folder are not followed, loops are a warning, and what is not a
    regular file is an error; each copy replaces what is at its place (a link is not
    written through) and stays inside ``within``.
    """
    root = slides.resolve()
    skipped = {resolved(p) for p in skip}
    done = Copied()
    for dirpath, dirnames, filenames in os.walk(slides, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if resolved(here / d) not in skipped)
        for name in sorted(filenames):
            source = here / name
            if name.endswith(".md") or name.startswith("."):
                continue
            if is_loop(source):
                done.messages.append(Warning_(str(source), None, "symlink loop, skipped"))
                continue
            if source.is_symlink() and not source.resolve().is_relative_to(root):
                continue
            try:
                if _copy(source, target / source.relative_to(slides), within, slides):
                    done.count += 1
            except I18nError as exc:
                done.messages.append(exc)
                done.failed = True
    return done


def _copy(source: Path, destination: Path, within: Path | None, slides: Path) -> bool:
    """Copy one file unless ``destination`` already holds it; True when copied.

    Raises:
        I18nError: the source is not a regular file, or the copy cannot be written.
    """
    fd = open_input(source)
    if fd is None:
        return False  # gone since the walk
    try:
        if _same_file(fd, destination):
            return False
        os.lseek(fd, 0, os.SEEK_SET)

        def fill(handle: BinaryIO) -> None:
            while chunk := os.read(fd, CHUNK):
                handle.write(chunk)

        replace_atomic(destination, fill, within=within, outside=slides, durable=False)
    finally:
        os.close(fd)
    return True


def _same_file(source: int, destination: Path) -> bool:
    """The regular file (not a link) at ``destination`` holds what ``source`` reads,
    compared a chunk at a time (an image or video may be large)."""
    try:
        info = os.lstat(destination)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size != os.fstat(source).st_size:
        return False
    other = open_input(destination)
    if other is None:
        return False
    try:
        while True:
            mine, theirs = os.read(source, CHUNK), os.read(other, CHUNK)
            if mine != theirs:
                return False
            if not mine:
                return True
    finally:
        os.close(other)
