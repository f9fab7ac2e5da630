"""``marp-i18n pseudo``: pseudo-translate every deck, build and render it, to spot overflow."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from i18n.cli.common import folder_options, make_config, marp_option, now
from i18n.cli.output import Output, get_output, output_options, show_lines
from i18n.errors import ConfigError

if TYPE_CHECKING:
    from i18n.config import Config


@click.command()
@folder_options("slides", "locales", "build")
@click.option(
    "--lang",
    default="qps",
    show_default=True,
    help="Pseudo-locale code: qps, qps-ploc, en-XA or ar-XB (never a real language).",
)
@click.option(
    "--build-decks/--no-build-decks",
    default=True,
    show_default=True,
    help="Build build/<lang>/ from the pseudo catalogues.",
)
@click.option(
    "--render/--no-render",
    "render_html",
    default=True,
    show_default=True,
    help="Render the built decks to HTML with marp-cli (when it is installed).",
)
@click.option(
    "--forecast/--no-forecast",
    default=True,
    show_default=True,
    help="After rendering, measure every slide in Chromium and list those that overflow "
    "(the source language is built and rendered too, to compare).",
)
@marp_option
@output_options
def pseudo(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    build: Path | None,
    lang: str,
    build_decks: bool,
    render_html: bool,
    forecast: bool,
    marp: Path | None,
    quiet: bool,
    verbose: int,
) -> int:
    """Write locales/<lang>/<deck>.po with every entry pseudo-translated (accented
    letters, about 35 % longer, in ⟦ ⟧), build build/<lang>/ and render it to HTML,
    so overflowing slides show before any real translation exists; then measures
    every slide in Chromium and lists those that overflow (--no-forecast: not).

    The catalogues are generated: every run overwrites them. Markup, code, URLs,
    math and %VARIABLES% are kept exactly.
    """
    from i18n.cli.build import run_build
    from i18n.cli.render import run_render
    from i18n.config import is_pseudo_language
    from i18n.pseudo_run import Sizes, with_pseudo_values, write_pseudo_catalogues

    if not is_pseudo_language(lang):
        raise ConfigError(
            "--lang", None, f"{lang!r} is not a pseudo-locale", "use qps, qps-ploc, en-XA or ar-XB"
        )
    config = make_config(config_path, slides=slides, locales=locales, build=build)
    config = with_pseudo_values(config, lang)
    out = get_output(quiet, verbose)
    sizes = Sizes()
    lines = write_pseudo_catalogues(config, lang, now(), sizes)
    failed = show_lines(lines, out, f"pseudo {lang}", "catalogue")
    if sizes.longer is not None:
        out.summary(f"The {lang} text is {sizes.longer} % longer than the source.")
    if not build_decks:
        return 2 if failed else 0
    forecast = forecast and render_html
    languages = (config.source_language, lang) if forecast else (lang,)
    failed = (
        run_build(config, languages, out, set_lang=True, strict=False, expand_variables=False)
        or failed
    )
    if render_html:
        from i18n.render import find_marp

        marp = marp or find_marp(config.root, os.environ)
        if marp.is_file():
            failed = run_render(config.build, [lang], marp, None, out) or failed
            if forecast:
                failed = _forecast(config, lang, marp, out, sizes.longer) or failed
        else:
            out.warn(
                f"marp-i18n: {marp} not found: run `npm ci` (the Marp CLI pinned in "
                f"package.json), then `marp-i18n render --lang {lang}` to see the slides"
            )
    return 2 if failed else 0


def _forecast(config: Config, lang: str, marp: Path, out: Output, longer: int | None) -> bool:
    """Measure the source and ``lang`` and print the slides that overflow; True when a
    deck could not be measured."""
    from i18n.check.report import Finding
    from i18n.files import find_decks
    from i18n.overflow.forecast import forecast
    from i18n.overflow.run import measure_course

    measured = measure_course(config, [lang], marp=marp, env=os.environ, say=out.detail)
    for problem in [*measured.findings, *measured.errors]:
        out.warn(str(problem) if isinstance(problem, Finding) else f"marp-i18n: {problem}")
    if not measured.fits:
        return bool(measured.errors)
    decks = [deck.name for deck in find_decks(config.slides)[0]]
    result = forecast(measured, decks, config.source_language, lang, config.build.as_posix())
    for line in result.lines:
        out.summary(line)
    out.summary(result.summary(lang, longer))
    return bool(measured.errors)
