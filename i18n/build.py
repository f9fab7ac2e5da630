"""Build one language: every deck assembled with its catalogue, written to build/<lang>/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from i18n.assemble import assemble
from i18n.catalogue.pofile import entry_lines, read_catalogue, translations
from i18n.config import Config
from i18n.errors import I18nError
from i18n.files import find_decks, read_deck, read_text, write_atomic
from i18n.segment import segment_deck


@dataclass
class BuildReport:
    """What a build did, for the CLI to print: lines for stdout, messages for stderr."""

    written: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    failed: bool = False


def catalogue_path(config: Config, lang: str, deck_name: str) -> Path:
    return config.locales / lang / Path(deck_name).with_suffix(".po")


def build_language(config: Config, lang: str, *, set_lang: bool, strict: bool) -> BuildReport:
    """Build every deck for ``lang``; a bad deck or catalogue is reported and skipped."""
    report = BuildReport()
    decks, skipped = find_decks(config.slides)
    report.messages.extend(skipped)
    out_dir = config.build / lang
    for deck_file in decks:
        po_path = catalogue_path(config, lang, deck_file.name)
        try:
            deck = segment_deck(read_deck(deck_file.path), deck_file.name, config.translatable_keys)
            found: dict[str, str] = {}
            lines: dict[str, int] = {}
            data = read_text(po_path) if lang != config.source_language else None
            if data is not None:
                catalogue = read_catalogue(_decode_po(data, po_path), str(po_path))
                found, lines = translations(catalogue), entry_lines(catalogue)
            elif lang != config.source_language:
                report.messages.append(f"{po_path}: warning: no catalogue; the source text is used")
        except I18nError as exc:
            report.messages.append(str(exc))
            report.failed = True
            continue
        report.messages.extend(str(w) for w in deck.warnings)
        built = assemble(
            deck,
            found,
            lang if set_lang else None,
            lambda msgid, p=po_path, ln=lines: (str(p), ln.get(msgid)),
        )
        report.messages.extend(str(r) for r in built.refused)
        if strict and built.refused:
            report.failed = True
            continue
        target = out_dir / deck_file.name
        write_atomic(target, built.text)
        report.written.append(f"{target}")
    return report


def _decode_po(data: bytes, path: Path) -> str:
    """PO files are read as UTF-8, the charset every catalogue of this tool declares.

    Raises:
        I18nError: the bytes are not UTF-8.
    """
    from i18n.errors import CatalogueError

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogueError(
            str(path), line, "not UTF-8", "save the catalogue as UTF-8 (charset=UTF-8)"
        ) from None
