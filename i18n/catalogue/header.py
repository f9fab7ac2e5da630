"""Catalogue headers: the template's, and each language's (new or kept from the old PO)."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

import polib

from i18n.catalogue.pofile import catalogue_text
from i18n.model import Deck

_OURS = re.compile(r"^(?:Translations|(.*) translation) of the Marp deck ")
_DEFAULT_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"


def one_line(text: str) -> str:
    """``text`` with each line break, tab or control character as a space, stripped: a
    header comment or field is one line, which readers strip, and gettext, polib and
    our reader split at different characters (``str.splitlines`` also at NEL, U+2028)."""
    if text.isprintable():
        return text.strip()
    return "".join(
        " " if c.isspace() or (not c.isprintable() and c < "\xa0") else c for c in text
    ).strip()


@lru_cache(maxsize=1)
def tool_version() -> str:
    """The installed version, for X-Generator: from the name of the first
    ``marp_i18n-<version>.dist-info`` folder on the path, which is where
    ``importlib.metadata`` finds it too, without importing the e-mail parser it reads
    the metadata with (12 ms of the 150 ms an update of a small course may take).
    Looked up once per run: each catalogue's header asks."""
    for folder in sys.path:
        try:
            found = sorted(Path(folder or ".").glob("marp_i18n-*.dist-info"))
        except OSError:
            continue
        if found:
            return found[0].name.removeprefix("marp_i18n-").removesuffix(".dist-info")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("marp-i18n")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def template_header(pot: polib.POFile, deck: Deck, creation_date: str) -> None:
    """Fill the POT header: deck title and SPDX lines as comments, gettext metadata."""
    title = one_line(deck.title or "") or deck.path
    lines = [f"Translations of the Marp deck {deck.path}: {title}", *map(one_line, deck.spdx)]
    pot.header = "\n".join(lines)
    pot.metadata = {
        "Project-Id-Version": title,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": creation_date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": _DEFAULT_TRANSLATOR,
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"marp-i18n {tool_version()}",
    }


def language_facts(lang: str) -> tuple[str, str]:
    """(English name, Plural-Forms) of a language from Babel's CLDR data.

    ``sv`` → ("Swedish", "nplurals=2; plural=(n != 1);"), so a new catalogue is
    right for Poedit, Weblate and msgfmt without a translator filling it in.
    """
    from babel import Locale
    from babel.messages.plurals import get_plural

    from i18n.config import is_pseudo_language

    if is_pseudo_language(lang):  # not in CLDR; English's plural rule, as the source's
        return f"Pseudo-locale {lang}", "nplurals=2; plural=(n != 1);"
    locale = Locale.parse(lang.split("@")[0])
    return locale.english_name or lang, get_plural(locale).plural_forms


def catalogue_header(
    po: polib.POFile,
    deck: Deck,
    lang: str,
    pot_metadata: dict[str, str],
    old: polib.POFile | None,
    revision_date: str,
) -> None:
    """Fill a language's PO header.

    A new catalogue gets Language, Language-Team, Plural-Forms (Babel), UTF-8 MIME
    headers and the generator. An existing one keeps what translators and their tools
    set (Last-Translator, Language-Team, X-Generator, extra fields, field order); only
    the deck facts (title, POT-Creation-Date) follow the deck. The header comment
    carries the title and the deck's SPDX lines so ``reuse lint`` passes on ``locales/``;
    comment lines translators added (their own SPDX-FileCopyrightText) are kept.
    """
    name = _language_name(lang, old)
    title = one_line(deck.title or "") or deck.path
    ours = [f"{name} translation of the Marp deck {deck.path}: {title}", *map(one_line, deck.spdx)]
    kept: list[str] = []
    if old is not None:
        for line in (old.header or "").rstrip("\n").split("\n"):
            licence = line.startswith("SPDX-License-Identifier:")
            if line and not _OURS.match(line) and not licence and line not in ours:
                kept.append(line)
    po.header = "\n".join(ours + kept)
    fresh = {
        "Project-Id-Version": title,
        "Report-Msgid-Bugs-To": pot_metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": pot_metadata.get("POT-Creation-Date", revision_date),
        "PO-Revision-Date": revision_date,
        "Last-Translator": _DEFAULT_TRANSLATOR,
        "Language-Team": name,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "",  # Babel's, filled in only where it is missing
        "X-Generator": f"marp-i18n {tool_version()}",
    }
    if old is None:
        po.metadata = {**fresh, "Plural-Forms": language_facts(lang)[1]}
        return
    metadata = dict(old.metadata)
    for key in ("Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date", "MIME-Version",
                "Content-Type", "Content-Transfer-Encoding"):  # fmt: skip
        metadata[key] = fresh[key]
    for key in ("Language", "Language-Team", "Plural-Forms", "Last-Translator", "X-Generator"):
        if not metadata.get(key) or metadata[key].startswith("LANGUAGE"):
            metadata[key] = fresh[key] or language_facts(lang)[1]
    po.metadata = metadata
    po.metadata_is_fuzzy = [flag for flag in (old.metadata_is_fuzzy or []) if flag != "fuzzy"]


def _language_name(lang: str, old: polib.POFile | None) -> str:
    """The language's English name: as the old header comment gives it when that
    catalogue is of the same language, else Babel's (whose locale data is a large part
    of a small course's update)."""
    if old is not None and old.metadata.get("Language") == lang:
        match = _OURS.match((old.header or "").split("\n")[0])
        if match and match.group(1):
            return match.group(1)
    return language_facts(lang)[0]


def catalogue_file(
    po: polib.POFile,
    deck: Deck,
    lang: str,
    pot: polib.POFile,
    old: polib.POFile | None,
    old_data: bytes | None,
    now: str,
) -> str:
    """The PO text (``update`` and ``import`` write catalogues through this).

    PO-Revision-Date says when a translation last changed: it stays as the translator
    (or their tool) left it unless this run itself changed one (a fuzzy suggestion
    filled in, a translation imported, an obsolete one taken over); new texts, moved
    texts, a new POT-Creation-Date change no translation. Last-Translator is always
    the translator's (``catalogue_header``). ``old_data`` (the old file's bytes) is no
    longer needed to decide that; it stays for the callers.
    """
    revised = now
    if old is not None and _translations(po) == _translations(old):
        revised = old.metadata.get("PO-Revision-Date", now)
    catalogue_header(po, deck, lang, pot.metadata, old, revised)
    return catalogue_text(po)


def _translations(catalogue: polib.POFile) -> set[tuple[str | None, str, str, bool]]:
    """What a translator wrote: (msgctxt, msgid, msgstr, fuzzy) of every entry with a
    translation, obsolete or not (a text that left the deck keeps its translation)."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgstr, "fuzzy" in entry.flags)
        for entry in catalogue
        if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values()))
    }
