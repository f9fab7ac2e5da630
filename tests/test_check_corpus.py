"""``check`` over the real corpus, two languages: counts as pocount's, no false alarms.

The catalogues are built here with the library (segment, POT, PO): ``sv`` pseudo-
translated everywhere (every piece of markup kept, so no check may fail but the
whitespace one where a source value starts with a space), ``de`` half translated with
fuzzy entries. Timing is not asserted here: ``tools/bench_check.py`` measures it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS
from pseudo import pseudo
from translate.tools.pocount import calcstats

from i18n.catalogue.extract import deck_template
from i18n.catalogue.pofile import catalogue_text
from i18n.check import check_course, read_settings
from i18n.config import Config
from i18n.files import find_decks, read_deck
from i18n.segment import segment_deck


def write_catalogues(locales: Path) -> int:
    decks, _ = find_decks(CORPUS)
    for number, deck_file in enumerate(decks):
        deck = segment_deck(read_deck(deck_file.path), deck_file.name)
        units = {u.msgid: u for u in deck.units}
        for lang in ("sv", "de"):
            po = deck_template(deck, deck_file.name)
            po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
            for index, entry in enumerate(po):
                if lang == "sv" or (index + number) % 2:
                    entry.msgstr = pseudo(units[entry.msgid])
                    if lang == "de" and index % 5 == 1:
                        entry.flags.append("fuzzy")
            path = locales / lang / Path(deck_file.name).with_suffix(".po")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(catalogue_text(po), encoding="utf-8")
    return len(decks)


@pytest.mark.corpus
def test_check_on_the_corpus(corpus: list[Path], tmp_path: Path) -> None:
    count = write_catalogues(tmp_path / "locales")
    config = Config(
        root=tmp_path, languages=("sv", "de"), slides=CORPUS, locales=tmp_path / "locales"
    )
    report = check_course(config, read_settings({"min": 0}))
    assert report.errors == []
    assert len(report.catalogues) == 2 * count
    for status in report.catalogues:
        stats = calcstats(status.path)
        assert (
            status.messages.translated,
            status.messages.fuzzy,
            status.messages.untranslated,
        ) == (stats["translated"], stats["fuzzy"], stats["untranslated"]), status.path
        assert (status.words.translated, status.words.fuzzy, status.words.untranslated) == (
            stats["translatedsourcewords"],
            stats["fuzzysourcewords"],
            stats["untranslatedsourcewords"],
        ), status.path
        assert not status.stale
    assert {f.check for f in report.findings} == {"whitespace"}  # sv, and de where translated
    assert all(f.msgid.startswith(" ") for f in report.findings)
