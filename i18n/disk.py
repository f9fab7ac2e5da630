"""The one reader and the one writer: untrusted paths (a pull request's files, links and
folders) stay data.

Reading: only regular files (after resolving links), never more than ``MAX_INPUT_MB``;
a FIFO would block forever and ``/dev/zero`` would fill memory. Writing: a temporary
file and a rename, only inside the folder the caller names (after resolving links), and
an ``OSError`` becomes an error that names the file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from i18n.errors import I18nError

MAX_INPUT_MB = 64
"""Largest deck, catalogue or config file read: the largest real deck is about 60 kB, a
course's largest catalogue under 1 MB, and segmenting 64 MB takes minutes already."""
MAX_INPUT_BYTES = MAX_INPUT_MB * 2**20
STALE_TEMP_SECONDS = 120
"""A temporary file this old, and not locked, is left from an interrupted write."""
CHUNK = 2**20

_TEMP_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
"""``make_temp(folder, ".<name>.")``: eight of ``[a-z0-9_]``, as ``tempfile.mkstemp``."""
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def resolved(path: Path) -> Path | None:
    """``path`` with its links resolved, or None for a symlink loop (Python 3.11's
    ``resolve`` raises RuntimeError there, which crashed every command)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def is_loop(path: Path) -> bool:
    return path.is_symlink() and resolved(path) is None


def open_input(path: Path, error: type[I18nError] = I18nError) -> int | None:
    """A descriptor of ``path`` for reading, or None when it does not exist.

    The kind is checked before opening (opening some devices has effects) and again on
    the opened file, so it is the file checked that is read.

    Raises:
        I18nError (of type ``error``): not a regular file, or it cannot be opened.
    """
    try:
        _require_regular(path, os.stat(path), error)
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error(str(path), None, f"cannot read: {exc.strerror}") from None
    try:
        _require_regular(path, os.fstat(fd), error)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_input(
    path: Path, error: type[I18nError] = I18nError, *, limit: int = MAX_INPUT_BYTES
) -> bytes | None:
    """The bytes of a regular file, or None when it does not exist.

    The size is checked first, and the read itself stops one byte past ``limit``, so
    a file that grows (or says size 0, as ``/proc`` does) is not read past it either.

    Raises:
        I18nError (of type ``error``): not a regular file, larger than ``limit``, or
            unreadable.
    """
    fd = open_input(path, error)
    if fd is None:
        return None
    too_big = error(str(path), None, f"larger than the limit of {limit // 2**20} MB")
    try:
        if os.fstat(fd).st_size > limit:
            raise too_big
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(str(path), None, f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise too_big
    return b"".join(chunks)


def _require_regular(path: Path, info: os.stat_result, error: type[I18nError]) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise error(str(path), None, "not a regular file")


def check_folder(folder: Path, within: Path, outside: Path | None = None, shown: Path | None = None
) -> None:  # fmt: skip
    """Refuse ``folder`` unless, links resolved, it lies in ``within`` and not in
    ``outside`` (the slides folder): a linked ``build/sv`` must not reach the decks.

    Raises:
        I18nError: naming ``shown`` (default ``folder``).
    """
    name = str(shown or folder)
    where, root = resolved(folder), resolved(within)
    if where is None or root is None or not where.is_relative_to(root):
        reason = f"not written: a symbolic link takes it outside {within}"
        raise I18nError(name, None, reason, "remove the link")
    avoid = resolved(outside) if outside is not None else None
    if avoid is not None and where.is_relative_to(avoid):
        reason = f"not written: a symbolic link takes it into {outside}"
        raise I18nError(name, None, reason, "remove the link")


def replace_atomic(
    path: Path,
    fill: Callable[[BinaryIO], object],
    *,
    within: Path | None,
    outside: Path | None = None,
    durable: bool = True,
) -> None:
    """Write ``path`` through a temporary file that ``fill`` writes, then one rename.

    The rename replaces a link at ``path`` rather than writing through it. The temporary
    file is locked while it exists, so another run's ``remove_stray_temps`` leaves it.

    Raises:
        I18nError: ``path`` lies outside ``within`` or inside ``outside`` (links resolved)
            or cannot be written (full disk, file size limit, a folder in its place).
    """
    if within is not None:
        check_folder(path.parent, within, outside, shown=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stray_temps(path.parent)
        fd, tmp = make_temp(path.parent, f".{path.name}.")
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb", closefd=False) as handle:
            fill(handle)
            handle.flush()
            if durable:
                os.fsync(fd)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_error(path, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


def make_temp(folder: Path, prefix: str, suffix: str = ".tmp") -> tuple[int, Path]:
    """A new file of this user's alone in ``folder``, open for writing: what
    ``tempfile.mkstemp`` does, without importing ``tempfile`` (with ``shutil``, ``random``
    and the compression modules, 4 ms of every command's start-up; issue 13).

    Raises:
        OSError: the folder cannot be written (no name is free after 100 tries).
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(100):
        name = "".join(_TEMP_CHARS[byte % len(_TEMP_CHARS)] for byte in os.urandom(8))
        path = folder / f"{prefix}{name}{suffix}"
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _write_error(path: Path, exc: OSError) -> I18nError:
    return I18nError(str(path), None, f"cannot write: {exc.strerror or exc}")


def same_content(path: Path, data: bytes) -> bool:
    """``path`` is a regular file (not a link) holding exactly ``data``."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
        return False
    try:
        return read_input(path, limit=len(data)) == data
    except I18nError:
        return False


def _mode_for(path: Path) -> int:
    """The file's own mode if it is one, else what the umask gives a new file: mkstemp's
    0600 would hide built pages from a web server and translations from a group."""
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            return info.st_mode & 0o7777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_stray_temps(folder: Path) -> None:
    """Remove temporary files an interrupted write (kill -9) left in ``folder``.

    Only our own names, only regular files, only when older than ``STALE_TEMP_SECONDS``
    and not locked: a concurrent run holds its temporary file's lock until the rename,
    and a file it has only just made is too young.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_TEMP_SECONDS:
                continue
            fd = os.open(entry.path, _OPEN_FLAGS | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(fd).st_ino == os.lstat(entry.path).st_ino:
                os.unlink(entry.path)
        except OSError:
            pass  # locked (being written) or already gone
        finally:
            os.close(fd)
