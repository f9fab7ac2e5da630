"""``check`` over the real corpus, two languages: counts as pocount's, no false alarms.

The catalogues are built here with the library (segment, POT, PO): ``sv`` pseudo-
translated everywhere (every piece of markup kept, so no check may fail but the
whitespace one where a source value starts with a space), ``de`` half translated with
fuzzy entries. Timing is not asserted here: ``tools/bench_check.py`` measures it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from translate.tools.pocount import calcstats

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from bench_check import write_catalogues

from i18n.check import check_course, read_settings
from i18n.config import Config


@pytest.mark.corpus
def test_check_on_the_corpus(corpus: list[Path], tmp_path: Path) -> None:
    count = write_catalogues(CORPUS, tmp_path / "locales")
    config = Config(
        root=tmp_path, languages=("sv", "de"), slides=CORPUS, locales=tmp_path / "locales"
    )
    # a pseudo-translation is no Swedish or German a dictionary knows
    report = check_course(config, read_settings({"min": 0, "disable": ["spelling"]}))
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
    # sv, and de where translated; two decks repeat an SPDX key, so Marp ignores their
    # front matter (a warning, once per deck)
    assert {f.check for f in report.findings} == {
        "whitespace",
        "front-matter-ignored",
        "consistency",
    }
    # the pseudo-translation of a heading differs from a note's: the same text, two ways
    consistent = {f.msgid for f in report.findings if f.check == "consistency"}
    assert consistent == {"Thanks for listening!"}
    ignored = [f for f in report.findings if f.check == "front-matter-ignored"]
    assert len(ignored) == 2 and all(f.severity == "warning" for f in ignored)
    assert all(f.msgid.startswith(" ") for f in report.findings if f.check == "whitespace")
