"""``marp-i18n render``: built decks to HTML (and PDF) with marp-cli, one line per deck."""

from __future__ import annotations

import os
from pathlib import Path

import click

from i18n.cli.common import folder_options, make_config, marp_option
from i18n.cli.output import Output, get_output, output_options
from i18n.errors import ConfigError


@click.command()
@folder_options("build")
@click.option(
    "--lang",
    "langs",
    multiple=True,
    metavar="LANG",
    help="Language to render (repeatable). Default: every language folder in --build.",
)
@click.option(
    "--pdf/--no-pdf",
    default=None,
    help="Also write PDFs. Default: when Chromium is found (CHROME_PATH, chromium, ...).",
)
@marp_option
@output_options
def render(
    config_path: Path | None,
    build: Path | None,
    langs: tuple[str, ...],
    pdf: bool | None,
    marp: Path | None,
    quiet: bool,
    verbose: int,
) -> int:
    """Render every built deck to build/<lang>/html/ and, with Chromium, build/<lang>/pdf/.

    Each %KEY% is filled in from build/<lang>/variables first (the [variables.<lang>]
    settings, which `build` writes there), as the course's renderer does.
    """
    from i18n.render import find_chromium, find_languages, find_marp

    config = make_config(config_path, need_slides=False, build=build)
    build_dir = config.build
    marp = marp or find_marp(config.root, os.environ)
    languages = list(langs) or find_languages(build_dir)
    if not languages:
        raise ConfigError(
            str(build_dir),
            None,
            f"no built languages ({config.settings_hint()})",
            "run `marp-i18n build` first",
        )
    chromium = find_chromium(os.environ) if pdf is not False else None
    if pdf and chromium is None:
        raise ConfigError(
            "--pdf", None, "no Chromium found", "install `chromium` or set CHROME_PATH"
        )

    failed = run_render(build_dir, languages, marp, chromium, get_output(quiet, verbose))
    return 2 if failed else 0


def run_render(
    build_dir: Path, languages: list[str], marp: Path, chromium: str | None, out: Output
) -> bool:
    """Render with a line per deck through ``out``; True when a deck failed.

    Shared by ``render`` and ``pseudo``.
    """
    from i18n.errors import I18nError
    from i18n.render import RenderResult, problems
    from i18n.render import render as render_decks

    skipped = problems(build_dir, languages)
    for problem in skipped:
        out.warn(f"marp-i18n: {problem}")

    def progress(done: int, total: int, result: RenderResult) -> None:
        deck = result.deck.relative_to(build_dir).as_posix()
        if done == 1:
            out.start(total, "render")
        if result.ok:
            out.line(f"[{done}/{total}] {deck} -> {result.output}")
        else:
            out.warn(f"[{done}/{total}] {deck}: {result.kind} failed: {result.error}")
        out.step(deck)

    results = render_decks(
        build_dir, languages, marp=marp, chromium=chromium, env=os.environ, progress=progress
    )
    failed = sum(not r.ok for r in results)
    kinds = "HTML and PDF" if chromium else "HTML"
    out.summary(f"Rendered {len(results) - failed} of {len(results)} ({kinds}); {failed} failed.")
    return failed > 0 or any(isinstance(problem, I18nError) for problem in skipped)
