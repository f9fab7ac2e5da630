"""How far a catalogue is translated, and whether it still matches its deck.

Counts follow translate-toolkit's ``pocount`` (``translate/tools/pocount.py``
``calcstats``), so numbers agree with the tools translators already use: the header,
blank and obsolete entries are not counted; an entry with a msgstr is translated unless
it is fuzzy; a fuzzy entry with an empty msgstr counts as untranslated; words are
``pocount.wordcount`` of the msgid (tags and ``<br>`` removed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import cast

import polib
from translate.tools import pocount

from i18n.check.report import Finding, Tally
from i18n.text import counted, short

wordcount = cast(Callable[[str], int], pocount.wordcount)
"""pocount's word count: tags and ``<br>`` removed, words as translate-toolkit splits them."""

_SHOWN = 3
"""Untranslated entries named in a threshold message; all are listed as their own findings."""


def state_of(entry: polib.POEntry) -> str | None:
    """``translated``, ``fuzzy``, ``untranslated``, ``obsolete``, or None (not counted)."""
    if entry.obsolete:
        return "obsolete"
    if not entry.msgid and not entry.msgstr and not entry.msgctxt:
        return None
    target = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
    if target:
        return "fuzzy" if "fuzzy" in entry.flags else "translated"
    return "untranslated" if entry.msgid else None


def words_of(entry: polib.POEntry) -> int:
    return wordcount(entry.msgid) + (wordcount(entry.msgid_plural) if entry.msgid_plural else 0)


def tally(entries: Iterable[polib.POEntry]) -> tuple[Tally, Tally]:
    """(messages, source words) per state."""
    messages = dict.fromkeys(("translated", "fuzzy", "untranslated", "obsolete"), 0)
    words = dict(messages)
    for entry in entries:
        state = state_of(entry)
        if state is not None:
            messages[state] += 1
            words[state] += words_of(entry)
    return Tally(**messages), Tally(**words)


def missing_tally(msgids: Iterable[str]) -> tuple[Tally, Tally]:
    """The counts of a catalogue that does not exist: every deck text untranslated."""
    found = list(msgids)
    return Tally(untranslated=len(found)), Tally(untranslated=sum(map(wordcount, found)))


def stale_finding(
    po_path: str,
    deck_path: str,
    deck_msgids: Set[str],
    entries: Iterable[polib.POEntry],
    deck_lines: dict[str, int],
) -> Finding | None:
    """A finding when the catalogue's current entries are not exactly the deck's texts.

    ``update`` makes them equal; a difference means the deck changed since, so the
    translations in the PO file are not the ones a build would look up.
    """
    extra: list[polib.POEntry] = []
    present: set[str] = set()
    for entry in entries:
        if entry.obsolete or (not entry.msgid and not entry.msgctxt):
            continue
        present.add(entry.msgid)
        if entry.msgid not in deck_msgids:
            extra.append(entry)
    missing = sorted(deck_msgids - present, key=lambda m: deck_lines.get(m, 0))
    if not extra and not missing:
        return None
    parts = []
    if extra:
        parts.append(f"{counted(len(extra), 'entry', 'entries')} the deck no longer has")
    if missing:
        first = deck_lines.get(missing[0])
        where = deck_path if first is None else f"{deck_path}:{first}"
        parts.append(f"{counted(len(missing), 'deck text')} missing (first at {where})")
    return Finding(
        "stale",
        po_path,
        extra[0].linenum if extra else None,
        f"out of date with {deck_path}: {' and '.join(parts)}; run marp-i18n update",
    )


def threshold_findings(
    po_path: str, entries: Iterable[polib.POEntry], summary: str
) -> list[Finding]:
    """The threshold miss, then one finding per entry that is not translated, by line."""
    todo = [e for e in entries if state_of(e) in ("fuzzy", "untranslated")]
    named = "; ".join(f"line {e.linenum} {short(e.msgid, quote='plain')}" for e in todo[:_SHOWN])
    more = f" and {len(todo) - _SHOWN} more" if len(todo) > _SHOWN else ""
    findings = [Finding("threshold", po_path, None, summary + (f": {named}{more}" if todo else ""))]
    for entry in todo:
        state = state_of(entry)
        what = "fuzzy (not used in builds)" if state == "fuzzy" else "not translated"
        findings.append(
            Finding(
                "threshold",
                po_path,
                entry.linenum,
                f"{what}: {short(entry.msgid, quote='plain')}",
                msgid=entry.msgid,
            )
        )
    return findings
