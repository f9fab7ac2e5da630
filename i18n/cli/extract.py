"""``marp-i18n extract``: one POT template per deck."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import echo_err, folder_options, keys_option, make_config, now, reference
from i18n.errors import I18nError


@click.command()
@folder_options("slides", "locales")
@keys_option
@click.option("--line-numbers", is_flag=True, help="Add line numbers to #: references.")
def extract(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    keys: tuple[str, ...],
    line_numbers: bool,
) -> int:
    """Write locales/<deck>.pot for every deck under the slides folder.

    A deck that cannot be read is reported (file and line) and skipped; the others
    are still extracted; the exit code is then 2.
    """
    from i18n.catalogue.extract import template_text
    from i18n.files import find_decks, read_deck, read_text, write_atomic
    from i18n.segment import segment_deck

    config = make_config(config_path, slides=slides, locales=locales, keys=keys)
    decks, skipped = find_decks(config.slides)
    for message in skipped:
        echo_err(message)
    failed = 0
    stamp = now()
    for deck_file in decks:
        try:
            deck = segment_deck(
                read_deck(deck_file.path),
                deck_file.name,
                config.translatable_keys,
                source=str(deck_file.path),
            )
        except I18nError as exc:
            echo_err(exc)
            failed += 1
            continue
        for warning in deck.warnings:
            echo_err(warning)
        pot_path = config.locales / Path(deck_file.name).with_suffix(".pot")
        old = read_text(pot_path)
        text = template_text(
            deck,
            reference(config, deck_file.name),
            old.decode("utf-8", "replace") if old is not None else None,
            stamp,
            line_numbers=line_numbers,
        )
        changed = write_atomic(pot_path, text)
        count = len({unit.msgid for unit in deck.units})
        click.echo(f"{pot_path}: {count} messages{'' if changed else ' (unchanged)'}")
    return 2 if failed else 0
