"""``marp-i18n update``: extract, then bring every language's PO catalogues up to date."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import echo_err, folder_options, keys_option, lang_option, make_config, now
from i18n.cli.output import get_output, output_options, show_lines


@click.command()
@folder_options("slides", "locales")
@keys_option
@lang_option
@click.option("--line-numbers", is_flag=True, help="Add line numbers to #: references.")
@click.option(
    "--purge-obsolete", is_flag=True, help="Drop obsolete (#~) entries instead of keeping them."
)
@click.option(
    "--prune",
    is_flag=True,
    help="Remove the catalogues and templates of decks that no longer exist, after "
    "moving their translations into locales/<lang>.memory.po (read as memory).",
)
@output_options
def update(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    keys: tuple[str, ...],
    langs: tuple[str, ...],
    line_numbers: bool,
    purge_obsolete: bool,
    prune: bool,
    quiet: bool,
    verbose: int,
) -> int:
    """Write locales/<deck>.pot and locales/<lang>/<deck>.po for every deck.

    Translations are never lost: changed text becomes fuzzy with the previous msgid
    (#|), removed text becomes obsolete (#~) and comes back if the text does; a text
    moved to another deck keeps its translation. A renamed deck takes its old
    catalogues over (git mv when git tracks them). Catalogues of removed decks are
    reported; --prune keeps their translations as memory and removes them. A file
    that cannot be read is reported (file and line) and left as it is; the others
    are still updated; the exit code is then 2.
    """
    from i18n.update import update_project

    config = make_config(config_path, slides=slides, locales=locales, keys=keys, langs=langs)
    if not config.languages:
        echo_err(
            "marp-i18n: no languages: run `marp-i18n add-language LANG`, or give --lang "
            f"({config.settings_hint()})"
        )
        return 2
    out = get_output(quiet, verbose)
    lines = update_project(
        config,
        config.languages,
        now(),
        line_numbers=line_numbers,
        purge_obsolete=purge_obsolete,
        prune=prune,
    )
    failed = show_lines(lines, out, "update", "file")
    return 2 if failed else 0
