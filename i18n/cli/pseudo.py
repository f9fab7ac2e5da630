"""``marp-i18n pseudo``: pseudo-translate every deck, build and render it, to spot overflow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from i18n.cli.common import folder_options, make_config, marp_option, now
from i18n.cli.output import get_output, output_options, show_lines
from i18n.errors import ConfigError

if TYPE_CHECKING:
    from i18n.config import Config
    from i18n.update import Line


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
    marp: Path,
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
    from i18n.pseudo import pseudo_values

    if not is_pseudo_language(lang):
        raise ConfigError(
            "--lang", None, f"{lang!r} is not a pseudo-locale", "use qps, qps-ploc, en-XA or ar-XB"
        )
    config = make_config(config_path, slides=slides, locales=locales, build=build)
    if lang not in config.variables:  # the source's values, pseudo-translated
        source_values = config.variables.get(config.source_language, {})
        config = config.with_options(
            variables={**config.variables, lang: pseudo_values(source_values)}
        )
    out = get_output(quiet, verbose)
    sizes = [0, 0]  # characters of every msgid and of its pseudo-translation
    failed = show_lines(_catalogues(config, lang, now(), sizes), out, f"pseudo {lang}", "catalogue")
    if sizes[0]:
        out.summary(
            f"The {lang} text is {100 * sizes[1] // sizes[0] - 100} % longer than the source."
        )
    if not build_decks:
        return 2 if failed else 0
    failed = (
        run_build(config, (lang,), out, set_lang=True, strict=False, expand_variables=False)
        or failed
    )
    if render_html:
        if marp.is_file():
            failed = run_render(config.build, [lang], marp, None, out) or failed
        else:
            out.warn(
                f"marp-i18n: {marp} not found: run `npm ci` (the Marp CLI pinned in "
                f"package.json), then `marp-i18n render --lang {lang}` to see the slides"
            )
    return 2 if failed else 0


def _catalogues(config: Config, lang: str, today: str, sizes: list[int]) -> Iterator[Line]:
    """Write every deck's pseudo catalogue; lines as ``update`` prints them; ``sizes``
    adds up the characters of the msgids and of their pseudo-translations."""
    from i18n.catalogue.pofile import decode_catalogue
    from i18n.course import catalogue_path, project_lock
    from i18n.errors import I18nError
    from i18n.files import find_decks, load_deck, read_text, write_atomic
    from i18n.pseudo import GENERATED, pseudo_catalogue, pseudo_parser
    from i18n.update import Line

    md = pseudo_parser()
    decks, skipped = find_decks(config.slides)
    with project_lock(config.locales):
        yield Line("", total=len(decks))
        yield from (Line(message, stderr=True) for message in skipped)
        for deck_file in decks:
            path = catalogue_path(config, lang, deck_file.name)
            try:
                deck = load_deck(deck_file, config.translatable_keys)
                old = read_text(path, config.locales)  # not a FIFO, /dev/zero, a link out
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            try:  # refused as every command refuses it: a header that lies, say
                old_text = decode_catalogue(old, str(path)) if old is not None else None
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            if old_text is not None and GENERATED not in old_text:
                yield Line(
                    f"{path}: not written by marp-i18n pseudo, left as it is; "
                    "delete it or choose another --lang",
                    stderr=True,
                    error=True,
                    step=True,
                )
                continue
            reference = (config.slides / deck.path).as_posix()
            po, text = pseudo_catalogue(deck, lang, reference, old_text, today, md)
            try:
                changed = write_atomic(path, text, within=config.locales)
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            entries = [entry for entry in po if entry.msgid]
            sizes[0] += sum(len(entry.msgid) for entry in entries)
            sizes[1] += sum(len(entry.msgstr) for entry in entries)
            size = len(entries)
            note = "" if changed else " (unchanged)"
            yield Line(f"{path}: {size} messages{note}", unchanged=not changed, step=True)
