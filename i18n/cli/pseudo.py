"""``marp-i18n pseudo``: pseudo-translate every deck, build and render it, to spot overflow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from i18n.cli.common import folder_options, make_config, now
from i18n.cli.output import Output, get_output, output_options, show_lines
from i18n.errors import ConfigError

if TYPE_CHECKING:
    from i18n.build import Progress
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
@click.option(
    "--marp",
    type=click.Path(path_type=Path, dir_okay=False),
    default="node_modules/.bin/marp",
    show_default=True,
    help="The marp-cli executable (installed by `npm ci`).",
)
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
    from i18n.build import build_language
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
    failed = show_lines(
        _catalogues(config, lang, now(), sizes), out, f"pseudo {lang}", "catalogues"
    )
    if sizes[0]:
        out.summary(
            f"The {lang} text is {100 * sizes[1] // sizes[0] - 100} % longer than the source."
        )
    if not build_decks:
        return 2 if failed else 0
    report = build_language(
        config, lang, set_lang=True, strict=False, progress=_progress(out, lang)
    )
    out.finish()
    for message in report.messages:
        out.warn(message)
    for line in report.written:
        out.line(line)
    for line in report.unchanged:
        out.detail(f"{line} (unchanged)")
    out.summary(
        f"{len(report.written) + len(report.unchanged)} decks built in {config.build / lang}."
    )
    failed = failed or report.failed
    if render_html:
        failed = _render(config.build, lang, marp, out) or failed
    return 2 if failed else 0


def _catalogues(config: Config, lang: str, today: str, sizes: list[int]) -> Iterator[Line]:
    """Write every deck's pseudo catalogue; lines as ``update`` prints them; ``sizes``
    adds up the characters of the msgids and of their pseudo-translations."""
    from i18n.errors import I18nError
    from i18n.files import find_decks, load_deck, read_text, write_atomic
    from i18n.pseudo import GENERATED, pseudo_catalogue, pseudo_parser
    from i18n.update import Line, project_lock

    md = pseudo_parser()
    decks, skipped = find_decks(config.slides)
    with project_lock(config.locales):
        yield Line("", total=len(decks))
        yield from (Line(message, stderr=True) for message in skipped)
        for deck_file in decks:
            path = config.locales / lang / Path(deck_file.name).with_suffix(".po")
            try:
                deck = load_deck(deck_file, config.translatable_keys)
            except I18nError as exc:
                yield Line(str(exc), stderr=True, error=True, step=True)
                continue
            old = read_text(path)
            old_text = old.decode("utf-8", "replace") if old is not None else None
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
            changed = write_atomic(path, text)
            entries = [entry for entry in po if entry.msgid]
            sizes[0] += sum(len(entry.msgid) for entry in entries)
            sizes[1] += sum(len(entry.msgstr) for entry in entries)
            size = len(entries)
            note = "" if changed else " (unchanged)"
            yield Line(f"{path}: {size} messages{note}", unchanged=not changed, step=True)


def _progress(out: Output, lang: str) -> Progress:
    def progress(done: int, total: int, name: str) -> None:
        if done == 0:
            out.start(total, f"build {lang}")
        else:
            out.step(name)

    return progress


def _render(build: Path, lang: str, marp: Path, out: Output) -> bool:
    """Render ``build/<lang>/`` to HTML as ``marp-i18n render`` does; True when one failed."""
    import os

    from i18n.render import RenderResult, render

    if not marp.is_file():
        out.warn(
            f"marp-i18n: {marp} not found: run `npm ci` (the Marp CLI pinned in package.json), "
            f"then `marp-i18n render --lang {lang}` to see the slides"
        )
        return False

    def progress(done: int, total: int, result: RenderResult) -> None:
        if done == 1:
            out.start(total, "render")
        deck = result.deck.relative_to(build).as_posix()
        if result.ok:
            out.line(f"[{done}/{total}] {deck} -> {result.output}")
        else:
            out.warn(f"[{done}/{total}] {deck}: {result.kind} failed: {result.error}")
        out.step(deck)

    results = render(build, [lang], marp=marp, chromium=None, env=os.environ, progress=progress)
    failed = sum(not r.ok for r in results)
    out.summary(
        f"Rendered {len(results) - failed} of {len(results)} to {build / lang / 'html'}; "
        "look for slides whose text overflows."
    )
    return failed > 0
