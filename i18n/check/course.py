"""The checks that read the whole course at once: ``consistency`` and ``spelling``.

They run after every deck's report (cached or not) is in, on the translated entries
those reports carry (``Report.entries``), so a commit hook that changed one catalogue
still compares it with all the others. Spelling runs Hunspell once per language over
the course's distinct words, and keeps the answer in the cache under those words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from i18n.cache import Cache
from i18n.check import spelling
from i18n.check.report import Finding, TranslatedEntry
from i18n.check.settings import CheckSettings
from i18n.glossary import Glossary
from i18n.text import short


@dataclass(frozen=True, slots=True)
class DeckEntries:
    """A deck's translated entries, cached apart from its report: only a run in which
    some deck changed reads them back."""

    entries: tuple[TranslatedEntry, ...]


@dataclass(frozen=True, slots=True)
class CourseFindings:
    """The course-wide findings, cached under every deck's key."""

    findings: tuple[Finding, ...]


def entries_key(cache: Cache, key: str) -> str:
    """Where a deck's entries are kept, beside its report's ``key``."""
    return cache.key(b"entries", key)


def course_inputs(language: str) -> str:
    """What the course-wide checks read besides the catalogues: the Hunspell command
    and the language's dictionary (path, size and time)."""
    dictionary = spelling.find_dictionary(language)
    stat = dictionary.stat() if dictionary is not None else None
    shown = f"{dictionary}:{stat.st_size}:{stat.st_mtime_ns}" if stat else "-"
    return f"{language}\0{spelling.hunspell_command()}\0{shown}"


@dataclass(frozen=True, slots=True)
class Misspelt:
    """Hunspell's answer for one language's words (what the cache keeps)."""

    words: tuple[str, ...]


def course_findings(
    entries: list[TranslatedEntry],
    settings: CheckSettings,
    glossaries: Mapping[str, Glossary],
    source_language: str,
    cache: Cache,
    locales: Path,
) -> list[Finding]:
    """Consistency findings, then spelling findings, in PO file and line order."""
    ordered = sorted(entries, key=lambda e: (e.language, e.path, e.line))
    found: list[Finding] = []
    if settings.enabled("consistency"):
        found.extend(consistency(ordered))
    if settings.enabled("spelling"):

        def spell(language: str) -> list[Finding]:
            glossary = glossaries.get(language, Glossary(language))
            mine = [e for e in ordered if e.language == language]
            folder = (locales / language).as_posix()
            return spelling_findings(mine, glossary, source_language, cache, folder)

        # One Hunspell per language, side by side: a run mostly waits for them.
        languages = list(dict.fromkeys(e.language for e in ordered))
        with ThreadPoolExecutor(max_workers=max(1, len(languages))) as pool:
            for part in pool.map(spell, languages):
                found.extend(part)
    return found


def _where(entry: TranslatedEntry) -> str:
    return f"{entry.path}:{entry.line}"


def consistency(entries: list[TranslatedEntry]) -> list[Finding]:
    """One source text translated two ways (an error at every entry that differs from
    the most used translation, naming it); one translation of two source texts (info)."""
    found: list[Finding] = []
    by_source: dict[tuple[str, str], list[TranslatedEntry]] = defaultdict(list)
    by_target: dict[tuple[str, str], list[TranslatedEntry]] = defaultdict(list)
    for entry in entries:
        if "consistency" not in entry.ignored:
            by_source[(entry.language, entry.msgid)].append(entry)
            if entry.msgstr != entry.msgid:
                by_target[(entry.language, entry.msgstr)].append(entry)
    for group in by_source.values():
        if len(group) < 2:
            continue
        usual = Counter(e.msgstr for e in group).most_common(1)[0][0]
        first = next(e for e in group if e.msgstr == usual)
        found.extend(
            _finding(
                entry,
                f"the same source text is translated {short(first.msgstr, 40)} at "
                f"{_where(first)}: use one translation",
            )
            for entry in group
            if entry.msgstr != usual
        )
    for group in by_target.values():
        sources = dict.fromkeys(e.msgid for e in group)
        if len(sources) < 2:
            continue
        first = group[0]
        found.extend(
            _finding(
                entry,
                f"the same translation as {_where(first)}, whose source is "
                f"{short(first.msgid, 40)}: right for both?",
                severity="info",
            )
            for entry in group
            if entry.msgid != first.msgid
        )
    return found


def _finding(entry: TranslatedEntry, message: str, **more: str) -> Finding:
    return Finding(
        more.get("check", "consistency"),
        entry.path,
        entry.line,
        message,
        deck=entry.deck,
        language=entry.language,
        msgid=entry.msgid,
        severity=more.get("severity", "error"),  # type: ignore[arg-type]
    )


def spelling_findings(
    entries: list[TranslatedEntry],
    glossary: Glossary,
    source_language: str,
    cache: Cache,
    folder: str,
) -> list[Finding]:
    """One warning per entry with words Hunspell, the word list and the glossary lack;
    one info line when the language has no dictionary or there is no Hunspell.

    Warnings, not errors: a dictionary never knows every compound Swedish and German
    make (``molnleverantörsföretaget``) or every inflection of a course's terms, so a
    spelling finding is a question for the translator, not a reason to fail CI.
    """
    language = glossary.language
    todo = [e for e in entries if e.words and "spelling" not in e.ignored]
    if not todo:
        return []
    command, dictionary = spelling.hunspell_command(), spelling.find_dictionary(language)
    if command is None or dictionary is None:
        missing = "hunspell command" if command is None else "Hunspell dictionary"
        return [
            Finding(
                "spelling",
                folder,
                None,
                f"spelling not checked: no {missing} for {language} "
                f"(Debian: apt-get install hunspell hunspell-{language.lower()})",
                language=language,
                severity="info",
            )
        ]
    accepted = spelling.Accepted(glossary, source_language)
    words = sorted({w for e in todo for w in e.words} - set(accepted.known))
    words = [w for w in words if w not in accepted]
    try:
        wrong = _misspelt(words, dictionary, command, cache)
    except OSError as exc:
        return [
            Finding(
                "spelling", str(dictionary), None, f"hunspell failed: {exc}", severity="warning"
            )
        ]
    flagged = {w for w in words if w in wrong or any(p in wrong for p in _parts(w))}
    found = []
    words_file = f"{folder}/words.txt"
    for entry in todo:
        bad = [w for w in entry.words if w in flagged]
        if bad:
            found.append(
                _finding(
                    entry,
                    f"not in the {language} dictionary: {', '.join(bad)} (correct the "
                    f"spelling, or add the word to {words_file})",
                    check="spelling",
                    severity="warning",
                )
            )
    return found


def _parts(word: str) -> list[str]:
    return [p for p in word.replace("\u2019", "'").replace(":", "'").split("'") if p]


def _misspelt(words: list[str], dictionary: Path, command: str, cache: Cache) -> set[str]:
    stat = dictionary.stat()
    key = cache.key(
        b"spelling",
        str(dictionary),
        f"{stat.st_size}:{stat.st_mtime_ns}",
        "\n".join(words),
    )
    known = cache.get(key, Misspelt)
    if known is None:
        known = Misspelt(tuple(sorted(spelling.misspelt(words, dictionary, command))))
        cache.put(key, known)
    return set(known.words)
