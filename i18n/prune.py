"""``update --prune``: a removed deck's translations kept as the course's memory, its files gone.

A deck removed from ``slides/`` leaves catalogues that no build uses, yet a translator's
work is in them, and the text may come back in another deck next term. So before its
files go, every translation in them (translated or fuzzy, current or obsolete) is moved
into ``locales/<lang>.memory.po``: an ordinary PO file that Poedit, Lokalize or a text
editor opens, that ``update`` reads as memory (an exact text gets its translation back,
a similar one a fuzzy suggestion) and that no deck is ever built from. The memory is
written before anything is removed, and a file that cannot be read is left where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polib

from i18n.catalogue.header import language_facts, tool_version
from i18n.catalogue.pofile import catalogue_text, read_with_warnings
from i18n.config import Config, is_pseudo_language
from i18n.course import memory_path
from i18n.errors import CatalogueError, I18nError
from i18n.files import read_text, write_atomic
from i18n.orphans import Orphan
from i18n.text import counted


def memory_catalogue(lang: str, now: str) -> polib.POFile:
    """An empty memory catalogue with a header translators' tools accept."""
    name, plural_forms = language_facts(lang)
    memory = polib.POFile(wrapwidth=79)
    memory.header = (
        f"{name} translation memory: the translations of decks removed from the course.\n"
        "marp-i18n update reads it to translate texts that come back; nothing is built from it."
    )
    memory.metadata = {
        "Project-Id-Version": "translation memory",
        "PO-Revision-Date": now,
        "Last-Translator": "",
        "Language-Team": name,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
        "X-Generator": f"marp-i18n {tool_version()}",
    }
    return memory


def keep_translations(memory: polib.POFile, catalogue: polib.POFile) -> int:
    """Add every translation of ``catalogue`` to ``memory`` as a current entry, with its
    comments, flags and ``#:`` reference (where it was); how many were added.

    A msgid already in the memory takes the newer translation, unless that one is fuzzy
    and the memory's is not. Entries no command reads (plural, with a msgctxt) stay out.
    """
    by_msgid = {entry.msgid: entry for entry in memory}
    added = 0
    for entry in catalogue:
        if not entry.msgid or not entry.msgstr or entry.msgid_plural or entry.msgctxt is not None:
            continue
        fuzzy = "fuzzy" in entry.flags
        kept = by_msgid.get(entry.msgid)
        if kept is not None and fuzzy and "fuzzy" not in kept.flags:
            continue
        copy = polib.POEntry(
            msgid=entry.msgid,
            msgstr=entry.msgstr,
            comment=entry.comment,
            tcomment=entry.tcomment,
            occurrences=list(entry.occurrences),
            flags=list(entry.flags),
            previous_msgid=entry.previous_msgid,
        )
        if kept is not None:
            memory.remove(kept)
        memory.append(copy)
        by_msgid[entry.msgid] = copy
        added += 1
    memory.sort(key=lambda e: e.msgid)
    return added


def prune_orphans(config: Config, orphans: list[Orphan], now: str) -> Iterator[str | I18nError]:
    """Move each orphan's translations into its language's memory, then remove its files;
    a line for each file removed, an error for each left.

    Per language: the memory is read (a broken one stops that language: nothing of it is
    removed), every readable orphaned catalogue added, the memory written, and only then
    those catalogues removed. A template goes once none of its deck's catalogues is left.
    Pseudo-locale catalogues are generated (``pseudo``): removed without being kept.
    """
    failed: set[str] = set()
    for lang in sorted({lang for orphan in orphans for lang, _ in orphan.catalogues}):
        mine = [(o.deck, path) for o in orphans for code, path in o.catalogues if code == lang]
        yield from _prune_language(config, lang, mine, now, failed)
    for orphan in orphans:
        if orphan.template is not None and orphan.deck not in failed:
            yield _remove(orphan.template, "its deck is gone")


def _prune_language(
    config: Config, lang: str, mine: list[tuple[str, Path]], now: str, failed: set[str]
) -> Iterator[str | I18nError]:
    """Prune one language's orphaned catalogues; the decks of those left go into ``failed``."""
    pseudo = is_pseudo_language(lang)
    where = memory_path(config, lang)
    try:
        data = None if pseudo else read_text(where, config.locales)
        memory = read_with_warnings(data, str(where))[0] if data else memory_catalogue(lang, now)
    except I18nError as exc:
        failed.update(deck for deck, _ in mine)
        yield exc
        return
    readable: list[tuple[str, Path, int]] = []
    for deck, path in mine:
        try:
            catalogue, _ = read_with_warnings(read_text(path, config.locales) or b"", str(path))
        except I18nError as exc:
            failed.add(deck)
            yield exc
            continue
        readable.append((deck, path, 0 if pseudo else keep_translations(memory, catalogue)))
    if any(count for _, _, count in readable):
        memory.metadata["PO-Revision-Date"] = now
        try:
            write_atomic(where, catalogue_text(memory), within=config.locales)
        except I18nError as exc:
            failed.update(deck for deck, _ in mine)
            yield exc
            return
    for deck, path, count in readable:
        kept = f"{counted(count, 'translation')} kept in {where}" if count else "no translation"
        done = _remove(path, "generated by pseudo" if pseudo else kept)
        if isinstance(done, I18nError):
            failed.add(deck)
        yield done


def _remove(path: Path, why: str) -> str | I18nError:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        return CatalogueError(str(path), None, f"cannot remove: {exc.strerror}")
    return f"{path}: removed ({why})"
