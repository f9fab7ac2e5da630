"""What YAML said about a deck is remembered between runs (``marp_yaml.YamlAnswers``).

A deck whose front matter and directive comments did not change is segmented from the
answers kept in the cache, without importing PyYAML (issue 13: its import alone is
10 ms of a one-deck ``update``). The answers must be exactly what YAML would say, and
an answer that is not what YAML can say must never be taken.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import corpus_decks

import i18n.marp.marp_yaml as marp_yaml
from i18n.json_values import from_plain, to_plain
from i18n.marp.marp_yaml import (
    YamlAnswers,
    answers_of,
    learn,
    read_marp_yaml,
    recording,
    top_scalars,
    yaml_problem,
)
from i18n.segment import segment_deck

ROOT = Path(__file__).resolve().parent.parent
DECK = """---
marp: true
title: "Talk: part 2"
footer: Part 2: details
---

# One

<!-- _class: lead -->

Text with a note. <!-- The note: not a directive, & no YAML needed -->

---

<!-- headingDivider: 2
lang: sv -->

## Two
"""


def refuse_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every question that reaches YAML fails the test."""

    def refuse(*args: object) -> None:
        raise AssertionError(f"YAML asked about {args[0]!r}")

    for name in ("_read", "_yaml_problem", "_top_scalars"):
        monkeypatch.setattr(marp_yaml, name, refuse)


def as_cached(answers: YamlAnswers) -> YamlAnswers:
    """The answers as the cache keeps and returns them (JSON, read back by type)."""
    return from_plain(YamlAnswers, json.loads(json.dumps(to_plain(answers))))


@pytest.fixture(autouse=True)
def forget() -> None:
    marp_yaml._ANSWERS.forget()


def segmented_twice(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Segmenting from the kept answers, YAML refused, gives the very same deck."""
    with recording() as asked:
        first = segment_deck(text, "deck.md", ("title",))
    marp_yaml._ANSWERS.forget()
    learn(as_cached(answers_of(asked)))
    with monkeypatch.context() as patch:
        refuse_yaml(patch)
        again = segment_deck(text, "deck.md", ("title",))
    assert again == first


def test_a_deck_is_segmented_again_from_its_answers_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    segmented_twice(DECK, monkeypatch)


def test_every_corpus_deck_is_segmented_alike_from_its_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decks = corpus_decks()
    if not decks:
        pytest.skip("corpus not found (../shared/corpus)")
    for path in decks:
        segmented_twice(path.read_text(encoding="utf-8"), monkeypatch)


def test_answers_kept_from_a_decks_last_version_never_change_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A real edit history: each version is segmented with the answers the previous
    version left (some texts known, the edited ones not), as update runs after an
    author's commit, and comes out as a fresh segmentation does."""
    histories = ROOT.parent / "shared" / "histories"
    versions = sorted(histories.glob("*/**/[0-9][0-9][0-9].md"))
    if not versions:
        pytest.skip(f"edit histories not found at {histories}")
    by_deck: dict[Path, list[Path]] = {}
    for version in versions:
        by_deck.setdefault(version.parent, []).append(version)
    pairs = 0
    for chain in by_deck.values():
        kept: YamlAnswers = YamlAnswers()
        for version in chain:
            text = version.read_text(encoding="utf-8", errors="surrogateescape")
            marp_yaml._ANSWERS.forget()
            fresh = segment_deck(text, "deck.md", ("title",))
            marp_yaml._ANSWERS.forget()
            learn(kept)
            with recording() as asked:
                again = segment_deck(text, "deck.md", ("title",))
            assert again == fresh, version
            kept = as_cached(answers_of(asked))
            pairs += 1
    assert pairs == len(versions)


def test_answers_are_those_yaml_gives() -> None:
    texts = [
        'title: "Talk: part 2"\nfooter: Part 2: details\n',
        "headingDivider: 2\nlang: sv",
        "a: [b, {c: d}]\n",
        "- a list\n",
        "key: value\nkey: again\n",  # js-yaml refuses a repeated key
        "a: b: c",  # no YAML
        "",
    ]

    def ask() -> list[object]:
        return [
            (
                read_marp_yaml(t),
                read_marp_yaml(t, duplicates_ok=True),
                yaml_problem(t),
                top_scalars(t),
            )
            for t in texts
        ]

    with recording() as asked:
        fresh = ask()
    marp_yaml._ANSWERS.forget()
    learn(as_cached(answers_of(asked)))
    assert ask() == fresh
    repeated = fresh[4]
    assert isinstance(repeated, tuple)
    assert repeated[0] is None and repeated[1] == {"key": "again"} and repeated[2] is not None


def test_an_answer_yaml_cannot_give_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Authentic entries are trusted, but a mapping that no FAILSAFE reading makes (a
    number, a null inside) is passed over and YAML asked again."""
    text = "title: Hello\n"
    for forged in ('{"title": 1}', '{"title": null}', '["title"]', '{"title": [true]}', "{"):
        marp_yaml._ANSWERS.forget()
        learn(YamlAnswers(mappings=((text, False, forged),)))
        assert read_marp_yaml(text) == {"title": "Hello"}, forged
    marp_yaml._ANSWERS.forget()
    learn(YamlAnswers(mappings=((text, False, '{"title": ["Hi", {"a": "b"}]}'),)))
    assert read_marp_yaml(text) == {"title": ["Hi", {"a": "b"}]}  # a shape YAML can give


def test_a_caller_cannot_change_a_remembered_answer() -> None:
    first = read_marp_yaml("title: Hello\n")
    assert first is not None
    first["title"] = "changed"
    found = top_scalars("title: Hello\n")
    assert found is not None
    found.clear()
    assert read_marp_yaml("title: Hello\n") == {"title": "Hello"}
    assert [s.value for s in top_scalars("title: Hello\n") or []] == ["Hello"]


def test_an_edit_of_the_slides_updates_without_pyyaml(tmp_path: Path) -> None:
    """End to end: after one update, an edit of a slide's text (not of the front matter
    or a directive) is extracted by a process that never imports PyYAML, and the
    template is what a process that reads the YAML writes."""
    root = tmp_path / "course"
    (root / "slides").mkdir(parents=True)
    (root / "marp-i18n.toml").write_text('languages = ["sv"]\n', encoding="utf-8")
    deck = root / "slides" / "a.md"
    deck.write_text(DECK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MARP_I18N_CACHE_DIR": str(tmp_path / "c")}
    env.pop("MARP_I18N_NO_CACHE", None)
    code = (
        "import sys; from i18n.cli.main import main; code = main(['update', '-q']); "
        "print('yaml' in sys.modules); sys.exit(code)"
    )

    def update(**extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert update() == "True"  # nothing known yet
    deck.write_text(DECK.replace("Text with a note.", "Text with two notes."), encoding="utf-8")
    assert update() == "False"
    template = (root / "locales" / "a.pot").read_bytes()
    assert b"Text with two notes." in template
    (root / "locales" / "a.pot").unlink()
    assert update(MARP_I18N_NO_CACHE="1") == "True"
    assert (root / "locales" / "a.pot").read_bytes() == template
