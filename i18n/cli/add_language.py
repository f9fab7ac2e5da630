"""``marp-i18n add-language``: start a translation (gettext's msginit, Weblate's "start
new translation") in one command."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import folder_options, make_config, now
from i18n.cli.output import get_output, output_options, show_lines
from i18n.errors import ConfigError


@click.command("add-language")
@click.argument("lang")
@folder_options()
@click.option(
    "--min",
    "minimum",
    type=click.FloatRange(0, 100),
    default=0,
    show_default=True,
    metavar="PERCENT",
    help="The language's own threshold in check.languages: 0 lets `check` pass while the "
    "translation has just started; 100 asks for it complete at once.",
)
@output_options
def add_language(
    lang: str, config_path: Path | None, minimum: float, quiet: bool, verbose: int
) -> int:
    """Add LANG (a code Babel knows: de, pt_BR) to the settings and create its catalogues.

    The settings get LANG in `languages`, a [variables.LANG] table listing the decks'
    %KEY%s to translate, and LANG's threshold in [check.languages]; then
    locales/LANG/<deck>.po is created for every deck, with Babel's Language,
    Language-Team and Plural-Forms headers. Running it again changes nothing.
    """
    from i18n.config import is_pseudo_language, load_config, validate_language
    from i18n.course_init import add_language as add_to_settings
    from i18n.update import update_project

    validate_language(lang, "LANG")
    config = make_config(config_path)
    if is_pseudo_language(lang) or lang == config.source_language:
        what = "a pseudo-locale" if is_pseudo_language(lang) else "the source language"
        raise ConfigError("LANG", None, f"{lang} is {what}", "give a target language, e.g. de")
    settings = add_to_settings(config, lang, minimum)
    out = get_output(quiet, verbose)
    out.line(f"{settings}: {lang} added")
    config = load_config(config.settings)
    failed = show_lines(update_project(config, (lang,), now()), out, "update", "file")
    locales = config.locales / lang
    out.summary(
        f"Next: translate {locales}/*.po (Poedit, Weblate, a text editor); fill in "
        f"{config.where(f'variables.{lang}')}; raise {lang} in {config.where('check.languages')} "
        "as the translation grows."
    )
    return 2 if failed else 0
