"""``marp-i18n init``: set a folder of decks up as a course marp-i18n works on."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.output import get_output, output_options


@click.command()
@click.option(
    "--slides",
    default=None,
    help="Folder of the decks [default: slides/, else the folder with the most decks].",
)
@click.option("--locales", default="locales", show_default=True, help="Folder for catalogues.")
@click.option("--build", default="build", show_default=True, help="Folder for built decks.")
@click.option(
    "--source-language", default="en", show_default=True, help="Language the decks are in."
)
@click.option(
    "--install",
    default=None,
    metavar="REQUIREMENT",
    help="pip requirement the CI workflow installs the tool with [default: where this "
    "copy was installed from, when pip recorded a git URL].",
)
@output_options
def init(
    slides: str | None,
    locales: str,
    build: str,
    source_language: str,
    install: str | None,
    quiet: bool,
    verbose: int,
) -> int:
    """Set up the current folder: settings (marp-i18n.toml, or [tool.marp-i18n] in an
    existing pyproject.toml), .gitignore lines, a CI workflow and a pre-commit hook
    that run `marp-i18n check`. Files already there are kept; run it again safely.
    """
    from i18n.config import validate_language
    from i18n.course_init import set_up_course

    validate_language(source_language, "--source-language")
    out = get_output(quiet, verbose)
    result = set_up_course(
        Path("."),
        slides=slides,
        locales=locales,
        build=build,
        source_language=source_language,
        install=install,
    )
    for line in result.written:
        out.line(line)
    for line in result.kept:
        out.detail(line)
    for message in result.messages:
        out.warn(message)
    for line in result.next_steps:
        out.summary(line)
    return 0
