"""POT + old PO → new PO, as GNU msgmerge does, never dropping a translation.

- an unchanged msgid keeps its translation, flags and translator comments;
- a msgid with no translation of its own starts from the closest earlier one
  (the deck's old PO first, then the language's other catalogues), ``fuzzy`` and
  with the earlier msgid as ``#| msgid`` so Poedit and Weblate show the change;
  the matching is translate-toolkit's (``translate.search.match.matcher``, the one
  ``pot2po`` uses);
- a translated msgid that left the deck becomes obsolete (``#~``) and comes back,
  as it was, if the text returns. Unlike msgmerge, a translation that served as a
  fuzzy match is kept as obsolete too, so a later edit back to the old text finds
  it exactly, not fuzzily. A fuzzy obsolete entry is dropped only when its msgstr
  is still present as a real translation elsewhere in the catalogue.

Only translated, non-fuzzy entries are ever match candidates: that set does not
change under ``update``, so running it twice changes nothing.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import polib

MIN_SIMILARITY = 75
"""pot2po's default: below this a suggestion costs the translator more than it saves."""

MAX_LENGTH = 3000
"""Longer texts are compared by their first MAX_LENGTH characters (translate-toolkit)."""


def memory_pairs(catalogue: polib.POFile | None) -> list[tuple[str, str]]:
    """(msgid, msgstr) of the usable translations: translated, not fuzzy, also obsolete;
    not an entry with a msgctxt (we write none: one set aside from a pull request)."""
    if catalogue is None:
        return []
    return [
        (entry.msgid, entry.msgstr)
        for entry in catalogue
        if entry.msgid and entry.msgstr and "fuzzy" not in entry.flags and entry.msgctxt is None
    ]


class Memory:
    """Earlier translations to start a new msgid from; built only when first asked.

    The scores are translate-toolkit's (``matcher``, as ``pot2po`` uses it). Its loop
    scores every candidate of a similar length in Python, which made ``update``
    quadratic in the size of the memory (the profile in bench/results.md). So each
    query first asks RapidFuzz, in C, which candidates of that length window can reach
    the minimum similarity at all, and hands the matcher only those. RapidFuzz's
    normalized Levenshtein similarity bounds translate-toolkit's from above (same
    distance over the same strings, minus its penalties), so no candidate that could
    win is left out, and the matcher's answer is the one it would give over all of
    them.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]], min_similarity: int = MIN_SIMILARITY):
        self._pairs = list(pairs)
        self._min_similarity = min_similarity
        self._matcher: Any = None
        self._units: list[Any] = []
        self._lengths: list[int] = []
        self._trimmed: list[str] = []

    def _build(self) -> None:
        # Without RapidFuzz, translate-toolkit logs a warning on import.
        logging.getLogger("translate.search.lshtein").setLevel(logging.ERROR)
        from translate.search.match import matcher
        from translate.storage.pypo import pofile

        store = pofile()
        for source, target in self._pairs:
            store.addsourceunit(source).target = target
        self._matcher = matcher(
            store, max_candidates=1, min_similarity=self._min_similarity, max_length=MAX_LENGTH
        )
        self._units = list(self._matcher.candidates.units)  # sorted by source length
        self._lengths = [len(unit.source) for unit in self._units]
        self._trimmed = [unit.source[:MAX_LENGTH] for unit in self._units]

    def best(self, text: str) -> tuple[str, str] | None:
        """The closest (msgid, msgstr), or None when nothing is similar enough."""
        if not self._pairs:
            return None
        if self._matcher is None:
            self._build()
        self._matcher.candidates.units = self._candidates(text)
        found = self._matcher.matches(text)
        if not found:
            return None
        return str(found[0].source), str(found[0].target)

    def _candidates(self, text: str) -> list[Any]:
        """The memory's units that may reach the minimum similarity, in the matcher's order."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        low = bisect.bisect_left(
            self._lengths, self._matcher.getstartlength(self._min_similarity, text)
        )
        high = bisect.bisect_right(
            self._lengths, self._matcher.getstoplength(self._min_similarity, text)
        )
        hits = process.extract(
            text[:MAX_LENGTH],
            self._trimmed[low:high],
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=self._min_similarity / 100 - 1e-6,  # a margin for rounding
            limit=None,
        )
        return [self._units[low + index] for index in sorted(index for _, _, index in hits)]


@dataclass(frozen=True, slots=True)
class Counts:
    """What a catalogue holds, for the one line ``update`` prints about it."""

    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    def __str__(self) -> str:
        return (
            f"{self.translated} translated, {self.fuzzy} fuzzy, "
            f"{self.untranslated} untranslated, {self.obsolete} obsolete"
        )


def counts(catalogue: polib.POFile) -> Counts:
    active = [e for e in catalogue if e.msgid and not e.obsolete]
    fuzzy = sum(1 for e in active if e.msgstr and "fuzzy" in e.flags)
    translated = sum(1 for e in active if e.msgstr and "fuzzy" not in e.flags)
    obsolete = sum(1 for e in catalogue if e.msgid and e.obsolete and e.msgstr)
    return Counts(translated, fuzzy, len(active) - translated - fuzzy, obsolete)


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _start_from(entry: polib.POEntry, found: polib.POEntry) -> None:
    """Take over an exact match: its translation, comments and fuzziness."""
    entry.tcomment = found.tcomment
    entry.msgstr = found.msgstr
    if found.msgstr and "fuzzy" in found.flags:
        entry.flags = ["fuzzy"]
        entry.previous_msgid = found.previous_msgid
        entry.previous_msgctxt = found.previous_msgctxt


def merge(
    template: polib.POFile,
    old: polib.POFile | None,
    memory: Memory | None = None,
    *,
    purge_obsolete: bool = False,
) -> polib.POFile:
    """The entries of the updated catalogue (the header is ``header.catalogue_header``'s).

    ``memory`` holds the language's other translations, tried after the deck's own.
    """
    previous = [entry for entry in old or [] if entry.msgid]
    by_key = {_key(entry): entry for entry in previous}
    own = Memory(memory_pairs(old))
    result = polib.POFile(wrapwidth=79)
    matched: set[tuple[str | None, str]] = set()
    for source in template:
        if not source.msgid or source.obsolete:
            continue
        entry = polib.POEntry(
            msgid=source.msgid, msgctxt=source.msgctxt, msgstr="", comment=source.comment
        )
        entry.occurrences = list(source.occurrences)
        found = by_key.get(_key(source))
        if found is not None:
            matched.add(_key(source))
            _start_from(entry, found)
        if not entry.msgstr:
            _suggest(entry, own, memory, by_key)
        result.append(entry)
    real = {e.msgstr for e in result if e.msgstr and "fuzzy" not in e.flags}
    real |= {e.msgstr for e in previous if e.msgstr and "fuzzy" not in e.flags}
    if not purge_obsolete:
        for entry in previous:
            fuzzy = "fuzzy" in entry.flags
            plural = any(entry.msgstr_plural.values())  # set aside on reading: kept as is
            if _key(entry) in matched or not (entry.msgstr or plural):
                continue
            if fuzzy and entry.msgstr in real:
                continue
            gone = polib.POEntry(
                msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr, obsolete=True
            )
            if entry.msgid_plural:
                gone.msgid_plural = entry.msgid_plural
                gone.msgstr_plural = dict(entry.msgstr_plural)
            gone.tcomment = entry.tcomment
            gone.flags = ["fuzzy"] if fuzzy else []
            result.append(gone)
    return result


def _suggest(
    entry: polib.POEntry,
    own: Memory,
    memory: Memory | None,
    by_key: dict[tuple[str | None, str], polib.POEntry],
) -> None:
    """Fill an untranslated entry, fuzzy, from the closest earlier translation."""
    from_deck = own.best(entry.msgid)
    match = from_deck or (memory.best(entry.msgid) if memory is not None else None)
    if match is None:
        return
    msgid, msgstr = match
    entry.msgstr = msgstr
    entry.flags = ["fuzzy"]
    entry.previous_msgid = msgid if msgid != entry.msgid else None
    earlier = by_key.get((None, msgid)) if from_deck else None
    if earlier is not None and not entry.tcomment:
        entry.tcomment = earlier.tcomment
