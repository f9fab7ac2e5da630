"""An alignment as the catalogue sees it (one translation per msgid) and as warnings."""

from __future__ import annotations

from i18n.align.decks import Alignment, Pair
from i18n.model import Unit
from i18n.text import counted, short


def paired_translations(alignment: Alignment) -> tuple[dict[str, Pair], list[list[Pair]]]:
    """msgid → the pair that translates it; and the msgids translated in more than one
    way (the same text twice in the source, two different translations), which are
    left out: choosing one would be a guess."""
    by_msgid: dict[str, list[Pair]] = {}
    for pair in alignment.pairs:
        by_msgid.setdefault(pair.source.msgid, []).append(pair)
    chosen: dict[str, Pair] = {}
    conflicts: list[list[Pair]] = []
    for msgid, pairs in by_msgid.items():
        if len({p.translated.msgid for p in pairs}) == 1:
            chosen[msgid] = pairs[0]
        else:
            conflicts.append(pairs)
    return chosen, conflicts


def unpaired_messages(alignment: Alignment, source: str, translated: str) -> list[str]:
    """``file:line: warning: ...`` for every slide and unit with no counterpart and every
    text translated two ways; ``source`` and ``translated`` name the two decks."""
    messages: list[tuple[int, int, str]] = []
    for side, slides, path, other in (
        (0, alignment.source_slides, source, translated),
        (1, alignment.translated_slides, translated, source),
    ):
        for slide in slides:
            messages.append(
                (
                    side,
                    slide.line,
                    f"{path}:{slide.line}: warning: no counterpart for slide {slide.number} "
                    f"in {other} ({counted(len(slide.units), 'text')} not imported)",
                )
            )
    alone = (
        {(s.number) for s in alignment.source_slides},
        {(s.number) for s in alignment.translated_slides},
    )
    for side, units, path, other in (
        (0, alignment.source_units, source, translated),
        (1, alignment.translated_units, translated, source),
    ):
        for unit in units:
            if unit.slide in alone[side]:
                continue  # said once for the whole slide
            messages.append(
                (
                    side,
                    unit.line,
                    f"{path}:{unit.line}: warning: no counterpart for {_what(unit)} "
                    f"in {other}: {short(unit.msgid, 50)}",
                )
            )
    for pairs in paired_translations(alignment)[1]:
        first, *rest = pairs
        lines = ", ".join(str(p.translated.line) for p in rest)
        messages.append(
            (
                1,
                first.translated.line,
                f"{translated}:{first.translated.line}: warning: {short(first.source.msgid, 50)} "
                f"is translated differently here and at line {lines}; not imported",
            )
        )
    return [text for _, _, text in sorted(messages)]


def _what(unit: Unit) -> str:
    if unit.kind == "front matter":
        return f"the front matter's {unit.key}"
    return f"this {unit.kind} of slide {unit.slide}"
