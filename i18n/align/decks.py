"""Source deck + its hand-made translation → unit pairs, and what has no counterpart.

Structure first, then order: slides are aligned by what a translation keeps (unit roles,
anchors, kept text, shared words) with a global order-keeping alignment that pairs only
what is certain (``sequence``); inside each slide pair, units are aligned the same way,
a unit pairs only with one of the same role and the same anchors, and a run of units of
one role pairs only as a whole (a paragraph split in two, an item added to a list:
the run is reported, never half paired). Front-matter values pair by key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from i18n.align.features import SlideFacts, UnitFacts, slide_facts, slide_starts, unit_facts
from i18n.align.sequence import certain_pairs
from i18n.align.similarity import SlideScorer, misfit, unit_score
from i18n.model import Deck, Unit

SLIDE_THRESHOLD = 0.6
"""Least similarity (0..1) of two slides to be counterparts at all."""
SLIDE_MARGIN = 0.1
"""How much better than every alternative a slide pairing must be."""
UNIT_MARGIN = 0.1
SWAP_MARGIN = 1.0
"""A run is not paired in order when pairing two of its units crosswise fits lengths and
shared words better by this much (in log-length units plus word mismatch)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """A source unit and the unit of the translated deck that translates it."""

    source: Unit
    translated: Unit


@dataclass(frozen=True, slots=True)
class Slide:
    """A slide with units that has no counterpart in the other deck."""

    number: int
    line: int
    units: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every unit of both decks ends up in exactly one place here."""

    pairs: tuple[Pair, ...]
    source_slides: tuple[Slide, ...]
    """Source slides with no counterpart (their units are in ``source_units`` too)."""
    translated_slides: tuple[Slide, ...]
    source_units: tuple[Unit, ...]
    """Source units with no counterpart, in deck order."""
    translated_units: tuple[Unit, ...]
    slide_pairs: tuple[tuple[int, int], ...]
    """(source slide, translated slide) numbers that were paired."""

    @property
    def complete(self) -> bool:
        return not self.source_units and not self.translated_units


def align_decks(source: Deck, translated: Deck) -> Alignment:
    """Pair the units of ``translated`` with those of ``source`` they translate."""
    ours = [unit_facts(source, unit) for unit in source.units]
    theirs = [unit_facts(translated, unit) for unit in translated.units]
    shared = frozenset().union(*(f.words for f in ours)) & frozenset().union(
        *(f.words for f in theirs)
    )
    pairs = _front_matter(ours, theirs)
    a = slide_facts(source, slide_starts(source), (f for f in ours if f.unit.slide), shared)
    b = slide_facts(
        translated, slide_starts(translated), (f for f in theirs if f.unit.slide), shared
    )
    similarity = SlideScorer(a, b)
    slide_pairs = certain_pairs(
        len(a),
        len(b),
        lambda i, j: similarity(a[i], b[j], SLIDE_THRESHOLD) - SLIDE_THRESHOLD,
        SLIDE_MARGIN,
    )
    for i, j in slide_pairs:
        pairs.extend(_align_units(a[i].units, b[j].units, shared))
    done_a = {p.source for p in pairs}
    done_b = {p.translated for p in pairs}
    return Alignment(
        pairs=tuple(sorted(pairs, key=lambda p: p.source.start)),
        source_slides=_lone_slides(a, {i for i, _ in slide_pairs}),
        translated_slides=_lone_slides(b, {j for _, j in slide_pairs}),
        source_units=tuple(u for u in source.units if u not in done_a),
        translated_units=tuple(u for u in translated.units if u not in done_b),
        slide_pairs=tuple((a[i].number, b[j].number) for i, j in slide_pairs),
    )


def _lone_slides(slides: Sequence[SlideFacts], paired: set[int]) -> tuple[Slide, ...]:
    return tuple(
        Slide(s.number, s.line, tuple(f.unit for f in s.units))
        for k, s in enumerate(slides)
        if k not in paired and s.units
    )


def _front_matter(ours: Sequence[UnitFacts], theirs: Sequence[UnitFacts]) -> list[Pair]:
    """Front-matter values pair by key (each key appears once in a front matter)."""
    keys = {f.unit.key: f.unit for f in theirs if f.unit.kind == "front matter"}
    return [
        Pair(f.unit, keys[f.unit.key])
        for f in ours
        if f.unit.kind == "front matter" and f.unit.key in keys
    ]


def _align_units(
    xs: Sequence[UnitFacts], ys: Sequence[UnitFacts], shared: frozenset[str]
) -> list[Pair]:
    """Pair the units of two paired slides: same role, same anchors, whole runs only."""
    found = certain_pairs(
        len(xs), len(ys), lambda i, j: unit_score(xs[i], ys[j], shared), UNIT_MARGIN
    )
    return [Pair(xs[i].unit, ys[j].unit) for i, j in _whole_runs(found, xs, ys, shared)]


def _runs(facts: Sequence[UnitFacts]) -> list[int]:
    """Run number of each unit: consecutive units of one role form a run."""
    runs: list[int] = []
    for k, fact in enumerate(facts):
        same = k and facts[k - 1].role == fact.role
        runs.append(runs[-1] if same else (runs[-1] + 1 if runs else 0))
    return runs


def _whole_runs(
    found: list[tuple[int, int]],
    xs: Sequence[UnitFacts],
    ys: Sequence[UnitFacts],
    shared: frozenset[str],
) -> list[tuple[int, int]]:
    """Keep only pairs whose runs pair completely, one run with one run, in an order
    the texts do not contradict; within an incomplete run, position says nothing."""
    run_x, run_y = _runs(xs), _runs(ys)
    size_x = {r: run_x.count(r) for r in run_x}
    size_y = {r: run_y.count(r) for r in run_y}
    pairs = list(found)
    while True:
        into_y: dict[int, set[int]] = {}  # source run -> translated runs it pairs into
        into_x: dict[int, set[int]] = {}
        for i, j in pairs:
            into_y.setdefault(run_x[i], set()).add(run_y[j])
            into_x.setdefault(run_y[j], set()).add(run_x[i])
        bad_x = {r for r, runs in into_y.items() if len(runs) > 1}
        bad_y = {r for r, runs in into_x.items() if len(runs) > 1}
        for r, runs in into_y.items():
            other = min(runs)
            members = [(i, j) for i, j in pairs if run_x[i] == r]
            if len(runs) > 1 or len(members) != size_x[r] or size_x[r] != size_y[other]:
                bad_x.add(r)
                bad_y.update(runs)
            elif _crossed(members, xs, ys, shared):
                bad_x.add(r)
                bad_y.add(other)
        kept = [(i, j) for i, j in pairs if run_x[i] not in bad_x and run_y[j] not in bad_y]
        if len(kept) == len(pairs):
            return kept
        pairs = kept


def _crossed(
    members: list[tuple[int, int]],
    xs: Sequence[UnitFacts],
    ys: Sequence[UnitFacts],
    shared: frozenset[str],
) -> bool:
    """True when two pairs of a run fit much better swapped: the units were reordered."""
    for k, (i, j) in enumerate(members):
        for p, q in members[k + 1 :]:
            straight = misfit(xs[i], ys[j], shared) + misfit(xs[p], ys[q], shared)
            crossed = misfit(xs[i], ys[q], shared) + misfit(xs[p], ys[j], shared)
            if crossed + SWAP_MARGIN < straight:
                return True
    return False
