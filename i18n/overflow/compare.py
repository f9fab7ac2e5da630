"""Source against translation, slide by slide: which slides a translation made overflow.

Pure. A slide that overflows in the translation and fits in the source is the
translation's doing: a finding, naming the texts on that slide (longest translation
first, the likeliest to shorten). A slide that overflows already in the source is the
author's to fix, reported once as information, whatever the translation does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from i18n.model import Deck
from i18n.overflow.measure import DeckFit, SlideFit


@dataclass(frozen=True, slots=True)
class SlideText:
    """A translated text shown on a slide, where its entry is."""

    line: int | None
    """The entry's line in the PO file."""
    length: int
    """Characters of the translation."""


@dataclass(frozen=True, slots=True)
class Overflow:
    """One slide that does not fit."""

    slide: int
    """1-based, as Marp and the catalogues' ``#.`` comments number slides."""
    fit: SlideFit
    texts: tuple[SlideText, ...] = ()
    """The translated texts on the slide, longest first (none for the source)."""


def amount(fit: SlideFit) -> str:
    """How much does not fit, in words: pixels and share of the slide, per direction."""
    parts = []
    if fit.vertical:
        edges = " and ".join(s for s in ("top", "bottom") if fit.past(s))
        parts.append(
            f"{fit.vertical:.0f} px past the {edges} ({100 * fit.vertical / fit.height:.1f} % "
            "of the slide's height)"
        )
    if fit.horizontal:
        edges = " and ".join(s for s in ("left", "right") if fit.past(s))
        into = " into the background image" if fit.split and fit.split in edges else ""
        parts.append(
            f"{fit.horizontal:.0f} px past the {edges}{into} "
            f"({100 * fit.horizontal / fit.width:.1f} % of the slide's width)"
        )
    return ", ".join(parts)


def source_overflows(source: DeckFit) -> list[Overflow]:
    """The slides that overflow in the source already."""
    return [Overflow(n, fit) for n, fit in enumerate(source.slides, 1) if fit.overflows]


def translation_overflows(
    source: DeckFit, target: DeckFit, texts: Mapping[int, Sequence[SlideText]]
) -> list[Overflow]:
    """The slides that fit in the source and overflow in the translation, each with the
    translated texts on it (``texts`` by slide number), longest first."""
    found = []
    for number, (before, after) in enumerate(zip(source.slides, target.slides, strict=False), 1):
        if after.overflows and not before.overflows:
            on_slide = sorted(texts.get(number, ()), key=lambda t: (-t.length, t.line or 0))
            found.append(Overflow(number, after, tuple(on_slide)))
    return found


def slide_texts(
    deck: Deck, translations: Mapping[str, str], lines: Mapping[str, int]
) -> dict[int, list[SlideText]]:
    """The translated texts a build puts on each slide (speaker notes and front matter
    are not on a slide), each entry once."""
    found: dict[int, dict[str, SlideText]] = {}
    for unit in deck.units:
        if unit.slide < 1 or unit.kind == "speaker note" or unit.msgid not in translations:
            continue
        text = SlideText(lines.get(unit.msgid), len(translations[unit.msgid]))
        found.setdefault(unit.slide, {})[unit.msgid] = text
    return {slide: list(by_msgid.values()) for slide, by_msgid in found.items()}
