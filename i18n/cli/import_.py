"""``marp-i18n import``: a hand-made translated deck into the deck's PO catalogue."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import folder_options, keys_option, lang_option, make_config, now
from i18n.cli.output import get_output, output_options

_DECK = click.Path(path_type=Path, dir_okay=False)


@click.command("import")
@click.argument("source_deck", type=_DECK)
@click.argument("translated_deck", type=_DECK)
@folder_options("slides", "locales")
@lang_option
@keys_option
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace translations already in the catalogue (they become fuzzy too).",
)
@output_options
def import_(
    source_deck: Path,
    translated_deck: Path,
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    langs: tuple[str, ...],
    keys: tuple[str, ...],
    overwrite: bool,
    quiet: bool,
    verbose: int,
) -> int:
    """Pair TRANSLATED_DECK, a hand-made translation, with SOURCE_DECK (a deck of the
    slides folder, as a path or by its name there: 13-deck.md) and write the pairs into
    locales/<lang>/<deck>.po as fuzzy entries for a translator to confirm.

    Slides are paired by structure first (headings, lists, notes, code, links, images,
    numbers, directives), then by order; texts inside a slide the same way. What cannot
    be paired for certain is reported (file:line), never guessed. Translations already
    in the catalogue are kept unless --overwrite.

    Exit status: 0 when every text was paired, 1 when something was left unpaired,
    2 on bad input (nothing is written then).
    """
    from i18n.align.importer import import_deck

    config = make_config(config_path, slides=slides, locales=locales, keys=keys, langs=langs)
    out = get_output(quiet, verbose)
    if len(config.languages) != 1:
        out.warn("marp-i18n: import: give the language of the translated deck: --lang CODE")
        return 2
    report = import_deck(
        config, source_deck, translated_deck, config.languages[0], now(), overwrite=overwrite
    )
    for message in report.warnings:
        out.warn(message)
    filled = report.filled
    if report.changed:
        out.line(f"{report.catalogue}: {filled.written} written as fuzzy, {filled.kept} kept")
    else:
        out.detail(f"{report.catalogue}: unchanged")
    left = f"; {report.unpaired} left unpaired" if report.unpaired else ""
    out.summary(
        f"{len(report.alignment.pairs)} paired, {filled.written} written as fuzzy, "
        f"{filled.kept} kept (already translated){left}."
    )
    return 1 if report.unpaired else 0
