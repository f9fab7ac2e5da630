"""Order-keeping alignment of two sequences that pairs only what is certain.

A Needleman-Wunsch dynamic programme finds the best monotone pairing (a pair is worth
its score, a gap costs nothing, a score of 0 or less is never paired). A forward and a
backward table give, for every candidate pair, the best alignment through it; a pair
is *certain* when every alignment without it scores at least ``margin`` less. So when
two slides are equally good counterparts (a slide deleted from a run of identical
slides), neither is paired: the evidence decides or nothing does. Certain pairs all
belong to every near-best alignment, so together they are one-to-one and in order.

Time and memory are O(n·m): 10,000 cells for two 100-slide decks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Score = Callable[[int, int], float]
"""(source index, translated index) → what pairing them is worth; ≤ 0 never pairs."""

_EPSILON = 1e-9


def certain_pairs(n: int, m: int, score: Score, margin: float) -> list[tuple[int, int]]:
    """The pairs (i, j) every alignment scoring within ``margin`` of the best contains."""
    if not n or not m:
        return []
    table = [[score(i, j) for j in range(m)] for i in range(n)]
    forward = _forward(table, n, m)
    backward = _backward(table, n, m)
    best = forward[n][m]
    pairs: list[tuple[int, int]] = []
    for i in range(n):
        through = [
            forward[i][j] + table[i][j] + backward[i + 1][j + 1] if table[i][j] > 0 else None
            for j in range(m)
        ]
        # The best alignment that leaves source i unpaired: cut between prefix and suffix.
        skip = max(forward[i][k] + backward[i + 1][k] for k in range(m + 1))
        for j, value in enumerate(through):
            if value is None or value < best - _EPSILON:
                continue
            others = (v for k, v in enumerate(through) if k != j and v is not None)
            if best - max([skip, *others]) >= margin - _EPSILON:
                pairs.append((i, j))
    return pairs


def _forward(table: Sequence[Sequence[float]], n: int, m: int) -> list[list[float]]:
    """forward[i][j]: the best score aligning the first i and the first j items."""
    forward = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, above, scores = forward[i], forward[i - 1], table[i - 1]
        for j in range(1, m + 1):
            value = above[j] if above[j] > row[j - 1] else row[j - 1]
            if scores[j - 1] > 0 and above[j - 1] + scores[j - 1] > value:
                value = above[j - 1] + scores[j - 1]
            row[j] = value
    return forward


def _backward(table: Sequence[Sequence[float]], n: int, m: int) -> list[list[float]]:
    """backward[i][j]: the best score aligning the items from i on and from j on."""
    backward = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, scores = backward[i], backward[i + 1], table[i]
        for j in range(m - 1, -1, -1):
            value = below[j] if below[j] > row[j + 1] else row[j + 1]
            if scores[j] > 0 and below[j + 1] + scores[j] > value:
                value = below[j + 1] + scores[j]
            row[j] = value
    return backward
