"""The seven ways issue 12 found a translation can change what the real Marp builds
without being refused, each as a small deck through ``assemble`` (one through the
``build --strict`` and ``check`` commands).

Each case is checked twice: the translation laid into the deck *without* the guard
must change what Marp builds (so the case is a real attack, asked of the real Marp when
Node is there), and through ``assemble`` it must be refused, naming the PO file and
line, with the built deck's structure the source's. Where the segmenter keeps the
attacked syntax out of the msgid altogether, no translation can reach it: that passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from conftest import Cli
from marp import MarpServer, comparable, difference, marp_available

from i18n.assemble import Built, assemble, render
from i18n.catalogue.pofile import catalogue_text
from i18n.cli.main import main
from i18n.model import Deck
from i18n.pseudo import pseudo_translate
from i18n.segment import segment_deck
from i18n.source import line_start

PO = "locales/sv/deck.po"
LINE = 42
"""The PO line ``locate`` gives for the attacked msgid: a refusal must name it."""


@pytest.fixture(scope="module")
def marp() -> Iterator[MarpServer | None]:
    """Marp when it can be asked; the refusal checks run without it."""
    if marp_available() is not None:
        yield None
        return
    with MarpServer() as server:
        yield server


def unguarded(deck: Deck, translations: dict[str, str]) -> str:
    """The deck with the translations laid in as ``assemble`` lays them, guard skipped."""
    out, pos = [], 0
    for unit in deck.units:
        if unit.msgid in translations:
            column = unit.start - line_start(deck.text, unit.start)
            out += [deck.text[pos : unit.start], render(unit, translations[unit.msgid], column)]
            pos = unit.end
    return "".join([*out, deck.text[pos:]])


def built_with(deck: Deck, msgid: str, translation: str) -> Built:
    return assemble(deck, {msgid: translation}, "sv", lambda m: (PO, LINE if m == msgid else 1))


def assert_guarded(
    marp: MarpServer | None, text: str, find: str, translate: dict[str, str]
) -> None:
    """The unit whose msgid contains ``find``, translated by replacing each key of
    ``translate`` with its value: refused at PO:LINE, the built deck Marp's source."""
    deck = segment_deck(text, "deck.md")
    units = [u for u in deck.units if find in u.msgid]
    if not units:
        return  # the segmenter keeps it out of every msgid: no translation reaches it
    msgid = units[0].msgid
    translation = msgid
    for old, new in translate.items():
        translation = translation.replace(old, new)
    assert translation != msgid, (msgid, translate)
    if marp is not None:
        raw = unguarded(deck, {msgid: translation})
        before, after = marp.structures([text, raw])
        assert difference(comparable(before), comparable(after)) is not None, (
            f"not an attack: Marp builds the same deck from\n{raw}"
        )
    built = built_with(deck, msgid, translation)
    assert [(r.path, r.line) for r in built.refused] == [(PO, LINE)], (
        f"not refused: {translation!r}\n--- built ---\n{built.text}"
    )
    assert str(built.refused[0]).startswith(f"{PO}:{LINE}: translation refused")
    if marp is not None:
        before, after = marp.structures([text, built.text])
        assert difference(comparable(before), comparable(after)) is None


# --- 1. reference links and images ---------------------------------------------------

REFERENCES = """\
# Logos

[logo]: https://example.com/x.png

GitHub Logo:![logo]

Home: [![][logo]](https://github.com/)

see [GitHub][]

[GitHub]: https://github.com/
"""


@pytest.mark.parametrize(
    ("find", "translate"),
    [
        ("GitHub Logo", {"GitHub Logo:![logo]": "GitHub-logotyp:![logotyp]"}),
        ("Home:", {"Home:": "Hem:", "[logo]": "[logotyp]"}),
        ("see [GitHub][]", {"see [GitHub][]": "se [GitHubs sida][]"}),
    ],
    ids=["shortcut-image", "collapsed-image-in-link", "collapsed-link"],
)
def test_1_a_translated_reference_label_is_refused(
    marp: MarpServer | None, find: str, translate: dict[str, str]
) -> None:
    assert_guarded(marp, REFERENCES, find, translate)


# --- 2. image keywords anywhere in the alt text --------------------------------------

KEYWORDS = """\
# Marp

![Marp bg 60%](marp.png)

Text ![Marp w:200px](marp.png) more

Filters: ![Marp logo fit](logo.png) ![Marp sepia:50% blur](blur.png)
"""


@pytest.mark.parametrize(
    ("find", "translate"),
    [
        ("bg 60%", {"Marp": "Marp-logo", "60%": "(60%)"}),
        ("w:200px", {"Marp": "Marps", "w:200px": "w:200px,"}),
        ("sepia:50%", {"sepia:50% blur": "sepia:50%. blur."}),
    ],
    ids=["bg-size", "width", "filters"],
)
def test_2_punctuation_glued_to_an_image_keyword_is_refused(
    marp: MarpServer | None, find: str, translate: dict[str, str]
) -> None:
    assert_guarded(marp, KEYWORDS, find, translate)


# --- 3. front matter Marp cannot parse -----------------------------------------------


@pytest.mark.parametrize(
    "front", ['title: "Unterminated\n', "title: [unclosed\n"], ids=["quote", "flow"]
)
def test_3_front_matter_marp_ignores_is_passed_through(marp: MarpServer | None, front: str) -> None:
    text = f"---\n{front}---\n\n# Hello\n\nSome text\n"
    head = f"---\n{front}---\n"
    deck = segment_deck(text, "deck.md")
    assert len(deck.warnings) == 1 and "\n" not in str(deck.warnings[0]), deck.warnings
    assert [u.kind for u in deck.units] == ["heading", "paragraph"]
    built = assemble(deck, {u.msgid: pseudo_translate(u.msgid) for u in deck.units}, "sv")
    assert built.refused == ()
    assert built.text.startswith(head) and "Ħḗḗŀŀǿǿ" in built.text
    if marp is not None:
        before, after = marp.structures([text, built.text])
        assert "title" not in before["global"]  # Marp ignored it, and rendered the deck
        assert difference(comparable(before), comparable(after)) is None
        assert after["global"].get("lang") == "sv"


# --- 4. a speaker note that becomes a directive --------------------------------------

NOTE = "# Notes\n\n<!-- Speaker note text here -->\n\nBody\n"


@pytest.mark.parametrize(
    "translation",
    [
        "style:\nsection{display:none}",
        "_class:\ninvert",
        "_class:\u00a0invert",
        "paginate:\ttrue\nand more",
    ],
    ids=["style-newline", "class-newline", "class-nbsp", "paginate-tab"],
)
def test_4_a_note_that_folds_into_a_directive_is_refused(
    marp: MarpServer | None, translation: str
) -> None:
    assert_guarded(marp, NOTE, "Speaker note", {"Speaker note text here": translation})


# --- 5. a translation that adds a link reference definition --------------------------

DEFINITIONS = """\
# Docs

Intro paragraph.

Read [the docs][docs].

[docs]: https://example.com/docs

- item one

![bg][e]
"""


@pytest.mark.parametrize(
    ("find", "translate"),
    [
        ("Intro", {"Intro paragraph.": "[docs]: https://evil.example/\nInledning."}),
        ("item one", {"item one": "[e]: https://evil.example/e.jpg\npunkt ett"}),
    ],
    ids=["redefines-a-link", "supplies-a-background"],
)
def test_5_a_translation_that_adds_a_definition_is_refused(
    marp: MarpServer | None, find: str, translate: dict[str, str]
) -> None:
    assert_guarded(marp, DEFINITIONS, find, translate)


# --- 6. $$ that opens display math to the end of the deck -----------------------------

MATH = "# Math\n\nPrice: 5 dollars\n\n---\n\n# Next\n\nMore text\n"


@pytest.mark.parametrize(
    "translation", ["$$ Pris: 5 dollar", "Pris:\n$$ 5 dollar"], ids=["first-line", "second-line"]
)
def test_6_an_unclosed_display_math_is_refused(marp: MarpServer | None, translation: str) -> None:
    assert_guarded(marp, MATH, "Price", {"Price: 5 dollars": translation})


# --- 7. keywords that hide or shrink an image ----------------------------------------

HIDDEN = "# Logo\n\nLogo: ![Company logo](logo.png)\n"


@pytest.mark.parametrize(
    "keywords", ["opacity:0", "w:1px", "h:1", "blur:50px brightness:0"], ids=str
)
def test_7_keywords_added_to_alt_text_are_refused(marp: MarpServer | None, keywords: str) -> None:
    assert_guarded(marp, HIDDEN, "Company", {"Company logo": f"Företagslogga {keywords}"})


# --- through the commands ------------------------------------------------------------

CLI_DECK = "# Logos\n\n[logo]: https://example.com/x.png\n\nGitHub Logo:![logo]\n"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "deck.md").write_text(CLI_DECK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nlanguages = ["sv"]\n', encoding="utf-8"
    )
    return tmp_path


def translated_label(course: Path) -> int:
    """Extract the deck, translate its label in locales/sv/deck.po; the entry's line."""
    assert main(["extract"]) == 0
    po = polib.pofile(str(course / "locales" / "deck.pot"))
    po.metadata = {"Language": "sv", "Content-Type": "text/plain; charset=UTF-8"}
    po.find("Logos").msgstr = "Logotyper"
    po.find("GitHub Logo:![logo]").msgstr = "GitHub-logotyp:![logotyp]"
    target = course / "locales" / "sv" / "deck.po"
    target.parent.mkdir(parents=True)
    target.write_text(catalogue_text(po), encoding="utf-8")
    line: int = polib.pofile(str(target)).find("GitHub Logo:![logo]").linenum
    return line


def test_build_strict_names_the_po_line_of_a_translated_label(course: Path, cli: Cli) -> None:
    line = translated_label(course)
    code, _, err = cli("build", "--lang", "sv", "--strict")
    assert code == 2, err
    assert f"locales/sv/deck.po:{line}: translation refused" in err


def test_check_names_the_po_line_of_a_translated_label(course: Path, cli: Cli) -> None:
    line = translated_label(course)
    code, out, err = cli("check", "--no-color")
    assert code == 1, out + err
    assert f"locales/sv/deck.po:{line}:" in out


def test_the_helper_lays_translations_in_as_assemble_does() -> None:
    """``unguarded`` is the deck ``assemble`` writes when nothing is refused."""
    deck = segment_deck(REFERENCES + "\n<!-- a note\n   on two lines -->\n", "deck.md")
    translations = {u.msgid: pseudo_translate(u.msgid) for u in deck.units}
    kept = {m: t for m, t in translations.items() if "[" not in m}  # today's refusals aside
    assert unguarded(deck, kept) == assemble(deck, kept).text != deck.text
