"""What ``make bench`` measured, and how it is written to ``bench/results.md``.

Kept apart from ``tools/bench.py`` (which runs the measurements) so the numbers and their
presentation can be read, and changed, without the machinery that produces them.
Every figure is a median over runs with its spread (min-max), because the bench
machine is a shared, noisy 2-core box: one run proves little, the spread says how much
to trust the median. Every comparison with another tool is a ratio of two figures
measured in the same run, interleaved round by round, so a busy minute slows both.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

DASH = "\N{EN DASH}"
TIMES = "\N{MULTIPLICATION SIGN}"


@dataclass(frozen=True)
class Target:
    """A limit from the issue: a measured value must stay below ``limit``."""

    text: str
    limit: float

    def met(self, value: float) -> bool:
        return value < self.limit

    def verdict(self, value: float | None) -> str:
        if value is None:
            return "not measured"
        if self.met(value):
            return "yes"
        return f"**no**: {value / self.limit:.2f}{TIMES} the limit"


@dataclass
class Sample:
    """One run: wall seconds, the largest process's peak RSS, and what went wrong."""

    seconds: float
    rss_mb: float
    errors: list[str] = field(default_factory=list)
    stdout: str = ""


@dataclass
class Series:
    """One thing measured over several runs."""

    label: str
    target: Target | None = None
    note: str = ""
    short: str = ""
    """A short name for the ratio tables (default: the label)."""
    samples: list[Sample] = field(default_factory=list)
    skipped: str = ""
    """Why it was not measured at all (empty: it was)."""
    failures: list[str] = field(default_factory=list)
    """Decks an alternative could not handle (from its last run)."""
    total_mb: float | None = None
    """Peak of all its processes together (PSS, sampled in a separate run)."""

    @property
    def name(self) -> str:
        return self.short or self.label

    @property
    def good(self) -> list[float]:
        return [s.seconds for s in self.samples if not s.errors]

    @property
    def median(self) -> float | None:
        return statistics.median(self.good) if self.good else None

    @property
    def spread(self) -> tuple[float, float] | None:
        return (min(self.good), max(self.good)) if self.good else None

    @property
    def rss_mb(self) -> float | None:
        return max((s.rss_mb for s in self.samples), default=None)

    @property
    def errors(self) -> list[str]:
        seen: dict[str, None] = {}
        for sample in self.samples:
            seen.update(dict.fromkeys(sample.errors))
        return list(seen)

    def verdict(self) -> str:
        if self.target is None:
            return ""
        return self.target.verdict(self.median)


@dataclass
class Ratio:
    """Our time over theirs, from the same rounds."""

    ours: Series
    theirs: Series
    target: Target | None = None

    @property
    def value(self) -> float | None:
        if self.ours.median is None or self.theirs.median is None:
            return None
        return self.ours.median / self.theirs.median

    @property
    def per_round(self) -> list[float]:
        return [
            o.seconds / t.seconds
            for o, t in zip(self.ours.samples, self.theirs.samples, strict=False)
            if not o.errors and not t.errors and t.seconds > 0
        ]


@dataclass
class CurvePoint:
    """``update`` with translation-memory work on ``decks`` decks."""

    decks: int
    series: Series
    fuzzy: int
    entries: int


@dataclass
class Profile:
    """One cProfile run of a command, summarised."""

    title: str
    total: float
    by_cumulative: list[tuple[str, int, float, float]]
    by_own: list[tuple[str, int, float, float]]
    error: str = ""


@dataclass
class Results:
    """Everything one ``make bench`` run measured."""

    machine: list[tuple[str, str]]
    corpus: str
    rows: list[Series]
    ratios: list[Ratio]
    alternatives: list[Series]
    alternatives_note: str
    startup: list[Series]
    importtime: list[tuple[str, int, int]]
    curve: list[CurvePoint]
    curve_target: Target
    memory: Series
    profiles: list[Profile]
    notes: list[str]
    options: str
    duration: float = 0.0


def seconds(value: float | None) -> str:
    if value is None:
        return DASH
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def spread(series: Series) -> str:
    span = series.spread
    if span is None:
        return DASH
    return f"{seconds(span[0])} {DASH} {seconds(span[1])}"


def megabytes(value: float | None) -> str:
    return DASH if value is None else f"{value:.0f} MB"


def curve_exponent(curve: list[CurvePoint]) -> float | None:
    """The slope of log(time) against log(decks) between the smallest and largest size:
    1 is linear, 2 quadratic."""
    points = [(p.decks, p.series.median) for p in curve if p.series.median]
    if len(points) < 2:
        return None
    (n0, t0), (n1, t1) = points[0], points[-1]
    assert t0 is not None and t1 is not None
    return math.log(t1 / t0) / math.log(n1 / n0)


def _row_value(series: Series) -> str:
    if series.skipped:
        return f"not measured: {series.skipped}"
    if series.median is None:
        return "failed: " + "; ".join(series.errors[:2])
    return seconds(series.median)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def targets_summary(results: Results) -> list[list[str]]:
    """One line per target of the issue: the figure, and met or the gap."""
    rows: list[list[str]] = []
    for ratio in results.ratios:
        if ratio.target is not None:
            value = ratio.value
            rows.append(
                [
                    f"{ratio.ours.name} vs {ratio.theirs.name}",
                    ratio.target.text,
                    DASH if value is None else f"{value:.2f}",
                    _ratio_verdict(ratio),
                ]
            )
    for series in results.rows + results.startup:
        if series.target is not None:
            rows.append([series.label, series.target.text, _row_value(series), series.verdict()])
    exponent = curve_exponent(results.curve)
    rows.append(
        [
            "update with translation memory, 50 → 400 decks",
            results.curve_target.text,
            DASH if exponent is None else f"exponent {exponent:.2f}",
            results.curve_target.verdict(exponent),
        ]
    )
    memory = results.memory
    if memory.target is not None:
        value = memory.median
        rows.append(
            [memory.label, memory.target.text, megabytes(value), memory.target.verdict(value)]
        )
    return rows


def _ratio_verdict(ratio: Ratio) -> str:
    if ratio.target is None:
        return ""
    value = ratio.value
    if value is None:
        return "not measured"
    if ratio.target.met(value):
        return "yes"
    return f"**no**: ours must get {value / ratio.target.limit:.1f}{TIMES} faster"


def render(results: Results) -> str:
    """The whole of ``bench/results.md``."""
    out = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`tools/bench.py`): do not edit, run it again. "
        f"Options: `{results.options}`; the bench took {results.duration / 60:.1f} min.",
        "",
        f"Every figure is the median over runs, with the spread (fastest {DASH} slowest); every",
        "ratio compares two figures from the same run, measured round by round (one run of",
        "each thing per round) so that load on this shared machine hits both sides alike.",
        "Each of our figures is a fresh process of the project's venv, so start-up and",
        "imports count; the alternatives run in their own venv (`.bench-venv`) and pay theirs.",
        "",
        "## Machine",
        "",
    ]
    out += [f"- {name}: {value}" for name, value in results.machine]
    out += ["", f"Corpus: {results.corpus}", "", "## Targets", ""]
    out += _table(["target", "limit", "measured", "met?"], targets_summary(results))
    out += ["", "## marp-i18n on the corpus", ""]
    out += _table(
        ["what", "median", "spread", "runs", "peak RSS", "target", "met?"],
        [
            [
                s.label,
                _row_value(s),
                spread(s),
                str(len(s.good)),
                megabytes(s.rss_mb),
                s.target.text if s.target else "",
                s.verdict(),
            ]
            for s in results.rows
        ],
    )
    out += [""] + [f"- {s.label}: {s.note}" for s in results.rows if s.note]
    out += ["", "## Against the alternatives", "", results.alternatives_note, ""]
    out += _table(
        ["ours", "theirs", "ours", "theirs", "ratio", "per round", "target", "met?"],
        [_ratio_row(r) for r in results.ratios],
    )
    out += ["", "The alternatives alone:", ""]
    out += _table(
        ["what", "median", "spread", "runs", "peak RSS", "decks failed"],
        [
            [
                s.label,
                _row_value(s),
                spread(s),
                str(len(s.good)),
                megabytes(s.rss_mb),
                str(len(s.failures)),
            ]
            for s in results.alternatives
        ],
    )
    out += [""] + [f"- {s.label}: {s.note}" for s in results.alternatives if s.note]
    for series in results.alternatives:
        if series.failures:
            out += ["", f"<details><summary>{series.label}: failures</summary>", ""]
            out += [f"- `{failure}`" for failure in series.failures[:40]]
            if len(series.failures) > 40:
                out.append(f"- … and {len(series.failures) - 40} more")
            out += ["", "</details>"]
    out += _curve(results)
    out += _startup(results)
    out += _memory(results)
    out += _profiles(results.profiles)
    if results.notes:
        out += ["", "## Notes", ""] + [f"- {note}" for note in results.notes]
    return "\n".join(out) + "\n"


def _ratio_row(ratio: Ratio) -> list[str]:
    rounds = ratio.per_round
    per_round = f"{min(rounds):.2f} {DASH} {max(rounds):.2f}" if rounds else DASH
    value = ratio.value
    return [
        ratio.ours.name,
        ratio.theirs.name,
        seconds(ratio.ours.median),
        "not measured" if ratio.theirs.skipped else seconds(ratio.theirs.median),
        DASH if value is None else f"{value:.2f}",
        per_round,
        ratio.target.text if ratio.target else "",
        _ratio_verdict(ratio),
    ]


def _curve(results: Results) -> list[str]:
    out = [
        "",
        "## update with translation memory as catalogues grow",
        "",
        "Every deck has fully translated `sv` catalogues and half-translated `de` ones;",
        "then about a third of the prose lines change by one word and `marp-i18n update`",
        "runs, so every changed paragraph is looked up in the translation memory of all",
        "the language's catalogues. Decks: an even sample of a pool made of the corpus",
        "and a copy of it with other words changed (400 decks: most of both).",
        "",
    ]
    base = results.curve[0].series.median if results.curve else None
    rows = []
    for point in results.curve:
        median = point.series.median
        per_deck = None if median is None else median / point.decks
        growth = DASH
        if median is not None and base:
            scale = point.decks / results.curve[0].decks
            growth = f"{median / base:.1f}{TIMES} for {scale:.0f}{TIMES} decks"
        rows.append(
            [
                str(point.decks),
                _row_value(point.series),
                spread(point.series),
                DASH if per_deck is None else f"{per_deck * 1000:.1f} ms",
                growth,
                f"{point.fuzzy} of {point.entries}",
            ]
        )
    out += _table(["decks", "median", "spread", "per deck", "growth", "fuzzy entries after"], rows)
    exponent = curve_exponent(results.curve)
    if exponent is not None:
        out += [
            "",
            f"Time grows as decks^{exponent:.2f} (1 is linear, 2 quadratic); target "
            f"{results.curve_target.text}: {results.curve_target.verdict(exponent)}.",
        ]
    return out


def _startup(results: Results) -> list[str]:
    out = ["", "## CLI start-up", ""]
    out += _table(
        ["what", "median", "spread", "runs", "target", "met?"],
        [
            [
                s.label,
                _row_value(s),
                spread(s),
                str(len(s.good)),
                s.target.text if s.target else "",
                s.verdict(),
            ]
            for s in results.startup
        ],
    )
    if results.importtime:
        out += [
            "",
            "`python -X importtime marp-i18n --help`, the slowest top-level imports",
            "(cumulative, with what they import):",
            "",
        ]
        out += _table(
            ["module", "cumulative", "self"],
            [
                [name, f"{cum / 1000:.1f} ms", f"{own / 1000:.1f} ms"]
                for name, own, cum in results.importtime
            ],
        )
    return out


def _memory(results: Results) -> list[str]:
    memory = results.memory
    out = ["", "## Peak memory", ""]
    if memory.skipped:
        return [*out, f"Not measured: {memory.skipped}"]
    out += [
        f"Largest: {megabytes(memory.median)} ({memory.note}); target "
        f"{memory.target.text if memory.target else DASH}: {memory.verdict()}.",
        "",
        "Peak RSS in the tables is the largest single process (`wait4`'s `ru_maxrss`);",
        "the total below adds up every process of a command (`check` forks workers), as",
        "PSS, so pages the workers share with their parent count once; it is sampled",
        "every 20 ms in the last round.",
        "",
    ]
    out += _table(
        ["what", "largest process (RSS)", "all processes (PSS)"],
        [[s.label, megabytes(s.rss_mb), megabytes(s.total_mb)] for s in results.rows],
    )
    return out


def _profiles(profiles: list[Profile]) -> list[str]:
    out = [
        "",
        "## Profiles",
        "",
        "cProfile of each command on the corpus, one process (`MARP_I18N_JOBS=1`, so the",
        "work of check's workers is seen). cProfile slows pure Python down, so read the",
        "shares, not the seconds. Kept here so each optimisation can point at the profile",
        "that led to it (`git log -p bench/results.md` shows the earlier ones).",
    ]
    for profile in profiles:
        out += ["", f"### {profile.title}", ""]
        if profile.error:
            out.append(f"Not profiled: {profile.error}")
            continue
        out += [
            f"Total {profile.total:.2f} s under the profiler. Where it goes (our functions, "
            "cumulative): "
            + "; ".join(f"`{name}` {cum / profile.total:.0%}" for name, cum in hot_spots(profile))
            + ".",
            "",
            "Most own time: "
            + "; ".join(
                f"`{name}` {own / profile.total:.0%}" for name, _, own, _ in profile.by_own[:6]
            )
            + ".",
        ]
        for title, rows in (
            ("by cumulative time", profile.by_cumulative),
            ("by own time", profile.by_own),
        ):
            out += ["", f"<details><summary>{profile.title}: {title}</summary>", ""]
            out += _table(
                ["function", "calls", "own", "cumulative", "share (cum.)"],
                [
                    [
                        f"`{name}`",
                        str(calls),
                        f"{own:.3f} s",
                        f"{cum:.3f} s",
                        f"{cum / profile.total:.0%}",
                    ]
                    for name, calls, own, cum in rows[:18]
                ],
            )
            out += ["", "</details>"]
    return out


def hot_spots(profile: Profile, count: int = 7) -> list[tuple[str, float]]:
    """Our own functions with the largest cumulative time, below the command's entry
    points (which hold all of it): where an optimisation would pay."""
    found = [
        (name, cum)
        for name, _, _, cum in profile.by_cumulative
        if name.startswith("i18n/")
        and not name.startswith("i18n/cli/")
        and cum < 0.9 * profile.total
    ]
    return found[:count]


def console(results: Results) -> str:
    """The short form for the terminal: the targets and the main table."""
    lines = ["", "Targets:"]
    for what, limit, measured, met in targets_summary(results):
        lines.append(f"  {what:<58} {limit:<12} {measured:<16} {met}")
    lines += ["", "marp-i18n on the corpus (median, spread, runs):"]
    for series in results.rows + results.startup:
        lines.append(
            f"  {series.label:<58} {_row_value(series):<12} {spread(series):<22} {len(series.good)}"
        )
    lines += ["", "Ratios (ours / theirs, same run):"]
    for ratio in results.ratios:
        value = ratio.value
        shown = DASH if value is None else f"{value:.2f}"
        lines.append(f"  {ratio.ours.name} / {ratio.theirs.name}: {shown}")
    return "\n".join(lines)
