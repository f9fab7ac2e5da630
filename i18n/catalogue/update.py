"""POT + old PO → new PO, as GNU msgmerge does, never dropping a translation.

- an unchanged msgid keeps its translation, flags and translator comments;
- a msgid with no translation of its own starts from the closest earlier one, ``fuzzy``
  and with the earlier msgid as ``#| msgid`` so Poedit and Weblate show the change.
  Similarity is msgmerge's (``fstrcmp``: twice the longest common subsequence over
  the two lengths, bound 0.6), and the earlier text is looked for where a translator
  expects it (``_suggest``): first the deck's previous text at that place, then its
  other texts that left the deck, then its older obsolete ones, then the language's
  other catalogues. A text still in the deck is never offered for another: its
  translation is in use, and offering it would be a guess;
- a translated msgid that left the deck becomes obsolete (``#~``) and comes back, as it
  was, if the text returns; one that a changed text now starts from lives on in that
  fuzzy entry (its msgstr, its ``#| msgid``) and is not also kept as obsolete, as with
  msgmerge; and if the edit is undone before a translator has seen it, the fuzzy
  entry's translation (made for its ``#| msgid``) is the text's again, exactly. A
  fuzzy obsolete entry is dropped only when its msgstr is still present as
  a real translation elsewhere in the catalogue.

Only translated, non-fuzzy entries are ever match candidates (and the fuzzy entry of
an undone edit), and a second run finds no text that left the deck: the candidates
can only shrink, so running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from fractions import Fraction

import polib

MIN_SIMILARITY = 0.6
"""msgmerge's bound (``FUZZY_THRESHOLD`` in gettext's message.h), which a match must
exceed: below it a suggestion costs the translator more than it saves."""

Key = tuple[str | None, str]


def common_length(a: str, b: str) -> int:
    """Length of the longest common subsequence, by Hyyrö's bit-parallel algorithm (the
    one RapidFuzz runs in C) on Python's integers: for the few texts of one stretch of
    a deck this is cheaper than importing RapidFuzz (12 ms of a small update)."""
    if len(a) < len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    for index, char in enumerate(b):
        masks[char] = masks.get(char, 0) | 1 << index
    full = (1 << len(b)) - 1
    row = full
    for char in a:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(b) - row.bit_count()


def similarity(a: str, b: str, distance: int | None = None) -> Fraction:
    """gettext's ``fstrcmp``, exactly: 2 * LCS / (len a + len b) (1 for two empty texts);
    ``distance``, the Indel distance (len a + len b - 2 * LCS), when already known."""
    total = len(a) + len(b)
    if distance is None:
        distance = total - 2 * common_length(a, b)
    return Fraction(total - distance, total) if total else Fraction(1)


SMALL_WORK = 200_000
"""Below this many character pairs (query length times the candidates' lengths) a
memory is scored in Python; above it RapidFuzz finds the candidates in C."""
MANY = 500
"""Above this many sources RapidFuzz is asked at once (no Python loop over them)."""


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
    """Earlier translations to start a new msgid from: the most similar one wins, the
    earliest given of equals."""

    def __init__(
        self,
        pairs: Iterable[tuple[str, str]],
        min_similarity: float = MIN_SIMILARITY,
        small_work: int = SMALL_WORK,
    ):
        found: dict[str, str] = {}
        for source, target in pairs:
            found.setdefault(source, target)
        self._sources = list(found)
        self._targets = list(found.values())
        self._bound = Fraction(str(min_similarity))
        self._small_work = small_work

    def best(self, text: str, exclude: Collection[str] = ()) -> tuple[str, str] | None:
        """The closest (msgid, msgstr), or None when nothing is more similar than the
        bound (msgmerge's test, ``weight > FUZZY_THRESHOLD``, in exact fractions: "the"
        is not offered for "the the", exactly 0.6); a text in ``exclude`` is passed over
        unless it is ``text`` itself."""
        best: tuple[Fraction, int] | None = None
        for index, score in self._scores(text, exclude):
            if score > self._bound and (best is None or score > best[0]):
                best = (score, index)
        return None if best is None else (self._sources[best[1]], self._targets[best[1]])

    def _scores(self, text: str, exclude: Collection[str]) -> Iterator[tuple[int, Fraction]]:
        """(index, exact similarity), in order, of the sources not excluded that may be
        above the bound: all of them when they are few and short enough to score in
        Python, else those that RapidFuzz's normalized Indel similarity (the same
        measure, in floats, so with a margin) puts near or above it, scored in C.

        fstrcmp is at most 2 * the shorter length / the total (the longest common
        subsequence is no longer than the shorter text), so a source of a length far
        from the text's is passed over unscored, and so is one that cannot beat the
        best score so far: the answer is the same, without the work (or RapidFuzz's
        import, 8 ms) for a text a few sources of its length might match.
        """
        if len(self._sources) <= MANY:
            size, bound = len(text), self._bound
            kept = [
                i
                for i, s in enumerate(self._sources)
                if (s == text or s not in exclude) and _may_exceed(size, len(s), bound)
            ]
            if size * sum(len(self._sources[i]) for i in kept) <= self._small_work:
                best = bound
                for i in kept:
                    source = self._sources[i]
                    if _may_exceed(size, len(source), best):  # else it cannot win
                        score = similarity(text, source)
                        best = max(best, score)
                        yield i, score
                return
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        hits = process.extract(
            text,
            self._sources,
            scorer=Indel.normalized_similarity,
            score_cutoff=float(self._bound) - 1e-9,
            limit=None,
        )
        for source, _, index in sorted(hits, key=lambda hit: hit[2]):
            if source == text or source not in exclude:
                yield index, similarity(text, source, Indel.distance(text, source))


def _may_exceed(length: int, other: int, score: Fraction) -> bool:
    """Can two texts of these lengths be more similar than ``score``? fstrcmp is at most
    2 * min / total (1 for two empty texts)."""
    total = length + other
    return total == 0 or 2 * min(length, other) * score.denominator > score.numerator * total


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


def _key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def _usable(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) and "fuzzy" not in entry.flags and entry.msgctxt is None


def _start_from(entry: polib.POEntry, found: polib.POEntry) -> None:
    """Take over an exact match: its translation, comments and fuzziness."""
    entry.tcomment = found.tcomment
    entry.msgstr = found.msgstr
    if found.msgstr and "fuzzy" in found.flags:
        entry.flags = ["fuzzy"]
        entry.previous_msgid = found.previous_msgid
        entry.previous_msgctxt = found.previous_msgctxt


@dataclass(frozen=True, slots=True)
class _Earlier:
    """Where an untranslated msgid may start from, in the order a translator expects."""

    at_place: dict[str, Memory]
    """new msgid → the deck's removed texts in the stretch of the deck it stands in."""
    removed: Memory
    """every translated text of the previous version that left the deck"""
    older: Memory
    """the catalogue's older obsolete translations"""
    others: Memory | None
    """the language's other catalogues"""


def _earlier(
    template: list[polib.POEntry], previous: list[polib.POEntry], others: Memory | None
) -> _Earlier:
    """Align the previous version with the new one in document order (msgmerge does
    not): in each stretch that changed, the removed texts are the added ones'
    immediate predecessors, preferred over any older or more distant text."""
    new = {entry.msgid for entry in template}
    before = [entry for entry in previous if not entry.obsolete and entry.msgctxt is None]
    old_ids = [entry.msgid for entry in before]
    at_place: dict[str, Memory] = {}
    matcher = SequenceMatcher(None, old_ids, [entry.msgid for entry in template], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            stretch = Memory(
                (e.msgid, e.msgstr) for e in before[i1:i2] if e.msgid not in new and _usable(e)
            )
            at_place.update((entry.msgid, stretch) for entry in template[j1:j2])
    gone = [(e.msgid, e.msgstr) for e in previous if e.msgid not in new and _usable(e)]
    removed = {e.msgid for e in before}
    return _Earlier(
        at_place,
        Memory(pair for pair in gone if pair[0] in removed),
        Memory(pair for pair in gone if pair[0] not in removed),
        others,
    )


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
    sources = [entry for entry in template if entry.msgid and not entry.obsolete]
    earlier = _earlier(sources, previous, memory)
    present = {entry.msgid for entry in sources}
    # Passed over in the other catalogues: texts still in the deck (their translation is
    # in use) and the deck's own earlier translations (already searched).
    known = present | {entry.msgid for entry in previous if _usable(entry)}
    reverted = {
        e.previous_msgid: e
        for e in previous
        if "fuzzy" in e.flags
        and e.previous_msgid
        and e.msgstr
        and e.msgid not in present
        and not e.obsolete
    }
    result = polib.POFile(wrapwidth=79)
    used: set[Key] = set()
    for source in sources:
        entry = polib.POEntry(
            msgid=source.msgid, msgctxt=source.msgctxt, msgstr="", comment=source.comment
        )
        entry.occurrences = list(source.occurrences)
        found = by_key.get(_key(source))
        if found is not None:
            used.add(_key(source))
            _start_from(entry, found)
        back = reverted.get(source.msgid)
        if not entry.msgstr and back is not None:
            used.add(_key(back))  # an edit undone before the translator saw it
            entry.msgstr, entry.tcomment = back.msgstr, back.tcomment
        if not entry.msgstr:
            used |= _suggest(entry, earlier, known, by_key)
        result.append(entry)
    real = {e.msgstr for e in result if e.msgstr and "fuzzy" not in e.flags}
    real |= {e.msgstr for e in previous if e.msgstr and "fuzzy" not in e.flags}
    if not purge_obsolete:
        for entry in previous:
            fuzzy = "fuzzy" in entry.flags
            plural = any(entry.msgstr_plural.values())  # set aside on reading: kept as is
            if _key(entry) in used or not (entry.msgstr or plural):
                continue
            if fuzzy and entry.msgstr in real:
                continue
            result.append(_obsolete(entry))
    return result


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    gone = polib.POEntry(
        msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr, obsolete=True
    )
    if entry.msgid_plural:
        gone.msgid_plural = entry.msgid_plural
        gone.msgstr_plural = dict(entry.msgstr_plural)
    gone.tcomment = entry.tcomment
    gone.flags = ["fuzzy"] if "fuzzy" in entry.flags else []
    return gone


def _suggest(
    entry: polib.POEntry,
    earlier: _Earlier,
    known: Collection[str],
    by_key: dict[Key, polib.POEntry],
) -> set[Key]:
    """Fill an untranslated entry, fuzzy, from the closest earlier translation; the
    keys of the deck's entry it came from (which then is not kept as obsolete)."""
    at_place = earlier.at_place.get(entry.msgid)
    match = (at_place.best(entry.msgid) if at_place is not None else None) or (
        earlier.removed.best(entry.msgid) or earlier.older.best(entry.msgid)
    )
    from_deck = match is not None
    if match is None and earlier.others is not None:
        match = earlier.others.best(entry.msgid, exclude=known)
    if match is None:
        return set()
    msgid, msgstr = match
    entry.msgstr = msgstr
    entry.flags = ["fuzzy"]
    entry.previous_msgid = msgid if msgid != entry.msgid else None
    if not from_deck:
        return set()
    source = by_key[(None, msgid)]
    if not entry.tcomment:
        entry.tcomment = source.tcomment
    return {(None, msgid)}
