"""``make bench-scaling``: how fast marp-i18n is on the real corpus, and whether it
stays linear.

Why a separate tool and not tests: timing depends on the machine, so tests only ask
"does it finish"; here the numbers are measured and printed, and the one check that
is robust to a noisy machine is made: when the input grows 4x (or 8x), the time may
grow about as much, never like a square. A family whose largest/smallest time ratio
exceeds twice its size ratio (8 for 4x: a quadratic gives 16) is measured once more,
and if it still does, fails the run (exit 1). Times are CPU seconds (``process_time``),
which a busy machine disturbs far less than wall time.

Prints, for the corpus (``../shared/corpus``, skipped when absent): extract, update
and build wall time through the CLI, per 100 decks; then, for synthetic decks of
growing size, segment and assemble time, time per MB and the peak memory of
segmenting (tracemalloc, a separate run: tracing slows Python about 4x). Two families
grow the catalogue instead of the deck (a long msgstr as msgcat wraps it, a translation
of many lines): their build time includes reading the PO file, as ``build`` does.
If ``tools/bench_check.py`` exists, its ``main()`` runs at the end.

    .venv/bin/python tools/bench_scaling.py [--quick] [--no-memory] [--no-corpus] [--only NAME]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from i18n.assemble import assemble  # noqa: E402
from i18n.catalogue.pofile import read_catalogue  # noqa: E402
from i18n.catalogue.pofile import translations as read_translations  # noqa: E402
from i18n.segment import segment_deck  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000
SLIDE = """\
## Slide heading with `code` and $x$

A paragraph of ordinary text with a [link](https://example.com/page) and %VAR%,
continued on a second line with **bold** words.

- First item of a list
- Second item
  - nested item with more words

| Column | Other |
|--------|-------|
| cell text | more text |

![bg right:30%](img/background.jpg)

<!--
A speaker note with a few sentences of prose, wrapped the way an editor wraps,
and a second line to unwrap.
-->

---

"""
"""One slide of the usual mix (~560 bytes, 9 units): decks of N MB repeat it."""


@dataclass(frozen=True)
class Family:
    """Inputs of one shape at growing sizes; ``make(n)`` builds the deck of size ``n``."""

    name: str
    unit: str
    sizes: tuple[int, ...]
    make: Callable[[int], str]
    translate: bool = True
    """Also time a build with every unit translated (the guard's parse per unit)."""
    catalogue: Callable[[int], str] | None = None
    """The PO text of size ``n``: the build then reads it (as ``build`` does) and uses its
    translations, so the time includes reading the catalogue."""


def _repeat(text: str, size: int) -> str:
    return text * max(1, size // len(text))


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
PO_LINE = "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tem "
"""One continuation line's text as msgcat wraps a long msgstr (76 characters)."""


def _long_msgstr(size: int) -> str:
    """``Hello`` translated by ``size`` characters, over continuation lines (msgcat)."""
    lines = f'"{PO_LINE}"\n' * max(1, size // len(PO_LINE))
    return f'{PO_HEADER}msgid "Hello"\nmsgstr ""\n{lines}'


def _many_lines(count: int) -> str:
    """``> first line`` translated by ``count`` lines: the build's blockquote has one
    ``> `` line and ``count - 1`` lazy continuation lines."""
    lines = "".join(f'"translated line {i}\\n"\n' for i in range(count - 1))
    return f'{PO_HEADER}msgid "first line"\nmsgstr ""\n{lines}"last line"\n'


FAMILIES = (
    Family("deck", "MB", (1, 2, 4, 8), lambda n: _repeat(SLIDE, n * MB)),
    Family("list items", "items", (25_000, 50_000, 100_000),
           lambda n: "".join(f"- list item number {i}\n" for i in range(n))),
    Family("one long line", "chars", (256_000, 512_000, 1_024_000),
           lambda n: _repeat("words ", n) + "\n"),
    Family("backticks", "in a row", (2_500, 5_000, 10_000), lambda n: "`" * n + "\n"),
    Family("brackets", "in a row", (2_500, 5_000, 10_000), lambda n: "[" * n + "\n"),
    Family("image openers ![", "in a row", (2_500, 5_000, 10_000), lambda n: "![" * n + "\n"),
    Family("comment openers <!--", "in a row", (2_500, 5_000, 10_000),
           lambda n: "<!--" * n + "\n"),
    Family("'<!' in a paragraph", "in a row", (10_000, 20_000, 40_000),
           lambda n: "text " + "<!" * n + "\n"),
    Family("unclosed 'x <!--'", "in a row", (10_000, 20_000, 40_000),
           lambda n: "x <!--" * n + "\n"),
    Family("stars", "in a row", (2_500, 5_000, 10_000), lambda n: "*" * n + "\n"),
    Family("quote markers >", "in a row", (2_500, 5_000, 10_000), lambda n: ">" * n + " x\n"),
    Family("nested quotes", "levels", (250, 500, 1_000),
           lambda n: "".join(">" * i + " quoted text\n" for i in range(1, n + 1))),
    Family("nested lists", "levels", (250, 500, 1_000),
           lambda n: "".join("  " * i + "- item\n" for i in range(n))),
    Family("images in one paragraph", "lines", (5_000, 10_000, 20_000),
           lambda n: "".join(f"text ![alt](img{i}.png)\n" for i in range(n))),
    Family("table rows", "rows", (10_000, 20_000, 40_000),
           lambda n: "| a | b |\n|---|---|\n" + "| cell one | cell two |\n" * n),
    Family("lone CR lines", "lines", (25_000, 50_000, 100_000), lambda n: "text line\r" * n),
    Family("msgstr lines (msgcat)", "chars", (2_500_000, 5_000_000, 10_000_000),
           lambda n: "Hello\n", catalogue=_long_msgstr),
    Family("lazy blockquote lines", "lines", (100_000, 200_000, 400_000),
           lambda n: "> first line\n", catalogue=_many_lines),
)  # fmt: skip


@dataclass
class Row:
    family: str
    size: int
    chars: int
    segment: float
    build: float
    peak: float | None


def _best(work: Callable[[], object], budget: float = 0.3) -> float:
    """Best CPU time of a few runs. CPU time, not wall time: other processes on a busy
    machine barely change it. Quick inputs run until ``budget`` s, so the 4n/n ratio
    is not a ratio of timer noise."""
    best, spent, runs = float("inf"), 0.0, 0
    while runs < 1 or (spent < budget and runs < 5):
        gc.collect()
        start = time.process_time()
        work()
        elapsed = time.process_time() - start
        best, spent, runs = min(best, elapsed), spent + elapsed, runs + 1
    return best


def measure(family: Family, size: int, memory: bool) -> Row:
    text = family.make(size)
    deck = segment_deck(text, "bench.md")
    translations = {u.msgid: "Ŧ" + u.msgid for u in deck.units} if family.translate else {}
    segment = _best(lambda: segment_deck(text, "bench.md"))
    po = family.catalogue(size).encode("utf-8") if family.catalogue else b""
    if po:
        build = _best(lambda: assemble(deck, read_translations(read_catalogue(po, "bench.po"))))
    else:
        build = _best(lambda: assemble(deck, translations))
    peak = None
    if memory:
        del deck
        gc.collect()
        tracemalloc.start()
        traced = segment_deck(text, "bench.md")
        peak = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
        del traced
    return Row(family.name, size, len(text) + len(po), segment, build, peak)


def scaling(family: Family, rows: list[Row]) -> tuple[float, float]:
    """(size ratio, time ratio) between the largest and smallest input of a family."""
    first, last = rows[0], rows[-1]
    return last.chars / first.chars, (last.segment + last.build) / (first.segment + first.build)


def bench_synthetic(quick: bool, memory: bool, only: str | None) -> list[str]:
    """Measure every family; return the names of families that scale super-linearly."""
    print("\nSynthetic inputs: segment, build with every unit translated, segment's peak memory")
    header = f"{'input':<28}{'size':>18}{'MB':>8}{'segment s':>11}{'build s':>9}"
    print("(CPU seconds, best of up to 5 runs; build = assemble with every unit translated)")
    print(header + f"{'s/MB':>8}{'peak MB':>9}")
    bad = []
    for family in FAMILIES:
        if only and only not in family.name:
            continue
        sizes = family.sizes[:-1] if quick and len(family.sizes) > 3 else family.sizes
        rows = []
        for size in sizes:
            row = measure(family, size, memory)
            rows.append(row)
            mb = row.chars / MB
            total = row.segment + row.build
            peak = f"{row.peak:9.1f}" if row.peak is not None else f"{'-':>9}"
            label = f"{size:,} {family.unit}"
            print(
                f"{family.name:<28}{label:>18}{mb:8.2f}{row.segment:11.3f}{row.build:9.3f}"
                f"{total / mb:8.2f}{peak}",
                flush=True,
            )
        size_ratio, time_ratio = scaling(family, rows)
        if time_ratio > 2 * size_ratio:  # measure the ends again before crying wolf
            rows[0], rows[-1] = measure(family, sizes[0], False), measure(family, sizes[-1], False)
            size_ratio, time_ratio = scaling(family, rows)
        verdict = "linear" if time_ratio <= 2 * size_ratio else "SUPER-LINEAR"
        if verdict != "linear":
            bad.append(family.name)
        print(f"{'':<28}{size_ratio:.0f}x input -> {time_ratio:.1f}x time: {verdict}")
    return bad


def bench_corpus(corpus: Path) -> None:
    """extract, update and build through the CLI over every corpus deck, per 100 decks."""
    from i18n.cli.main import main as cli
    from i18n.files import find_decks

    decks, _ = find_decks(corpus)
    print(f"\nCorpus: {len(decks)} *.md files in {corpus} (SOURCES.md is one of them)")
    with tempfile.TemporaryDirectory() as tmp:
        locales, build = Path(tmp) / "locales", Path(tmp) / "build"
        common = ["--slides", str(corpus), "--locales", str(locales)]
        steps = [
            ("extract", ["extract", *common]),
            ("update --lang sv", ["update", *common, "--lang", "sv"]),
            ("(pseudo-translate the POs)", None),
            ("build --lang sv", ["build", *common, "--build", str(build), "--lang", "sv"]),
        ]
        print(f"{'step':<30}{'seconds':>9}{'per 100 decks':>15}{'exit':>6}")
        for label, argv in steps:
            start = time.perf_counter()
            if argv is None:
                code = _pseudo_translate(locales / "sv")
            else:
                with (
                    contextlib.redirect_stdout(io.StringIO()),
                    contextlib.redirect_stderr(io.StringIO()),
                ):
                    code = cli(argv)
            elapsed = time.perf_counter() - start
            per = elapsed * 100 / max(1, len(decks))
            print(f"{label:<30}{elapsed:9.2f}{per:15.2f}{code:>6}", flush=True)


def _pseudo_translate(folder: Path) -> int:
    """Give every PO entry a translation that keeps its markup, so build does real work."""
    import polib

    for path in sorted(folder.rglob("*.po")):
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = "Ŧ" + entry.msgid
        po.save(str(path))
    return 0


def run_bench_check() -> None:
    """Another engineer's hook: ``tools/bench_check.py``'s ``main()``, if it exists."""
    path = ROOT / "tools" / "bench_check.py"
    if not path.is_file():
        return
    spec = importlib.util.spec_from_file_location("bench_check", path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print("\ntools/bench_check.py:")
    code = module.main([])
    print(f"(bench_check exit {code})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="drop the largest deck size")
    parser.add_argument("--no-memory", action="store_true", help="skip tracemalloc runs")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus run")
    parser.add_argument("--only", help="only synthetic families whose name contains this")
    args = parser.parse_args(argv)
    if not args.no_corpus and not args.only:
        if CORPUS.is_dir():
            bench_corpus(CORPUS)
        else:
            print(f"{CORPUS}: corpus not found, corpus timings skipped")
    bad = bench_synthetic(args.quick, not args.no_memory, args.only)
    if not args.only:
        run_bench_check()
    if bad:
        print(f"\nFAIL: super-linear time for: {', '.join(bad)}", file=sys.stderr)
        return 1
    print("\nOK: every family scales linearly (time ratio <= 2x the size ratio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
