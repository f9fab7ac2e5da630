"""The ``overflow`` check's findings: measured decks compared, located in the catalogues.

Reads the decks and catalogues (their entries' lines and the translations a build
used); the comparison itself is ``compare.py``'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from i18n.cache import Cache
from i18n.catalogue.pofile import entry_lines, read_with_warnings, translations
from i18n.check.report import Finding
from i18n.config import Config
from i18n.course import catalogue_path
from i18n.errors import I18nError
from i18n.files import find_decks, load_deck, read_text
from i18n.overflow.compare import (
    Overflow,
    amount,
    slide_texts,
    source_overflows,
    translation_overflows,
)
from i18n.overflow.run import Measured


def overflow_findings(
    config: Config, measured: Measured, languages: Sequence[str]
) -> tuple[list[Finding], list[I18nError]]:
    """One finding per slide a translation made overflow (on the PO entry of its
    longest text), and an ``info`` line per slide that overflows in the source already;
    and the files that could not be read."""
    found: list[Finding] = []
    errors: list[I18nError] = []
    source = config.source_language
    decks, _ = find_decks(config.slides)
    cache = Cache.for_project(config.root)
    for deck_file in decks:
        before = measured.fits.get((source, deck_file.name))
        if before is None:
            continue
        deck_path = (config.slides / deck_file.name).as_posix()
        found.extend(
            _source_line(deck_path, deck_file.name, source, o) for o in source_overflows(before)
        )
        targets = [lang for lang in languages if (lang, deck_file.name) in measured.fits]
        if not targets:
            continue
        try:
            deck = load_deck(deck_file, config.translatable_keys, cache)
        except I18nError as exc:
            errors.append(exc)
            continue
        for lang in targets:
            po_path = catalogue_path(config, lang, deck_file.name)
            try:
                data = read_text(po_path, config.locales)
                entries = [] if data is None else list(read_with_warnings(data, str(po_path))[0])
            except I18nError as exc:
                errors.append(exc)
                continue
            texts = slide_texts(deck, translations(entries), entry_lines(entries))
            after = measured.fits[(lang, deck_file.name)]
            for overflow in translation_overflows(before, after, texts):
                found.append(_finding(po_path.as_posix(), deck_file.name, lang, source, overflow))
    return found, errors


def _finding(po_path: str, deck: str, lang: str, source: str, overflow: Overflow) -> Finding:
    lines = [str(t.line) for t in overflow.texts if t.line is not None]
    where = (
        f"; its texts, longest first: {'line' if len(lines) == 1 else 'lines'} "
        f"{', '.join(lines)} of {po_path}"
        if lines
        else "; no text on it is translated (the language's fonts or hyphenation?)"
    )
    return Finding(
        "overflow",
        po_path,
        overflow.texts[0].line if overflow.texts else None,
        f"slide {overflow.slide} overflows by {amount(overflow.fit)} in {lang}; "
        f"it fits in {source}{where}",
        deck=deck,
        language=lang,
    )


def _source_line(deck_path: str, deck: str, source: str, overflow: Overflow) -> Finding:
    return Finding(
        "overflow",
        deck_path,
        None,
        f"slide {overflow.slide} overflows already in the source ({source}) by "
        f"{amount(overflow.fit)}: not counted against the translations",
        deck=deck,
        language=source,
        severity="info",
    )
