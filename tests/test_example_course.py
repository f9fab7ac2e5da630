"""The example course: the Swedish catalogue is complete and builds and renders like
the English source, as the real Marp sees it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLE, ROOT
from marp import marp_available, marp_structures

from i18n.build import build_language
from i18n.config import load_config
from i18n.errors import TranslationRefused
from i18n.render import render
from i18n.segment import segment_deck

SV = ROOT / "locales" / "sv" / "12-confidential_hw_virt.po"


def test_swedish_catalogue_is_complete_and_current() -> None:
    po = polib.pofile(str(SV))
    deck = segment_deck(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)
    live = [e for e in po if not e.obsolete]
    assert {e.msgid for e in live} == {u.msgid for u in deck.units}
    assert po.percent_translated() == 100
    assert [e.msgid for e in live if "fuzzy" in e.flags] == []
    assert po.metadata["Language"] == "sv"
    # A real translation, not a copy: only names may stay as they are.
    same = [e.msgid for e in live if e.msgstr == e.msgid]
    assert len(same) <= 2, same


@pytest.fixture
def built(tmp_path: Path) -> Path:
    config = load_config(ROOT / "pyproject.toml")
    config = config.with_options(build=tmp_path)
    for lang in ("en", "sv"):
        report = build_language(config, lang, set_lang=True, strict=True)
        assert not report.failed, report.messages
        assert not [m for m in report.messages if isinstance(m, TranslationRefused)]
    return tmp_path


def _without_translated_keys(structure: dict[str, object]) -> list[object]:
    slides = structure["slides"]
    assert isinstance(slides, list)
    return [
        (
            {k: v for k, v in s["directives"].items() if k not in ("title", "description", "lang")},
            s["backgrounds"],
            s["notes"],
        )
        for s in slides
    ]


@pytest.mark.marp
def test_swedish_deck_has_the_source_structure(built: Path) -> None:
    reason = marp_available()
    if reason:
        pytest.skip(reason)
    sv = built / "sv" / EXAMPLE.name
    structures = marp_structures([EXAMPLE, sv])
    source, swedish = structures[str(EXAMPLE)], structures[str(sv)]
    assert _without_translated_keys(swedish) == _without_translated_keys(source)
    assert swedish["global"]["lang"] == "sv"
    assert len(swedish["slides"]) == 9
    text = sv.read_text(encoding="utf-8")
    assert "# Konfidentiell databehandling" in text
    assert text.count("%ATTRIBUTION_PREFIX%") == EXAMPLE.read_text().count("%ATTRIBUTION_PREFIX%")


@pytest.mark.marp
def test_render_gives_one_html_per_language_with_the_source_slide_count(built: Path) -> None:
    reason = marp_available()
    if reason:
        pytest.skip(reason)
    marp = ROOT / "node_modules" / ".bin" / "marp"
    results = render(built, ["en", "sv"], marp=marp, chromium=None, env=dict(os.environ))
    assert [r.ok for r in results] == [True, True]
    for lang in ("en", "sv"):
        html = (built / lang / "html" / EXAMPLE.with_suffix(".html").name).read_text()
        assert len(re.findall(r"<svg data-marpit-svg", html)) == 9  # one per slide
        assert f'lang="{lang}"' in html
