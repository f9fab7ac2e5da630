"""All disk access: finding decks, reading them, and writing files atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from i18n.errors import ConfigError, DeckError
from i18n.model import Deck
from i18n.source import decode

if TYPE_CHECKING:
    from i18n.cache import Cache


@dataclass(frozen=True, slots=True)
class DeckFile:
    """A deck on disk: ``name`` (its identity, e.g. ``a/index.md``) and where it is."""

    name: str
    path: Path


def require_folder(slides: Path) -> None:
    """Raises:
    ConfigError: the slides folder does not exist (checked before anything is written).
    """
    if not slides.is_dir():
        raise ConfigError(
            str(slides), None, "slides folder not found", "give --slides DIR or set slides ="
        )


def find_decks(slides: Path) -> tuple[list[DeckFile], list[str]]:
    """Every ``*.md`` under ``slides``, sorted; and warnings for skipped entries.

    A symlink whose target lies outside the slides folder is skipped and reported, so
    a deck cannot make the tool read (and publish) files from elsewhere.

    Raises:
        ConfigError: the slides folder does not exist.
    """
    require_folder(slides)
    root = slides.resolve()
    decks: list[DeckFile] = []
    warnings: list[str] = []
    for dirpath, dirnames, filenames in os.walk(slides, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".md"):
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                warnings.append(f"{path}: warning: symlink leaves the slides folder, skipped")
                continue
            if not path.is_file():  # a FIFO or device would block the read forever
                warnings.append(f"{path}: warning: not a regular file, skipped")
                continue
            if any(c.isspace() for c in name) or any(c.isspace() for c in dirpath):
                warnings.append(
                    f"{path}: warning: the path has spaces, which PO tools read as several "
                    "#: references; rename it without spaces"
                )
            decks.append(DeckFile(path.relative_to(slides).as_posix(), path))
    return decks, warnings


def _deck_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DeckError(str(path), None, f"cannot read: {exc.strerror}") from None


def read_deck(path: Path) -> str:
    """The deck's text, exactly (no newline translation).

    Raises:
        DeckError: unreadable or not UTF-8.
    """
    return decode(_deck_bytes(path), str(path))


def load_deck(
    deck_file: DeckFile, translatable_keys: tuple[str, ...], cache: Cache | None = None
) -> Deck:
    """Read and segment a deck (or take it from ``cache``); messages name its file.

    Raises:
        DeckError: unreadable, not UTF-8, or a front matter Marp cannot read.
    """
    return keyed_deck(translatable_keys, cache, deck_file)[1]


def keyed_deck(
    translatable_keys: tuple[str, ...], cache: Cache | None, deck_file: DeckFile
) -> tuple[str, Deck]:
    """(cache key, deck): the deck from ``cache`` or segmented (and then cached). The key
    lets a process that got the deck from a worker keep it too (``Cache.remember``).

    Raises:
        DeckError: as ``load_deck``.
    """
    from i18n.segment import segment_deck

    data = _deck_bytes(deck_file.path)
    key = ""
    if cache is not None:
        key = cache.key(b"deck", data, deck_file.name, str(deck_file.path), *translatable_keys)
        found = cache.get(key, Deck)
        if found is not None:
            return key, found
    deck = segment_deck(
        decode(data, str(deck_file.path)),
        deck_file.name,
        translatable_keys,
        source=str(deck_file.path),
    )
    if cache is not None:
        cache.put(key, deck)
    return key, deck


def read_text(path: Path) -> bytes | None:
    """A file's bytes, or None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def write_atomic(path: Path, text: str, *, durable: bool = True) -> bool:
    """Write ``text`` as UTF-8 via a temporary file and a rename; False if unchanged.

    Readers see the old file or the new one, never half of one, and an unchanged
    file keeps its timestamp (no rebuilds, no diff noise). ``durable`` also flushes
    the file to disk before the rename, so a power cut cannot lose a translator's
    work; files that are made again by the next run (templates, built decks) skip
    it: one fsync per file was most of a build's wall time on a busy disk.
    """
    data = text.encode("utf-8")
    if read_text(path) == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _mode_for(path: Path) -> int:
    """The file's own mode if it exists, else what the umask gives a new file: mkstemp's
    0600 would hide built pages from a web server and translations from a group."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def copy_assets(slides: Path, target: Path, skip: tuple[Path, ...] = ()) -> int:
    """Copy every file beside the decks (images/, an ``order`` file, ...) into ``target``.

    A built language folder must render on its own, so it needs the decks' images at
    the same relative paths. Files already identical are left alone; symlinks that
    leave the slides folder are not followed. Returns the number of files copied.
    """
    root = slides.resolve()
    skipped = {p.resolve() for p in skip}
    copied = 0
    for dirpath, dirnames, filenames in os.walk(slides, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if (here / d).resolve() not in skipped)
        for name in sorted(filenames):
            source = here / name
            if name.endswith(".md") or name.startswith("."):
                continue
            if source.is_symlink() and not source.resolve().is_relative_to(root):
                continue
            destination = target / source.relative_to(slides)
            if _same_file(source, destination):
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            copied += 1
    return copied


def deck_in(path: Path, slides: Path) -> DeckFile | None:
    """``path`` as a deck of the slides folder (its name is its path there), or None
    when it is not a Markdown file inside it."""
    if path.suffix != ".md" or not path.is_file() or not inside(path, slides):
        return None
    return DeckFile(path.resolve().relative_to(slides.resolve()).as_posix(), path)


def inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies within it (after resolving links)."""
    return path.resolve().is_relative_to(folder.resolve())


def _same_file(source: Path, destination: Path) -> bool:
    return (
        destination.exists()
        and destination.stat().st_size == source.stat().st_size
        and destination.read_bytes() == source.read_bytes()
    )
