"""All disk access: finding decks, reading them, and writing files atomically.

Every read goes through ``disk.read_input`` (regular files only, bounded) and every write
through ``disk.replace_atomic`` (inside the folder the caller names)."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from i18n.disk import (
    MAX_INPUT_BYTES,
    MAX_INPUT_MB,
    is_loop,
    read_input,
    replace_atomic,
    resolved,
    same_content,
)
from i18n.errors import CatalogueError, ConfigError, DeckError, Warning_
from i18n.model import Deck
from i18n.source import decode

if TYPE_CHECKING:
    from i18n.cache import Cache

__all__ = ["MAX_INPUT_BYTES", "MAX_INPUT_MB", "read_input"]


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


def find_decks(slides: Path) -> tuple[list[DeckFile], list[Warning_]]:
    """Every ``*.md`` under ``slides``, sorted; and warnings for skipped entries.

    A symlink whose target lies outside the slides folder is skipped and reported, so
    a deck cannot make the tool read (and publish) files from elsewhere; so is a symlink
    loop. Anything else named ``*.md`` is a deck: the reader refuses a FIFO or device
    (one error line, exit 2) without blocking on it.

    Raises:
        ConfigError: the slides folder does not exist.
    """
    require_folder(slides)
    root = slides.resolve()
    decks: list[DeckFile] = []
    warnings: list[Warning_] = []
    for dirpath, dirnames, filenames in os.walk(slides, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".md"):
                continue
            path = Path(dirpath) / name
            if is_loop(path):
                warnings.append(Warning_(str(path), None, "symlink loop, skipped"))
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                warnings.append(
                    Warning_(str(path), None, "symlink leaves the slides folder, skipped")
                )
                continue
            if any(c.isspace() for c in name) or any(c.isspace() for c in dirpath):
                warnings.append(
                    Warning_(
                        str(path),
                        None,
                        "the path has spaces, which PO tools read as several #: references; "
                        "rename it without spaces",
                    )
                )
            decks.append(DeckFile(path.relative_to(slides).as_posix(), path))
    return decks, warnings


def deck_bytes(path: Path) -> bytes:
    """Raises:
    DeckError: missing, not a regular file, over the size limit, or unreadable.
    """
    data = read_input(path, DeckError)
    if data is None:
        raise DeckError(str(path), None, f"cannot read: {os.strerror(errno.ENOENT)}")
    return data


def read_deck(path: Path) -> str:
    """The deck's text, exactly (no newline translation).

    Raises:
        DeckError: unreadable or not UTF-8.
    """
    return decode(deck_bytes(path), str(path))


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
    from i18n.marp.marp_yaml import kept_answers

    data = deck_bytes(deck_file.path)
    if cache is None:
        return "", _segmented(data, deck_file, translatable_keys)
    key = cache.key(b"deck", data, deck_file.name, str(deck_file.path), *translatable_keys)
    found = cache.get(key, Deck)
    if found is not None:
        return key, found
    # What YAML said of this deck's front matter and directives last time: an edit of
    # its slides then needs no PyYAML (marp_yaml.YamlAnswers).
    with kept_answers(cache, cache.key(b"marp yaml answers", deck_file.name, str(deck_file.path))):
        deck = _segmented(data, deck_file, translatable_keys)
    cache.put(key, deck)
    return key, deck


def _segmented(data: bytes, deck_file: DeckFile, translatable_keys: tuple[str, ...]) -> Deck:
    from i18n.segment import segment_deck

    return segment_deck(
        decode(data, str(deck_file.path)),
        deck_file.name,
        translatable_keys,
        source=str(deck_file.path),
    )


def read_text(path: Path, within: Path | None = None) -> bytes | None:
    """A catalogue's (or template's) bytes, or None when it does not exist.

    ``within`` (the locales folder): a link that leads out of it is not followed, as a
    deck's link out of the slides folder is not: a pull request's symlink must not make
    a build publish, or an error message quote, a file from elsewhere on the machine.

    Raises:
        CatalogueError: not a regular file, over the size limit, unreadable, or a link
            out of ``within``.
    """
    if within is not None and os.path.isfile(path) and not inside(path, within):
        raise CatalogueError(  # a FIFO or device out there: read_input names it below
            str(path),
            None,
            f"a link to a file outside {within}, not read",
            "put the catalogue itself there, not a link",
        )
    return read_input(path, CatalogueError)


def write_atomic(
    path: Path,
    text: str,
    *,
    within: Path | None = None,
    outside: Path | None = None,
    durable: bool = True,
) -> bool:
    """Write ``text`` as UTF-8 via a temporary file and a rename; False if unchanged.

    Readers see the old file or the new one, never half of one, and an unchanged
    file keeps its timestamp (no rebuilds, no diff noise). ``durable`` also flushes
    the file to disk before the rename, so a power cut cannot lose a translator's
    work; files that are made again by the next run (templates, built decks) skip
    it: one fsync per file was most of a build's wall time on a busy disk.

    Raises:
        I18nError: ``path`` lies outside ``within`` or inside ``outside`` once links are
            resolved, or cannot be written; the message names it.
    """
    data = text.encode("utf-8")
    if same_content(path, data):
        return False
    replace_atomic(
        path, lambda handle: handle.write(data), within=within, outside=outside, durable=durable
    )
    return True


def deck_in(path: Path, slides: Path) -> DeckFile | None:
    """``path`` as a deck of the slides folder (its name is its path there), or None
    when it is not a Markdown file inside it."""
    if path.suffix != ".md" or not os.path.lexists(path) or not inside(path, slides):
        return None
    return DeckFile(path.resolve().relative_to(slides.resolve()).as_posix(), path)


def deck_named(deck: Path, slides: Path) -> DeckFile | None:
    """A deck of the slides folder given as a path (``slides/a/index.md``) or by its
    name there (``a/index.md``, ``a/index``), as ``review`` and ``import`` take it."""
    for path in (deck, slides / deck, slides / deck.with_suffix(".md")):
        if (found := deck_in(path, slides)) is not None:
            return found
    return None


def inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies within it (after resolving links); False
    for a symlink loop."""
    where, root = resolved(path), resolved(folder)
    return where is not None and root is not None and where.is_relative_to(root)
