"""``marp-i18n check``: completeness and translation checks, for CI and pre-commit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from i18n.check.formats import FORMATS
from i18n.cli.common import folder_options, keys_option, lang_option, make_config, marp_option
from i18n.cli.output import get_output, output_options


@click.command()
@folder_options("slides", "locales", "build")
@lang_option
@keys_option
@click.option(
    "--min",
    "minimum",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="PERCENT",
    help="Percent translated every deck needs in every language; replaces the configured "
    "thresholds [config: check.min, check.languages, check.decks; default 100].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="plain",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in FORMATS.items()) + ".",
)
@click.option(
    "--disable",
    multiple=True,
    metavar="CHECK",
    help="Switch a check off; repeat for several [config: check.disable].",
)
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help="Colour the plain format [default: on a terminal, unless NO_COLOR is set].",
)
@click.option(
    "--render/--no-render",
    default=None,
    help="Also render the built decks and check that no slide overflows that fits in the "
    "source (needs Node.js and Chromium) [config: check.render; default: off].",
)
@marp_option
@output_options
def check(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    build: Path | None,
    langs: tuple[str, ...],
    keys: tuple[str, ...],
    minimum: float | None,
    fmt: str,
    disable: tuple[str, ...],
    colour: bool | None,
    render: bool | None,
    marp: Path,
    quiet: bool,
    verbose: int,
) -> int:
    """Check every catalogue of every target language against its deck.

    Counts translated, fuzzy, untranslated and obsolete entries (messages and source
    words, as pocount does) and checks every translation: links, code, placeholders,
    HTML, emphasis, math, lines, hard breaks, text left in the source language, and
    the build's structure guard. With --render, also the slides: rendered with Marp
    and measured in Chromium, a slide that fits in the source and not in the
    translation is a finding (`overflow`). Exit 0: all thresholds met and no check failed;
    1: a threshold missed, a catalogue stale or a check failed; 2: the run failed.
    """
    from i18n.check import check_course, format_report, read_settings

    config = make_config(
        config_path, slides=slides, locales=locales, build=build, keys=keys, langs=langs
    )
    settings = read_settings(
        config.check, config.where("check"), minimum=minimum, disable=disable, render=render
    )
    out = get_output(quiet, verbose)
    report = check_course(config, settings)
    if settings.render:
        from i18n.overflow import add_overflow
        from i18n.render import find_marp

        say = (lambda line: click.echo(line, err=True)) if out.verbose else None
        marp = marp or find_marp(config.root, os.environ)
        add_overflow(report, config, settings, marp=marp, env=os.environ, say=say)
    if colour is None:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = format_report(report, fmt, colour=colour, verbosity=out.verbosity)
    click.echo(text, nl=False, color=colour)
    return report.exit_code
