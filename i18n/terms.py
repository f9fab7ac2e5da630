"""Candidate glossary terms from a course's decks, to start a glossary (``marp-i18n terms``).

translate-toolkit's terminology extraction does the work, as its ``poterminology``
does for PO files (``translate/tools/poterminology.py``: phrases of up to three words,
its English stop list, plurals folded, sub-phrases that add nothing dropped), fed with
each unit's prose (``facts.prose``: no code, URLs, markup or placeholders). Each
candidate comes with the number of texts it appears in and the decks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from i18n.glossary.read import CANDIDATE
from i18n.model import Deck


@dataclass(frozen=True, slots=True)
class Candidate:
    term: str
    count: int
    """Texts (units with distinct text) the term appears in."""
    decks: tuple[str, ...]


def candidates(
    decks: Iterable[Deck], source_language: str = "en", *, minimum: int = 2
) -> list[Candidate]:
    """Terms in at least ``minimum`` texts, most frequent first (then alphabetical)."""
    from translate.storage import po
    from translate.tools.poterminology import TerminologyExtractor

    from i18n.check.facts import analyse, prose
    from i18n.marp.parser import marp_parser

    md = marp_parser(front_matter=False)
    extractor = TerminologyExtractor(sourcelanguage=source_language)
    for deck in decks:
        texts = dict.fromkeys(prose(analyse(md, u.msgid, u.kind)) for u in deck.units)
        units = [po.pounit(text) for text in texts if text.strip()]
        extractor.processunits(units, deck.path)
    found = extractor.extract_terms(inputmin=1, fullmsgmin=minimum, substrmin=minimum, locmin=0)
    kept = {unit.source for _, unit in extractor.filter_terms(found)}
    result = []
    for term in kept:
        uses = extractor.glossary[term]
        sources = {source for source, *_ in uses}
        if len(sources) >= minimum:
            decks_ = tuple(sorted({filename for *_, filename in uses}))
            result.append(Candidate(term, len(sources), decks_))
    return sorted(result, key=lambda c: (-c.count, c.term))


def as_table(found: list[Candidate]) -> str:
    """One line a term: texts, term, decks."""
    width = max((len(c.term) for c in found), default=4)
    lines = [f"{'texts':>5}  {'term':<{width}}  decks"]
    lines += [f"{c.count:>5}  {c.term:<{width}}  {', '.join(c.decks)}" for c in found]
    return "\n".join(lines) + "\n"


def as_csv(found: list[Candidate]) -> str:
    """A starting ``glossary.csv``: Weblate's columns, targets to fill in."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "target", "comment"])
    for c in found:
        where = ", ".join(c.decks)
        writer.writerow(
            [
                c.term,
                "",
                f"{CANDIDATE} ({c.count} texts in {where}): fill in the target, or "
                "replace this comment to keep the term untranslated; left as it is, the "
                "row is ignored",
            ]
        )
    return out.getvalue()
