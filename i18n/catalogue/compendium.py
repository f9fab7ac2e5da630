"""Exact translations from the rest of a language's catalogues, as msgmerge's compendium gives them.

``msgmerge --compendium`` takes a text found exactly in the compendium as translated,
not fuzzy: the same source text in the same language is the same translation. A course
is its own compendium (every catalogue of the language, and its memory of removed
decks), so a text moved from one deck to another keeps its translation. Only a text
translated one way there is sure; one translated two ways is left to the fuzzy matcher
(``update.Memory``), which offers one for a translator to confirm.
"""

from __future__ import annotations

import polib


def sure_translations(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """msgid → msgstr for each text translated one way only across the memory."""
    found: dict[str, set[str]] = {}
    for msgid, msgstr in pairs:
        found.setdefault(msgid, set()).add(msgstr)
    return {msgid: msgstrs.pop() for msgid, msgstrs in found.items() if len(msgstrs) == 1}


def with_sure(
    old: polib.POFile | None, pot: polib.POFile, sure: dict[str, str]
) -> polib.POFile | None:
    """``old`` as the merge should start from it: a text of the deck that ``old`` has no
    translation for, but the memory has one sure translation for, given it (as an
    obsolete entry, which the merge takes over exactly as its own). So a text moved to
    another deck keeps its translation instead of coming back fuzzy."""
    own = {entry.msgid for entry in old or [] if entry.msgstr and entry.msgctxt is None}
    missing = {
        entry.msgid: sure[entry.msgid]
        for entry in pot
        if entry.msgid and entry.msgctxt is None and entry.msgid not in own and entry.msgid in sure
    }
    if not missing:
        return old
    seeded = polib.POFile(wrapwidth=79)
    seeded.extend(e for e in old or [] if not (e.msgctxt is None and e.msgid in missing))
    seeded.extend(polib.POEntry(msgid=m, msgstr=t, obsolete=True) for m, t in missing.items())
    return seeded
