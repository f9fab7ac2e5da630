"""``marp-i18n update``: extract, then bring every language's PO catalogues up to date."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from i18n.cli.common import echo_err, folder_options, keys_option, lang_option, make_config, now


@click.command()
@folder_options("slides", "locales")
@keys_option
@lang_option
@click.option("--line-numbers", is_flag=True, help="Add line numbers to #: references.")
@click.option(
    "--purge-obsolete", is_flag=True, help="Drop obsolete (#~) entries instead of keeping them."
)
def update(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    keys: tuple[str, ...],
    langs: tuple[str, ...],
    line_numbers: bool,
    purge_obsolete: bool,
) -> int:
    """Write locales/<deck>.pot and locales/<lang>/<deck>.po for every deck.

    Translations are never lost: changed text becomes fuzzy with the previous msgid
    (#|), removed text becomes obsolete (#~) and comes back if the text does. A file
    that cannot be read is reported (file and line) and left as it is; the others
    are still updated; the exit code is then 2.
    """
    from i18n.update import update_project

    config = make_config(config_path, slides=slides, locales=locales, keys=keys, langs=langs)
    if not config.languages:
        echo_err("marp-i18n: no languages: set languages = [...] or give --lang")
        return 2
    failed = False
    progress = sys.stderr.isatty() and not sys.stdout.isatty()
    for number, line in enumerate(
        update_project(
            config,
            config.languages,
            now(),
            line_numbers=line_numbers,
            purge_obsolete=purge_obsolete,
        ),
        1,
    ):
        failed = failed or line.error
        if line.stderr:
            echo_err(line.text)
        else:
            click.echo(line.text)
            if progress:  # stdout goes to a file: show on the terminal that we are alive
                click.echo(f"\r{number} catalogues", nl=False, err=True)
    if progress:
        click.echo(err=True)
    return 2 if failed else 0
