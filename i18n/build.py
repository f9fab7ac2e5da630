"""Build one language: every deck assembled with its catalogue, written to build/<lang>/,
with the files the decks refer to and the language's variables beside them; built decks
whose source deck is gone are removed (only those build wrote, ``build_manifest.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlparse

from i18n.assemble import assemble
from i18n.assets import copy_assets
from i18n.build_manifest import MANIFEST_NAME, digest, manifest_text, read_manifest, remove_stale
from i18n.cache import Cache
from i18n.catalogue.pofile import entry_lines, read_with_warnings, translations
from i18n.config import Config
from i18n.course import catalogue_path
from i18n.errors import ConfigError, I18nError, Notice, Warning_
from i18n.files import (
    DeckFile,
    find_decks,
    inside,
    load_deck,
    read_text,
    write_atomic,
)
from i18n.model import Deck
from i18n.orphans import present_decks
from i18n.parallel import parallel_map
from i18n.variables import expand, unknown, variables_file


@dataclass
class BuildReport:
    """What a build did, for the CLI to print: lines for stdout, messages for stderr."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Built decks (and their rendered files) whose source deck is gone."""
    messages: list[Notice] = field(default_factory=list)
    failed: bool = False
    built: dict[str, str] = field(default_factory=dict)
    """Deck name → digest of what was written (or found unchanged), for the manifest."""

    def add(self, other: BuildReport) -> None:
        """Take in the report of a part (a deck, a language)."""
        self.messages.extend(other.messages)
        self.written.extend(other.written)
        self.unchanged.extend(other.unchanged)
        self.removed.extend(other.removed)
        self.built.update(other.built)
        self.failed = self.failed or other.failed


def check_folders(config: Config) -> None:
    """Refuse a build folder that would overwrite or pollute the sources.

    Raises:
        ConfigError: the build folder is the slides folder or inside it.
    """
    if config.slides.exists() and inside(config.build, config.slides):
        raise ConfigError(
            str(config.build),
            None,
            "the build folder is inside the slides folder",
            "choose a build folder outside it (default: build)",
        )


Progress = Callable[[int, int, str], None]
"""Called with (0, decks, "") first, then after each deck: (decks done, decks, its name)."""


def build_language(
    config: Config,
    lang: str,
    *,
    set_lang: bool,
    strict: bool,
    expand_variables: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """Build every deck for ``lang``; a bad deck or catalogue is reported and skipped.

    Raises:
        ConfigError: bad folders (nothing is written then).
    """
    check_folders(config)
    report = BuildReport()
    decks, skipped = find_decks(config.slides)
    report.messages.extend(skipped)
    manifest = read_manifest(config.build / lang)
    job = _Job(
        config,
        lang,
        set_lang,
        strict,
        expand_variables,
        config.variables.get(lang, {}),
        Cache.for_project(config.root),
    )
    if progress is not None:
        progress(0, len(decks), "")
    # Decks are independent: over both cores for a large course (i18n/parallel.py).
    for number, part in enumerate(parallel_map(partial(_build_deck, job), decks), 1):
        report.add(part)
        if progress is not None:
            progress(number, len(decks), decks[number - 1].name)
    out_dir = config.build / lang
    _remove_stale(config, out_dir, manifest, present_decks(config, decks, skipped), report)
    copied = copy_assets(
        config.slides, out_dir, (config.build, config.locales), within=config.build
    )
    report.messages.extend(copied.messages)
    report.failed = report.failed or copied.failed
    if job.values and not expand_variables:
        try:
            write_atomic(
                out_dir / "variables",
                variables_file(job.values),
                within=config.build,
                durable=False,
            )
        except I18nError as exc:
            report.messages.append(exc)
            report.failed = True
    return report


def _remove_stale(
    config: Config, out_dir: Path, manifest: dict[str, str], present: set[str], report: BuildReport
) -> None:
    """Remove what build wrote for decks that are gone; write the manifest of the rest."""
    stale = remove_stale(out_dir, manifest, present, config.build, config.slides)
    report.removed.extend(stale.removed)
    report.messages.extend(stale.messages)
    report.failed = report.failed or stale.failed
    entries = stale.kept | report.built
    if entries == manifest:
        return
    try:
        write_atomic(
            out_dir / MANIFEST_NAME,
            manifest_text(entries),
            within=config.build,
            outside=config.slides,
            durable=False,
        )
    except I18nError as exc:
        report.messages.append(exc)
        report.failed = True


LanguageProgress = Callable[[str, int, int, str], None]
"""``Progress`` for each language in turn, the language first: (lang, done, decks, name)."""

Built = Callable[[str, BuildReport], None]
"""Called after each language with its report, its messages those not said before."""


def build_languages(
    config: Config,
    languages: tuple[str, ...],
    *,
    set_lang: bool,
    strict: bool,
    expand_variables: bool = False,
    progress: LanguageProgress | None = None,
    built: Built | None = None,
) -> BuildReport:
    """Build each language in turn (one named twice, once); the reports merged.

    A deck's warnings are the same for every language, so each message is kept once
    across the languages. ``built`` sees each language's report as it is done, so a
    caller can print a language's lines before the next one starts (as ``build`` and
    ``pseudo`` do).

    Raises:
        ConfigError: bad folders (nothing is written then).
    """
    merged = BuildReport()
    seen: set[str] = set()  # by text: an error object is not hashable
    for lang in dict.fromkeys(languages):
        report = build_language(
            config,
            lang,
            set_lang=set_lang,
            strict=strict,
            expand_variables=expand_variables,
            progress=None if progress is None else partial(progress, lang),
        )
        fresh = []
        for message in report.messages:
            if str(message) not in seen:
                seen.add(str(message))
                fresh.append(message)
        report.messages = fresh
        if built is not None:
            built(lang, report)
        merged.add(report)
    return merged


@dataclass(frozen=True, slots=True)
class _Job:
    """What every deck of one language's build shares (sent to worker processes)."""

    config: Config
    lang: str
    set_lang: bool
    strict: bool
    expand_variables: bool
    values: dict[str, str]
    cache: Cache


def _build_deck(job: _Job, deck_file: DeckFile) -> BuildReport:
    """One deck of one language: read, assemble with its catalogue, write."""
    config, lang = job.config, job.lang
    report = BuildReport()
    po_path = catalogue_path(config, lang, deck_file.name)
    try:
        deck = load_deck(deck_file, config.translatable_keys, job.cache)
        found: dict[str, str] = {}
        lines: dict[str, int] = {}
        data = read_text(po_path, config.locales) if lang != config.source_language else None
        if data is not None:
            catalogue, warned = read_with_warnings(data, str(po_path))  # by its charset
            found, lines = translations(catalogue), entry_lines(catalogue)
            report.messages.extend(warned)
        elif lang != config.source_language:
            report.messages.append(
                Warning_(str(po_path), None, "no catalogue; the source text is used")
            )
    except I18nError as exc:
        report.messages.append(exc)
        report.failed = True
        return report
    report.messages.extend(deck.warnings)
    report.messages.extend(_missing_images(deck, deck_file.path))
    built = assemble(
        deck, found, lang if job.set_lang else None, _locator(po_path, lines), job.cache
    )
    report.messages.extend(built.refused)
    if job.strict and built.refused:
        report.failed = True
        return report
    text = expand(built.text, job.values) if job.expand_variables else built.text
    target = config.build / lang / deck_file.name
    report.messages.extend(_unknown_variables(text, job.values, str(target), lang, config))
    try:  # inside build/, never into slides/, whatever links say; a failure names the file
        changed = write_atomic(
            target, text, within=config.build, outside=config.slides, durable=False
        )
    except I18nError as exc:
        report.messages.append(exc)
        report.failed = True
        return report
    (report.written if changed else report.unchanged).append(str(target))
    report.built[deck_file.name] = digest(text.encode("utf-8"))
    return report


def _unknown_variables(
    text: str, values: dict[str, str], target: str, lang: str, config: Config
) -> list[Warning_]:
    """One warning per ``%KEY%`` without a value, naming the lines it is on: a footer
    repeated on every slide would otherwise make a line per slide, every build."""
    lines: dict[str, list[int]] = {}
    for line, key in unknown(text, values):
        lines.setdefault(key, []).append(line)
    where = config.where(f"variables.{lang}")
    return [
        Warning_(
            target,
            found[0],
            f"%{key}% has no value for {lang}"
            + (f" (lines {', '.join(map(str, found))})" if len(found) > 1 else "")
            + f"; set it in {where}",
        )
        for key, found in lines.items()
    ]


def _locator(po_path: Path, lines: dict[str, int]) -> Callable[[str], tuple[str, int | None]]:
    """Where a msgid's entry is, so a refused translation names the PO file and line."""
    return lambda msgid: (str(po_path), lines.get(msgid))


def _missing_images(deck: Deck, path: Path) -> list[Warning_]:
    """One warning for the local images the deck refers to that do not exist beside it:
    a course without its images would otherwise print a line per image, every build."""
    missing = []
    for line, src in deck.images:
        parsed = urlparse(src)
        if parsed.scheme or parsed.netloc or not parsed.path or src.startswith(("/", "#")):
            continue
        if not (path.parent / unquote(parsed.path)).exists():
            missing.append((line, src))
    if len(missing) == 1:
        return [Warning_(str(path), missing[0][0], f"image not found: {missing[0][1]}")]
    if not missing:
        return []
    named = ", ".join(f"{src} (line {line})" for line, src in missing)
    return [Warning_(str(path), missing[0][0], f"{len(missing)} images not found: {named}")]
