"""The promises of the core issue, on all 218 real decks of ../shared/corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS
from marp import marp_available, marp_structures
from strategies import pseudo_translate

from i18n.assemble import assemble
from i18n.errors import DeckError
from i18n.segment import segment_deck

pytestmark = pytest.mark.corpus


def _decks(corpus: list[Path]) -> list[tuple[Path, str]]:
    return [(path, path.read_bytes().decode("utf-8")) for path in corpus]


def test_no_translation_reproduces_every_deck(corpus: list[Path]) -> None:
    for path, text in _decks(corpus):
        deck = segment_deck(text, path.name)
        assert assemble(deck, {}).text == text, path


def test_msgen_catalogue_reproduces_every_deck(corpus: list[Path]) -> None:
    for path, text in _decks(corpus):
        deck = segment_deck(text, path.name)
        built = assemble(deck, {u.msgid: u.msgid for u in deck.units})
        assert built.text == text, path


_NEVER = [
    re.compile(r"^SPDX-", re.MULTILINE),
    re.compile(r"<!--|-->"),
    re.compile(r"^_?(footer|header|class|paginate|backgroundColor|color)\s*:", re.MULTILINE),
    re.compile(r"!\[bg\b"),
    re.compile(r"^\s*(```|~~~)", re.MULTILINE),
    re.compile(r"^\$\$", re.MULTILINE),
    re.compile(r"^\s*<style", re.MULTILINE),
    re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$"),  # a line holding only an image
    re.compile(r"^\s*https?://\S+\s*$"),  # a line holding only a URL
]


def test_never_offered_items_stay_out_of_every_template(corpus: list[Path]) -> None:
    offered = 0
    for path, text in _decks(corpus):
        deck = segment_deck(text, path.name)
        for unit in deck.units:
            offered += 1
            for pattern in _NEVER:
                assert not pattern.search(unit.msgid), (path, unit.line, pattern, unit.msgid)
            if unit.kind == "front matter":
                assert unit.key in ("title", "description")
    assert offered > 5000  # the corpus is full of text: a segmenter offering nothing fails


def test_every_deck_segments_without_warnings_or_errors(corpus: list[Path]) -> None:
    problems = []
    for path, text in _decks(corpus):
        try:
            deck = segment_deck(text, path.name)
        except DeckError as exc:  # pragma: no cover - reported below
            problems.append(str(exc))
            continue
        problems.extend(str(w) for w in deck.warnings)
    # Two corpus decks repeat SPDX-FileCopyrightText, which makes Marp ignore their front
    # matter: a real finding, reported as a warning. Nothing else may be reported.
    assert [p for p in problems if "repeats the key" not in p] == []
    assert sum("repeats the key" in p for p in problems) == 2


def _comparable(structure: dict[str, object]) -> object:
    """Marp's structure minus what translation may change (title, description, lang)."""
    slides = structure.get("slides")
    assert isinstance(slides, list), structure
    keep = []
    for slide in slides:
        directives = {
            k: v
            for k, v in slide["directives"].items()
            if k not in ("title", "description", "lang")
        }
        keep.append((directives, slide["backgrounds"], slide["notes"]))
    return keep


@pytest.mark.marp
def test_pseudo_translated_builds_keep_marp_structure(corpus: list[Path], tmp_path: Path) -> None:
    reason = marp_available()
    if reason:
        pytest.skip(reason)
    sources: list[Path] = []
    built_paths: list[Path] = []
    refused: list[str] = []
    for i, (path, text) in enumerate(_decks(corpus)):
        deck = segment_deck(text, path.name)
        built = assemble(
            deck, {u.msgid: pseudo_translate(u.msgid, u.kind) for u in deck.units}, lang="sv"
        )
        refused.extend(str(r) for r in built.refused)
        target = tmp_path / f"{i:03d}-{path.name}"
        target.write_text(built.text, encoding="utf-8", newline="")
        assert built.text != text
        sources.append(path)
        built_paths.append(target)
    assert refused == []
    structures = marp_structures(sources + built_paths)
    for source, target in zip(sources, built_paths, strict=True):
        before, after = structures[str(source)], structures[str(target)]
        assert "error" not in before and "error" not in after, (source, before, after)
        assert _comparable(after) == _comparable(before), source
        assert after["global"].get("lang") == "sv", source


def test_corpus_is_where_the_tests_expect_it() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    assert len(list(CORPUS.rglob("*.md"))) >= 218
