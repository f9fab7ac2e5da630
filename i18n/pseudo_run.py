"""The ``pseudo`` run: every deck's pseudo catalogue written to ``locales/<lang>/``.

At the edge (it reads decks and catalogues and writes files); the pseudo-translation
itself is ``pseudo.py``'s, pure. Lines come out as ``update``'s do, for the CLI to print.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from i18n.catalogue.pofile import decode_catalogue
from i18n.config import Config
from i18n.course import catalogue_path, project_lock
from i18n.errors import I18nError
from i18n.files import find_decks, load_deck, read_text, write_atomic
from i18n.pseudo import GENERATED, pseudo_catalogue, pseudo_parser, pseudo_values
from i18n.update import Line


@dataclass
class Sizes:
    """Characters of every msgid written and of its pseudo-translation, added up as the
    catalogues are written (the lines stream, so the totals are known only at the end)."""

    source: int = 0
    pseudo: int = 0

    @property
    def longer(self) -> int | None:
        """How many per cent longer the pseudo text is (rounded down); None with no text."""
        return 100 * self.pseudo // self.source - 100 if self.source else None


def with_pseudo_values(config: Config, lang: str) -> Config:
    """The settings with ``lang``'s ``%VARIABLE%`` values: its own if it has some, else
    the source language's, pseudo-translated (a pseudo language has none of its own)."""
    if lang in config.variables:
        return config
    source_values = config.variables.get(config.source_language, {})
    return config.with_options(variables={**config.variables, lang: pseudo_values(source_values)})


def write_pseudo_catalogues(config: Config, lang: str, today: str, sizes: Sizes) -> Iterator[Line]:
    """Write every deck's pseudo catalogue; lines as ``update`` yields them.

    A catalogue that ``pseudo`` did not write (no ``GENERATED`` line) is left as it is,
    with an error line: the run never overwrites a translator's work.
    """
    md = pseudo_parser()
    decks, skipped = find_decks(config.slides)
    with project_lock(config.locales):
        yield Line("", total=len(decks))
        yield from (Line(str(warning), stderr=True) for warning in skipped)
        for deck_file in decks:
            path = catalogue_path(config, lang, deck_file.name)
            try:
                deck = load_deck(deck_file, config.translatable_keys)
                old = read_text(path, config.locales)  # not a FIFO, /dev/zero, a link out
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            try:  # refused as every command refuses it: a header that lies, say
                old_text = decode_catalogue(old, str(path)) if old is not None else None
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            if old_text is not None and GENERATED not in old_text:
                yield Line(
                    f"{path}: not written by marp-i18n pseudo, left as it is; "
                    "delete it or choose another --lang",
                    stderr=True,
                    error=True,
                    step=True,
                )
                continue
            reference = (config.slides / deck.path).as_posix()
            po, text = pseudo_catalogue(deck, lang, reference, old_text, today, md)
            try:
                changed = write_atomic(path, text, within=config.locales)
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            entries = [entry for entry in po if entry.msgid]
            sizes.source += sum(len(entry.msgid) for entry in entries)
            sizes.pseudo += sum(len(entry.msgstr) for entry in entries)
            note = "" if changed else " (unchanged)"
            yield Line(f"{path}: {len(entries)} messages{note}", unchanged=not changed, step=True)
