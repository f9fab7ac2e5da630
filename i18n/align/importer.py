"""``import``: read a deck and its hand-made translation, pair them, update the PO.

Everything is read and checked before anything is written; the catalogue is written
once, atomically, in gettext's canonical form, under the lock ``update`` holds, so an
import and an update cannot interleave and lose a translator's edit.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from i18n.align.decks import Alignment, align_decks
from i18n.align.fill import Filled, fill
from i18n.align.findings import paired_translations, unpaired_messages
from i18n.catalogue.header import catalogue_file
from i18n.catalogue.pofile import entry_lines, read_catalogue
from i18n.catalogue.update import merge
from i18n.config import Config
from i18n.course import catalogue_path, project_lock
from i18n.errors import ConfigError, DeckError
from i18n.files import DeckFile, deck_named, load_deck, read_text, write_atomic
from i18n.marp.marp_yaml import read_marp_yaml
from i18n.model import Deck
from i18n.text import short
from i18n.update import project_template


@dataclass
class ImportReport:
    """What an import found and did, for the CLI to print."""

    catalogue: Path
    alignment: Alignment
    filled: Filled
    changed: bool
    """The PO file was written (False: it already said all this)."""
    warnings: list[str] = field(default_factory=list)
    """Deck warnings, slides and units with no counterpart, conflicts: ``file:line: ...``."""
    unpaired: int = 0
    """Units left out: no counterpart, or translated two ways."""


def import_deck(
    config: Config,
    source: Path,
    translated: Path,
    lang: str,
    now: str,
    *,
    overwrite: bool = False,
) -> ImportReport:
    """Pair ``translated`` with ``source`` and write the pairs into
    ``locales/<lang>/<deck>.po`` as fuzzy entries.

    Raises:
        ConfigError: the source deck is not a deck of the slides folder, or ``lang``
            is the source language.
        DeckError: a deck is missing, not UTF-8 or has a front matter Marp cannot read.
        CatalogueError: the PO file cannot be read, or an update is running.
    """
    if lang == config.source_language:
        raise ConfigError(
            "--lang", None, f"{lang} is the source language", "give a target language"
        )
    deck = load_deck(_deck_file(config, source), config.translatable_keys)
    if not os.path.lexists(translated):  # anything else: the reader says what it is
        raise DeckError(str(translated), None, "translated deck not found")
    other = load_deck(DeckFile(translated.name, translated), config.translatable_keys)
    alignment = align_decks(deck, other)
    chosen, conflicts = paired_translations(alignment)
    warnings = [str(w) for w in (*deck.warnings, *other.warnings)]
    warnings += unpaired_messages(alignment, str(source), str(translated))
    warnings += unused_front_matter(deck, other, str(translated), config.translatable_keys)
    path = catalogue_path(config, lang, deck.path)
    with project_lock(config.locales):
        data = read_text(path, config.locales)
        old = read_catalogue(data, str(path)) if data is not None else None
        pot = _template(config, deck, old, now)
        po = merge(pot, old)
        filled = fill(po, chosen, entry_lines(old) if old is not None else {}, overwrite=overwrite)
        text = catalogue_file(po, deck, lang, pot, old, None, now)
        changed = write_atomic(path, text, within=config.locales)
    for conflict in filled.conflicts:
        verb = "replaced" if conflict.replaced else "kept"
        warnings.append(
            f"{path}:{conflict.line}: warning: {verb} the translation "
            f"{short(conflict.existing, 50)}; "
            f"{translated}:{conflict.pair.translated.line} has "
            f"{short(conflict.pair.translated.msgid, 50)}"
            + ("" if conflict.replaced else " (--overwrite takes it, as fuzzy)")
        )
    unpaired = len(alignment.source_units) + len(alignment.translated_units)
    unpaired += sum(len(pairs) for pairs in conflicts)
    return ImportReport(path, alignment, filled, changed, warnings, unpaired)


def _deck_file(config: Config, source: Path) -> DeckFile:
    """The source deck as a deck of the course: its name is its path in the slides folder.

    Raises:
        ConfigError: it lies outside the slides folder or is not a Markdown file.
    """
    found = deck_named(source, config.slides)
    if found is None and not os.path.lexists(source):  # else the reader says what it is
        raise DeckError(str(source), None, "source deck not found")
    if found is None:
        raise ConfigError(
            str(source),
            None,
            f"not a deck of the slides folder {config.slides}",
            "give a .md file under the slides folder (or --slides DIR)",
        )
    return found


def unused_front_matter(
    source: Deck, translated: Deck, path: str, keys: tuple[str, ...]
) -> list[str]:
    """A warning for each front-matter value the translated deck changed that import
    cannot take: keys that are not translatable (``translatable-keys``) go into no
    catalogue, so the translator's work there would otherwise vanish without a word."""

    def mapping(deck: Deck) -> dict[str, object]:
        if deck.front_matter is None:
            return {}
        start, end = deck.front_matter
        return read_marp_yaml(deck.text[start:end]) or {}

    ours, theirs = mapping(source), mapping(translated)
    start = translated.front_matter[0] if translated.front_matter else 0
    warnings = []
    for key, value in theirs.items():
        if key in keys or key == "lang" or ours.get(key) == value:
            continue
        found = re.search(rf"^{re.escape(key)}\s*:", translated.text[start:], re.MULTILINE)
        line = translated.text[: start + (found.start() if found else 0)].count("\n") + 1
        warnings.append(
            f"{path}:{line}: warning: front matter {key} differs from the source but is "
            f"not imported: {key} is not in translatable-keys ({', '.join(keys)}); add it "
            "there (or --key) and import again"
        )
    return warnings


def _template(config: Config, deck: Deck, old: polib.POFile | None, now: str) -> polib.POFile:
    """The deck's POT as ``update`` would write it (in memory: the POT file is ``update``'s
    to write). References keep line numbers when the catalogue has them."""
    numbered = old is not None and any(line for e in old for _, line in e.occurrences)
    return project_template(config, deck, now, numbered)[0]
