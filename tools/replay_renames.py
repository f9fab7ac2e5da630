"""A renamed deck on real histories: every consecutive pair of real versions, the second
saved under a new name, must be updated exactly as the same deck kept in place.

For each pair of consecutive versions in ``../shared/histories`` (skipped when absent)
whose texts pass the rename rule (``i18n/renames.py``), two courses live it: the first
version fully translated (a reversible pseudo-translation, ``sv⟦msgid⟧``), then the
second version under the same name in one course and under a new name in the other,
and ``update``. Printed: pairs replayed, catalogues moved, renamed catalogues identical
(every entry: msgid, msgstr, flags, obsolete, previous msgid) to the kept ones,
translations lost, texts both versions share and how many of them came back fuzzy.
Also how many of all pairs the rule accepts (the others are rewrites, or a stub grown
into a deck, which a rename at that moment would not follow).

    .venv/bin/python tools/replay_renames.py      (about 2 minutes)
"""

from __future__ import annotations

import contextlib
import io
import itertools
import sys
import tempfile
import time
from pathlib import Path

import polib

from i18n.cli.main import main as cli
from i18n.renames import match_renames
from i18n.segment import segment_deck

HISTORIES = Path(__file__).resolve().parent.parent.parent / "shared" / "histories"
Entry = tuple[str, str, tuple[str, ...], bool, str | None]


def run(root: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli(list(args))
    return code, out.getvalue()


def lived(root: Path, deck: str, first: str, second: str, name: str) -> tuple[str, list[Entry]]:
    """Update's output and the catalogue's entries after the second version (as ``name``)."""
    (root / "slides").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    (root / "slides" / deck).write_text(first, encoding="utf-8")
    run(root, "update", "-q")
    po = polib.pofile(str(root / "locales/sv" / Path(deck).with_suffix(".po")), wrapwidth=79)
    for entry in po:
        if entry.msgid:
            entry.msgstr, entry.flags = f"sv⟦{entry.msgid}⟧", []
    po.save()
    (root / "slides" / deck).unlink()
    (root / "slides" / name).write_text(second, encoding="utf-8")
    _, out = run(root, "update")
    found = polib.pofile(str(root / "locales/sv" / Path(name).with_suffix(".po")))
    entries = [
        (e.msgid, e.msgstr, tuple(e.flags), bool(e.obsolete), e.previous_msgid)
        for e in found
        if e.msgid
    ]
    return out, entries


def texts(text: str, name: str) -> set[str]:
    return {unit.msgid for unit in segment_deck(text, name, ("title", "description")).units}


def main() -> int:
    if not HISTORIES.is_dir():
        print(f"skipped: real histories not found at {HISTORIES}")
        return 0
    start = time.monotonic()
    pairs = accepted = moved = same = lost = shared = fuzzy = 0
    for deck in sorted(p for p in HISTORIES.glob("*/*.md") if p.is_dir()):
        versions = [v.read_text(encoding="utf-8") for v in sorted(deck.glob("*.md"))]
        for first, second in itertools.pairwise(versions):
            before, after = texts(first, deck.name), texts(second, deck.name)
            pairs += 1
            if not match_renames({"new.md": after}, {"old.md": before})[0]:
                continue
            accepted += 1
            with tempfile.TemporaryDirectory() as tmp:
                _, kept = lived(Path(tmp, "kept"), deck.name, first, second, deck.name)
                out, renamed = lived(Path(tmp, "renamed"), deck.name, first, second, "renamed.md")
            moved += " to locales/sv/renamed.po (" in out
            same += renamed == kept
            have = {msgstr for _, msgstr, _, _, _ in renamed}
            lost += sum(f"sv⟦{m}⟧" not in have for m in before)
            shared += len(before & after)
            fuzzy += sum("fuzzy" in f and s == f"sv⟦{m}⟧" for m, s, f, _, _ in renamed)
    print(
        f"{accepted} of {pairs} consecutive real versions pass the rename rule; renamed: "
        f"{moved} catalogues moved, {same} identical to the deck kept in place, "
        f"{lost} translations lost, {fuzzy} of {shared} shared texts fuzzy "
        f"({time.monotonic() - start:.0f} s)"
    )
    return 0 if moved == same == accepted and lost == fuzzy == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
