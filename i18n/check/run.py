"""Check a whole course: every deck segmented once, every catalogue read once.

Work is shared where it can be: a deck's source facts are parsed once for all its
languages, and an entry whose msgstr equals its msgid is only asked ``same-as-source``
(every comparison would pass). A file that cannot be read is recorded and the run goes on,
so one run reports every problem; the report's exit code then says the run failed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from i18n.cache import Cache
from i18n.catalogue.pofile import entry_lines, read_with_warnings, translations
from i18n.check import completeness as comp
from i18n.check.course import (
    CourseFindings,
    DeckEntries,
    course_findings,
    course_inputs,
    entries_key,
)
from i18n.check.report import CatalogueStatus, Finding, Report
from i18n.check.settings import CheckSettings
from i18n.config import Config
from i18n.course import catalogue_path
from i18n.errors import I18nError
from i18n.files import DeckFile, deck_bytes, find_decks, load_deck, read_text
from i18n.glossary import Glossary
from i18n.glossary.read import read_glossary
from i18n.model import Deck, Unit
from i18n.orphans import find_orphans, orphan_warnings, present_decks

if TYPE_CHECKING:  # the checkers load only when a deck is not in the cache
    from i18n.check.entries import EntryChecker
from i18n.parallel import parallel_map


class Checkers:
    """The EntryChecker of one ``check_course`` run: made there, passed to every deck.

    An EntryChecker (a markdown-it parser, translate-toolkit's checker, a memo of the
    source facts) holds modules and cannot be pickled, and ``_deck_report`` runs in
    forked workers (``parallel.py``), which receive their function pickled. So this
    object pickles as its settings alone and makes its checker on first use: in one
    process (small courses, the commit hook) one checker serves the whole run; a worker
    makes one per batch of decks it is sent (about eight batches a worker, 0.2 ms each;
    ``tools/bench_check.py`` on the corpus: no slower). Nothing outlives the run, unlike
    the module-level dict this replaces, which keyed checkers by the settings' content.
    """

    def __init__(
        self,
        settings: CheckSettings,
        glossaries: dict[str, Glossary] | None = None,
        source_language: str = "en",
    ) -> None:
        self.settings = settings
        self.glossaries = glossaries or {}
        self.source_language = source_language
        self._checker: EntryChecker | None = None

    def __reduce__(
        self,
    ) -> tuple[type[Checkers], tuple[CheckSettings, dict[str, Glossary], str]]:
        return Checkers, (self.settings, self.glossaries, self.source_language)

    def get(self) -> EntryChecker:
        """The run's checker, made on first use in this process."""
        if self._checker is None:
            from i18n.check.entries import EntryChecker

            self._checker = EntryChecker(
                self.settings, glossaries=self.glossaries, source_language=self.source_language
            )
        return self._checker


@dataclass
class _Run:
    """Per-run state: the entry checker (parser, caches) and what was found so far."""

    config: Config
    settings: CheckSettings
    entries: EntryChecker
    cache: Cache
    report: Report = field(default_factory=Report)


def check_course(config: Config, settings: CheckSettings, *, jobs: int | None = None) -> Report:
    """Completeness and translation checks of every deck in every target language.

    Decks are checked independently, over ``jobs`` processes (default: every core)
    when the course is large enough to pay for them; the report is in deck order.

    Raises:
        ConfigError: the slides folder does not exist.
    """
    report = Report(measure=settings.basis)
    decks, skipped = find_decks(config.slides)
    report.findings.extend(
        Finding("config", w.path, w.line, w.message, severity="warning") for w in skipped
    )
    if settings.enabled("orphaned-catalogue"):
        orphans = find_orphans(config, present_decks(config, decks, skipped))
        report.findings.extend(
            Finding(w.check, w.path, None, w.message, severity="warning")
            for w in orphan_warnings(orphans, config)
        )
    names = {d.name for d in decks}
    for deck_name in sorted(set(settings.decks) - names):
        report.findings.append(
            Finding(
                "config",
                deck_name,
                None,
                "threshold for a deck that does not exist",
                severity="warning",
            )
        )
    languages = [lang for lang in dict.fromkeys(config.languages) if lang != config.source_language]
    glossaries = _glossaries(config, languages, report)
    checkers = Checkers(settings, glossaries, config.source_language)
    cache = Cache.for_project(config.root)  # once: workers get it with the job
    job = partial(_deck_report, config, settings, languages, checkers, cache)
    done: list[tuple[DeckFile, str, Report]] = []
    for deck_file, (key, part) in zip(decks, parallel_map(job, decks, jobs), strict=True):
        report.catalogues.extend(part.catalogues)
        report.findings.extend(part.findings)
        report.errors.extend(part.errors)
        done.append((deck_file, key, part))
    report.findings.extend(_course_findings(config, settings, languages, checkers, cache, done))
    return report


def _course_findings(
    config: Config,
    settings: CheckSettings,
    languages: list[str],
    checkers: Checkers,
    cache: Cache,
    done: list[tuple[DeckFile, str, Report]],
) -> list[Finding]:
    """The course-wide checks (``course.py``), kept in the cache under every deck's key:
    when nothing changed, no deck's entries are read back at all."""
    keys = [key for _, key, _ in done]
    course_key = ""
    if all(keys):
        course_key = cache.key(
            b"course",
            _settings_key(settings),
            *keys,
            *(checkers.glossaries[lang].digest for lang in sorted(checkers.glossaries)),
            *(course_inputs(lang) for lang in languages if settings.enabled("spelling")),
        )
        if (known := cache.get(course_key, CourseFindings)) is not None:
            return list(known.findings)
    entries = []
    for deck_file, key, part in done:
        stored = cache.get(entries_key(cache, key), DeckEntries) if key else None
        if part.entries or not key:
            entries.extend(part.entries)
        elif stored is not None:
            entries.extend(stored.entries)
        else:  # the deck's report was kept, its entries not: check it again
            _, again = _deck_report(
                config, settings, languages, checkers, cache, deck_file, fresh=True
            )
            entries.extend(again.entries)
    found = course_findings(
        entries, settings, checkers.glossaries, config.source_language, cache, config.locales
    )
    if course_key:
        cache.put(course_key, CourseFindings(tuple(found)))
    return found


def _glossaries(config: Config, languages: list[str], report: Report) -> dict[str, Glossary]:
    """Each language's glossary and word list; one that cannot be read is an error of
    the run, and its language is checked without it."""
    found: dict[str, Glossary] = {}
    for lang in languages:
        try:
            glossary = read_glossary(config.locales, lang, config.source_language)
        except I18nError as exc:
            report.errors.append(exc)
            continue
        if glossary.digest:
            found[lang] = glossary
    return found


def _deck_report(
    config: Config,
    settings: CheckSettings,
    languages: list[str],
    checkers: Checkers,
    cache: Cache,
    deck_file: DeckFile,
    *,
    fresh: bool = False,
) -> tuple[str, Report]:
    """One deck in every language: the unit of work a process is given; its cache key
    ("" when it has none) and its report.

    The result is cached under the bytes of the deck and its catalogues and the
    settings, so a commit hook re-checks only what changed. The translated entries
    the course-wide checks read are cached apart (``fresh``: check again to get them).
    """
    paths = [catalogue_path(config, lang, deck_file.name) for lang in languages]
    # Each catalogue is read once: the bytes the key is made of are the bytes checked,
    # so a file changed meanwhile cannot leave a report cached under the wrong key.
    catalogues = {
        lang: _read_catalogue(path, config) for lang, path in zip(languages, paths, strict=True)
    }
    try:
        readable = [d for d in catalogues.values() if not isinstance(d, I18nError)]
        if len(readable) < len(catalogues):
            raise OSError  # reported per language below, and not cached
        key = cache.key(
            b"check",
            deck_bytes(deck_file.path),
            *readable,
            *(str(path) for path in paths),
            deck_file.name,
            str(config.slides),
            config.source_language,
            *config.translatable_keys,
            _settings_key(settings),
            *(checkers.glossaries[lang].digest for lang in sorted(checkers.glossaries)),
        )
    except (OSError, I18nError):
        key = ""  # unreadable: the run below reports it
    if key and not fresh and (found := cache.get(key, Report)) is not None:
        return key, found
    run = _Run(config, settings, checkers.get(), cache)
    try:
        deck = load_deck(deck_file, config.translatable_keys, cache)
    except I18nError as exc:
        run.report.errors.append(exc)
        return key, run.report
    _check_deck(run, deck, (config.slides / deck.path).as_posix(), catalogues)
    if key and not run.report.errors:
        cache.put(key, replace(run.report, entries=[]))
        cache.put(entries_key(cache, key), DeckEntries(tuple(run.report.entries)))
    return key, run.report


def _settings_key(settings: CheckSettings) -> str:
    """The settings as text that is the same in every process (sets sorted)."""
    return json.dumps(
        [
            settings.minimum,
            sorted(settings.languages.items()),
            sorted(settings.decks.items()),
            settings.basis,
            sorted(settings.disabled),
            sorted(settings.allow_same),
            settings.override,
        ]
    )


def _read_catalogue(path: Path, config: Config) -> bytes | I18nError | None:
    """A catalogue's bytes (None: there is none), or why it cannot be read."""
    try:
        return read_text(path, config.locales)
    except I18nError as exc:
        return exc


def _check_deck(
    run: _Run, deck: Deck, deck_path: str, catalogues: dict[str, bytes | I18nError | None]
) -> None:
    units: dict[str, dict[str, Unit]] = {}
    for unit in deck.units:
        units.setdefault(unit.msgid, {}).setdefault(unit.kind, unit)
    lines = {msgid: min(u.line for u in by_kind.values()) for msgid, by_kind in units.items()}
    if run.settings.enabled("front-matter-ignored"):
        run.report.findings.extend(
            Finding(w.check, deck_path, w.line, w.message, deck=deck.path, severity="warning")
            for w in deck.warnings
            if w.check == "front-matter-ignored"
        )
    for lang, data in catalogues.items():
        po_path = catalogue_path(run.config, lang, deck.path).as_posix()
        try:
            if isinstance(data, I18nError):
                raise data
            status, entries, found = _catalogue(run, deck, lang, po_path, data, deck_path, lines)
        except I18nError as exc:
            run.report.errors.append(exc)
            continue
        if not status.passed:
            summary = (
                f"{status.percent:g}% translated ({status.counted.translated} of "
                f"{status.counted.total} {status.basis}), needs {status.threshold:g}%"
            )
            found[:0] = comp.threshold_findings(po_path, entries, summary)
        for entry in entries:
            if comp.state_of(entry) == "translated" and not entry.msgid_plural:
                own = units.get(entry.msgid)
                found.extend(run.entries.findings(entry, own, deck, po_path, lang))
                record = run.entries.record(entry, own, po_path, lang)
                run.report.entries.append(replace(record, deck=deck.path))
        if run.settings.enabled("structure"):
            found.extend(_structure(deck, entries, po_path, run.cache))
        run.report.catalogues.append(status)
        run.report.findings.extend(
            replace(f, deck=deck.path, language=lang)
            for f in found
            if f.severity == "warning" or run.settings.enabled(f.check)
        )


def _structure(
    deck: Deck, entries: list[polib.POEntry], po_path: str, cache: Cache
) -> list[Finding]:
    """The build's refusals for this catalogue, minus entries whose translator switched
    ``structure`` off (``# marp-i18n: ignore structure``)."""
    from i18n.check.entries import ignored_checks
    from i18n.check.structure import structure_findings

    ignored = {e.msgid for e in entries if "structure" in ignored_checks(e.tcomment)[0]}
    used = {m: s for m, s in translations(entries).items() if m not in ignored}
    return structure_findings(deck, used, entry_lines(entries), po_path, cache)


def _catalogue(
    run: _Run,
    deck: Deck,
    lang: str,
    po_path: str,
    data: bytes | None,
    deck_path: str,
    lines: dict[str, int],
) -> tuple[CatalogueStatus, list[polib.POEntry], list[Finding]]:
    """The counts of one catalogue (``data``, None when there is none), its entries, and
    the stale finding if any.

    Raises:
        CatalogueError: the PO text cannot be read.
    """
    catalogue, warned = ([], []) if data is None else read_with_warnings(data, po_path)
    entries: list[polib.POEntry] = list(catalogue)
    stale: Finding | None
    if data is None:
        messages, words = comp.missing_tally(lines)
        stale = Finding("stale", po_path, None, "no catalogue; run marp-i18n update")
    else:
        messages, words = comp.tally(entries)
        stale = comp.stale_finding(po_path, deck_path, lines.keys(), entries, lines)
    if data is None and not lines:
        stale = None  # a deck with nothing to translate needs no catalogue
    status = CatalogueStatus(
        deck=deck.path,
        language=lang,
        path=po_path,
        exists=data is not None,
        stale=stale is not None,
        messages=messages,
        words=words,
        threshold=run.settings.threshold(deck.path, lang),
        basis=run.settings.basis,
    )
    set_aside = [Finding("stale", po_path, w.line, w.message, severity="warning") for w in warned]
    return status, entries, set_aside + ([stale] if stale else [])
