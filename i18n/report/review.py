"""The side-by-side review: every slide's units, source beside translation, with states.

Pure: the segmented deck, the catalogue's text and (for ``--since``) the catalogue's
text at an earlier revision come in; the CLI reads them. A unit's state is the one a
build acts on (translated, fuzzy, untranslated; the same rules as ``check``'s counts);
"changed since" compares the entry's translation and fuzzy flag with the earlier one,
so a second translator sees exactly what was touched since the last course run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from i18n.catalogue.pofile import read_catalogue
from i18n.errors import CatalogueError
from i18n.model import Deck, Kind

State = Literal["translated", "fuzzy", "untranslated"]
Change = Literal["", "new", "changed"]
"""``new``: no entry with this text at the earlier revision (or no catalogue then);
``changed``: its translation or fuzzy flag differs; ``""``: as it was (or no ``--since``)."""


@dataclass(frozen=True, slots=True)
class ReviewUnit:
    """One unit of the deck with what the catalogue holds for it."""

    source: str
    """The msgid: what the translator saw."""
    kind: Kind
    what: str
    """What the unit is, as the catalogue's ``#.`` comment says (``heading``,
    ``front matter: title``)."""
    line: int
    """Line in the deck where the source text starts."""
    state: State
    translation: str
    """The msgstr, also of a fuzzy entry (shown, though builds do not use it); "" when none."""
    po_line: int | None
    """Line of the entry in the PO file; None when the catalogue has no entry for it."""
    previous_source: str = ""
    """A fuzzy entry's earlier msgid (``#| msgid``): what the translation was made for."""
    change: Change = ""
    before: str | None = None
    """The earlier translation of a ``changed`` entry ("" when it had none)."""
    before_fuzzy: bool = False

    @property
    def note(self) -> bool:
        return self.kind == "speaker note"


@dataclass(frozen=True, slots=True)
class ReviewSlide:
    """A slide (0: the front matter) and its units in deck order."""

    number: int
    units: tuple[ReviewUnit, ...]

    @property
    def text_units(self) -> tuple[ReviewUnit, ...]:
        return tuple(u for u in self.units if not u.note)

    @property
    def notes(self) -> tuple[ReviewUnit, ...]:
        return tuple(u for u in self.units if u.note)

    @property
    def attention(self) -> bool:
        """Something here needs a look: not translated, fuzzy, or changed."""
        return any(u.state != "translated" or u.change for u in self.units)


@dataclass(frozen=True, slots=True)
class Review:
    """What the review page shows for one deck in one language."""

    deck: str
    language: str
    po_path: str
    exists: bool
    """The catalogue exists (else every unit is untranslated)."""
    slides: tuple[ReviewSlide, ...]
    since: str | None = None
    """The revision compared with (``--since``), if any."""
    since_found: bool = False
    """The catalogue was read at ``since``; False: every entry counts as new."""

    def counts(self) -> Counter[str]:
        """Units per state and per change (``new``, ``changed``)."""
        found: Counter[str] = Counter()
        for slide in self.slides:
            for unit in slide.units:
                found[unit.state] += 1
                if unit.change:
                    found[unit.change] += 1
        return found


def state_of(entry: polib.POEntry | None) -> State:
    """What a build does with an entry: use it, skip it as fuzzy, or have none.

    As ``check`` counts (``completeness.state_of``): an empty msgstr is untranslated
    even when flagged fuzzy.
    """
    if entry is None or not entry.msgstr:
        return "untranslated"
    return "fuzzy" if "fuzzy" in entry.flags else "translated"


def _entries(catalogue: polib.POFile | None) -> dict[str, polib.POEntry]:
    if catalogue is None:
        return {}
    return {e.msgid: e for e in catalogue if not e.obsolete and e.msgid}


def _change(
    entry: polib.POEntry | None, old: dict[str, polib.POEntry] | None, msgid: str
) -> tuple[Change, str | None, bool]:
    if old is None:
        return "", None, False
    earlier = old.get(msgid)
    if earlier is None:
        return "new", None, False
    now = (entry.msgstr if entry else "", bool(entry and "fuzzy" in entry.flags))
    then = (earlier.msgstr, "fuzzy" in earlier.flags)
    if now == then:
        return "", None, False
    return "changed", then[0], then[1]


def review_of(
    deck: Deck,
    catalogue: str | bytes | None,
    *,
    language: str,
    po_path: str,
    since: str | None = None,
    old_catalogue: str | bytes | None = None,
) -> Review:
    """The review of ``deck`` against its catalogue's text (None: no catalogue yet).

    With ``since``, ``old_catalogue`` is the catalogue's text at that revision (None:
    it did not exist then, so every entry is new).

    Raises:
        CatalogueError: a catalogue text is not a valid PO file (named ``po_path``, or
            ``since:po_path`` for the earlier one).
    """
    current = _entries(None if catalogue is None else read_catalogue(catalogue, po_path))
    old: dict[str, polib.POEntry] | None = None
    if since is not None:
        earlier = (
            None if old_catalogue is None else read_catalogue(old_catalogue, f"{since}:{po_path}")
        )
        old = _entries(earlier)
    by_slide: dict[int, list[ReviewUnit]] = {n: [] for n in range(1, deck.slides + 1)}
    for unit in deck.units:
        entry = current.get(unit.msgid)
        change, before, before_fuzzy = _change(entry, old, unit.msgid)
        by_slide.setdefault(unit.slide, []).append(
            ReviewUnit(
                source=unit.msgid,
                kind=unit.kind,
                what=unit.comment.partition(", ")[2] or unit.comment,
                line=unit.line,
                state=state_of(entry),
                translation=entry.msgstr if entry else "",
                po_line=entry.linenum if entry else None,
                previous_source=(entry.previous_msgid or "") if entry else "",
                change=change,
                before=before,
                before_fuzzy=before_fuzzy,
            )
        )
    slides = tuple(ReviewSlide(n, tuple(units)) for n, units in sorted(by_slide.items()))
    return Review(
        deck=deck.path,
        language=language,
        po_path=po_path,
        exists=catalogue is not None,
        slides=slides,
        since=since,
        since_found=since is not None and old_catalogue is not None,
    )


def review_since(
    deck: Deck,
    catalogue: str | bytes | None,
    *,
    language: str,
    po_path: Path,
    since: str | None,
    old_catalogue: str | bytes | None,
) -> tuple[Review, str | None]:
    """``review_of``, and a warning when the catalogue at ``since`` is not a valid PO
    file: every entry then counts as new, as when it did not exist at that revision.

    Raises:
        CatalogueError: the current catalogue is not a valid PO file.
    """
    where = po_path.as_posix()
    try:
        review = review_of(
            deck,
            catalogue,
            language=language,
            po_path=where,
            since=since,
            old_catalogue=old_catalogue,
        )
    except CatalogueError as exc:
        if since is None or not exc.path.startswith(f"{since}:"):
            raise
        line = f"line {exc.line}: " if exc.line else ""
        warning = (
            f"{po_path}: warning: cannot read it at revision {since} ({line}{exc.message}); "
            "every entry counts as new"
        )
        return review_of(deck, catalogue, language=language, po_path=where, since=since), warning
    return review, None
