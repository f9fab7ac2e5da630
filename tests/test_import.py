"""``marp-i18n import``: pairing a hand-made translated deck with its source.

The promise is precision first: every pair written is a true pair (the translated text
really translates that msgid), and what cannot be paired for certain is reported with
file and line. Round trips (a deck against its own translation built by the tool) must
recover every translation; hand edits (a slide added or removed, units reordered, a
paragraph split) must pair the rest and report the odd ones.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLE, ROOT, Cli
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import HypothesisChooser, marp_decks, pseudo_translate, slide

from i18n.align import Alignment, align_decks, paired_translations, unpaired_messages
from i18n.align.features import slide_starts
from i18n.align.sequence import certain_pairs
from i18n.assemble import assemble
from i18n.catalogue.pofile import read_catalogue, translations
from i18n.cli.main import main
from i18n.course import project_lock
from i18n.errors import DeckError
from i18n.model import Deck
from i18n.segment import segment_deck

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SWEDISH = ROOT / "locales" / "sv" / "12-confidential_hw_virt.po"
PO = Path("locales/sv/deck.po")


def example_translations() -> dict[str, str]:
    return translations(read_catalogue(SWEDISH.read_bytes(), str(SWEDISH)))


def built(deck: Deck, found: dict[str, str]) -> str:
    return assemble(deck, found, "sv").text


def expected(source: Deck, built_text: str) -> dict[str, set[str]] | None:
    """msgid → the texts the built deck holds for it; None when the build changed the
    segmentation (then units cannot be matched by position)."""
    target = segment_deck(built_text, "built.md")
    if [(u.kind, u.slide) for u in target.units] != [(u.kind, u.slide) for u in source.units]:
        return None
    found: dict[str, set[str]] = {}
    for unit, translated in zip(source.units, target.units, strict=True):
        found.setdefault(unit.msgid, set()).add(translated.msgid)
    return found


def wrong_pairs(alignment: Alignment, truth: dict[str, set[str]]) -> list[tuple[str, str]]:
    return [
        (p.source.msgid, p.translated.msgid)
        for p in alignment.pairs
        if p.translated.msgid not in truth[p.source.msgid]
    ]


def covers_every_unit(alignment: Alignment, source: Deck, translated: Deck) -> bool:
    """Each unit is paired once or reported once: nothing is dropped silently."""
    ours = [id(p.source) for p in alignment.pairs] + [id(u) for u in alignment.source_units]
    theirs = [id(p.translated) for p in alignment.pairs]
    theirs += [id(u) for u in alignment.translated_units]
    return sorted(ours) == sorted(map(id, source.units)) and sorted(theirs) == sorted(
        map(id, translated.units)
    )


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course with the fixture deck and its hand-made Swedish translation beside it."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "slides", tmp_path / "slides")
    shutil.copy(FIXTURES / "deck.sv.md", tmp_path / "deck.sv.md")
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the order-keeping alignment -------------------------------------------------------


def test_equal_sequences_pair_in_order_even_when_every_item_looks_alike() -> None:
    assert certain_pairs(4, 4, lambda i, j: 1.0, 0.1) == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_an_item_missing_from_a_run_of_look_alikes_leaves_the_run_unpaired() -> None:
    # Which of the three was deleted? Nothing tells, so nothing in the run is paired.
    assert certain_pairs(3, 2, lambda i, j: 1.0, 0.1) == []


def test_evidence_decides_which_item_was_deleted() -> None:
    items, left = ["a", "b", "c"], ["a", "c"]
    score = lambda i, j: 1.0 if items[i] == left[j] else 0.3  # noqa: E731
    assert certain_pairs(3, 2, score, 0.1) == [(0, 0), (2, 1)]


def test_nothing_worth_pairing_pairs_nothing() -> None:
    assert certain_pairs(3, 3, lambda i, j: 0.0, 0.1) == []
    assert certain_pairs(0, 3, lambda i, j: 1.0, 0.1) == []


# --- round trips ------------------------------------------------------------------------


def test_example_course_round_trip_recovers_every_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "slides" / EXAMPLE.name)
    found = example_translations()
    deck = segment_deck(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)
    (tmp_path / "sv.md").write_text(built(deck, found), encoding="utf-8", newline="")
    code, out, err = cli("import", f"slides/{EXAMPLE.name}", "sv.md", "--lang", "sv")
    assert (code, err) == (0, "")
    po = polib.pofile(f"locales/sv/{EXAMPLE.stem}.po")
    live = [e for e in po if not e.obsolete]
    assert len(live) == len(found) == len({u.msgid for u in deck.units})
    assert {e.msgid: e.msgstr for e in live} == found
    assert all(e.flags == ["fuzzy"] for e in live)
    assert out.splitlines()[-1] == (
        f"{len(deck.units)} paired, {len(found)} written as fuzzy, 0 kept (already translated)."
    )
    before = Path(f"locales/sv/{EXAMPLE.stem}.po").read_bytes()
    assert cli("import", f"slides/{EXAMPLE.name}", "sv.md", "--lang", "sv")[0] == 0
    assert Path(f"locales/sv/{EXAMPLE.stem}.po").read_bytes() == before  # idempotent


def _sample(corpus: list[Path]) -> list[Path]:
    """Every third deck and the largest: 74 decks, about two seconds (all 218 pass too,
    in about seven)."""
    largest = max(corpus, key=lambda p: p.stat().st_size)
    return sorted({*corpus[::3], largest})


@pytest.mark.corpus
def test_corpus_round_trip_with_pseudo_translations(corpus: list[Path]) -> None:
    checked = 0
    for path in _sample(corpus):
        deck = segment_deck(path.read_text(encoding="utf-8"), path.name)
        text = built(deck, {u.msgid: pseudo_translate(u.msgid, u.kind) for u in deck.units})
        truth = expected(deck, text)
        if truth is None:
            continue  # the build itself changed the segmentation: not import's concern
        translated = segment_deck(text, "built.md")
        alignment = align_decks(deck, translated)
        assert len(slide_starts(deck)) == deck.slides, path
        assert wrong_pairs(alignment, truth) == [], path
        assert alignment.complete, (path, unpaired_messages(alignment, "source", "built"))
        checked += 1
    assert checked >= 60


@pytest.mark.corpus
def test_import_of_the_largest_corpus_deck_is_fast(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    largest = max(corpus, key=lambda p: p.stat().st_size)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    shutil.copy(largest, tmp_path / "slides" / "deck.md")
    deck = segment_deck(largest.read_text(encoding="utf-8"), "deck.md")
    text = built(deck, {u.msgid: pseudo_translate(u.msgid, u.kind) for u in deck.units})
    (tmp_path / "sv.md").write_text(text, encoding="utf-8", newline="")
    start = time.perf_counter()
    code = main(["import", "slides/deck.md", "sv.md", "--lang", "sv", "-q"])
    elapsed = time.perf_counter() - start
    assert code == 0
    assert elapsed < 5, f"import took {elapsed:.2f} s"  # ~0.2 s on a laptop core


# --- hand-made translations -------------------------------------------------------------


def test_hand_made_translation_pairs_completely(course: Path, cli: Cli) -> None:
    code, out, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert (code, err) == (0, "")
    po = polib.pofile(str(PO))
    assert po.find("Linux hardening: the basics").msgstr == "Härdning av Linux: grunderna"
    assert po.find("Meaning").msgstr == "Betydelse"
    assert po.find("Ask for questions before the break.").msgstr == (
        "Fråga efter frågor före pausen."
    )
    assert all(e.msgstr and e.flags == ["fuzzy"] for e in po)
    assert out.splitlines() == [
        f"{PO}: 24 written as fuzzy, 0 kept",
        "24 paired, 24 written as fuzzy, 0 kept (already translated).",
    ]


def test_a_removed_slide_is_reported_with_the_source_line(course: Path, cli: Cli) -> None:
    translated = course / "deck.sv.md"
    text = translated.read_text(encoding="utf-8")
    start, end = text.index("---\n## Tre"), text.index("---\n## Se vad")
    translated.write_text(text[:start] + text[end:], encoding="utf-8")
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    assert err.splitlines() == [
        "slides/deck.md:30: warning: no counterpart for slide 3 in deck.sv.md "
        "(4 texts not imported)"
    ]
    po = polib.pofile(str(PO))
    assert po.find("Three quick wins").msgstr == ""
    assert po.find("Further reading").msgstr == "Läs mer"  # after the gap: still paired
    assert len([e for e in po if e.msgstr]) == 20


def test_an_added_slide_is_reported_with_the_translated_line(course: Path, cli: Cli) -> None:
    edit(
        course / "deck.sv.md",
        "---\n## Läs mer",
        "---\n## En extra bild\nMed text som inte finns i originalet.\n\n---\n## Läs mer",
    )
    code, out, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    assert err.splitlines() == [
        "deck.sv.md:50: warning: no counterpart for slide 5 in slides/deck.md "
        "(2 texts not imported)"
    ]
    assert "24 paired" in out
    assert polib.pofile(str(PO)).find("Further reading").msgstr == "Läs mer"


def test_reordered_list_items_are_reported_not_mispaired(course: Path, cli: Cli) -> None:
    edit(
        course / "deck.sv.md",
        "- Ta bort paket som du inte använder\n- Håll kärnan och OpenSSL uppdaterade\n",
        "- Håll kärnan och OpenSSL uppdaterade\n- Ta bort paket som du inte använder\n",
    )
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    po = polib.pofile(str(PO))
    assert po.find("Remove packages you do not use").msgstr == ""
    assert po.find("Keep the kernel and OpenSSL up to date").msgstr == ""
    assert "deck.sv.md:33: warning: no counterpart for this list item of slide 3" in err
    assert "slides/deck.md:32: warning: no counterpart for this list item of slide 3" in err
    assert po.find("Three quick wins").msgstr == "Tre snabba förbättringar"


def test_reordered_notes_are_reported_not_mispaired(course: Path, cli: Cli) -> None:
    first = "- Fråga studenterna vilka tjänster de kör på sina bärbara datorer"
    second = "- Påpeka att `sshd` ofta är den enda som behöver lyssna på port 22"
    edit(course / "deck.sv.md", f"{first}\n\n{second}", f"{second}\n\n{first}")
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    po = polib.pofile(str(PO))
    assert [e.msgstr for e in po if e.msgid.startswith(("Ask the", "Point out"))] == ["", ""]
    assert len(err.splitlines()) == 4


def test_a_paragraph_split_in_two_is_reported_not_mispaired(course: Path, cli: Cli) -> None:
    edit(
        course / "deck.sv.md", "Läs utdata kolumn för kolumn.", "Läs utdata.\n\nKolumn för kolumn."
    )
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    assert err.splitlines() == [
        "slides/deck.md:42: warning: no counterpart for this paragraph of slide 4 in "
        'deck.sv.md: "Read the output column by column."',
        "deck.sv.md:43: warning: no counterpart for this paragraph of slide 4 in "
        'slides/deck.md: "Läs utdata."',
        "deck.sv.md:45: warning: no counterpart for this paragraph of slide 4 in "
        'slides/deck.md: "Kolumn för kolumn."',
    ]
    po = polib.pofile(str(PO))
    assert po.find("Read the output column by column.").msgstr == ""
    assert po.find("Column").msgstr == "Kolumn"  # the table on the same slide still pairs


def test_a_changed_anchor_is_not_paired(course: Path, cli: Cli) -> None:
    edit(course / "deck.sv.md", "lyssna på port 22", "lyssna på port 2222")
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    assert "Point out that `sshd`" in err
    po = polib.pofile(str(PO))
    assert [e.msgstr for e in po if e.msgid.startswith("Point out")] == [""]


def test_front_matter_pairs_by_key_even_when_the_slides_do_not(course: Path, cli: Cli) -> None:
    (course / "deck.sv.md").write_text(
        '---\ndescription: "Varför"\ntitle: "Härdning"\n---\n# Helt annat\n', encoding="utf-8"
    )
    code, _, _ = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 1
    po = polib.pofile(str(PO))
    assert po.find("Linux hardening: the basics").msgstr == "Härdning"
    assert po.find("Why and how to reduce what an attacker can reach").msgstr == "Varför"
    assert po.find("Linux hardening").msgstr == ""


def test_one_text_translated_two_ways_is_reported_and_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    Path("slides/deck.md").write_text("# Summary\n\n---\n\n# Summary\n", encoding="utf-8")
    Path("sv.md").write_text("# Sammanfattning\n\n---\n\n# Summering\n", encoding="utf-8")
    code, _, err = cli("import", "slides/deck.md", "sv.md", "--lang", "sv")
    assert code == 1
    assert err == (
        'sv.md:1: warning: "Summary" is translated differently here and at line 5; not imported\n'
    )
    assert polib.pofile(str(PO)).find("Summary").msgstr == ""


# --- existing translations --------------------------------------------------------------


def test_existing_translations_are_kept_unless_overwrite(course: Path, cli: Cli) -> None:
    assert cli("import", "slides/deck.md", "deck.sv.md")[0] == 0
    po = polib.pofile(str(PO))
    for entry in po:
        entry.flags = []  # a translator confirmed everything
    po.find("Attack surface").msgstr = "Angreppsyta"
    po.save(str(PO))
    line = polib.pofile(str(PO)).find("Attack surface").linenum
    code, out, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 0
    assert err == (
        f'{PO}:{line}: warning: kept the translation "Angreppsyta"; deck.sv.md:19 has '
        '"Attackyta" (--overwrite takes it, as fuzzy)\n'
    )
    assert out.splitlines()[-1] == "24 paired, 0 written as fuzzy, 24 kept (already translated)."
    kept = polib.pofile(str(PO))
    assert kept.find("Attack surface").msgstr == "Angreppsyta"
    assert [e.msgid for e in kept if "fuzzy" in e.flags] == []
    code, out, err = cli("import", "slides/deck.md", "deck.sv.md", "--overwrite")
    assert code == 0
    assert err.startswith(f"{PO}:{line}: warning: replaced the translation")
    replaced = polib.pofile(str(PO)).find("Attack surface")
    assert (replaced.msgstr, replaced.flags) == ("Attackyta", ["fuzzy"])
    assert out.splitlines()[-1] == "24 paired, 1 written as fuzzy, 23 kept (already translated)."


def test_fuzzy_entries_take_the_imported_text(course: Path, cli: Cli) -> None:
    PO.parent.mkdir(parents=True)
    PO.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Attack surface"\nmsgstr "Attack"\n',
        encoding="utf-8",
    )
    assert cli("import", "slides/deck.md", "deck.sv.md")[0] == 0
    entry = polib.pofile(str(PO)).find("Attack surface")
    assert (entry.msgstr, entry.flags) == ("Attackyta", ["fuzzy"])


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda: Path("deck.sv.md").unlink(), "deck.sv.md: translated deck not found"),
        (
            lambda: Path("deck.sv.md").write_bytes(b"# Hej \xff\n"),
            "deck.sv.md:1: not UTF-8 (byte 0xff)",
        ),
        (lambda: Path("slides/deck.md").unlink(), "slides/deck.md: source deck not found"),
        (
            lambda: shutil.copy("slides/deck.md", "elsewhere.md"),
            "elsewhere.md: not a deck of the slides folder slides",
        ),
    ],
    ids=["missing", "not-utf8", "missing-source", "outside-slides"],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    course: Path,
    cli: Cli,
    setup: Callable[[], object],
    message: str,
) -> None:
    setup()
    source = "elsewhere.md" if "elsewhere" in message else "slides/deck.md"
    code, out, err = cli("import", source, "deck.sv.md")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"marp-i18n: {message}"), err
    assert "Traceback" not in err
    assert not Path("locales").exists() or not list(Path("locales").rglob("*.po"))


def test_a_broken_catalogue_is_reported_and_left_as_it_is(course: Path, cli: Cli) -> None:
    PO.parent.mkdir(parents=True)
    PO.write_bytes(b'msgid "a"\nmsgstr "b\n')
    code, out, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert (code, out) == (2, "")
    assert err.startswith(f"marp-i18n: {PO}:2: ")
    assert PO.read_bytes() == b'msgid "a"\nmsgstr "b\n'
    assert not Path("locales/.marp-i18n.lock").exists()


def test_language_must_be_one_target_language(course: Path, cli: Cli) -> None:
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md", "--lang", "sv", "--lang", "de")
    assert (code, err) == (
        2,
        "marp-i18n: import: give the language of the translated deck: --lang CODE\n",
    )
    code, _, err = cli("import", "slides/deck.md", "deck.sv.md", "--lang", "en")
    assert code == 2
    assert err == "marp-i18n: --lang: en is the source language; give a target language\n"
    assert not PO.exists()


def test_a_running_update_blocks_import(course: Path, cli: Cli) -> None:
    with project_lock(Path("locales")):
        code, _, err = cli("import", "slides/deck.md", "deck.sv.md")
    assert code == 2
    assert "another marp-i18n update is running" in err
    assert not PO.exists()


# --- the promise, as a property -----------------------------------------------------------


_PLAIN = ("kernel", "memory", "trust", "attack", "slide", "the", "of")
"""Words pseudo-translation changes: slides made of them share no evidence at all."""


@st.composite
def lookalike_decks(draw: st.DrawFn) -> str:
    """Decks of slides that look alike (a heading, a paragraph or a short list, plain
    words): only order tells them apart, the hard case for deletions and insertions."""

    def text() -> str:
        return " ".join(draw(st.lists(st.sampled_from(_PLAIN), min_size=1, max_size=3)))

    slides = []
    for _ in range(draw(st.integers(2, 8))):
        shape = draw(st.sampled_from(("heading", "paragraph", "list")))
        if shape == "heading":
            slides.append(f"# {text()}\n\n{text()}")
        elif shape == "paragraph":
            slides.append(text())
        else:
            slides.append("\n".join(f"- {text()}" for _ in range(draw(st.integers(1, 3)))))
    return "\n\n---\n\n".join(slides) + "\n"


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, list[int], list[tuple[int, str]]]:
    """A deck, slides to delete from its translation, or foreign slides (pseudo-
    translated) to insert into it: one kind of edit per example."""
    deck = draw(st.one_of(marp_decks(), lookalike_decks()))
    count = draw(st.integers(1, 3))
    if draw(st.booleans()):
        return deck, draw(st.lists(st.integers(1, 8), min_size=1, max_size=count)), []
    if draw(st.booleans()):  # a slide like the others
        foreign = [draw(lookalike_decks()).split("\n\n---\n\n")[0] for _ in range(count)]
    else:
        foreign = [slide(HypothesisChooser(draw)) for _ in range(count)]
    return deck, [], [(draw(st.integers(1, 8)), text) for text in foreign]


def _translated_slide(text: str) -> str:
    deck = segment_deck(text, "foreign.md")
    return assemble(deck, {u.msgid: pseudo_translate(u.msgid, u.kind) for u in deck.units}).text


@given(mutations())
def test_deleted_or_inserted_slides_never_produce_a_wrong_pair(
    case: tuple[str, list[int], list[tuple[int, str]]],
) -> None:
    text, deletions, insertions = case
    try:
        source = segment_deck(text, "deck.md")
    except DeckError:  # a front matter Marp cannot read: no deck to translate
        assume(False)
        return
    translated_text = built(
        source, {u.msgid: pseudo_translate(u.msgid, u.kind) for u in source.units}
    )
    truth = expected(source, translated_text)
    assume(truth is not None)
    assert truth is not None
    target = segment_deck(translated_text, "built.md")
    starts = [offset for offset, _ in slide_starts(target)]
    assume(len(starts) > 1)
    nl = target.newline
    cuts = {k % (len(starts) - 1) + 1 for k in deletions}  # never the first slide
    pieces: list[str] = []
    for k, begin in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(translated_text)
        for at, foreign in insertions:
            if k and at % (len(starts) - 1) + 1 == k:
                pieces.append(f"{nl}---{nl}{nl}{_translated_slide(foreign)}{nl}{nl}")
        pieces.append(
            translated_text[:end] if k == 0 else ("" if k in cuts else translated_text[begin:end])
        )
    mutated = segment_deck("".join(pieces), "mutated.md")
    alignment = align_decks(source, mutated)
    assert wrong_pairs(alignment, truth) == []
    assert covers_every_unit(alignment, source, mutated)
    if not deletions and not insertions:
        assert alignment.complete
    chosen, conflicts = paired_translations(alignment)
    assert all(p.translated.msgid in truth[m] for m, p in chosen.items())
    assert conflicts == []


def test_the_source_deck_may_be_given_by_its_name(course: Path, cli: Cli) -> None:
    # As review takes it: a bare name in the slides folder, with or without .md.
    for name in ("deck.md", "deck"):
        code, _, err = cli("import", name, "deck.sv.md")
        assert code == 0, err
    assert polib.pofile(str(PO)).find("Linux hardening").msgstr


def test_a_translated_front_matter_value_it_cannot_use_is_reported(course: Path, cli: Cli) -> None:
    edit(course / "deck.sv.md", "© Course authors", "© Kursförfattarna")  # not a translatable key
    code, _, err = cli("import", "deck.md", "deck.sv.md")
    assert "deck.sv.md:4: warning: front matter footer differs from the source but is not " in err
    assert "footer is not in translatable-keys (title, description)" in err
    assert code == 0  # every text was paired; the footer is said, not silently dropped
