"""``make bench-history``: replay real edit histories through ``update`` and GNU
``msgmerge --previous``, as a translator lives them, written to ``bench/history.md``.

Each deck of ``../shared/histories/<repository>/<deck>/<NNN>.md`` is a one-deck course:
its first version is translated in full; at each later version both tools update their
own catalogue from the same template, the result is measured, and then whatever is
untranslated or fuzzy is translated, as a translator would before the next run.

Translations are a reversible pseudo-translation (``PREFIX`` + the source text), so every
msgstr tells which text it was made for. What counts:

- kept: a text of the previous version still there, with its exact translation;
- lost: a text of the previous version still there without it (fuzzy or untranslated),
  or a translation of a text that left the deck found nowhere in the catalogue;
- suggestions: fuzzy entries offered for new texts; from the true predecessor when the
  translation was made for the text that the alignment below pairs with it;
- ideal (recall's denominator): new texts that have a true predecessor. Consecutive
  versions are aligned in document order (difflib over the lists of msgids); in each
  changed stretch every added text is paired with the most similar removed text, when
  difflib's ratio is at least ``PAIR_RATIO`` (msgmerge's own bound);
- doubtful: a suggestion whose text is still in the deck, or that is older than the
  previous version (the translator's last edits of it are missed);
- obsolete: ``#~`` entries in the catalogues after the last version.

Ours runs in-process (segment, template, merge, header, file text); msgmerge is one
process a call on the same template. ``--sample N`` replays N decks only.

    .venv/bin/python tools/bench_history.py [--histories DIR] [--out FILE] [--sample N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from pathlib import Path

import polib

from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.header import catalogue_file
from i18n.catalogue.pofile import catalogue_text, read_catalogue
from i18n.catalogue.update import Memory, memory_pairs, merge
from i18n.segment import segment_deck

ROOT = Path(__file__).resolve().parent.parent
HISTORIES = ROOT.parent / "shared" / "histories"
RESULTS = ROOT / "bench" / "history.md"
MSGMERGE = shutil.which("msgmerge") or "/usr/bin/msgmerge"
PREFIX = "⟦tr⟧ "
PAIR_RATIO = 0.6
BANDS = ((0.6, 0.75), (0.75, 0.9), (0.9, 1.0001))
NOW = "2026-01-01 00:00+0000"
LANG = "sv"


def pseudo(msgid: str) -> str:
    return PREFIX + msgid


def made_for(msgstr: str) -> str | None:
    """The source text a pseudo-translation was made for (None: not one of ours)."""
    return msgstr[len(PREFIX) :] if msgstr.startswith(PREFIX) else None


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def predecessors(old: list[str], new: list[str]) -> dict[str, tuple[str, float]]:
    """added text → (its true predecessor, difflib ratio), by alignment in document order."""
    old_set, new_set = set(old), set(new)
    found: dict[str, tuple[str, float]] = {}
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        removed = [text for text in old[i1:i2] if text not in new_set]
        for added in (text for text in new[j1:j2] if text not in old_set):
            scored = [(similarity(text, added), text) for text in removed]
            if scored:
                ratio, best = max(scored)
                if ratio >= PAIR_RATIO:
                    found[added] = (best, ratio)
    return found


@dataclass
class Tally:
    """One tool's figures over some transitions (added up per repository and in total)."""

    transitions: int = 0
    still_present: int = 0
    kept: int = 0
    lost: int = 0
    wrong: int = 0
    new_texts: int = 0
    restored: int = 0
    suggestions: int = 0
    from_predecessor: int = 0
    ideal: int = 0
    doubtful: int = 0
    obsolete: int = 0
    seconds: float = 0.0
    band_ideal: list[int] = field(default_factory=lambda: [0] * len(BANDS))
    band_found: list[int] = field(default_factory=lambda: [0] * len(BANDS))

    def add(self, other: Tally) -> None:
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            if isinstance(mine, list):
                setattr(self, item.name, [a + b for a, b in zip(mine, theirs, strict=True)])
            else:
                setattr(self, item.name, mine + theirs)


def measure(
    entries: Iterable[polib.POEntry],
    previous: list[str],
    current: list[str],
    pairs: dict[str, tuple[str, float]],
    tally: Tally,
) -> None:
    """Count what one update did to a catalogue that had every text of ``previous``
    translated exactly."""
    entries = list(entries)
    before, now = set(previous), set(current)
    tally.transitions += 1
    tally.still_present += len(before & now)
    active = {e.msgid: e for e in entries if e.msgid and not e.obsolete}
    everywhere = {e.msgstr for e in entries if e.msgstr}
    for msgid, entry in active.items():
        exact = entry.msgstr == pseudo(msgid) and "fuzzy" not in entry.flags
        if entry.msgstr and "fuzzy" not in entry.flags and not exact:
            tally.wrong += 1
        if msgid in before:
            tally.kept += exact
            tally.lost += not exact
            continue
        tally.new_texts += 1
        tally.restored += exact
        pair = pairs.get(msgid)
        band = (
            next(i for i, (low, high) in enumerate(BANDS) if low <= pair[1] < high) if pair else 0
        )
        if pair:
            tally.ideal += 1
            tally.band_ideal[band] += 1
        if entry.msgstr and "fuzzy" in entry.flags:
            source = made_for(entry.msgstr)
            tally.suggestions += 1
            tally.doubtful += source in now or source not in before
            if pair and source == pair[0]:
                tally.from_predecessor += 1
                tally.band_found[band] += 1
    tally.lost += sum(1 for text in before - now if pseudo(text) not in everywhere)


def translate(entries: Iterable[polib.POEntry]) -> None:
    """What the translator does before the next version: every active entry exact."""
    for entry in entries:
        if entry.msgid and not entry.obsolete and (not entry.msgstr or "fuzzy" in entry.flags):
            entry.msgstr = pseudo(entry.msgid)
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = None
            entry.previous_msgctxt = None


@dataclass
class Replay:
    """One deck's history through both tools."""

    name: str
    versions: list[Path]
    work: Path
    ours: Tally = field(default_factory=Tally)
    theirs: Tally = field(default_factory=Tally)

    def run(self) -> None:
        reference = f"slides/{self.name}"
        po_path, pot_path = self.work / "theirs.po", self.work / "deck.pot"
        ours_text = ""
        previous: list[str] = []
        for number, version in enumerate(self.versions):
            text = version.read_bytes().decode("utf-8", "replace")
            began = time.perf_counter()
            deck = segment_deck(text, self.name)
            pot, pot_text = template_catalogue(deck, reference, None, NOW)
            old = read_catalogue(ours_text, "ours.po") if number else None
            po = merge(pot, old, Memory(memory_pairs(old)))
            data = ours_text.encode("utf-8") if number else None
            ours_text = catalogue_file(po, deck, LANG, pot, old, data, NOW)
            spent = time.perf_counter() - began
            current = [entry.msgid for entry in pot if entry.msgid]
            if number == 0:
                translate(po)
                ours_text = catalogue_text(po)
                po_path.write_text(ours_text, encoding="utf-8")
                previous = current
                continue
            pot_path.write_text(pot_text, encoding="utf-8")
            began_theirs = time.perf_counter()
            subprocess.run(
                [
                    MSGMERGE,
                    "--previous",
                    "--quiet",
                    "-o",
                    str(po_path),
                    str(po_path),
                    str(pot_path),
                ],
                check=True,
            )
            theirs_spent = time.perf_counter() - began_theirs
            theirs = polib.pofile(str(po_path), wrapwidth=79)
            pairs = predecessors(previous, current)
            measure(read_catalogue(ours_text, "ours.po"), previous, current, pairs, self.ours)
            measure(theirs, previous, current, pairs, self.theirs)
            self.ours.seconds += spent
            self.theirs.seconds += theirs_spent
            ours_po = read_catalogue(ours_text, "ours.po")
            translate(ours_po)
            ours_text = catalogue_text(ours_po)
            translate(theirs)
            theirs.save(str(po_path))
            previous = current
        final = read_catalogue(ours_text, "ours.po")
        self.ours.obsolete += sum(1 for e in final if e.obsolete)
        self.theirs.obsolete += sum(1 for e in polib.pofile(str(po_path)) if e.obsolete)


def deck_histories(histories: Path) -> Iterator[tuple[str, str, list[Path]]]:
    """(repository, deck, its versions oldest first) for every deck with two or more."""
    for repository in sorted(p for p in histories.iterdir() if p.is_dir()):
        for folder in sorted(p for p in repository.rglob("*.md") if p.is_dir()):
            versions = sorted(folder.glob("[0-9][0-9][0-9].md"))
            if len(versions) > 1:
                yield repository.name, folder.relative_to(repository).as_posix(), versions


def replay(histories: Path, sample: int | None = None) -> dict[str, tuple[Tally, Tally]]:
    """Per repository: (ours, msgmerge's) tallies."""
    decks = list(deck_histories(histories))
    if sample is not None:
        decks = decks[:: max(1, len(decks) // sample)][:sample]
    results: dict[str, tuple[Tally, Tally]] = {}
    with tempfile.TemporaryDirectory(prefix="marp-i18n-history-") as tmp:
        for index, (repository, name, versions) in enumerate(decks, 1):
            print(f"[{index}/{len(decks)}] {repository}/{name}", file=sys.stderr, flush=True)
            deck = Replay(name, versions, Path(tmp))
            deck.run()
            ours, theirs = results.setdefault(repository, (Tally(), Tally()))
            ours.add(deck.ours)
            theirs.add(deck.theirs)
    return results


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


ROWS: tuple[tuple[str, Callable[[Tally], str]], ...] = (
    ("translations kept exactly", lambda t: f"{t.kept} of {t.still_present}"),
    ("translations lost", lambda t: str(t.lost)),
    ("exact translations wrong (made for another text)", lambda t: str(t.wrong)),
    ("new texts (of which restored exactly)", lambda t: f"{t.new_texts} ({t.restored})"),
    ("fuzzy suggestions for new texts", lambda t: str(t.suggestions)),
    ("… from the true predecessor", lambda t: str(t.from_predecessor)),
    (
        "… neither from it nor doubtful",
        lambda t: str(t.suggestions - t.from_predecessor - t.doubtful),
    ),
    (
        "recall (of ideal suggestions)",
        lambda t: f"{_percent(t.from_predecessor, t.ideal)} of {t.ideal}",
    ),
    *(
        (
            f"recall, pairs {low:.2f} to {min(high, 1):.2f} similar",
            lambda t, i=i: f"{_percent(t.band_found[i], t.band_ideal[i])} of {t.band_ideal[i]}",
        )
        for i, (low, high) in enumerate(BANDS)
    ),
    ("doubtful suggestions", lambda t: str(t.doubtful)),
    ("obsolete entries at the end", lambda t: str(t.obsolete)),
    ("time a call (ms, mean)", lambda t: f"{1000 * t.seconds / max(t.transitions, 1):.1f}"),
)


SUMMARY: tuple[tuple[str, Callable[[Tally], str]], ...] = (
    ("lost", lambda t: str(t.lost)),
    ("recall", lambda t: _percent(t.from_predecessor, t.ideal)),
    ("doubtful", lambda t: str(t.doubtful)),
    ("obsolete", lambda t: str(t.obsolete)),
    ("ms a call", lambda t: f"{1000 * t.seconds / max(t.transitions, 1):.0f}"),
)


def render(results: dict[str, tuple[Tally, Tally]], seconds: float, command: str) -> str:
    total_ours, total_theirs = Tally(), Tally()
    for ours, theirs in results.values():
        total_ours.add(ours)
        total_theirs.add(theirs)
    version = subprocess.run([MSGMERGE, "--version"], capture_output=True, text=True)
    named = [*results.items(), ("total", (total_ours, total_theirs))]
    explained = (__doc__ or "").split("\n\n", 1)[1].split("\n    .venv")[0].strip()
    lines = [
        "# Real edit histories: ours against msgmerge",
        "",
        f"Written by `make bench-history` (`{command}`): do not edit, run it again. "
        f"It took {seconds / 60:.1f} min.",
        "",
        explained.replace("``PREFIX``", f"`{PREFIX.strip()}`").replace("``", "`"),
        "",
        f"msgmerge: {version.stdout.splitlines()[0] if version.stdout else MSGMERGE}.",
        "",
        "## Summary (ours / msgmerge)",
        "",
        "| repository | transitions | " + " | ".join(label for label, _ in SUMMARY) + " |",
        "|---|---|" + "---|" * len(SUMMARY),
    ]
    for title, (ours, theirs) in named:
        cells = [f"{row(ours)} / {row(theirs)}" for _, row in SUMMARY]
        lines.append(f"| {title} | {ours.transitions} | " + " | ".join(cells) + " |")
    lines.append("")
    for title, (ours, theirs) in named:
        lines += [f"## {title}", "", f"{ours.transitions} transitions.", ""]
        lines += ["| | ours | msgmerge |", "|---|---|---|"]
        lines += [f"| {label} | {row(ours)} | {row(theirs)} |" for label, row in ROWS]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--histories", type=Path, default=HISTORIES)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--sample", type=int, default=None, help="replay this many decks only")
    args = parser.parse_args(argv)
    if not args.histories.is_dir():
        print(f"histories not found at {args.histories}: nothing measured", file=sys.stderr)
        return 0
    if not Path(MSGMERGE).exists():
        print(f"msgmerge not found ({MSGMERGE}): install gettext (make system)", file=sys.stderr)
        return 2
    began = time.perf_counter()
    results = replay(args.histories, args.sample)
    command = " ".join(["tools/bench_history.py", *(argv if argv is not None else sys.argv[1:])])
    text = render(results, time.perf_counter() - began, command)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
