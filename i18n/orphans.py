"""Catalogues and templates whose deck is gone: found, told apart, given to a renamed deck.

At the edge (it lists ``locales/``, reads catalogues and moves them). ``update`` asks
here before it writes anything: a renamed deck takes its catalogues over (``renames.py``
decides), the others are reported (or pruned, ``prune.py``); ``check`` reports the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from i18n.cache import Cache
from i18n.catalogue.pofile import read_with_warnings
from i18n.config import Config
from i18n.course import catalogue_path, deck_of, language_folders, template_path
from i18n.errors import CatalogueError, I18nError, Warning_
from i18n.files import DeckFile, inside, keyed_deck, read_text
from i18n.git_files import move


@dataclass(frozen=True, slots=True)
class Orphan:
    """The files left of a deck that no longer exists in ``slides/``."""

    deck: str
    """Its name, as it was: ``old.md``, ``part/index.md``."""
    template: Path | None
    catalogues: tuple[tuple[str, Path], ...]
    """(language, catalogue), in language order."""

    @property
    def files(self) -> list[Path]:
        """Its catalogues, then its template."""
        return [path for _, path in self.catalogues] + ([self.template] if self.template else [])


def present_decks(
    config: Config, decks: Iterable[DeckFile], skipped: Iterable[Warning_]
) -> set[str]:
    """The names of the decks in ``slides/``, skipped ones too (a link that leaves the
    folder is not read, but its catalogues are not orphans)."""
    names = {deck.name for deck in decks}
    for warning in skipped:
        path = Path(warning.path)
        if path.suffix == ".md" and path.is_relative_to(config.slides):
            names.add(path.relative_to(config.slides).as_posix())
    return names


def find_orphans(config: Config, decks: set[str]) -> list[Orphan]:
    """Every deck name with a template or a catalogue in ``locales/`` but no deck, sorted."""
    if not config.locales.is_dir():
        return []
    templates = {
        deck_of(path, config.locales): path
        for path in config.locales.rglob("*.pot")
        if deck_of(path, config.locales) not in decks and _ours(config, path)
    }
    catalogues: dict[str, list[tuple[str, Path]]] = {}
    for lang in language_folders(config):
        folder = config.locales / lang
        for path in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
            name = deck_of(path, folder)
            if name not in decks and _ours(config, path):
                catalogues.setdefault(name, []).append((lang, path))
    return [
        Orphan(name, templates.get(name), tuple(catalogues.get(name, ())))
        for name in sorted(set(templates) | set(catalogues))
    ]


def _ours(config: Config, path: Path) -> bool:
    """A file of the course's own: regular, and inside ``locales/`` once links are
    resolved (one reached through a linked ``locales/sv`` is never moved or removed)."""
    return path.is_file() and inside(path, config.locales)


def orphan_warnings(orphans: Iterable[Orphan], config: Config) -> Iterator[Warning_]:
    """One warning per file of an orphaned deck (``update`` and ``check`` say the same)."""
    for orphan in orphans:
        deck = (config.slides / orphan.deck).as_posix()
        for path in orphan.files:
            yield Warning_(
                str(path),
                None,
                f"left from {deck}, which no longer exists; `marp-i18n update --prune` "
                "keeps its translations as memory and removes it",
                check="orphaned-catalogue",
            )


def deck_texts(config: Config, orphan: Orphan) -> set[str]:
    """The msgids the orphaned deck had: its template's, or, without a readable one, every
    active entry of its catalogues. A file that cannot be read adds nothing (``update``
    reports it when it reads it as memory)."""
    for path in ([orphan.template] if orphan.template else []) + [p for _, p in orphan.catalogues]:
        try:
            data = read_text(path, config.locales)
            if data is None:
                continue
            catalogue, _ = read_with_warnings(data, str(path))
        except I18nError:
            continue
        texts = {entry.msgid for entry in catalogue if entry.msgid and not entry.obsolete}
        if texts:
            return texts
    return set()


def follow_renames(
    config: Config, decks: list[DeckFile], orphans: list[Orphan]
) -> Iterator[str | Warning_ | I18nError]:
    """Give each renamed deck its orphan's catalogues and template: a line per file
    moved, a warning per unclear case, an error per file that could not move."""
    new = _new_decks(config, decks)
    if not new:
        return
    from i18n.renames import match_renames  # only with a new deck: not on every update

    texts = {orphan.deck: deck_texts(config, orphan) for orphan in orphans}
    renames, unclear = match_renames(dict(new), texts)
    by_name = {orphan.deck: orphan for orphan in orphans}
    for rename in renames:
        was, now = (config.slides / rename.old).as_posix(), (config.slides / rename.new).as_posix()
        why = f"{now} is {was} renamed: {rename.shared} of its {rename.texts} texts"
        yield from _move_catalogues(config, by_name[rename.old], rename.new, why)
    for doubt in unclear:
        olds = ", ".join((config.slides / name).as_posix() for name in doubt.orphans)
        rivals = ", ".join((config.slides / name).as_posix() for name in doubt.rivals)
        also = f" (so does {rivals})" if rivals else ""
        yield Warning_(
            (config.slides / doubt.new).as_posix(),
            None,
            f"its texts match the catalogues of the removed {olds}{also}; which deck was "
            "renamed is unclear, so none was moved (its texts still find their translations "
            "in the other catalogues); to keep them, move them by hand",
        )


def _new_decks(config: Config, decks: list[DeckFile]) -> list[tuple[str, set[str]]]:
    """(name, msgids) of each deck with no catalogue yet (a template ``extract`` wrote
    does not count). Only those are read (segmented, and so cached for the extraction
    that follows): a course with no new deck pays nothing."""
    folders = language_folders(config)
    cache = Cache.for_project(config.root)
    new = []
    for deck_file in decks:
        paths = [catalogue_path(config, lang, deck_file.name) for lang in folders]
        if any(path.exists() or path.is_symlink() for path in paths):
            continue
        try:
            deck = keyed_deck(config.translatable_keys, cache, deck_file)[1]
        except I18nError:
            continue  # the extraction reports it
        new.append((deck_file.name, {unit.msgid for unit in deck.units}))
    return new


def _move_catalogues(
    config: Config, orphan: Orphan, deck: str, why: str
) -> Iterator[str | I18nError]:
    """Move the orphan's catalogues and template to ``deck``'s places, with ``git mv``
    where git tracks them; a line for each, or why one could not move. A template the
    new deck already has (``extract`` ran first) stays, and the orphan's goes."""
    moves = [(path, catalogue_path(config, lang, deck)) for lang, path in orphan.catalogues]
    if orphan.template is not None:
        moves.append((orphan.template, template_path(config, deck)))
    for source, target in moves:
        try:
            if source == orphan.template and target.exists():
                source.unlink()
                yield f"{source}: removed ({why}; {target} is its template)"
                continue
            how = "git mv" if move(source, target) else "moved"
        except OSError as exc:
            yield CatalogueError(str(source), None, f"cannot remove: {exc.strerror}")
            continue
        except I18nError as exc:
            yield exc
            continue
        yield f"{source}: {how} to {target} ({why})"
