"""The mdpo side of ``make bench``: mdpo's Python API doing marp-i18n's extract + build.

``tools/bench.py`` runs this file with the interpreter of its own virtual environment
(``.bench-venv``, where mdpo and translate-toolkit are installed), never with the
project's: the alternatives must not see marp-i18n's dependencies, and each side must pay
its own interpreter start-up and imports. So this file imports nothing from ``i18n``.

    python tools/bench_alternatives.py extract SLIDES OUT
        md2po every deck into OUT/<deck>.po (the bench translates these beforehand)
    python tools/bench_alternatives.py api SLIDES CATALOGUES OUT LANG...
        md2po every deck into OUT/pot/<deck>.pot, then po2md every deck for each LANG
        with CATALOGUES/<LANG>/<deck>.po into OUT/<LANG>/<deck>.md

Prints one JSON object: decks, failures (``deck: error``), seconds per phase. A deck
mdpo cannot handle is counted, never hidden: the bench reports the failures.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def decks(slides: Path) -> list[Path]:
    """Every deck, as the bench lays them out (the same set marp-i18n reads)."""
    return sorted(path.relative_to(slides) for path in slides.rglob("*.md"))


def extract(slides: Path, out: Path, suffix: str, failures: list[str]) -> int:
    """md2po through the API, one catalogue per deck; the count written."""
    from mdpo.md2po import markdown_to_pofile

    written = 0
    for deck in decks(slides):
        target = (out / deck).with_suffix(suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            markdown_to_pofile(str(slides / deck), po_filepath=str(target), save=True)
            written += 1
        except Exception as exc:  # any failure is a result to report
            failures.append(f"{deck}: md2po: {type(exc).__name__}: {exc}")
    return written


def merge(slides: Path, catalogues: Path, out: Path, failures: list[str]) -> int:
    """po2md through the API for one language; the count written."""
    from mdpo.po2md import pofile_to_markdown

    written = 0
    for deck in decks(slides):
        target = out / deck
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            pofile_to_markdown(
                str(slides / deck), str((catalogues / deck).with_suffix(".po")), save=str(target)
            )
            written += 1
        except Exception as exc:  # any failure is a result to report
            failures.append(f"{deck}: po2md: {type(exc).__name__}: {exc}")
    return written


def main(argv: list[str]) -> int:
    failures: list[str] = []
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    if argv[0] == "extract":
        slides, out = Path(argv[1]), Path(argv[2])
        extract(slides, out, ".po", failures)
        seconds["md2po"] = time.perf_counter() - start
    elif argv[0] == "api":
        slides, catalogues, out, langs = Path(argv[1]), Path(argv[2]), Path(argv[3]), argv[4:]
        extract(slides, out / "pot", ".pot", failures)
        seconds["md2po"] = time.perf_counter() - start
        for lang in langs:
            began = time.perf_counter()
            merge(slides, catalogues / lang, out / lang, failures)
            seconds[f"po2md {lang}"] = time.perf_counter() - began
    else:
        print(f"unknown mode {argv[0]!r}", file=sys.stderr)
        return 2
    print(json.dumps({"decks": len(decks(slides)), "failures": failures, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
