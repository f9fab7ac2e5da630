"""The overflow forecast on the real corpus: how many slides overflow at +35 % (the
pseudo-locale), how many already overflow in the source, and the time it takes per
slide. A measurement, not a test (``make bench`` does not run it; it takes minutes).

The corpus decks are read where they are (``../shared/corpus``); catalogues, built
decks and HTML go to a temporary folder (``--keep DIR`` keeps them there instead, to
look at the slides). No cache is used: every deck is rendered and measured.

    .venv/bin/python tools/overflow_corpus.py [--corpus DIR] [--keep DIR] [--list]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["MARP_I18N_NO_CACHE"] = "1"

from i18n.build import build_languages  # noqa: E402
from i18n.config import Config  # noqa: E402
from i18n.files import find_decks  # noqa: E402
from i18n.overflow.forecast import forecast  # noqa: E402
from i18n.overflow.run import Measured, deck_pages, measure_course  # noqa: E402
from i18n.pseudo_run import Sizes, with_pseudo_values, write_pseudo_catalogues  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
MARP = ROOT / "node_modules" / ".bin" / "marp"
LANG = "qps"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep it")
    parser.add_argument("--list", action="store_true", help="print every overflowing slide")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        print(f"corpus not found at {options.corpus}: nothing measured")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = options.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        config = Config(
            root=work,
            languages=(LANG,),
            slides=options.corpus,
            locales=work / "locales",
            build=work / "build",
        )
        config = with_pseudo_values(config, LANG)
        times: dict[str, float] = {}
        start = time.perf_counter()
        sizes = Sizes()
        for _ in write_pseudo_catalogues(config, LANG, "2026-01-01 00:00+0000", sizes):
            pass
        build_languages(config, ("en", LANG), set_lang=True, strict=False)
        times["pseudo catalogues and build"] = time.perf_counter() - start
        decks, _ = find_decks(config.slides)
        start = time.perf_counter()
        rendered = Measured()
        deck_pages(config, ["en", LANG], decks, rendered, MARP, os.environ, print)
        times["render (marp-cli, both languages)"] = time.perf_counter() - start
        start = time.perf_counter()
        measured = measure_course(config, [LANG], marp=MARP, env=os.environ)
        times["measure (Chromium, both languages)"] = time.perf_counter() - start
        names = [deck.name for deck in decks if deck.name != "SOURCES.md"]  # the corpus' index
        result = forecast(measured, names, "en", LANG, "build")
        source_slides = sum(
            len(measured.fits[("en", n)].slides) for n in names if ("en", n) in measured.fits
        )
    if options.list:
        print("\n".join(result.lines))
    for error in rendered.errors + measured.errors:
        print(f"not measured: {error}")
    measured_decks = sum((LANG, n) in measured.fits and ("en", n) in measured.fits for n in names)
    print(
        f"{len(names)} decks, {measured_decks} measured in both languages; "
        f"the {LANG} text is {sizes.longer} % longer"
    )
    print(
        f"{result.overflowing} of {result.slides} slides overflow at +{sizes.longer} % "
        f"({100 * result.overflowing / max(result.slides, 1):.1f} %); "
        f"{result.in_source} already overflow in the source "
        f"({source_slides} source slides); "
        f"{result.overflowing - _both(result.lines)} overflow only in {LANG}"
    )
    slides = source_slides + result.slides
    for what, seconds in times.items():
        print(f"{what}: {seconds:.1f} s, {1000 * seconds / max(slides, 1):.1f} ms per slide")
    total = sum(times.values())
    print(
        f"total: {total:.1f} s for {slides} slides rendered and measured: "
        f"{1000 * total / max(slides, 1):.1f} ms per slide"
    )
    return 0


def _both(lines: list[str]) -> int:
    """Slides that overflow in the pseudo-locale and in the source alike."""
    return sum(line.endswith("already in the source") for line in lines)


if __name__ == "__main__":
    sys.exit(main())
