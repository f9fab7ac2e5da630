"""``marp-i18n extract``: one POT template per deck."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import folder_options, keys_option, make_config, now
from i18n.cli.output import get_output, output_options, show_lines


@click.command()
@folder_options("slides", "locales")
@keys_option
@click.option("--line-numbers", is_flag=True, help="Add line numbers to #: references.")
@output_options
def extract(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    keys: tuple[str, ...],
    line_numbers: bool,
    quiet: bool,
    verbose: int,
) -> int:
    """Write locales/<deck>.pot for every deck under the slides folder.

    A deck that cannot be read is reported (file and line) and skipped; the others
    are still extracted; the exit code is then 2.
    """
    from i18n.update import extract_project

    config = make_config(config_path, slides=slides, locales=locales, keys=keys)
    out = get_output(quiet, verbose)
    lines = extract_project(config, now(), line_numbers=line_numbers)
    failed = show_lines(lines, out, "extract", "template")
    return 2 if failed else 0
