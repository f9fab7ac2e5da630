"""Update a course's catalogues: extract every deck, then merge every language's PO.

The run yields its output line by line (so the CLI shows progress as it goes) and
never stops at a bad file: a deck or catalogue that cannot be read is reported with
file and line and left exactly as it is, and the others are still updated.

It also follows the course's life: a renamed deck takes its old catalogues over
(``orphans.py``, ``renames.py``), a text moved to another deck keeps its translation
(the language's other catalogues and its memory are read first), and the catalogues of
removed decks are reported, or with ``prune`` kept as memory and removed (``prune.py``).
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import polib
from markdown_it import MarkdownIt

from i18n.cache import Cache
from i18n.catalogue._canonical import kept_line_breaks
from i18n.catalogue.compendium import sure_translations, with_sure
from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.header import catalogue_file
from i18n.catalogue.pofile import read_with_warnings
from i18n.catalogue.update import Memory, counts, memory_pairs, merge
from i18n.config import Config
from i18n.course import (
    GLOSSARY_NAMES,
    catalogue_path,
    language_catalogues,
    memory_path,
    project_lock,
    template_path,
)
from i18n.errors import CatalogueError, I18nError, Warning_
from i18n.files import (
    DeckFile,
    find_decks,
    keyed_deck,
    read_text,
    require_folder,
    write_atomic,
)
from i18n.model import Deck
from i18n.orphans import find_orphans, follow_renames, orphan_warnings, present_decks
from i18n.parallel import parallel_map
from i18n.prune import prune_orphans

if TYPE_CHECKING:  # the glossary's modules load only for a language that has one
    from i18n.glossary.match import TermIndex


@dataclass(frozen=True, slots=True)
class Line:
    """One line of output: for stdout, or for stderr (``error`` marks a failure).

    ``note`` marks a line that tells of a file moved or removed, not written.
    ``step`` marks the end of one deck or catalogue, for a progress display;
    ``total`` (with no text) announces how many steps the run has.
    """

    text: str
    stderr: bool = False
    error: bool = False
    unchanged: bool = False
    note: bool = False
    step: bool = False
    total: int | None = None


def update_project(
    config: Config,
    languages: tuple[str, ...],
    now: str,
    *,
    line_numbers: bool = False,
    purge_obsolete: bool = False,
    prune: bool = False,
) -> Iterator[Line]:
    """Move a renamed deck's catalogues, write every POT, then every
    ``locales/<lang>/<deck>.po`` (created if missing); then report the catalogues of
    removed decks, or with ``prune`` move their translations into the memory.

    Raises:
        I18nError: the slides folder is missing or another update is running.
    """
    require_folder(config.slides)  # before the lock creates locales/
    with project_lock(config.locales):
        decks, skipped = find_decks(config.slides)
        present = present_decks(config, decks, skipped)
        orphans = find_orphans(config, present)
        if orphans:
            for said in follow_renames(config, decks, orphans):
                error = isinstance(said, I18nError)
                warned = isinstance(said, Warning_)
                yield Line(str(said), stderr=error or warned, error=error, note=not error)
            orphans = find_orphans(config, present)
        templates: list[tuple[Deck, polib.POFile]] = []
        targets = [lang for lang in languages if lang != config.source_language]
        yield from _extract(config, now, line_numbers, templates, 1 + len(targets))
        for lang in languages:
            if lang == config.source_language:
                yield Line(f"{lang}: the source language gets no catalogues", stderr=True)
                continue
            yield from _update_language(config, lang, templates, now, purge_obsolete)
        if prune:
            for done in prune_orphans(config, orphans, now):
                error = isinstance(done, I18nError)
                yield Line(str(done), stderr=error, error=error, note=not error)
        else:
            yield from (Line(str(w), stderr=True) for w in orphan_warnings(orphans, config))


def extract_project(config: Config, now: str, *, line_numbers: bool = False) -> Iterator[Line]:
    """Write every deck's POT (``marp-i18n extract``).

    Raises:
        I18nError: the slides folder is missing or an update is running.
    """
    require_folder(config.slides)  # before the lock creates locales/
    with project_lock(config.locales):
        yield from _extract(config, now, line_numbers, [], 1)


def _extract(
    config: Config,
    now: str,
    line_numbers: bool,
    templates: list[tuple[Deck, polib.POFile]],
    passes: int,
) -> Iterator[Line]:
    """Write the POTs; collect (deck, template) pairs for the merge that follows.

    ``passes`` (extraction plus one per language) sizes the progress total.
    """
    decks, skipped = find_decks(config.slides)
    cache = Cache.for_project(config.root)
    yield Line("", total=len(decks) * passes)
    yield from (Line(str(warning), stderr=True) for warning in skipped)
    work = partial(_template, config, now, line_numbers, cache)
    for found in parallel_map(work, decks):  # segmenting is most of the work: all cores
        if isinstance(found, I18nError):
            yield Line(str(found), stderr=True, error=True, step=True)
            continue
        key, deck, pot, text = found
        if key:
            cache.remember(key, deck)  # made in a worker: the merge and build reuse it
        yield from (Line(str(warning), stderr=True) for warning in deck.warnings)
        pot_path = template_path(config, deck.path)
        try:
            changed = _write(config, pot_path, text, durable=False)
        except I18nError as exc:
            yield Line(str(exc), stderr=True, error=True, step=True)
            continue
        size = len([entry for entry in pot if entry.msgid])
        yield Line(
            f"{pot_path}: {size} messages{'' if changed else ' (unchanged)'}",
            unchanged=not changed,
            step=True,
        )
        templates.append((deck, pot))


def _template(
    config: Config, now: str, line_numbers: bool, cache: Cache, deck_file: DeckFile
) -> tuple[str, Deck, polib.POFile, str] | I18nError:
    """(cache key, deck, template, its text) of one deck, or why it cannot be read."""
    try:
        key, deck = keyed_deck(config.translatable_keys, cache, deck_file)
        with _line_breaks(cache, template_path(config, deck.path)):
            pot, text = project_template(config, deck, now, line_numbers)
    except I18nError as exc:  # also a deck name no catalogue can hold
        return exc
    return key, deck, pot, text


def project_template(
    config: Config, deck: Deck, now: str, line_numbers: bool
) -> tuple[polib.POFile, str]:
    """The deck's template and its text, keeping the POT's creation date when only the
    date would change (``update`` writes it; ``import`` uses it in memory)."""
    old = read_text(template_path(config, deck.path), config.locales)
    return template_catalogue(
        deck,
        (config.slides / deck.path).as_posix(),
        old.decode("utf-8", "replace") if old is not None else None,
        now,
        line_numbers=line_numbers,
    )


def _term_index(
    config: Config, lang: str
) -> Generator[Line, None, tuple[TermIndex, MarkdownIt] | None]:
    """The language's glossary ready to annotate entries (``#. glossary: ...``), or None
    when it has none or it cannot be read (said on stderr; the catalogues are still
    updated)."""
    if not any(os.path.lexists(config.locales / lang / name) for name in GLOSSARY_NAMES):
        return None  # the common case: no glossary, nothing to import
    from i18n.glossary.read import read_glossary

    try:
        glossary = read_glossary(config.locales, lang, config.source_language)
    except I18nError as exc:
        yield Line(str(exc), stderr=True, error=True)
        return None
    if not glossary.terms:
        return None
    from i18n.glossary.match import TermIndex
    from i18n.marp.parser import marp_parser

    return TermIndex(glossary, config.source_language), marp_parser(front_matter=False)


def _update_language(
    config: Config,
    lang: str,
    templates: list[tuple[Deck, polib.POFile]],
    now: str,
    purge_obsolete: bool,
) -> Iterator[Line]:
    """Merge one language; all its catalogues and its memory are read first, as
    translation memory: a text found there exactly (the same translation wherever it
    is) is translated, as msgmerge does with a compendium; a similar one is a fuzzy
    suggestion."""
    read: dict[Path, tuple[bytes, polib.POFile]] = {}
    broken: set[Path] = set()
    cache = Cache.for_project(config.root)
    memory_file = memory_path(config, lang)
    for path in [*language_catalogues(config, lang), memory_file]:
        try:
            raw = read_text(path, config.locales)  # not a FIFO, /dev/zero, a link out
            if raw is None and path == memory_file:
                continue
            po, warnings = read_with_warnings(raw or b"", str(path))
        except CatalogueError as exc:
            broken.add(path)
            yield Line(str(exc), stderr=True, error=True)
            continue
        read[path] = (raw or b"", po)
        yield from (Line(str(warning), stderr=True) for warning in warnings)
    pairs = [pair for _, po in read.values() for pair in memory_pairs(po)]
    memory, sure = Memory(pairs), sure_translations(pairs)
    terms = yield from _term_index(config, lang)
    for deck, pot in templates:
        path = catalogue_path(config, lang, deck.path)
        if path in broken:
            yield Line("", step=True)
            continue
        data: bytes | None = None
        old: polib.POFile | None = None
        if path in read:
            data, old = read[path]
        po = merge(pot, with_sure(old, pot, sure), memory, purge_obsolete=purge_obsolete)
        if terms is not None:
            from i18n.glossary.annotate import annotate

            annotate(po, list(deck.units), *terms)
        with _line_breaks(cache, path):
            text = catalogue_file(po, deck, lang, pot, old, data, now)
        if read_text(path, config.locales) != data:
            yield Line(
                f"{path}: changed while update was running; left as it is",
                stderr=True,
                error=True,
                step=True,
            )
            continue
        try:
            changed = _write(config, path, text)
        except I18nError as exc:
            yield Line(str(exc), stderr=True, error=True, step=True)
            continue
        yield Line(
            f"{path}: {counts(po)}{'' if changed else ' (unchanged)'}",
            unchanged=not changed,
            step=True,
        )


def _line_breaks(cache: Cache, path: Path) -> AbstractContextManager[None]:
    """The lines the last writing of ``path`` broke its strings into (kept in the cache),
    and this writing's kept for the next: a catalogue whose strings did not change is
    written without breaking a line again (gettext's line breaking, in Python, was the
    largest cost of a one-deck update; issue 13)."""
    return kept_line_breaks(cache, cache.key(b"po line breaks", str(path)))


def _write(config: Config, path: Path, text: str, *, durable: bool = True) -> bool:
    """Write inside ``locales/``, whatever links say (``locales/sv`` linked elsewhere).

    Raises:
        I18nError: a link leads elsewhere, or the file cannot be written (named).
    """
    return write_atomic(path, text, within=config.locales, durable=durable)
