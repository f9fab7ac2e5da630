"""The guard against the real Marp (issue 12): a built deck is what Marp builds from
its source, modulo text, or the guard said which translations it refused.

The property is differential: marp-core (configured as marp-cli configures it, see
``tools/marp_structure.mjs --full``) reads the source deck and the built deck, and
everything a translation must not change (blocks, images and their keywords, links,
raw HTML, math, code, directives, notes, each slide's class and style) must match.
Where it does not, the guard must have refused something, and the deck rebuilt with
the refused units' source text must match. Zero decks may differ with the guard silent.

Each Hypothesis run records every failing deck instead of stopping at the first one,
so the failure message counts them and shows the smallest; one Node process answers
the whole run (``MarpServer``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import pytest
from conftest import CORPUS, corpus_decks
from hypothesis import given, settings
from marp import MarpServer, comparable, difference
from strategies_decks import TRANSLATIONS, decks, translate_deck

from i18n.errors import DeckError
from i18n.pseudo import pseudo_parser
from i18n.segment import segment_deck

pytestmark = pytest.mark.marp


def _unguarded(source: str, translation: str, marp: MarpServer) -> str | None:
    """Why Marp sees a different deck that the guard did not refuse, or None."""
    deck = segment_deck(source, "deck.md")
    attempt = translate_deck(deck, TRANSLATIONS[translation], pseudo_parser())
    before, built, rebuilt = marp.structures([source, attempt.built.text, attempt.rebuilt])
    seen = difference(comparable(before, links=False), comparable(built, links=False))
    if seen is None:
        return None
    if attempt.refused:
        again = difference(comparable(before, links=False), comparable(rebuilt, links=False))
        if again is None:
            return None
        return f"refused {len(attempt.refused)} unit(s), yet the rebuilt deck differs: {again}"
    return f"{seen}\n--- built ---\n{attempt.built.text}"


def _run(translation: str, marp: MarpServer) -> tuple[int, list[tuple[str, str]]]:
    """Every generated deck through ``_unguarded``; (decks tried, failures)."""
    failures: list[tuple[str, str]] = []
    tried = [0]

    # A third of the profile's budget: each example is a whole deck of up to six slides
    # built twice (translated, and rebuilt without the refused units).
    @settings(database=None, max_examples=max(1, settings().max_examples // 3))
    @given(decks())
    def each(source: str) -> None:
        tried[0] += 1
        try:
            found = _unguarded(source, translation, marp)
        except DeckError:
            return  # not a deck Marp-readable by our segmenter's rules: nothing built
        if found is not None:
            failures.append((source, found))

    each()
    return tried[0], failures


def _report(tried: int, failures: list[tuple[str, str]]) -> str:
    """How many decks failed, by kind of difference, and the smallest failing deck."""
    kinds = Counter(re.sub(r"(slide|block) \d+ ?", "", f.split("\n")[0])[:100] for _, f in failures)
    source, found = min(failures, key=lambda f: len(f[0]))
    return (
        f"{len(failures)} of {tried} decks: Marp saw a difference the guard did not refuse:\n"
        + "".join(f"{n:5} {kind}\n" for kind, n in kinds.most_common())
        + f"the smallest:\n--- source ---\n{source}\n--- difference ---\n{found}"
    )


def test_pseudo_translated_decks_have_the_source_structure_or_were_refused(
    marp: MarpServer,
) -> None:
    tried, failures = _run("pseudo", marp)
    assert not failures, _report(tried, failures)


def test_hostile_translated_decks_have_the_source_structure_or_were_refused(
    marp: MarpServer,
) -> None:
    tried, failures = _run("hostile", marp)
    assert not failures, _report(tried, failures)


def test_the_comparison_sees_what_a_translation_may_not_change(marp: MarpServer) -> None:
    """The harness can fail: each edit below changes one thing Marp builds, not text."""
    source = (
        "# Title $x$\n\n[logo]: https://example.com/l.png\n\n"
        "Text ![logo] and [docs](https://example.com/d) `c`\n\n"
        "![Marp w:200px](m.png)\n\n<!-- note -->\n"
    )
    edits = {
        "heading level": ("# Title", "## Title"),
        "image lost": ("![logo]", "![logotyp]"),
        "keyword": ("w:200px", "w:200px)"),
        "link target": ("example.com/d", "evil.example/d"),
        "math": ("$x$", "x"),
        "code": ("`c`", "`d`"),
        "note": ("<!-- note -->", "note"),
        "class": ("<!-- note -->", "<!-- _class: invert -->"),
    }
    found = marp.structures([source, *(source.replace(a, b, 1) for a, b in edits.values())])
    base = comparable(found[0])
    for name, other in zip(edits, found[1:], strict=True):
        assert difference(base, comparable(other)) is not None, name
    words_only = source.replace("Title", "Titel").replace("Text", "Texte").replace("note", "not")
    assert difference(base, comparable(marp.structures([words_only])[0])) is None


@functools.cache
def _corpus_differences(translation: str, marp: MarpServer) -> tuple[list[str], list[str]]:
    """Corpus decks whose built deck Marp sees differently without a (sufficient)
    refusal, and decks where a link target changed (a ``check`` finding). Cached: two
    tests read the pseudo-locale's run."""
    decks_ = corpus_decks()
    if not decks_:
        pytest.skip("corpus not found at ../shared/corpus")
    md = pseudo_parser()
    texts: list[str] = []
    refused: list[bool] = []
    for path in decks_:
        text = path.read_bytes().decode("utf-8")
        attempt = translate_deck(segment_deck(text, path.name), TRANSLATIONS[translation], md)
        texts.extend([text, attempt.built.text, attempt.rebuilt])
        refused.append(bool(attempt.refused))
    found = marp.structures(texts)
    unguarded, links = [], []
    for i, path in enumerate(decks_):
        source, built, rebuilt = found[3 * i : 3 * i + 3]
        name = path.relative_to(CORPUS)
        before = comparable(source, links=False)
        seen = difference(before, comparable(built, links=False))
        if seen is not None and not (
            refused[i] and difference(before, comparable(rebuilt, links=False)) is None
        ):
            unguarded.append(f"{name}: {seen}")
        moved = difference(comparable(source), comparable(built))
        if seen is None and moved is not None:
            links.append(f"{name}: {moved}")
    return unguarded, links


@pytest.mark.corpus
def test_pseudo_corpus_builds_have_the_source_structure_in_marp(marp: MarpServer) -> None:
    bad, _ = _corpus_differences("pseudo", marp)
    assert not bad, f"{len(bad)} decks:\n" + "\n".join(bad)


@pytest.mark.corpus
def test_hostile_corpus_builds_have_the_source_structure_in_marp(marp: MarpServer) -> None:
    bad, _ = _corpus_differences("hostile", marp)
    assert not bad, f"{len(bad)} decks:\n" + "\n".join(bad)


@pytest.mark.corpus
def test_pseudo_corpus_builds_keep_every_link_target(marp: MarpServer) -> None:
    _, moved = _corpus_differences("pseudo", marp)
    assert not moved, f"{len(moved)} decks:\n" + "\n".join(moved)
