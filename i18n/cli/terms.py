"""``marp-i18n terms``: candidate glossary terms from the course's decks."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import folder_options, keys_option, make_config
from i18n.cli.output import get_output, output_options


@click.command()
@folder_options("slides")
@keys_option
@click.option(
    "--min",
    "minimum",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Texts a term must appear in.",
)
@click.option(
    "--csv",
    "as_csv",
    is_flag=True,
    help="Write a glossary.csv to start from (source,target,comment) instead of a table.",
)
@output_options
def terms(
    config_path: Path | None,
    slides: Path | None,
    keys: tuple[str, ...],
    minimum: int,
    as_csv: bool,
    quiet: bool,
    verbose: int,
) -> int:
    """Propose glossary terms: words and phrases the decks use again and again.

    Prints each candidate with the number of texts it appears in and the decks it is
    in, most frequent first (translate-toolkit's terminology extraction, as
    poterminology does). Put the ones that matter in locales/<lang>/glossary.csv.
    """
    from i18n import terms as library
    from i18n.cache import Cache
    from i18n.files import find_decks, load_deck, require_folder

    config = make_config(config_path, slides=slides, keys=keys)
    require_folder(config.slides)
    out = get_output(quiet, verbose)
    found, skipped = find_decks(config.slides)
    for warning in skipped:
        out.warn(str(warning))
    cache = Cache.for_project(config.root)
    decks = [load_deck(d, config.translatable_keys, cache) for d in found]
    candidates = library.candidates(decks, config.source_language, minimum=minimum)
    click.echo(library.as_csv(candidates) if as_csv else library.as_table(candidates), nl=False)
    return 0
