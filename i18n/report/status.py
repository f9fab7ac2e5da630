"""The status grid: ``check``'s Report as decks by languages, with findings and links.

Pure: the report, the languages and which built files exist come in as values; the
CLI finds the files. The bars show source words (``pocount``'s ``sourcewords``),
because a deck's work is its words, not its entries: a one-word heading and a long
speaker note are one message each. The percentages are ``check``'s, in the course's
measure (``check.measure``, words by default), so page, badge and CI agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from i18n.check.report import CatalogueStatus, Finding, Report, Tally, percent
from i18n.check.settings import Basis
from i18n.check.summary import ENTRY_CAP, capped, findings_line

_OWN = frozenset({"threshold", "stale"})
"""Findings of the catalogue as a whole, shown by the cell's verdict, not counted."""


@dataclass(frozen=True, slots=True)
class Link:
    """A built file the page links to, ``href`` relative to the page."""

    label: str
    href: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One deck in one language."""

    status: CatalogueStatus
    errors: int
    """Translation problems of this catalogue: failed entry checks, counted as ``check``
    counts them (an untranslated entry is the threshold's, not a problem of its own)."""
    warnings: int
    anchor: str
    """The id of this catalogue's findings on the page ("" when there are none)."""
    links: tuple[Link, ...]

    @property
    def words(self) -> Tally:
        return self.status.words

    @property
    def percent(self) -> float:
        """Percent translated in the course's measure, rounded down to 0.1, as ``check``."""
        return self.status.percent


@dataclass(frozen=True, slots=True)
class Row:
    """A deck: its cells in language order (None: the deck has no status in that
    language, e.g. its catalogue could not be read) and its source-language links."""

    deck: str
    cells: tuple[Cell | None, ...]
    source_links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Language:
    """A target language and its totals over every deck."""

    code: str
    name: str
    words: Tally
    messages: Tally = field(default_factory=Tally)
    measure: Basis = "words"

    @property
    def counted(self) -> Tally:
        """The totals in the course's measure."""
        return self.words if self.measure == "words" else self.messages

    @property
    def percent(self) -> float:
        return percent(self.counted)


@dataclass(frozen=True, slots=True)
class FindingGroup:
    """The findings of one catalogue, listed together under one anchor."""

    anchor: str
    deck: str
    language: str
    path: str
    findings: tuple[Finding, ...]
    left: int = 0
    """Untranslated or fuzzy entries not listed (as ``check``'s plain output caps them);
    the review page shows every one."""


@dataclass(frozen=True, slots=True)
class Status:
    """Everything the status page shows."""

    source_language: str
    languages: tuple[Language, ...]
    rows: tuple[Row, ...]
    groups: tuple[FindingGroup, ...]
    other: tuple[Finding, ...]
    """Findings that belong to no catalogue (a skipped file, a config warning)."""
    errors: tuple[str, ...]
    """Files the run could not read (the report is incomplete)."""
    findings: str = ""
    """What failed, in ``check``'s words (``findings_line``)."""


def language_name(code: str) -> str:
    """A language's English name from Babel's locale data (``sv``: ``Swedish``)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.split("@")[0]).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def built_links(
    deck: str, language: str, build_href: str, present: Collection[str]
) -> tuple[Link, ...]:
    """Links to ``<build>/<lang>/<deck>.md`` and ``<build>/<lang>/html/<deck>.html`` for
    those in ``present`` (paths relative to the build folder, with ``/``)."""
    markdown = f"{language}/{deck}"
    html = f"{language}/html/{PurePosixPath(deck).with_suffix('.html')}"
    prefix = build_href.rstrip("/") + "/" if build_href not in ("", ".") else ""
    return tuple(
        Link(label, prefix + path)
        for label, path in (("Markdown", markdown), ("HTML", html))
        if path in present
    )


def status_of(
    report: Report,
    *,
    languages: Iterable[str],
    source_language: str,
    names: Mapping[str, str],
    build_href: str,
    present: Collection[str],
) -> Status:
    """The page's model of ``report``.

    ``languages``: the target languages, in column order; ``names``: their display
    names; ``build_href``: the build folder relative to the page; ``present``: the
    built files that exist, relative to the build folder.
    """
    codes = tuple(dict.fromkeys(languages))
    statuses = {(s.deck, s.language): s for s in report.catalogues}
    decks = list(dict.fromkeys(s.deck for s in report.catalogues))
    by_catalogue: dict[tuple[str, str], list[Finding]] = {}
    other: list[Finding] = []
    for finding in report.findings:
        if (finding.deck, finding.language) in statuses:
            by_catalogue.setdefault((finding.deck, finding.language), []).append(finding)
        else:
            other.append(finding)
    anchors = {key: f"findings-{n}" for n, key in enumerate(by_catalogue, 1)}
    rows = []
    for deck in decks:
        cells: list[Cell | None] = []
        for code in codes:
            status = statuses.get((deck, code))
            found = by_catalogue.get((deck, code), [])
            cells.append(
                None
                if status is None
                else Cell(
                    status,
                    errors=sum(f.severity == "error" and f.check not in _OWN for f in found),
                    warnings=sum(f.severity == "warning" for f in found),
                    anchor=anchors.get((deck, code), ""),
                    links=built_links(deck, code, build_href, present),
                )
            )
        source = built_links(deck, source_language, build_href, present)
        rows.append(Row(deck, tuple(cells), source))
    totals = []
    for code in codes:
        mine = [s for s in report.catalogues if s.language == code]
        words = sum((s.words for s in mine), Tally())
        messages = sum((s.messages for s in mine), Tally())
        totals.append(Language(code, names.get(code, code), words, messages, report.measure))
    groups = []
    for key, found in by_catalogue.items():
        shown, left = capped(found, ENTRY_CAP)
        path = statuses[key].path
        groups.append(FindingGroup(anchors[key], *key, path, _by_line(shown), left.get(path, 0)))
    return Status(
        source_language,
        tuple(totals),
        tuple(rows),
        tuple(groups),
        tuple(other),
        tuple(str(e) for e in report.errors),
        findings_line(report),
    )


def _by_line(findings: list[Finding]) -> tuple[Finding, ...]:
    """A catalogue's findings in file order (whole-file ones first), as a translator
    works through the PO file; findings of one entry keep check's order."""
    return tuple(sorted(findings, key=lambda f: f.line or 0))
