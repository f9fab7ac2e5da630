"""``marp-i18n pseudo``: pseudo-translate every deck, build and render it, to spot overflow."""

from __future__ import annotations

import os
from pathlib import Path

import click

from i18n.cli.common import folder_options, make_config, marp_option, now
from i18n.cli.output import get_output, output_options, show_lines
from i18n.errors import ConfigError


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
    marp: Path | None,
    quiet: bool,
    verbose: int,
) -> int:
    """Write locales/<lang>/<deck>.po with every entry pseudo-translated (accented
    letters, about 35 % longer, in ⟦ ⟧), build build/<lang>/ and render it to HTML,
    so overflowing slides show before any real translation exists.

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
    failed = (
        run_build(config, (lang,), out, set_lang=True, strict=False, expand_variables=False)
        or failed
    )
    if render_html:
        from i18n.render import find_marp

        marp = marp or find_marp(config.root, os.environ)
        if marp.is_file():
            failed = run_render(config.build, [lang], marp, None, out) or failed
        else:
            out.warn(
                f"marp-i18n: {marp} not found: run `npm ci` (the Marp CLI pinned in "
                f"package.json), then `marp-i18n render --lang {lang}` to see the slides"
            )
    return 2 if failed else 0
