"""``marp-i18n pseudo``: the pseudo-translation of a msgid, its catalogue, the command.

The promise: only the letters of prose change (accented, about 35 % more of them,
``⟦ ⟧`` around), so a pseudo deck has its source's structure. Checked per construct
(tests/fixtures/pseudo/msgids.txt), on a deck of every Marp construct, as a Hypothesis
property over generated decks, end to end through the command on a copy of the example
course, and against the real Marp on the example course and a sample of the corpus.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import pytest
from conftest import EXAMPLE, ROOT, Cli, corpus_decks
from dotted import read_dotted
from hypothesis import example, given
from marp import marp_available, marp_structures
from strategies import INLINE, WORDS, any_texts, marp_decks
from test_properties import fingerprint, shape

from i18n.assemble import assemble
from i18n.catalogue.header import language_facts
from i18n.config import validate_language
from i18n.errors import ConfigError, DeckError
from i18n.guard import guard_unit
from i18n.marp.image_options import is_background
from i18n.marp.marp_yaml import read_marp_yaml
from i18n.marp.parser import marp_parser
from i18n.model import Deck, Unit
from i18n.pseudo import CLOSE, GENERATED, OPEN, pseudo_catalogue, pseudo_parser, pseudo_translate
from i18n.segment import DEFAULT_KEYS, segment_deck
from i18n.segment.inline import inline_children, walk

FIXTURES = Path(__file__).parent / "fixtures" / "pseudo"
DECK = FIXTURES / "deck.md"
KEYS = ("title", "description", "header", "footer")
"""Front-matter keys offered in the fixture deck: the defaults and Marp's header/footer."""
MD = pseudo_parser()
PLAIN = marp_parser(front_matter=False)
MARP_CLI = ROOT / "node_modules" / ".bin" / "marp"
_PROSE_ONLY = [w for w in WORDS if w.isascii() and w.isalpha() and not any(w in i for i in INLINE)]
PLAIN_WORD = re.compile(r"\b(?:" + "|".join(_PROSE_ONLY) + r")\b")
"""Words of the deck grammar that occur only as prose, never inside its markup."""


def pseudo(deck: Deck) -> dict[str, str]:
    return {unit.msgid: pseudo_translate(unit.msgid, MD) for unit in deck.units}


# --- one msgid per construct -----------------------------------------------------------


@dataclass
class Case:
    title: str
    line: int
    words: list[str]
    keep: list[str]
    msgid: str


def read_cases(path: Path) -> list[Case]:
    """Cases: a title, ``words:``/``keep:`` lines, then the msgid ended by ``.``."""
    cases: list[Case] = []
    for case in read_dotted(path, blocks=1):
        words: list[str] = []
        keep: list[str] = []
        for key, value in case.fields:
            if key == "words":
                words = value.split()
            else:
                keep.append(json.loads(value) if value.startswith('"') else value)
        cases.append(Case(case.title, case.line, words, keep, case.text(0)))
    return cases


CASES = read_cases(FIXTURES / "msgids.txt")


def skeleton(text: str) -> list[tuple[object, ...]]:
    """Every inline token but text, as markdown-it reads it: emphasis, code, math, HTML,
    comments, breaks, link and image attributes (background images with their alt)."""
    found: list[tuple[object, ...]] = []
    for token in walk(inline_children(PLAIN, text), into_images=False):
        if token.type == "text":
            continue
        content = token.content if token.type != "image" or is_background(token.content) else ""
        attrs = sorted((k, v) for k, v in (token.attrs or {}).items() if k != "alt")
        found.append((token.type, token.tag, token.markup, tuple(attrs), content))
    return found


def test_the_fixture_has_every_construct() -> None:
    titles = " ".join(case.title for case in CASES)
    constructs = "heading emphasis code link image HTML math variables emoji entities note"
    for construct in [*constructs.split(), "hard breaks", "front-matter"]:
        assert construct in titles, construct


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}-{c.title}" for c in CASES])
def test_markup_is_kept_and_prose_is_accented_longer_and_bracketed(case: Case) -> None:
    out = pseudo_translate(case.msgid, MD)
    for piece in case.keep:
        assert piece in case.msgid, f"fixture: {piece!r} is not in the msgid"
        assert out.count(piece) == case.msgid.count(piece), (piece, out)
    rest = out
    for piece in sorted(case.keep, key=len, reverse=True):
        rest = rest.replace(piece, " ")
    assert not re.search(r"[A-Za-z]", rest), f"a letter of prose was left as it was: {rest!r}"
    assert skeleton(out) == skeleton(case.msgid)
    assert out.startswith(OPEN) and out.endswith(CLOSE), out
    prose = sum(len(word) for word in case.words)
    assert len(out) >= len(case.msgid) + 2 + 0.3 * prose, (len(case.msgid), len(out))
    unit = Unit(0, len(case.msgid), case.msgid, "paragraph", 1, 2)
    assert guard_unit(unit, out, PLAIN) is None


def test_every_ascii_letter_becomes_a_look_alike_even_z() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = pseudo_translate(letters, MD)
    assert not re.search(r"[A-Za-z]", out), out
    assert all(c.isalpha() for c in out.strip(OPEN + CLOSE).replace(" ", ""))
    assert "ẑ" in out  # podebug.rewrite_unicode itself leaves z alone


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("  padded text  ", ("  " + OPEN, CLOSE + "  ")),
        ("\tTabbed\n", ("\t" + OPEN, CLOSE + "\n")),
        ("--help is an option", ("--" + OPEN, CLOSE)),
        ("-->A", ("-->" + OPEN, CLOSE)),
        ("A![]()\\", (OPEN, CLOSE + "\\")),  # it escapes what follows the unit in the deck
    ],
)
def test_brackets_go_inside_the_whitespace(msgid: str, expected: tuple[str, str]) -> None:
    out = pseudo_translate(msgid, MD)
    assert out.startswith(expected[0]) and out.endswith(expected[1]), out
    unit = Unit(0, len(msgid), msgid, "paragraph", 1, 1)  # the deck's first line
    assert guard_unit(unit, out, PLAIN) is None


@pytest.mark.parametrize(
    "msgid",
    [
        "`only code`",
        "100 %",
        "https://example.com/x",
        "$x^2$",
        "%COURSE_NAME%",
        ":smile:",
        "![bg right](x.png)",
        "<b></b>",
        "a\r\nb",  # the guard refuses any translation with a carriage return
        "<DIV>A",  # read alone an HTML block, which the guard compares whole
    ],
)
def test_a_msgid_without_prose_stays_as_it_is(msgid: str) -> None:
    assert pseudo_translate(msgid, MD) == msgid


def test_prose_grows_by_about_35_percent() -> None:
    text = "Traditionally we must trust the hypervisor and operators of infrastructure"
    out = pseudo_translate(text, MD)
    assert 1.35 <= (len(out) - 2) / len(text) < 1.40, len(out)


# --- a deck of every construct ---------------------------------------------------------


def test_the_guard_accepts_every_pseudo_translation_of_every_construct() -> None:
    text = DECK.read_text(encoding="utf-8")
    deck = segment_deck(text, DECK.name, KEYS)
    kinds = {unit.kind for unit in deck.units}
    assert kinds == {"front matter", "heading", "paragraph", "list item", "table cell",
                     "blockquote", "image alt text", "speaker note"}  # fmt: skip
    built = assemble(deck, pseudo(deck), "qps")
    assert built.refused == ()
    again = segment_deck(built.text, DECK.name, KEYS)
    assert shape(again) == shape(deck)
    for unit in again.units:
        assert OPEN in unit.msgid and CLOSE in unit.msgid, unit
    assert fingerprint(assemble(deck, pseudo(deck)).text, KEYS) == fingerprint(text, KEYS)


@pytest.mark.parametrize(
    "line",
    [
        "title: Part 2: details",
        "title: 'It''s a title'",
        'title: "Quoted \\"title\\" with \\u00e9"',
        "title: C# in depth, 100% # a comment",
        "title: A course on %COURSE_NAME%",
        "description: |\n  Literal line one\n  line two",
        "description: >-\n  A folded\n  description",
        "header: '**Bold** header with `code`'",
        "footer: Course footer: part 2",
    ],
)
def test_front_matter_values_stay_yaml_that_marp_reads_exactly(line: str) -> None:
    key = line.split(":", 1)[0]
    text = f"---\nmarp: true\n{line}\npaginate: true\n---\n\n# Slide\n"
    deck = segment_deck(text, "deck.md", KEYS)
    (unit,) = [u for u in deck.units if u.kind == "front matter"]
    built = assemble(deck, pseudo(deck), "qps")
    assert built.refused == ()
    body = built.text.split("---\n")[1]
    values = read_marp_yaml(body)
    assert values is not None, body
    assert values[key] == pseudo_translate(unit.msgid, MD) != unit.msgid
    assert values["paginate"] == "true" and values["lang"] == "qps"


# --- properties ------------------------------------------------------------------------


def translatable_at_all(deck: Deck, unit: Unit) -> bool:
    """The guard accepts the unit's text with one letter's case changed.

    Some front matters refuse every translation (a repeated key, which makes Marp
    ignore it all; a stray ``\\r``; a plain value holding a backslash): no
    pseudo-translation can pass there, nor a translator's.
    """
    letter = re.search(r"[A-Za-z]", unit.msgid)
    if letter is None:
        return False
    at = letter.start()
    changed = unit.msgid[:at] + unit.msgid[at].swapcase() + unit.msgid[at + 1 :]
    return assemble(deck, {unit.msgid: changed}).refused == ()


@given(marp_decks())
def test_pseudo_build_of_any_deck_keeps_its_structure(text: str) -> None:
    deck = segment_deck(text, "deck.md")
    built = assemble(deck, pseudo(deck))
    assert built.refused == ()
    again = segment_deck(built.text, "deck.md")
    assert shape(again) == shape(deck)
    assert fingerprint(built.text) == fingerprint(text)
    for unit in deck.units:  # a unit holding one of the grammar's plain words changed
        if PLAIN_WORD.search(unit.msgid):
            assert pseudo_translate(unit.msgid, MD) != unit.msgid, unit


@given(any_texts())
@example("A![]()\\<!---->")  # what long runs found: the escape must stay before "<!--"
@example("- A|\n--")  # a cell that reads as a list when alone
@example("- A\n--")  # a list item that reads as a setext heading when alone
@example("\u2028<DIV>A")  # a paragraph that reads as an HTML block when alone
@example("\\<!--class:-->")  # an escaped comment, a comment to the guard
@example("-->A")
@example("---\ntitle: \u2028A\n---")  # U+2028 is no YAML space: it stays inside
@example("A|\n-")  # the guard reads "A|" over "---": a table row of one cell
@example("---\ntitle: A\ntitle:\n---")  # Marp ignores a front matter with a repeated key
@example("---\n\rtitle: [A\n---")  # a front matter the guard cannot read at all
@example("---\ntitle: \\0A\n---")  # a plain value with a backslash: no translation passes
@example("$<A>$A0")  # read differently by mdit-py-plugins' dollarmath once "$" moves
def test_the_guard_accepts_the_pseudo_translation_of_any_text(text: str) -> None:
    try:
        deck = segment_deck(text, "deck.md")
    except DeckError:
        return
    translations = pseudo(deck)
    for unit in deck.units:
        if unit.kind == "front matter" and not translatable_at_all(deck, unit):
            translations.pop(unit.msgid, None)
    built = assemble(deck, translations)
    assert built.refused == ()
    assert fingerprint(built.text) == fingerprint(text)


# --- catalogue and configuration -------------------------------------------------------


def test_catalogue_is_complete_generated_canonical_and_stable() -> None:
    deck = segment_deck(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)
    ref = "slides/" + EXAMPLE.name
    _, text = pseudo_catalogue(deck, "qps", ref, None, "2024-01-01 10:00+0000", MD)
    assert text.startswith(f"# {GENERATED}\n")
    read = polib.pofile(text)
    assert read.metadata["Language"] == "qps"
    assert read.metadata["Language-Team"] == "Pseudo-locale qps"
    assert read.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert read.percent_translated() == 100 and not read.fuzzy_entries()
    assert {e.msgid: e.msgstr for e in read} == pseudo(deck)
    again = pseudo_catalogue(deck, "qps", ref, text, "2025-06-01 12:00+0000", MD)[1]
    assert again == text  # only the date would change: the old one is kept
    changed = segment_deck(EXAMPLE.read_text(encoding="utf-8") + "\nNew text\n", EXAMPLE.name)
    newer = pseudo_catalogue(changed, "qps", ref, text, "2025-06-01 12:00+0000", MD)[1]
    assert "PO-Revision-Date: 2025-06-01 12:00+0000" in newer


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) not installed")
def test_catalogue_is_what_gettext_writes(tmp_path: Path) -> None:
    deck = segment_deck(DECK.read_text(encoding="utf-8"), DECK.name, KEYS)
    text = pseudo_catalogue(deck, "qps", "slides/deck.md", None, "2024-01-01 10:00+0000", MD)[1]
    path = tmp_path / "deck.po"
    path.write_text(text, encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    cat = subprocess.run(["msgcat", str(path)], check=True, capture_output=True, text=True)
    assert cat.stdout == text


@pytest.mark.parametrize("code", ["qps", "qps-ploc", "qps-plocm", "en-XA", "ar-XB", "en_XA"])
def test_pseudo_locale_codes_are_accepted(code: str) -> None:
    assert validate_language(code) == code
    assert language_facts(code) == (f"Pseudo-locale {code}", "nplurals=2; plural=(n != 1);")


@pytest.mark.parametrize("code", ["qps-foo", "xx", "en-XC"])
def test_other_made_up_codes_are_still_refused(code: str) -> None:
    with pytest.raises(ConfigError):
        validate_language(code)


# --- the command -----------------------------------------------------------------------


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example course (deck, template, Swedish catalogue, config)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "slides")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nlanguages = ["sv"]\n'
        '[tool.marp-i18n.variables.en]\nATTRIBUTION_PREFIX = "Photo:"\n'
        '[tool.marp-i18n.variables.sv]\nATTRIBUTION_PREFIX = "Foto:"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_command_writes_the_catalogue_and_builds_the_deck(course: Path, cli: Cli) -> None:
    code, out, err = cli("pseudo", "--no-render")
    assert code == 0, err
    po_path = course / "locales" / "qps" / EXAMPLE.with_suffix(".po").name
    po = polib.pofile(str(po_path))
    assert po.percent_translated() == 100 and po.metadata["Language"] == "qps"
    built = (course / "build" / "qps" / EXAMPLE.name).read_text(encoding="utf-8")
    assert "\nlang: qps\n" in built and OPEN in built
    variables = (course / "build" / "qps" / "variables").read_text(encoding="utf-8")
    assert variables.startswith(f"ATTRIBUTION_PREFIX={OPEN}")
    growth = re.search(r"The qps text is (\d+) % longer than the source", out)
    assert growth is not None and 30 <= int(growth.group(1)) <= 45, out
    assert "translation refused" not in err and "Traceback" not in err
    first = po_path.read_bytes()
    stamp = po_path.stat().st_mtime_ns
    code, out, _ = cli("pseudo", "--no-render")
    assert code == 0
    assert "1 catalogue: 0 written, 1 unchanged." in out.splitlines()
    assert po_path.read_bytes() == first and po_path.stat().st_mtime_ns == stamp


def test_update_and_check_leave_the_pseudo_locale_alone(course: Path, cli: Cli) -> None:
    cli("pseudo", "--no-build-decks")
    po_path = course / "locales" / "qps" / EXAMPLE.with_suffix(".po").name
    before = po_path.read_bytes()
    code, out, _ = cli("update")
    assert code == 0 and "qps" not in out
    code, out, err = cli("check")
    assert code == 0 and "qps" not in out + err
    assert po_path.read_bytes() == before
    assert not (course / "build").exists()  # --no-build-decks
    code, out, err = cli("check", "--lang", "qps")  # asked for: its checks pass
    assert code == 0, out + err


def test_command_refuses_a_real_language_and_hand_made_catalogues(course: Path, cli: Cli) -> None:
    swedish = (course / "locales" / "sv" / EXAMPLE.with_suffix(".po").name).read_bytes()
    code, out, err = cli("pseudo", "--lang", "sv")
    assert (code, out) == (2, "")
    assert err == (
        "marp-i18n: --lang: 'sv' is not a pseudo-locale; use qps, qps-ploc, en-XA or ar-XB\n"
    )
    assert (course / "locales" / "sv" / EXAMPLE.with_suffix(".po").name).read_bytes() == swedish
    mine = course / "locales" / "en-XA" / EXAMPLE.with_suffix(".po").name
    mine.parent.mkdir()
    mine.write_text('msgid ""\nmsgstr ""\n"Language: en-XA\\n"\n', encoding="utf-8")
    code, _, err = cli("pseudo", "--lang", "en-XA", "--no-build-decks")
    assert code == 2 and "not written by marp-i18n pseudo, left as it is" in err
    assert mine.read_text(encoding="utf-8").startswith('msgid ""')


def test_command_says_how_to_get_marp_when_it_is_missing(course: Path, cli: Cli) -> None:
    code, _, err = cli("pseudo", "--lang", "qps-ploc", "--marp", "no/marp")
    assert code == 0
    assert "no/marp not found: run `npm ci`" in err
    assert "marp-i18n render --lang qps-ploc" in err
    assert (course / "build" / "qps-ploc" / EXAMPLE.name).is_file()
    assert not (course / "build" / "qps-ploc" / "html").exists()


# --- the real Marp ---------------------------------------------------------------------


def comparable(structure: dict[str, Any]) -> list[object]:
    """Marp's structure minus what translation may change (title, description, lang)."""
    assert "error" not in structure, structure
    drop = ("title", "description", "lang")
    return [
        ({k: v for k, v in s["directives"].items() if k not in drop}, s["backgrounds"], s["notes"])
        for s in structure["slides"]
    ]


def require_marp() -> None:
    reason = marp_available()
    if reason is not None:
        pytest.skip(reason)


@pytest.mark.marp
def test_rendered_example_course_has_the_source_structure_in_real_marp(
    course: Path, cli: Cli
) -> None:
    require_marp()
    if not MARP_CLI.is_file():
        pytest.skip(f"{MARP_CLI.relative_to(ROOT)} is missing; run `npm ci` in {ROOT}")
    code, out, err = cli("pseudo", "--marp", str(MARP_CLI))
    assert code == 0, err
    html = course / "build" / "qps" / "html" / EXAMPLE.with_suffix(".html").name
    assert html.is_file() and OPEN in html.read_text(encoding="utf-8")
    assert "Rendered 1 of 1" in out
    built = course / "build" / "qps" / EXAMPLE.name
    found = marp_structures([EXAMPLE, built])
    assert comparable(found[str(built)]) == comparable(found[str(EXAMPLE)])
    assert found[str(built)]["global"]["lang"] == "qps"


@pytest.mark.marp
@pytest.mark.corpus
def test_pseudo_decks_of_the_corpus_have_their_source_structure_in_real_marp(
    tmp_path: Path,
) -> None:
    decks = corpus_decks()
    if not decks:
        pytest.skip("corpus not found at ../shared/corpus")
    require_marp()
    sample = [DECK, *decks[::8]]  # every 8th deck keeps the run short
    built_paths = []
    for i, path in enumerate(sample):
        text = path.read_bytes().decode("utf-8")
        deck = segment_deck(text, path.name, KEYS if path == DECK else DEFAULT_KEYS)
        built = assemble(deck, pseudo(deck), "qps")
        assert built.refused == (), path
        target = tmp_path / f"{i:03d}-{path.name}"
        target.write_bytes(built.text.encode("utf-8"))
        built_paths.append(target)
    found = marp_structures(sample + built_paths)
    for source, target in zip(sample, built_paths, strict=True):
        before, after = found[str(source)], found[str(target)]
        if source == DECK:  # header and footer are translated there: compare them apart
            for slide in before["slides"] + after["slides"]:
                for key in ("header", "footer"):
                    slide["directives"].pop(key, None)
        assert comparable(after) == comparable(before), source
        assert after["global"]["lang"] == "qps", source


@pytest.mark.parametrize(
    "msgid", ["See https://example.org/k8s_kubeconfig", "Read more at www.example.com/x"]
)
def test_no_bracket_is_glued_to_a_trailing_url(msgid: str) -> None:
    """marp-core linkifies bare URLs, and linkify-it would take a glued ``⟧`` into the
    link's target: the bracket closes after the last prose letter instead."""
    url = msgid.rsplit(" ", 1)[1]
    out = pseudo_translate(msgid)
    assert out.endswith(" " + url) and "⟧" in out, out
