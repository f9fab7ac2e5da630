"""PO/POT text ↔ polib objects, with errors that name the file and line.

Reading is stricter than polib: whatever gettext would reject (bytes outside the
declared charset, unknown escapes, a message defined twice) is refused with the line,
so ``update`` never rewrites a catalogue it misunderstood. Writing produces gettext's
canonical form (``_canonical``), which ``msgcat`` leaves byte-identical.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

import polib

from i18n.catalogue._charset import refuse_c1, refuse_utf8_in_disguise
from i18n.catalogue._lines import MAX_LINE as MAX_LINE
from i18n.catalogue._lines import RESTORE, po_lines
from i18n.errors import CatalogueError, Warning_

_LINE = re.compile(r"line (\d+)")
_CHARSET = re.compile(rb'^"Content-Type:[^\n]*?charset=([^\s"\\]+)', re.MULTILINE)


def decode_catalogue(data: bytes, path: str) -> str:
    """The text of a PO file, decoded with the charset its header declares, unless the
    header lies (``_charset``): UTF-8 under a single-byte charset, or bytes 0x80-0x9F
    that the declared charset makes control characters.

    Raises:
        CatalogueError: unknown charset, bytes that are not in it, or a header that
            lies, with the line and the charset the bytes look like.
    """
    data = data.removeprefix(codecs.BOM_UTF8)
    match = _CHARSET.search(data)
    charset = match.group(1).decode("ascii", "replace") if match else "UTF-8"
    if charset.upper() == "CHARSET":  # an unfilled template: gettext reads it as ASCII
        charset = "UTF-8"
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        line = data[: match.start()].count(b"\n") + 1 if match else None
        raise CatalogueError(path, line, f"unknown charset {charset!r}", RESTORE) from None
    if match is not None:
        refuse_utf8_in_disguise(data, codec, charset, path, match.start())
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogueError(
            path,
            line,
            f"bytes that are not {charset}, the charset the header declares",
            f"save the file as {charset}, or set the charset the file is really in",
        ) from None
    refuse_c1(text, data, codec, charset, path)
    return text


def read_catalogue(text: str | bytes, path: str) -> polib.POFile:
    """Parse PO text (bytes are decoded with the header's charset); entries marp-i18n
    never writes are set aside as obsolete (``read_with_warnings`` says which).

    Raises:
        CatalogueError: a syntax error, an encoding error, an invalid escape, an
            over-long line or a message defined twice, with the line.
    """
    return read_with_warnings(text, path)[0]


def read_with_warnings(text: str | bytes, path: str) -> tuple[polib.POFile, list[Warning_]]:
    """``read_catalogue``, and a warning for each entry it set aside.

    Raises:
        CatalogueError: as ``read_catalogue``.
    """
    if isinstance(text, bytes):
        text = decode_catalogue(text, path)
    lines = po_lines(text.removeprefix("\ufeff"), path)
    parser = polib._POFileParser("")  # the text as lines: see ``_lines``
    parser.fhandle = lines
    try:
        catalogue = parser.parse()
    except (OSError, ValueError, UnicodeError, IndexError) as exc:
        match = _LINE.search(str(exc))
        raise CatalogueError(
            path,
            int(match.group(1)) if match else None,
            f"not a valid PO file: {str(exc).split(' (line')[0]}",
            RESTORE,
        ) from None
    catalogue.wrapwidth = 79
    seen: dict[tuple[str | None, str], int] = {}
    for entry in catalogue:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogueError(
                path,
                entry.linenum,
                f"message defined twice (first at line {seen[key]})",
                "merge the two entries into one",
            )
        seen[key] = entry.linenum
    return catalogue, _set_aside(catalogue, path)


def _set_aside(catalogue: polib.POFile, path: str) -> list[Warning_]:
    """Make obsolete the entries no deck text can have: plural ones and ones with a
    msgctxt (``extract`` writes neither). Else a ``msgctxt`` twin of a real entry
    would override its translation in ``build`` (``translations`` is keyed by msgid),
    and ``update`` would drop a plural entry's ``msgstr[n]``."""
    real = {e.msgid: e.linenum for e in catalogue if e.msgctxt is None and not e.msgid_plural}
    warnings = []
    kept = "ignored (update keeps it as obsolete, #~)"
    for entry in catalogue:
        if entry.obsolete or not (entry.msgid_plural or entry.msgctxt is not None):
            continue
        if entry.msgid_plural:
            said = f"a plural entry (msgid_plural), which no deck text has; {kept}"
        else:
            twin = real.get(entry.msgid)
            also = f", a twin of the entry at line {twin}" if twin is not None else ""
            said = f"an entry with msgctxt {entry.msgctxt!r}{also}; marp-i18n writes none; {kept}"
        warnings.append(Warning_(path, entry.linenum, said))
        entry.obsolete = True
    return warnings


def catalogue_text(catalogue: polib.POFile) -> str:
    """The file text of a catalogue in gettext's canonical form (what ``msgcat`` writes)."""
    from i18n.catalogue._canonical import po_text

    return po_text(catalogue)


def translations(catalogue: Iterable[polib.POEntry]) -> dict[str, str]:
    """msgid → msgstr for entries a build may use: translated, not fuzzy, not obsolete."""
    return {
        entry.msgid: entry.msgstr
        for entry in catalogue
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def entry_lines(catalogue: Iterable[polib.POEntry]) -> dict[str, int]:
    """msgid → line of its entry in the file, for messages that say where to fix it."""
    return {entry.msgid: entry.linenum for entry in catalogue if not entry.obsolete}
