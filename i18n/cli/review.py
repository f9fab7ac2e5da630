"""``marp-i18n review``: one deck's source and translation side by side, as an HTML page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from i18n.cli.common import folder_options, make_config, marp_option, now
from i18n.cli.output import Output, get_output, output_options
from i18n.errors import ConfigError

if TYPE_CHECKING:
    from i18n.config import Config
    from i18n.glossary.match import TermIndex
    from i18n.report.review_slides import SlidePictures


@click.command()
@click.argument("deck", type=click.Path(path_type=Path))
@folder_options("slides", "locales", "build")
@click.option("--lang", "lang", default=None, help="Language to review [default: the only one].")
@click.option(
    "--since", default=None, metavar="REV", help="Mark entries changed since this git revision."
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The page to write [default: <build>/review/<lang>/<deck>.html].",
)
@click.option(
    "--images/--no-images",
    "slides_shown",
    default=None,
    help="Show each slide rendered, source beside translation, what overflows outlined "
    "(pictures beside the page) [default: when the decks are built and Node.js and "
    "Chromium are installed].",
)
@marp_option
@output_options
def review(
    deck: Path,
    config_path: Path | None,
    slides: Path | None,
    locales: Path | None,
    build: Path | None,
    lang: str | None,
    since: str | None,
    output: Path | None,
    slides_shown: bool | None,
    marp: Path,
    quiet: bool,
    verbose: int,
) -> int:
    """Write a page showing every slide of DECK beside its translation, notes included.

    DECK is a source deck in the slides folder, as a path (slides/intro.md) or by its
    name there (intro.md, intro). Untranslated and fuzzy units are marked; with --since
    REV, so are entries whose translation changed since that git revision (read with
    `git show REV:<catalogue>`; if that fails, every entry counts as new). With
    --images, each slide is shown rendered above its texts, source beside translation,
    with what does not fit outlined (the built decks are rendered with Marp if needed).
    """
    from i18n.course import catalogue_path
    from i18n.files import DeckFile, load_deck, read_text, write_atomic
    from i18n.report import render_review, review_since
    from i18n.report.status import language_name
    from i18n.revision import at_revision

    config = make_config(
        config_path, slides=slides, locales=locales, build=build, langs=(lang,) if lang else ()
    )
    code = _language(config.languages, config.source_language, lang)
    name = _deck_name(deck, config.slides)
    loaded = load_deck(DeckFile(name, config.slides / name), config.translatable_keys)
    po_path = catalogue_path(config, code, name)
    out = get_output(quiet, verbose)
    current = read_text(po_path, config.locales)
    if current is None:
        out.warn(f"{po_path}: warning: no catalogue; every text shows as untranslated")
    old = None
    if since is not None:
        found = at_revision(po_path, since)
        if found.warning is not None:
            out.warn(found.warning)
        old = found.data
    result, warning = review_since(
        loaded, current, language=code, po_path=po_path, since=since, old_catalogue=old
    )
    if warning is not None:
        out.warn(warning)
    target = output or (config.build / "review" / code / name).with_suffix(".html")
    within = config.build if output is None else None  # a file given is used as given
    pictures = None
    if slides_shown is not False:
        pictures = review_pictures(config, code, name, target, marp, within, slides_shown, out)
    page = render_review(
        result,
        source_language=config.source_language,
        source_name=language_name(config.source_language),
        target_name=language_name(code),
        generated=now(),
        pictures=pictures,
        terms=_terms(config.locales, code, config.source_language),
    )
    if write_atomic(target, page, within=within):
        out.line(str(target))
    else:
        out.detail(f"{target} (unchanged)")
    counts = result.counts()
    out.summary(
        f"review: {counts['translated']} translated, {counts['fuzzy']} fuzzy, "
        f"{counts['untranslated']} untranslated"
        + (f", {counts['changed'] + counts['new']} changed since {since}" if since else "")
        + (_overflowing(pictures) if pictures is not None else "")
        + f": {target}"
    )
    return 0


def _overflowing(pictures: SlidePictures) -> str:
    """The summary's words on the slides: how many overflow in the translation."""
    count = sum(picture.fit.overflows for picture in pictures.target.values())
    return f", {count} of {len(pictures.target)} slides overflowing"


def _terms(locales: Path, lang: str, source_language: str) -> TermIndex | None:
    """The language's glossary, to mark its terms on the page (None: it has none)."""
    from i18n.glossary.match import TermIndex
    from i18n.glossary.read import read_glossary

    glossary = read_glossary(locales, lang, source_language)
    return TermIndex(glossary, source_language) if glossary.terms else None


def _language(configured: tuple[str, ...], source: str, given: str | None) -> str:
    """--lang, or the course's only target language.

    Raises:
        ConfigError: no --lang and not exactly one target language.
    """
    if given == source:
        raise ConfigError("--lang", None, f"{given} is the source language", "give a target")
    if given:
        return given
    targets = [code for code in configured if code != source]
    if len(targets) != 1:
        raise ConfigError("--lang", None, "which language?", "give --lang, e.g. --lang sv")
    return targets[0]


def _deck_name(deck: Path, slides: Path) -> str:
    """The deck's name in the slides folder (``a/index.md``) from a path or a name.

    Raises:
        ConfigError: no such deck in the slides folder.
    """
    from i18n.files import deck_named

    if (found := deck_named(deck, slides)) is not None:
        return found.name
    raise ConfigError(
        str(deck), None, f"not a deck in {slides}", f"give a path to a .md file under {slides}"
    )


def review_pictures(
    config: Config,
    code: str,
    name: str,
    page: Path,
    marp: Path,
    within: Path | None,
    asked: bool | None,
    out: Output,
) -> SlidePictures | None:
    """The slides' pictures for the review page, or None when they cannot be made: an
    error when --images asked for them, one line saying why when they were the default.

    Raises:
        ConfigError: --images given and the built decks or the tools are missing.
    """
    from i18n.check.report import Finding
    from i18n.overflow.pictures import deck_pictures, why_not

    reason = why_not(config, code, name, marp, os.environ)
    if reason is not None:
        if asked:
            raise ConfigError("--images", None, f"cannot show the slides: {reason}")
        out.detail(f"no slide pictures: {reason}")
        return None
    pictures, problems = deck_pictures(
        config, code, name, page, marp=marp, env=os.environ, within=within
    )
    for problem in problems:
        out.warn(str(problem) if isinstance(problem, Finding) else f"marp-i18n: {problem}")
    return pictures
