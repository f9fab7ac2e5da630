"""``structure``: check reports exactly the refusals the build makes, at the same PO lines.

Both run ``assemble`` (the unit rules, then the whole deck verified against its
source); these tests hold the two outputs to each other on planted catalogues and on
the real corpus under a hostile translation, so a future shortcut in either cannot
drift unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n.build import build_language
from i18n.catalogue.extract import deck_template
from i18n.catalogue.pofile import catalogue_text
from i18n.check import check_course, check_translation, read_settings
from i18n.config import Config
from i18n.errors import TranslationRefused
from i18n.files import read_deck
from i18n.model import Layout, Unit
from i18n.segment import segment_deck


def unit(kind: str, msgid: str, line: int = 2) -> Unit:
    layout = Layout(table=kind == "table cell")
    return Unit(0, len(msgid), msgid, kind, 1, line, layout)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "source", "translation", "refused"),
    [
        ("paragraph", "Plain words here", "Enkla ord här", False),
        ("paragraph", "See [docs](https://a.example/)", "Se [dok](https://a.example/)", False),
        ("speaker note", "Remember to breathe", "Kom ihåg att andas", False),
        ("speaker note", "Remember to breathe", "theme: gaia", True),
        ("speaker note", "Remember to breathe", "_class:\ninvert", True),
        ("paragraph", "Plain words here", "Enkla <b>ord</b>", True),
        ("paragraph", "Plain words here", "# Enkla ord", True),
        ("paragraph", "Plain words here", "Enkla ![ord](x.png)", True),
        ("table cell", "Memory encryption", "Minnes | kryptering", True),
        ("heading", "Confidential computing", "Konfidentiell\nberäkning", True),
        ("image alt text", "A cat", "En katt 60%", True),
    ],
)
def test_one_entry_alone(kind: str, source: str, translation: str, refused: bool) -> None:
    found = dict(check_translation(unit(kind, source), translation))
    assert bool({"structure", "injection"} & set(found)) is refused, found  # injection: worse


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("Hej där", None),
        ('Hej "där"\nnu', None),
    ],
)
def test_a_quoted_front_matter_value_takes_any_text(translation: str, problem: str | None) -> None:
    deck = segment_deck('---\ntitle: "Hello there"\n---\n\n# Hi\n', "x.md")
    found = dict(check_translation(deck.units[0], translation, deck=deck))
    assert found.get("structure") == problem


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("Ett enkelt värde", None),
        ("Hej\nda", "the front matter would no longer be valid YAML"),
        ("{a}", "YAML reads the value of description differently; avoid line breaks and quotes"),
    ],
)
def test_a_plain_front_matter_value_is_judged_in_its_yaml(
    translation: str, problem: str | None
) -> None:
    deck = segment_deck("---\ndescription: A plain value\n---\n\n# Hi\n", "x.md")
    described = next(u for u in deck.units if u.key == "description")
    found = dict(check_translation(described, translation, deck=deck))
    expected = None if problem is None else f"the build refuses this translation: {problem}"
    assert found.get("structure") == expected


def _hostile(msgid: str, number: int) -> str:
    """Translations that a unit read alone may let through but its deck may not."""
    variants = [
        "[ref]: https://evil.example/\n" + msgid,
        msgid.replace("[", "![", 1),
        msgid + " $$",
        msgid.replace("](", "] (", 1),
        "Ŧ " + msgid,
    ]
    return variants[number % len(variants)]


def _course(tmp_path: Path, decks: list[Path]) -> Config:
    slides, locales = tmp_path / "slides", tmp_path / "locales" / "sv"
    slides.mkdir()
    locales.mkdir(parents=True)
    for number, path in enumerate(decks):
        text = read_deck(path)
        name = f"{number:03d}.md"
        (slides / name).write_text(text, encoding="utf-8", newline="")
        deck = segment_deck(text, name)
        catalogue = deck_template(deck, "2026-01-01 00:00+0000")
        for entry in catalogue:
            if entry.msgid:
                entry.msgstr = _hostile(entry.msgid, len(entry.msgid) + number)
        (locales / f"{number:03d}.po").write_text(catalogue_text(catalogue), encoding="utf-8")
    return Config(root=tmp_path, languages=("sv",))


def test_check_and_build_refuse_the_same_entries_on_the_corpus(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = _course(tmp_path, corpus[::4])  # a quarter of it: a minute on CI's 2 cores
    built = build_language(config, "sv", set_lang=True, strict=False)
    refused = {f"{m.path}:{m.line}" for m in built.messages if isinstance(m, TranslationRefused)}
    report = check_course(config, read_settings({}))
    found = {f"{f.path}:{f.line}" for f in report.findings if f.check == "structure"}
    assert len(refused) > 100  # the hostile translation is refused often
    assert found == refused
