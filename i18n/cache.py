"""A content-addressed cache, so unchanged decks and catalogues are not worked on again.

Every command (update, build, check, in a commit hook, in ``make``) starts by segmenting
every deck, and segmenting is markdown-it-py parsing in pure Python; ``check`` then
parses every translation. So segmented decks, and ``check``'s result for a deck and its
catalogues, are kept under a hash of everything they depend on: the files' bytes, names
and paths, the settings, the Python version and this package's source files (each by
size and time, as Python judges its bytecode), so an edit to the code, a deck or a
catalogue never returns a stale answer.

What the cache trusts (docs/reliability.md, issue 18): nothing a pull request can
supply. Entries are JSON read back through the model's type hints (``i18n.json_values``), so
an entry can only ever be data, never code; they live outside the course, in the
user's cache folder (``$XDG_CACHE_HOME/marp-i18n/courses/<course>/``), never in the
working tree a pull request writes; and each entry carries an HMAC made with a key that
never lives in the repository (``MARP_I18N_CACHE_KEY``, e.g. a CI secret, or a random
key made once in the cache folder, mode 0600), so a planted or corrupted entry fails
authentication and is ignored and rewritten like a missing one. ``MARP_I18N_NO_CACHE``
keeps values in memory for the run only; ``MARP_I18N_CACHE_DIR`` moves the folder.

Every edit of a deck or catalogue, and every upgrade of the code, leaves entries no key
will ask for again, so the folder is pruned (``prune``): at most once a day, entries no
run has used for ``MAX_AGE`` are removed, in every course's folder (a course deleted
from disk leaves its entries behind). A hit marks its entry used (its time, at most
once a day), so what a course still uses stays however old.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
import sys
import threading
import time
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from i18n.disk import make_temp
from i18n.json_values import InvalidData, from_plain, to_plain

T = TypeVar("T")

MAGIC = b"marp-i18n cache 2\n"
"""First bytes of every entry: an entry of another format (a pickle) is not read."""
MAX_ENTRY = 256 * 1024 * 1024
"""Largest entry read (bytes): a larger file is damage, not a deck we wrote."""
_TAG = hashlib.sha256().digest_size
MAX_AGE = 30 * 24 * 3600
"""Seconds an entry may go unused before ``prune`` removes it."""
DAY = 24 * 3600
_ENTRY = re.compile(r"[0-9a-f]{64}")

_LIBRARIES = ("markdown_it", "mdit_py_plugins", "yaml", "polib", "translate")
"""The parsing libraries whose answers are cached, found without importing them (an
update whose decks' YAML is known needs no PyYAML, and its import costs 10 ms)."""


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """A hash of this package's files and of its parsing libraries: any change of code
    invalidates every entry. A library counts by where its package file is and that
    file's size and time (installing another version writes it anew), so it need not
    be imported for its version."""
    from importlib.machinery import PathFinder

    digest = hashlib.sha256(sys.version.encode())
    for module in _LIBRARIES:
        spec = PathFinder.find_spec(module)
        origin = spec.origin if spec is not None else None
        try:
            info = os.stat(origin) if origin else None
        except OSError:
            info = None
        found = f"{origin}\0{info.st_size}\0{info.st_mtime_ns}" if info else "-"
        digest.update(f"{module}={found}\0".encode("utf-8", "surrogateescape"))
    digest.update(source_signature(Path(__file__).resolve().parent))
    return digest.digest()


def source_signature(package: Path) -> bytes:
    """Each ``.py`` file under ``package`` by name, size and modification time.

    The test Python itself uses to tell whether bytecode is stale (timestamp-based
    .pyc invalidation, the default), so an edited, reinstalled or checked-out file
    changes it; reading and hashing the
    whole source instead cost every command about 4 ms (issue 13, one-deck update).
    """
    found: list[str] = []
    folders = [str(package)]
    start = len(folders[0]) + 1
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    name = entry.path[start:].replace(os.sep, "/")
                    found.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0")
    return "".join(sorted(found)).encode("utf-8", "surrogateescape")


_RECENT: OrderedDict[str, object] = OrderedDict()
"""The last values got or put in this process: a deck extracted and then built in one
run (``make``'s pipeline, the library API, forked workers) is segmented once even
without the folder. Only values this process made or authenticated are kept here."""
_RECENT_SIZE = 256


_RECENT_LOCK = threading.Lock()
"""``check`` asks the cache from a thread per language (Hunspell runs side by side)."""


def _remember(key: str, value: object) -> None:
    with _RECENT_LOCK:
        _RECENT[key] = value
        _RECENT.move_to_end(key)
        while len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)


def cache_root() -> Path:
    """The user's cache folder for marp-i18n (XDG: ``~/.cache/marp-i18n``)."""
    if explicit := os.environ.get("MARP_I18N_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marp-i18n"


def course_folder(root: Path) -> Path:
    """Where the entries of the course at ``root`` live (a hash of its resolved path)."""
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_root() / "courses" / name[:32]


class Cache:
    """Authenticated JSON values under ``folder`` (``None``: in this process's memory only)."""

    def __init__(self, folder: Path | None, secret: bytes = b"") -> None:
        self.folder = folder if secret else None
        self._secret = secret

    @classmethod
    def for_project(cls, root: Path) -> Cache:
        """The cache of the course at ``root``: its own folder in the user's cache, never
        inside the course (where a pull request could plant entries or the key)."""
        if os.environ.get("MARP_I18N_NO_CACHE"):
            return cls(None)
        base = cache_root()
        course = root.resolve()
        try:
            if base.resolve().is_relative_to(course):
                return cls(None)
        except (OSError, RuntimeError):  # a symlink loop on the way
            return cls(None)
        cache = cls(course_folder(course), _secret(base))
        if cache.folder is not None:
            prune(base / "courses", time.time())
        return cache

    def key(self, *parts: bytes | str | None) -> str:
        """A hash of the parts (None counts as "no such file") and of this code."""
        digest = hashlib.sha256(_code_fingerprint())
        for part in parts:
            if part is None:
                digest.update(b"\1none\0")
                continue
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def get(self, key: str, kind: type[T]) -> T | None:
        """The value stored under ``key`` if there is an authentic one of type ``kind``;
        anything else (missing, unreadable, forged, of another shape) is None."""
        value = _RECENT.get(key)
        if value is None and self.folder is not None:
            value = self._load(key, kind)
        if not isinstance(value, kind):
            return None
        _remember(key, value)
        return value

    def remember(self, key: str, value: object) -> None:
        """Keep ``value`` in this process's memory only (it is on disk already)."""
        _remember(key, value)

    def put(self, key: str, value: object) -> None:
        _remember(key, value)
        if self.folder is None:
            return
        try:
            payload = json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # not plain data (an error object): kept in memory only
        data = payload.encode("utf-8", "surrogatepass")
        try:
            target = self.folder / key[:2]
            target.mkdir(parents=True, exist_ok=True)
            fd, tmp = make_temp(target, ".")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(MAGIC + self._tag(key, type(value), data) + data)
                os.replace(tmp, target / key)
            finally:
                tmp.unlink(missing_ok=True)
        except OSError:
            self.folder = None  # read-only home, full disk: run without the cache

    def _tag(self, key: str, kind: type, data: bytes) -> bytes:
        """The entry's HMAC: over its key and type too, so an entry cannot be moved."""
        message = f"{key}\0{kind.__module__}.{kind.__qualname__}\0".encode() + data
        return hmac.new(self._secret, message, hashlib.sha256).digest()

    def _load(self, key: str, kind: type[T]) -> T | None:
        assert self.folder is not None
        raw = _read_regular(self.folder / key[:2] / key)
        if raw is None or not raw.startswith(MAGIC):
            return None
        tag, data = raw[len(MAGIC) : len(MAGIC) + _TAG], raw[len(MAGIC) + _TAG :]
        if not hmac.compare_digest(tag, self._tag(key, kind, data)):
            return None
        _mark_used(self.folder / key[:2] / key)
        try:
            return from_plain(kind, json.loads(data.decode("utf-8", "surrogatepass")))
        except (InvalidData, ValueError, TypeError, RecursionError):
            return None  # authentic but not of this shape: made by another version


def _mark_used(path: Path) -> None:
    """Give an entry that was just used today's time, so ``prune`` keeps it (once a day
    at most: a hit costs one ``stat`` more, not a write)."""
    try:
        now = time.time()
        if now - path.lstat().st_mtime > DAY:
            os.utime(path, (now, now), follow_symlinks=False)
    except (OSError, NotImplementedError):
        pass


def prune(courses: Path, now: float, max_age: float = MAX_AGE) -> int:
    """Remove the entries under ``courses`` unused for ``max_age`` seconds, if no run did
    it in the last day (the stamp ``.pruned``); returns how many were removed.

    Only files named as entries (64 hex digits, in a folder named by their first two)
    and the temporary files of interrupted writes are removed, never followed through a
    link; the key, the tag and anything else someone put there stay.
    """
    stamp = courses / ".pruned"
    try:
        if now - stamp.lstat().st_mtime < DAY:
            return 0
    except FileNotFoundError:
        pass
    except OSError:
        return 0
    try:
        courses.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:
        return 0  # read-only: nothing to prune either
    removed = 0
    for course in _listed(courses, folders=True):
        for part in _listed(course, folders=True):
            for item in _listed(part, folders=False):
                entry = _ENTRY.fullmatch(item.name) is not None and item.name[:2] == part.name
                interrupted = item.name.startswith(".") and item.name.endswith(".tmp")
                limit = max_age if entry else DAY
                try:
                    age = now - item.stat(follow_symlinks=False).st_mtime
                    if (entry or interrupted) and age > limit:
                        os.unlink(item.path)
                        removed += 1
                except OSError:
                    continue
            _remove_if_empty(part)
        _remove_if_empty(course)
    return removed


def _listed(path: Path | os.DirEntry[str], *, folders: bool) -> list[os.DirEntry[str]]:
    """The real folders (or regular files) in ``path``: a link is neither, never followed."""
    try:
        with os.scandir(path) as found:
            return [
                item
                for item in found
                if (item.is_dir if folders else item.is_file)(follow_symlinks=False)
            ]
    except OSError:
        return []


def _remove_if_empty(path: os.DirEntry[str]) -> None:
    with contextlib.suppress(OSError):  # not empty, or gone
        os.rmdir(path.path)


def _read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file of at most MAX_ENTRY bytes, not through a link."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_ENTRY + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


@lru_cache(maxsize=4)
def _secret(base: Path) -> bytes:
    """The key that authenticates entries, b"" when there is none to be had (then the
    cache lives in memory only).

    ``MARP_I18N_CACHE_KEY`` wins (a CI secret: a cache restored from another run is
    only trusted if that run knew it); otherwise a random key kept in the cache folder,
    readable by its owner alone, made by whichever process comes first.
    """
    if explicit := os.environ.get("MARP_I18N_CACHE_KEY"):
        return hashlib.sha256(explicit.encode("utf-8", "surrogateescape")).digest()
    path = base / "key"
    try:
        base.mkdir(parents=True, exist_ok=True)
        _write_tag(base)
        if not path.exists():
            fd, tmp = make_temp(base, ".key.")
            try:
                os.write(fd, os.urandom(32))  # what secrets.token_bytes returns
                os.close(fd)
                os.link(tmp, path)  # fails if another process made it first: use theirs
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
        info = path.lstat()
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & 0o077
            or info.st_size != 32
        ):
            return b""  # a key others could have written or read: trust no entry
        return path.read_bytes()
    except OSError:
        return b""


def _write_tag(base: Path) -> None:
    """Mark the folder as a cache, for backup tools (https://bford.info/cachedir/)."""
    tag = base / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# marp-i18n's cache (segmented decks, check results); safe to delete.\n",
            encoding="utf-8",
        )
