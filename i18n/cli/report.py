"""``marp-i18n report``: the HTML status page and one SVG badge per language."""

from __future__ import annotations

import os
from pathlib import Path

import click

from i18n.cli.common import folder_options, lang_option, make_config, marp_option, now
from i18n.cli.output import get_output, output_options
from i18n.errors import ConfigError, I18nError
from i18n.text import counted


@click.command()
@folder_options("slides", "locales", "build")
@lang_option
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for index.html and badge-<lang>.svg [default: <build>/report].",
)
@click.option(
    "--render/--no-render",
    default=None,
    help="Also render the built decks and list the slides that overflow in a translation "
    "(needs Node.js and Chromium) [config: check.render; default: off].",
)
@marp_option
@output_options
def report(
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    build: Path | None,
    langs: tuple[str, ...],
    output: Path | None,
    render: bool | None,
    marp: Path,
    quiet: bool,
    verbose: int,
) -> int:
    """Write a self-contained status page (index.html) and badge-<lang>.svg files.

    The page shows every deck in every language (source words translated, fuzzy and
    untranslated), the failing checks with their PO file and line, and links to the
    built decks. It runs the same checks as `marp-i18n check`, but failing checks are
    what the page is for: the exit code is 0 even then (use `check` to gate CI), and 2
    only when a file could not be read (the page lists it).
    """
    from i18n.check import check_course, read_settings
    from i18n.files import write_atomic
    from i18n.report import language_badge, language_name, render_status, status_of

    config = make_config(config_path, slides=slides, locales=locales, build=build, langs=langs)
    languages = [lang for lang in config.languages if lang != config.source_language]
    if not languages:
        raise ConfigError(
            "--lang", None, "no languages to report on", "set languages = [...] or give --lang"
        )
    folder = output if output is not None else config.build / "report"
    settings = read_settings(config.check, config.where("check"), render=render)
    result = check_course(config, settings)
    if settings.render:
        from i18n.overflow import add_overflow
        from i18n.render import find_marp

        marp = marp or find_marp(config.root, os.environ)
        add_overflow(result, config, settings, marp=marp, env=os.environ)
    status = status_of(
        result,
        languages=languages,
        source_language=config.source_language,
        names={code: language_name(code) for code in languages},
        build_href=Path(os.path.relpath(config.build, folder)).as_posix(),
        present=_built_files(config.build),
    )
    out = get_output(quiet, verbose)
    for error in result.errors:
        out.warn(f"marp-i18n: {error}")
    files = {folder / "index.html": render_status(status, generated=now())}
    for lang in status.languages:
        files[folder / f"badge-{lang.code}.svg"] = language_badge(lang.code, lang.counted) + "\n"
    failed = bool(result.errors)
    within = config.build if output is None else None  # a folder given is used as given
    for path, content in files.items():
        try:
            changed = write_atomic(path, content, within=within)
        except I18nError as exc:
            out.warn(f"marp-i18n: {exc}")
            failed = True
            continue
        if changed:
            out.line(f"{path}")
        else:
            out.detail(f"{path} (unchanged)")
    out.summary(
        f"report: {counted(len(status.rows), 'deck')} in {counted(len(languages), 'language')}; "
        f"{status.findings}: {folder / 'index.html'}"
    )
    return 2 if failed else 0


def _built_files(build: Path) -> frozenset[str]:
    """Every file under the build folder, relative to it with ``/`` (for the links)."""
    if not build.is_dir():
        return frozenset()
    return frozenset(
        Path(dirpath, name).relative_to(build).as_posix()
        for dirpath, _, names in os.walk(build)
        for name in names
    )
