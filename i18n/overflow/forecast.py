"""``pseudo``'s forecast: which slides overflow when every text is about 35 % longer.

Pure: the measurements come in, lines and counts go out. Unlike the check, every slide
that overflows in the pseudo-locale is named, each marked when it overflows in the
source already: the author makes room before anyone translates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from i18n.overflow.compare import amount
from i18n.overflow.run import Measured


@dataclass
class Forecast:
    """The slides of every deck, and which overflow, in the pseudo-locale and the source."""

    slides: int = 0
    overflowing: int = 0
    """Slides that overflow in the pseudo-locale (whether or not in the source)."""
    in_source: int = 0
    """Slides that overflow in the source already."""
    lines: list[str] = field(default_factory=list)
    """One per overflowing slide: where, by how much, and whether the source does too."""

    def summary(self, lang: str, longer: int | None) -> str:
        grown = f" (+{longer} %)" if longer is not None else ""
        return (
            f"Overflow forecast: {self.overflowing} of {self.slides} slides overflow in "
            f"{lang}{grown}; {self.in_source} already overflow in the source."
        )


def forecast(
    measured: Measured, decks: Sequence[str], source: str, lang: str, build: str
) -> Forecast:
    """The forecast for ``decks`` (names in the slides folder) measured in ``source`` and
    the pseudo-locale ``lang``; ``build`` is the build folder, for the lines' paths."""
    result = Forecast()
    for name in decks:
        before, after = measured.fits.get((source, name)), measured.fits.get((lang, name))
        if after is None:
            continue
        result.slides += len(after.slides)
        for number, fit in enumerate(after.slides, 1):
            was = before.slides[number - 1] if before and number <= len(before.slides) else None
            if was is not None and was.overflows:
                result.in_source += 1
            if not fit.overflows:
                continue
            result.overflowing += 1
            note = "; already in the source" if was is not None and was.overflows else ""
            result.lines.append(f"{build}/{lang}/{name}: slide {number}: {amount(fit)}{note}")
    return result
