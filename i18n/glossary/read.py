"""Read ``locales/<lang>/glossary.csv`` or ``glossary.tbx`` and ``words.txt``.

Both glossary formats are the ones Weblate imports and exports, read with
translate-toolkit's storage classes (``translate/storage/csvl10n.py``, ``tbx.py``):

- CSV with a header row naming ``source``, ``target`` and a comment column
  (``comment``, Weblate's ``explanation``, translate-toolkit's ``developer_comments``
  or ``notes``; a ``flags`` column is read with them). A comment or flag saying
  ``do not translate`` (Weblate's ``read-only``), or an empty target, marks a term
  never translated; ``forbidden`` marks the row's target as a translation never to use.
- TBX: a target term whose ``administrativeStatus`` is forbidden, obsolete or
  deprecated is a forbidden translation (as Weblate reads it), the first other one the
  required translation; ``Translation needed: no`` (``<descrip>``, or Weblate's
  ``<termNote type="translationNote">``) or no target term: never translated.

``words.txt``: one word a line, ``#`` comments; words the spelling check accepts.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Any

from i18n.course import GLOSSARY_NAMES
from i18n.errors import GlossaryError, I18nError
from i18n.files import read_text
from i18n.glossary.model import Glossary, Term

CANDIDATE = "candidate"
"""How the comment of a row ``marp-i18n terms --csv`` wrote begins. An empty target
otherwise means "never translated", so such a row, left unedited, is ignored: never
taken as a term to keep in the source language."""
WORDS_NAME = "words.txt"
_KEEP = ("do not translate", "don't translate", "read-only", "untranslatable")
_FORBIDDEN_STATUS = frozenset(
    {"forbidden", "obsolete", "deprecated", "deprecatedtermadmnsts", "deprecatedterm-admn-sts"}
)
_COLUMN_NAMES = {
    "comment": "developer_comments",
    "comments": "developer_comments",
    "explanation": "developer_comments",
    "flags": "translator_comments",
}


def read_glossary(locales: Path, language: str, source_language: str = "en") -> Glossary:
    """The glossary and word list of ``language`` (empty when the files do not exist).

    Raises:
        GlossaryError: a file that is not UTF-8, a CSV without a ``source`` column, a
            TBX that is not XML.
    """
    folder = locales / language
    digest = hashlib.sha256()
    terms: list[Term] = []
    shown = ""
    for name in GLOSSARY_NAMES:
        path = folder / name
        data = _read(path, locales)
        if data is None:
            continue
        digest.update(name.encode() + b"\0" + data + b"\0")
        shown = shown or path.as_posix()
        if name.endswith(".csv"):
            terms.extend(_csv_terms(data, path.as_posix()))
        else:
            terms.extend(_tbx_terms(data, path.as_posix(), source_language, language))
    words_path = folder / WORDS_NAME
    words_data = _read(words_path, locales)
    words: list[str] = []
    if words_data is not None:
        digest.update(b"words\0" + words_data)
        text = _decode(words_data, words_path.as_posix())
        words = [w for line in text.splitlines() if (w := line.split("#", 1)[0].strip())]
    return Glossary(
        language=language,
        path=shown,
        terms=tuple(_merged(terms)),
        words=tuple(words),
        digest=digest.hexdigest() if shown or words else "",
    )


def _read(path: Path, locales: Path) -> bytes | None:
    try:
        return read_text(path, locales)
    except I18nError as exc:  # the catalogue reader's refusal, said of a glossary
        raise GlossaryError(exc.path, exc.line, exc.message, exc.hint) from None


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError(where, None, f"not UTF-8 ({exc.reason})", "save it as UTF-8") from None


def _csv_terms(data: bytes, where: str) -> list[Term]:
    from translate.storage import csvl10n

    text = _decode(data, where)
    first, _, rest = text.partition("\n")
    columns = [c.strip().casefold() for c in next(csv.reader([first]), [])]
    if "source" not in columns:
        raise GlossaryError(
            where, 1, "the first row must name the columns", "write: source,target,comment"
        )
    # Weblate's and our comment columns under the name translate-toolkit reads notes from.
    header = ",".join(_COLUMN_NAMES.get(c, c) for c in columns)
    store = csvl10n.csvfile()
    try:
        # Comma-separated, as Weblate writes it and the header was read: translate-toolkit
        # would otherwise guess the dialect from a sample, and a comment with many
        # spaces made it split rows at the spaces.
        store.parse(f"{header}\n{rest}".encode(), dialect="excel")
    except (csv.Error, ValueError) as exc:
        raise GlossaryError(where, None, f"not a CSV file: {exc}") from None
    return [
        _term(unit.source.strip(), unit.target.strip(), unit.getnotes().strip(), unit)
        for unit in store.units
        if unit.source.strip() and not _unedited_candidate(unit)
    ]


def _unedited_candidate(unit: Any) -> bool:
    """A row ``marp-i18n terms --csv`` wrote and no one filled in (an empty target would
    otherwise say "never translated")."""
    return not unit.target.strip() and unit.getnotes().strip().casefold().startswith(CANDIDATE)


def _term(source: str, target: str, note: str, unit: Any) -> Term:
    lowered = note.casefold()
    line = getattr(unit, "_line_number", None)
    if "forbidden" in lowered and target:
        return Term(source, "", forbidden=(target,), comment=note, line=line)
    if any(k in lowered for k in _KEEP) or not target:
        return Term(source, source, keep=True, comment=note, line=line)
    return Term(source, target, comment=note, line=line)


def _tbx_terms(data: bytes, where: str, source_language: str, language: str) -> list[Term]:
    from lxml import etree
    from translate.storage import tbx

    try:
        store = tbx.tbxfile.parsestring(  # type: ignore[no-untyped-call]
            data, sourcelanguage=source_language, targetlanguage=language
        )
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(where, exc.lineno, f"not TBX: {exc.msg}") from None
    terms: list[Term] = []
    for unit in store.units:
        sources = [t.text.strip() for t in unit.get_source_terms() if t.text.strip()]
        if not sources:
            continue
        targets = unit.get_target_terms(language)
        allowed = [t.text.strip() for t in targets if not _forbidden(t) and t.text.strip()]
        banned = tuple(t.text.strip() for t in targets if _forbidden(t) and t.text.strip())
        line = unit.xmlelement.sourceline
        if not unit.istranslatable() or _translation_not_needed(unit) or not targets:
            terms.append(Term(sources[0], sources[0], keep=True, forbidden=banned, line=line))
        else:
            terms.append(
                Term(sources[0], allowed[0] if allowed else "", forbidden=banned, line=line)
            )
    return terms


def _forbidden(term: Any) -> bool:
    return (term.administrative_status or "").strip().casefold() in _FORBIDDEN_STATUS


def _translation_not_needed(unit: Any) -> bool:
    """Weblate's ``<termNote type="translationNote">no</termNote>``."""
    return any(
        node.tag.endswith("termNote")
        and node.get("type") == "translationNote"
        and (node.text or "").strip().casefold() == "no"
        for node in unit.xmlelement.iter()
    )


def _merged(terms: list[Term]) -> list[Term]:
    """One term per source: a forbidden-only row joins the term of the same source."""
    by_source: dict[str, Term] = {}
    for term in terms:
        key = term.source.casefold()
        known = by_source.get(key)
        if known is None:
            by_source[key] = term
            continue
        by_source[key] = Term(
            known.source,
            known.target or term.target,
            keep=known.keep or term.keep,
            forbidden=known.forbidden + term.forbidden,
            comment=known.comment or term.comment,
            line=known.line,
        )
    return [t for t in by_source.values() if t.target or t.forbidden]
