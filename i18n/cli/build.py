"""``marp-i18n build``: one translated deck per deck and language."""

from __future__ import annotations

from pathlib import Path

import click

from i18n.cli.common import folder_options, keys_option, lang_option, make_config
from i18n.cli.output import Output, get_output, output_options
from i18n.config import Config
from i18n.text import counted


@click.command()
@folder_options("slides", "locales", "build")
@lang_option
@keys_option
@click.option(
    "--set-lang/--no-set-lang",
    default=True,
    show_default=True,
    help="Set Marp's lang directive to the language in every built deck.",
)
@click.option("--strict", is_flag=True, help="A refused translation is an error (exit 2).")
@click.option(
    "--expand-variables",
    is_flag=True,
    help="Replace %KEY% in the decks with [tool.marp-i18n.variables.<lang>] values "
    "instead of writing build/<lang>/variables.",
)
@output_options
def build(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    build: Path | None,
    langs: tuple[str, ...],
    keys: tuple[str, ...],
    set_lang: bool,
    strict: bool,
    expand_variables: bool,
    quiet: bool,
    verbose: int,
) -> int:
    """Write build/<lang>/<deck>.md for the source language and every target language.

    Untranslated and fuzzy entries fall back to the source text. A translation that
    would change a slide's structure is refused with a warning naming the PO file and
    line, and the source text is used.
    """
    config = make_config(
        config_path, slides=slides, locales=locales, build=build, keys=keys, langs=langs
    )
    languages = config.languages if langs else (config.source_language, *config.languages)
    failed = run_build(
        config,
        languages,
        get_output(quiet, verbose),
        set_lang=set_lang,
        strict=strict,
        expand_variables=expand_variables,
    )
    return 2 if failed else 0


def run_build(
    config: Config,
    languages: tuple[str, ...],
    out: Output,
    *,
    set_lang: bool,
    strict: bool,
    expand_variables: bool,
) -> bool:
    """Print a build of every language through ``out`` (progress, each language's lines
    as it is done, the summary); True if one failed. Shared by ``build`` and ``pseudo``.
    """
    from i18n.build import BuildReport, build_languages

    def progress(lang: str, done: int, total: int, name: str) -> None:
        if done == 0:
            out.start(total, f"build {lang}")
        else:
            out.step(name)  # the deck just built

    def built(lang: str, report: BuildReport) -> None:
        out.finish()
        for message in report.messages:
            out.warn(str(message))
        for line in report.written:
            out.line(line)
        for line in report.removed:
            out.line(f"{line}: removed (its source deck is gone)")
        for line in report.unchanged:
            out.detail(f"{line} (unchanged)")

    report = build_languages(
        config,
        languages,
        set_lang=set_lang,
        strict=strict,
        expand_variables=expand_variables,
        progress=progress,
        built=built,
    )
    written, unchanged = len(report.written), len(report.unchanged)
    done = f"{counted(written + unchanged, 'deck')}: {written} written, {unchanged} unchanged"
    out.summary(done + (f", {len(report.removed)} removed." if report.removed else "."))
    return report.failed
