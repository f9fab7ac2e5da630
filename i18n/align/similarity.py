"""How alike two slides or two units are, judged only by what translation keeps.

Kept tokens and shared words are weighted by how rare they are across both decks
(inverse document frequency): ``<!--``, ``-`` or ``_footer:`` are on every slide and
say little, an image file name or a photographer's name says which slide it is.
A slide and its translation built by the tool score exactly 1.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from i18n.align.features import SlideFacts, UnitFacts

ROLES, MARKS, WORDS = 0.4, 0.4, 0.2
"""Weights of the three slide facts: unit roles in order, kept tokens and anchors,
shared words."""
UNIT_EVIDENCE = 0.25
"""How much shared words weigh in a unit pairing; the rest is role and anchors in order,
so a word the translator did translate ("hårdvara" for "HW") never outweighs position."""
_LENGTH_SLACK = 10


class SlideScorer:
    """Similarity of any source slide to any translated slide, weights computed once."""

    def __init__(self, ours: Sequence[SlideFacts], theirs: Sequence[SlideFacts]) -> None:
        slides = [*ours, *theirs]
        seen: Counter[str] = Counter()
        for slide in slides:
            seen.update(slide.marks.keys())
            seen.update(slide.words)
        self._weight = {t: math.log((len(slides) + 1) / n) for t, n in seen.items()}
        self._mass = {id(s): self._total(s) for s in slides}

    def _total(self, slide: SlideFacts) -> tuple[float, float]:
        marks = sum(n * self._weight[t] for t, n in slide.marks.items())
        return marks, sum(self._weight[w] for w in slide.words)

    def __call__(self, a: SlideFacts, b: SlideFacts, floor: float = 0.0) -> float:
        """0..1: same roles in the same order, same rare tokens, same rare shared words.

        A slide pair that cannot reach ``floor`` gets a value below it without the
        costly role comparison (most pairs of a deck: their tokens differ).
        """
        (marks_a, words_a), (marks_b, words_b) = self._mass[id(a)], self._mass[id(b)]
        marks = _ratio(_common_counts(a.marks, b.marks, self._weight), marks_a + marks_b)
        common = sum(self._weight[w] for w in a.words & b.words)
        partial = MARKS * marks + WORDS * _ratio(common, words_a + words_b)
        if a.roles == b.roles:
            return ROLES + partial
        if partial + ROLES < floor:
            return partial
        matcher = SequenceMatcher(None, a.roles, b.roles, autojunk=False)
        if partial + ROLES * matcher.quick_ratio() < floor:
            return partial
        return partial + ROLES * matcher.ratio()


def _common_counts(
    a: Mapping[str, int], b: Mapping[str, int], weight: Mapping[str, float]
) -> float:
    return sum(min(a[t], b[t]) * weight[t] for t in a.keys() & b.keys())


def _ratio(common: float, total: float) -> float:
    """Dice's coefficient; two sides with nothing (informative) to compare agree."""
    return 2 * common / total if total > 1e-12 else 1.0


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return _ratio(len(a & b), len(a) + len(b))


def unit_score(x: UnitFacts, y: UnitFacts, shared: frozenset[str]) -> float:
    """What pairing two units is worth: 0 unless role and anchors agree; then 0.75..1
    by shared words."""
    if x.role != y.role or x.anchors != y.anchors:
        return 0.0
    return 1 - UNIT_EVIDENCE + UNIT_EVIDENCE * dice(x.words & shared, y.words & shared)


def misfit(x: UnitFacts, y: UnitFacts, shared: frozenset[str]) -> float:
    """How badly ``y`` fits as the translation of ``x``: log length ratio plus the share
    of words not in common. Used only to undo pairs, never to make them."""
    ratio = (len(y.unit.msgid) + _LENGTH_SLACK) / (len(x.unit.msgid) + _LENGTH_SLACK)
    return abs(math.log(ratio)) + 1 - dice(x.words & shared, y.words & shared)
