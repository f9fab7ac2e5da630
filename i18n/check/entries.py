"""One catalogue entry's translation checks: which fail, honouring switches and comments.

A msgid can stand for several units (equal texts share one entry); a check fails for
the entry when it fails for any of them. Source facts are cached per (msgid, kind) for
the whole run, so every language reuses them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import cast

import polib
from markdown_it import MarkdownIt
from translate.filters.checks import StandardChecker

from i18n.assemble import assemble
from i18n.check.checks import Problem, make_checker, markup_problems, same_as_source
from i18n.check.facts import Facts, analyse, prose
from i18n.check.hidden import hidden_problems
from i18n.check.names import CHECKS
from i18n.check.report import Finding, TranslatedEntry
from i18n.check.settings import CheckSettings
from i18n.glossary import Glossary, Term
from i18n.glossary.match import TermIndex
from i18n.guard import guard_unit
from i18n.marp.parser import marp_parser
from i18n.model import Deck, Kind, Layout, Unit

_IGNORE = re.compile(r"^\s*marp-i18n:\s*ignore\b(.*)$", re.MULTILINE)
_KINDS: frozenset[str] = frozenset(Kind.__args__)  # type: ignore[attr-defined]


@dataclass
class EntryChecker:
    """The parser, translate-toolkit's checker and the source facts, made once per run."""

    settings: CheckSettings = field(default_factory=CheckSettings)
    md: MarkdownIt = field(default_factory=lambda: marp_parser(front_matter=False))
    checker: StandardChecker = field(default_factory=make_checker)
    sources: dict[tuple[str, str], Facts] = field(default_factory=dict)
    glossaries: Mapping[str, Glossary] = field(default_factory=dict)
    """Each target language's glossary (languages without one are left out)."""
    source_language: str = "en"
    _indexes: dict[str, TermIndex] = field(default_factory=dict)
    _hits: dict[tuple[str, str, str], list[Term]] = field(default_factory=dict)
    _allowed: dict[str, frozenset[str]] = field(default_factory=dict)
    _last: tuple[str, str, Facts] | None = None
    _last_prose: tuple[str, str, str] | None = None

    def source_facts(self, unit: Unit) -> Facts:
        key = (unit.msgid, unit.kind)
        if key not in self.sources:
            self.sources[key] = analyse(self.md, unit.msgid, unit.kind)
        return self.sources[key]

    def target_facts(self, unit: Unit, translation: str) -> Facts:
        """The translation's facts; the last ones are kept, as the glossary and spelling
        read the entry that was just compared."""
        if translation == unit.msgid:
            return self.source_facts(unit)
        if self._last is None or self._last[:2] != (translation, unit.kind):
            self._last = (translation, unit.kind, analyse(self.md, translation, unit.kind))
        return self._last[2]

    def target_prose(self, unit: Unit, translation: str) -> str:
        """``prose`` of the translation, kept like its facts for the next question."""
        if self._last_prose is None or self._last_prose[:2] != (translation, unit.kind):
            text = prose(self.target_facts(unit, translation))
            self._last_prose = (translation, unit.kind, text)
        return self._last_prose[2]

    def allowed(self, language: str) -> frozenset[str]:
        """``allow-same`` and the glossary's never-translated terms."""
        if language not in self._allowed:
            glossary = self.glossaries.get(language)
            kept = glossary.kept if glossary is not None else frozenset()
            self._allowed[language] = self.settings.allow_same | kept
        return self._allowed[language]

    def index(self, language: str) -> TermIndex | None:
        """The glossary of ``language`` ready for matching, made on first use."""
        glossary = self.glossaries.get(language)
        if glossary is None or not glossary.terms:
            return None
        if language not in self._indexes:
            shared = next((i.source for i in self._indexes.values()), None)
            self._indexes[language] = TermIndex(glossary, self.source_language, shared)
        return self._indexes[language]

    def terms(self, unit: Unit, language: str) -> list[Term]:
        """The glossary terms in ``unit``'s text (not in its code, URLs or markup)."""
        index = self.index(language)
        if index is None:
            return []
        key = (unit.msgid, unit.kind, language)
        if key not in self._hits:
            self._hits[key] = index.hits(prose(self.source_facts(unit)))
        return self._hits[key]

    def problems(
        self,
        unit: Unit,
        translation: str,
        deck: Deck | None = None,
        skip: frozenset[str] = frozenset(),
        *,
        structure: bool = True,
        language: str = "",
    ) -> list[Problem]:
        """The enabled checks ``translation`` fails for ``unit``, in ``CHECKS`` order.

        An entry equal to its source is only asked ``same-as-source``: every comparison
        would pass. ``structure`` judges the unit in ``deck`` (or alone); a course check
        leaves it out and assembles each whole deck instead (``structure.py``).
        """
        on = {n for n in CHECKS if self.settings.enabled(n) and n not in skip}
        source = self.source_facts(unit)
        found: list[Problem] = []
        if translation != unit.msgid:
            target = self.target_facts(unit, translation)
            found.extend(
                markup_problems(
                    unit.kind, unit.msgid, translation, (source, target), self.checker, on
                )
            )
            found.extend(hidden_problems(unit.msgid, translation, (source, target), on))
            if structure and "structure" in on and not any(n == "injection" for n, _ in found):
                problem = _refusal(unit, translation, deck, self.md)
                if problem is not None:
                    found.append(("structure", f"the build refuses this translation: {problem}"))
        if "same-as-source" in on:
            problem = same_as_source(unit.msgid, translation, source, self.allowed(language))
            if problem is not None:
                found.append(("same-as-source", problem))
        if "glossary" in on and (hits := self.terms(unit, language)):
            index = self.index(language)
            assert index is not None  # hits came from it
            if messages := index.problems(hits, self.target_prose(unit, translation)):
                found.append(("glossary", "; ".join(messages)))
        order = list(CHECKS)
        return sorted((p for p in found if p[0] in on), key=lambda p: order.index(p[0]))

    def findings(
        self,
        entry: polib.POEntry,
        units: dict[str, Unit] | None,
        deck: Deck,
        where: str,
        language: str = "",
    ) -> list[Finding]:
        """The findings of one translated entry of the PO file ``where``.

        ``units`` are the deck's units with this msgid, one per kind; an entry the deck
        no longer has (stale) is judged by the kind its ``#.`` comment names.
        """
        ignored, unknown = ignored_checks(entry.tcomment)
        findings = [
            Finding(
                "config",
                where,
                entry.linenum,
                f"unknown check {name!r} in an ignore comment",
                severity="warning",
            )
            for name in unknown
        ]
        judged: Deck | None = deck
        if not units:
            stale = _stale_unit(entry)
            units, judged = {stale.kind: stale}, None
        problems: dict[str, str] = {}
        for unit in units.values():
            for name, message in self.problems(
                unit, entry.msgstr, judged, frozenset(ignored), structure=False, language=language
            ):
                problems.setdefault(name, message)
        findings.extend(
            Finding(name, where, entry.linenum, message, msgid=entry.msgid)
            for name, message in sorted(problems.items(), key=lambda p: list(CHECKS).index(p[0]))
        )
        return findings

    def record(
        self, entry: polib.POEntry, units: dict[str, Unit] | None, where: str, language: str
    ) -> TranslatedEntry:
        """The entry as the course-wide checks read it (``course.py``), with the words
        of its translation to spell-check."""
        from i18n.check.spelling import candidates

        unit = next(iter(units.values())) if units else _stale_unit(entry)
        spelt: tuple[str, ...] = ()
        if self.settings.enabled("spelling"):
            spelt = candidates(self.target_prose(unit, entry.msgstr), entry.msgid)
        return TranslatedEntry(
            where,
            entry.linenum,
            "",
            language,
            entry.msgid,
            entry.msgstr,
            spelt,
            tuple(sorted(ignored_checks(entry.tcomment)[0])),
        )


def _stale_unit(entry: polib.POEntry) -> Unit:
    """A unit for an entry its deck no longer has, of the kind its ``#.`` comment names."""
    kind = kind_of(entry.comment)
    return Unit(0, 0, entry.msgid, kind, 0, 0, Layout(table=kind == "table cell"))


def _refusal(unit: Unit, translation: str, deck: Deck | None, md: MarkdownIt) -> str | None:
    """The build's reason to refuse ``translation``: in its deck when there is one (the
    same ``assemble``), else by the unit rules alone."""
    if deck is None:
        return guard_unit(unit, translation, md)
    alone = replace(deck, units=(unit,))  # this unit only, not others with the same text
    refused = assemble(alone, {unit.msgid: translation}).refused
    return refused[0].reason if refused else None


def check_translation(
    unit: Unit, translation: str, settings: CheckSettings | None = None, deck: Deck | None = None
) -> list[Problem]:
    """(check, message) for every check ``translation`` fails: ``check`` for one entry."""
    return EntryChecker(settings or CheckSettings()).problems(unit, translation, deck)


def ignored_checks(comment: str) -> tuple[set[str], list[str]]:
    """Checks a translator switched off with ``# marp-i18n: ignore NAME[, NAME...]``,
    and the names among them that are no check."""
    names = {n for m in _IGNORE.finditer(comment) for n in re.split(r"[\s,]+", m.group(1)) if n}
    return names, sorted(names - set(CHECKS))


def kind_of(comment: str) -> Kind:
    """The unit kind an ``#.`` comment names (``slide 3, heading``; ``front matter: x``)."""
    first = comment.split("\n", 1)[0]
    if first.startswith("front matter"):
        return "front matter"
    kind = first.partition(", ")[2]
    return cast(Kind, kind) if kind in _KINDS else "paragraph"
