"""Time ``marp-i18n check`` on the real corpus (for ``make bench``; not a test).

The corpus decks are read where they are (``../shared/corpus``); their catalogues are
written to a temporary folder: ``sv`` fully pseudo-translated (every entry differs from
its source and keeps its markup, so every check runs), ``de`` half translated with a few
fuzzy entries. Prints the time to segment the decks alone (the floor: ``check`` must
segment every deck to see whether its catalogues are stale) and the time of the whole
``check``, wall clock and CPU, per hundred decks.

``--glossary N`` (issue 16) also measures ``check`` with an N-term glossary in both
languages (the corpus's most frequent terms, from ``marp-i18n terms``) and its word
lists, so the glossary, consistency and spelling checks all run: cold (no cache: every
deck and Hunspell run again) and warm, against the same run without glossaries.

    python tools/bench_check.py [CORPUS] [--repeat N] [--glossary N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the pseudo-translation the tests use

from strategies import pseudo_translate  # noqa: E402

from i18n.catalogue.extract import deck_template  # noqa: E402
from i18n.catalogue.pofile import catalogue_text  # noqa: E402
from i18n.check import check_course, read_settings  # noqa: E402
from i18n.config import Config  # noqa: E402
from i18n.files import find_decks, read_deck, write_atomic  # noqa: E402
from i18n.segment import segment_deck  # noqa: E402


def write_catalogues(corpus: Path, locales: Path) -> int:
    """Write ``sv`` and ``de`` catalogues for every corpus deck; return the deck count."""
    decks, _ = find_decks(corpus)
    for number, deck_file in enumerate(decks):
        deck = segment_deck(read_deck(deck_file.path), deck_file.name)
        kinds = {u.msgid: u for u in deck.units}
        for lang in ("sv", "de"):
            po = deck_template(deck, deck_file.name)
            po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
            for index, entry in enumerate(po):
                if lang == "sv" or (index + number) % 2 == 0:
                    unit = kinds[entry.msgid]
                    entry.msgstr = pseudo_translate(unit.msgid, unit.kind)
                    if lang == "de" and index % 7 == 3:
                        entry.flags.append("fuzzy")
            target = locales / lang / Path(deck_file.name).with_suffix(".po")
            write_atomic(target, catalogue_text(po))
    return len(decks)


def bench(corpus: Path, repeat: int = 3) -> dict[str, float]:
    """Best-of-``repeat`` seconds: segmenting alone, and the whole check (wall and CPU),
    with no cache (as in CI: a warm cache answers from its reports)."""
    os.environ["MARP_I18N_NO_CACHE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        locales = Path(tmp) / "locales"
        count = write_catalogues(corpus, locales)
        config = Config(root=Path(tmp), languages=("sv", "de"), slides=corpus, locales=locales)
        settings = read_settings({"min": 0})
        decks, _ = find_decks(corpus)
        texts = [(read_deck(d.path), d.name) for d in decks]
        segment = min(
            _timed(lambda: [segment_deck(t, n) for t, n in texts])[0] for _ in range(repeat)
        )
        _build_all(texts, locales)
        floor = min(_timed(lambda: _floor(texts, locales))[1] for _ in range(repeat))
        runs = [_timed(lambda: check_course(config, settings)) for _ in range(repeat)]
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        report = check_course(config, settings)
    entries = sum(s.messages.total for s in report.catalogues)
    print(
        f"decks: {count}, languages: 2, catalogue entries: {entries}, "
        f"findings: {len(report.findings)}, exit code {report.exit_code}"
    )
    per = 100 / count
    print(f"segment only:   {segment:.3f} s  ({segment * per:.3f} s per 100 decks)")
    print(f"check (wall):   {wall:.3f} s  ({wall * per:.3f} s per 100 decks)")
    print(f"check (CPU):    {cpu:.3f} s  ({cpu * per:.3f} s per 100 decks)")
    print(f"check's own:    {wall - segment:.3f} s  ({(wall - segment) * per:.3f} s per 100 decks)")
    print(
        f"floor (CPU):    {floor:.3f} s  (markdown-it parses of every source deck and of "
        f"every translated deck's blocks, polib reads of every catalogue: what verifying "
        f"whole decks cannot avoid; "
        f"{floor / 2:.3f} s on 2 cores, before start-up and any check)"
    )
    return {"decks": count, "segment": segment, "wall": wall, "cpu": cpu, "floor": floor}


def _floor(texts: list[tuple[str, str]], locales: Path) -> None:
    """A lower bound of what ``check`` cannot avoid when it verifies every translated deck
    whole: each source deck parsed once (markdown-it-py, Marp's settings), each translated
    deck's blocks parsed once (the structure reader parses inline text only where a mark
    may be), each catalogue read once (polib). The translated decks are made outside the
    timing."""
    import polib

    from i18n.marp.parser import marp_parser

    md = marp_parser()
    blocks = marp_parser()
    blocks.disable("inline")
    for text, name in texts:
        md.parse(text)
        for lang in ("sv", "de"):
            polib.pofile(str(locales / lang / Path(name).with_suffix(".po")))
            blocks.parse(_BUILT[(name, lang)])


_BUILT: dict[tuple[str, str], str] = {}


def _build_all(texts: list[tuple[str, str]], locales: Path) -> None:
    """The translated decks, as ``build`` writes them, for the floor's parses."""
    from i18n.assemble import assemble
    from i18n.catalogue.pofile import read_with_warnings, translations

    for text, name in texts:
        deck = segment_deck(text, name)
        for lang in ("sv", "de"):
            data = (locales / lang / Path(name).with_suffix(".po")).read_bytes()
            _BUILT[(name, lang)] = assemble(
                deck, translations(read_with_warnings(data, name)[0])
            ).text


def write_glossaries(corpus: Path, locales: Path, size: int) -> int:
    """A ``size``-term glossary.csv for ``sv`` and ``de``: the corpus's most frequent
    terms, pseudo-translated as the catalogues are (so most entries use them, as a
    real translation would), a tenth never translated."""
    from i18n.files import load_deck
    from i18n.terms import candidates

    decks = [load_deck(d, ("title", "description")) for d in find_decks(corpus)[0]]
    terms = [c.term for c in candidates(decks)][:size]
    for lang in ("sv", "de"):
        with (locales / lang / "glossary.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["source", "target", "comment"])
            for number, term in enumerate(terms):
                if number % 10 == 0:
                    writer.writerow([term, "", "do not translate"])
                else:
                    writer.writerow([term, pseudo_translate(term, "front matter")[2:], ""])
        (locales / lang / "words.txt").write_text("marp\nyaml\n", encoding="utf-8")
    return len(terms)


def bench_glossary(corpus: Path, size: int, repeat: int = 3) -> dict[str, float]:
    """Best-of-``repeat`` seconds of ``marp-i18n check`` (a fresh process, as CI and
    a commit hook run it) without and with glossaries: cold (``MARP_I18N_NO_CACHE``)
    and warm (the cache filled by the run before)."""
    import subprocess

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as caches:
        root = Path(tmp)
        write_catalogues(corpus, root / "locales")
        (root / "pyproject.toml").write_text(
            f'[tool.marp-i18n]\nslides = "{corpus.resolve()}"\nlanguages = ["sv", "de"]\n'
            "[tool.marp-i18n.check]\nmin = 0\n",
            encoding="utf-8",
        )
        command = [sys.executable, "-m", "i18n", "check", "--format", "json"]
        base = {k: v for k, v in os.environ.items() if not k.startswith("MARP_I18N_")}
        base["PYTHONPATH"] = str(ROOT)
        for label in ("without", "with"):
            if label == "with":
                terms = write_glossaries(corpus, root / "locales", size)
                print(f"glossary: {terms} terms in sv and de")
            cold_env = {**base, "MARP_I18N_NO_CACHE": "1"}
            warm_env = {**base, "MARP_I18N_CACHE_DIR": str(Path(caches) / label)}

            def run(env: dict[str, str]) -> str:
                done = subprocess.run(command, cwd=root, env=env, capture_output=True, check=False)
                return done.stdout.decode()

            colds = [_child_timed(lambda e=cold_env: run(e)) for _ in range(repeat)]
            run(warm_env)  # fills the cache
            warms = [_child_timed(lambda e=warm_env: run(e)) for _ in range(repeat)]
            cold, warm = min(t[0] for t in colds), min(t[0] for t in warms)
            cold_cpu, warm_cpu = min(t[1] for t in colds), min(t[1] for t in warms)
            by_check: dict[str, int] = {}
            for finding in json.loads(run(warm_env))["findings"]:
                by_check[finding["check"]] = by_check.get(finding["check"], 0) + 1
            print(
                f"{label} glossary: cold {cold:.3f} s (CPU {cold_cpu:.3f} s), warm {warm:.3f} s "
                f"(CPU {warm_cpu:.3f} s); findings {by_check}"
            )
            results[f"cold {label}"], results[f"warm {label}"] = cold, warm
            results[f"cold CPU {label}"], results[f"warm CPU {label}"] = cold_cpu, warm_cpu
    growth = results["cold with"] / results["cold without"] - 1
    growth_cpu = results["cold CPU with"] / results["cold CPU without"] - 1
    print(
        f"cold time grows {growth * 100:.0f} % (CPU {growth_cpu * 100:.0f} %; target: at most "
        f"30 %); warm with glossary {results['warm with']:.3f} s (target: under 1 s)"
    )
    return results


def _child_timed(work: object) -> tuple[float, float]:
    """Wall seconds, and the CPU seconds of the child processes ``work`` ran (what a
    loaded machine changes least)."""
    import resource

    assert callable(work)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    work()
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _timed(work: object) -> tuple[float, float]:
    assert callable(work)
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--glossary", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: corpus not found, nothing to measure", file=sys.stderr)
        return 0
    if args.glossary:
        bench_glossary(args.corpus, args.glossary, args.repeat)
    else:
        bench(args.corpus, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
