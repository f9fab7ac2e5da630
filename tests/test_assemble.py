"""Translations laid back into the deck: layout, quoting, lang, refusals."""

from __future__ import annotations

import pytest

from i18n.assemble import assemble
from i18n.segment import segment_deck


def build(deck: str, translations: dict[str, str], lang: str | None = None) -> str:
    built = assemble(segment_deck(deck, "deck.md"), translations, lang)
    assert built.refused == ()
    return built.text


def test_list_item_continuation_keeps_indent() -> None:
    deck = "- One\n  two\n"
    assert build(deck, {"One\ntwo": "Ett\ntvå\ntre"}) == "- Ett\n  två\n  tre\n"


def test_blockquote_continuation_keeps_marker() -> None:
    assert build("> a\n> b\n", {"a\nb": "x\ny"}) == "> x\n> y\n"


def test_crlf_deck_gets_crlf_translations() -> None:
    deck = "# Title\r\n\r\nLine one\r\nline two\r\n"
    out = build(deck, {"Title": "Titel", "Line one\nline two": "Rad ett\nrad två"})
    assert out == "# Titel\r\n\r\nRad ett\r\nrad två\r\n"


def test_bom_and_missing_final_newline_survive() -> None:
    deck = "\ufeff# Title"
    assert build(deck, {"Title": "Titel"}) == "\ufeff# Titel"


def test_note_is_rewrapped_to_source_width() -> None:
    deck = "<!--\n- " + "word " * 18 + "end\nmore words here\n-->\n"
    deck_units = segment_deck(deck, "d.md").units
    (note,) = deck_units
    width = note.layout.wrap
    out = build(deck, {note.msgid: "ord " * 80 + "slut"})
    body = out.split("\n")[1:-2]
    assert body[0].startswith("- ord")
    assert all(len(line) <= width for line in body)
    assert len(body) > 2


@pytest.mark.parametrize(
    "marker", ["-", "*", "+", "#", ">", "1.", "2)", "===", "|", "```", "<div>"]
)
def test_a_rewrapped_note_never_starts_a_line_with_a_block_marker(marker: str) -> None:
    # Found on a corpus deck: "... shell scripts - systemd uses ..." wrapped so that a
    # line began "- systemd", and the note read back as two units (a list item).
    deck = "<!--\n" + "word " * 14 + "end\nmore words here\n-->\n"
    (note,) = segment_deck(deck, "d.md").units
    translation = " ".join(["ord"] * 13 + [marker, "slut"] * 12)
    out = build(deck, {note.msgid: translation})
    assert [u.msgid for u in segment_deck(out, "d.md").units] == [translation]


def test_single_line_note_stays_one_line() -> None:
    assert build("<!-- Say hi -->\n", {"Say hi": "Säg hej"}) == "<!-- Säg hej -->\n"


@pytest.mark.parametrize(
    ("value", "translation", "expected"),
    [
        ('"A title"', 'Med "citat"', '"Med \\"citat\\""'),
        ("'A title'", "Det's", "'Det''s'"),
        ("A title", "En titel", "En titel"),
    ],
)
def test_front_matter_values_keep_their_quoting(
    value: str, translation: str, expected: str
) -> None:
    deck = f"---\ntitle: {value}\n---\n"
    assert build(deck, {"A title": translation}) == f"---\ntitle: {expected}\n---\n"


def test_lang_replaces_existing_value() -> None:
    assert build("---\nlang: en\n---\n# T\n", {}, "sv") == "---\nlang: sv\n---\n# T\n"


def test_lang_is_inserted_into_front_matter() -> None:
    assert build("---\ntheme: x\n---\n", {}, "sv") == "---\nlang: sv\ntheme: x\n---\n"
    # first, so that a block scalar at the end keeps its value
    deck = "---\nstyle: |\n  a\n---\n"
    assert build(deck, {}, "sv") == "---\nlang: sv\nstyle: |\n  a\n---\n"


def test_lang_creates_front_matter() -> None:
    assert build("# T\n", {}, "sv") == "---\nlang: sv\n---\n\n# T\n"


def test_lang_goes_into_a_comment_when_marp_ignores_the_front_matter() -> None:
    deck = "---\nSPDX-FileCopyrightText: a\nSPDX-FileCopyrightText: b\n---\n# T\n"
    assert build(deck, {}, "sv") == deck.replace("---\n# T", "---\n<!-- lang: sv -->\n# T")


@pytest.mark.parametrize(
    ("deck", "msgid", "translation"),
    [
        ("Text\n", "Text", "Text\n---\nmore"),
        ("Text\n", "Text", "Text\n\n---"),
        ("Text\n", "Text", "# Heading"),
        ("Text\n", "Text", "- item"),
        ("Text\n", "Text", "> quote"),
        ("Text\n", "Text", "```\ncode"),
        ("Text\n", "Text", "a <!-- b"),
        (
            "Para <!-- _class: x --> more\n",
            "Para <!-- _class: x --> more",
            "P <!-- _class: y --> m",
        ),
        ("Text\n", "Text", "a --> b"),
        ("# Head\n", "Head", "Two\nlines"),
        ("| a | b |\n|---|---|\n", "a", "x | y"),
        ("<!-- A note -->\n", "A note", "footer: hijacked"),
        ("Text\n", "Text", "Text <script>alert(1)</script>"),
        ("Text\n", "Text", '<img src=x onerror="alert(1)">'),
        ("Text\n", "Text", "[click](javascript:alert(1))"),
        ("Text\n", "Text", "Text ![bg](evil.jpg)"),
        ("Text\n", "Text", "Text ![](tracker.png)"),
        ("![bg](a.jpg) Text\n", "![bg](a.jpg) Text", "![bg](b.jpg) Text"),
        ("---\ntitle: T\n---\n", "T", "a\nb: c"),
        ("---\ntitle: T\n---\n", "T", '"unbalanced'),
        ("---\ntheme: x\ntitle: T\n---\n", "T", "T\ntheme: y"),
        # Dropping the trailing backslash would make the comment after it real markup.
        ("A![]()\\<!---->\n", "A![]()\\", "B![]()"),
        ("A![]()\\<!---->\n", "A![]()\\", "B![]()\\\\"),
    ],
)
def test_structure_breaking_translations_are_refused(
    deck: str, msgid: str, translation: str
) -> None:
    segmented = segment_deck(deck, "deck.md")
    assert msgid in {u.msgid for u in segmented.units}
    built = assemble(segmented, {msgid: translation}, locate=lambda m: ("sv.po", 7))
    assert built.text == deck  # the source text is used instead
    (refusal,) = built.refused
    assert str(refusal).startswith("sv.po:7: translation refused: ")


def test_fuzzy_and_empty_translations_fall_back_to_source() -> None:
    assert build("Text\n", {"Text": ""}) == "Text\n"


def test_loose_yaml_value_is_accepted_as_marp_reads_it() -> None:
    assert build("---\ntitle: T\n---\n", {"T": "Del 2: detaljer"}) == (
        "---\ntitle: Del 2: detaljer\n---\n"
    )


def test_double_quoted_value_may_hold_a_line_break() -> None:
    assert build('---\ntitle: "T"\n---\n', {"T": "a\nb"}) == '---\ntitle: "a\\nb"\n---\n'


def test_note_inside_a_paragraph_may_be_translated() -> None:
    deck = "Para <!-- say it --> more\n"
    assert (
        build(deck, {deck[:-1]: "Stycke <!-- säg det --> mer"}) == "Stycke <!-- säg det --> mer\n"
    )


# Found by the reliability tests (see docs/reliability.md).


@pytest.mark.parametrize(
    "deck", ["---\nx\n---\n\n# Hi\n", "---\n- a\n---\n", "---\nt: a\nt: b\n---"]
)
def test_lang_for_a_front_matter_marp_ignores_goes_in_a_comment(deck: str) -> None:
    built = build(deck, {}, "sv")
    assert "<!-- lang: sv -->" in built
    assert segment_deck(built, "d.md").front_matter is not None  # still closed


def test_multi_line_setext_heading_can_be_translated() -> None:
    assert build("One\ntwo\n===\n", {"One\ntwo": "Ett\ntvå"}) == "Ett\ntvå\n===\n"


def test_heading_with_block_html_can_be_translated() -> None:
    deck = "# <center>Title</center>\n"
    assert build(deck, {"<center>Title</center>": "<center>Titel</center>"}) == (
        "# <center>Titel</center>\n"
    )


def test_nul_in_front_matter_does_not_block_translation() -> None:
    assert build("---\ntitle: a\nx: \0\n---\n", {"a": "b"}) == "---\ntitle: b\nx: \0\n---\n"


@pytest.mark.parametrize(
    ("deck", "msgid"),
    [
        ("| A | B |\n|---|---|\n| ![alt text](x.png) | c |\n", "alt text"),
        ("| A | B |\n|---|---|\n| text <!-- note --> | c |\n", "note"),
    ],
)
def test_pipe_in_any_unit_of_a_table_row_is_refused(deck: str, msgid: str) -> None:
    built = assemble(segment_deck(deck, "d.md"), {msgid: msgid + " | extra"})
    assert built.text == deck and len(built.refused) == 1


@pytest.mark.parametrize("translation", [">slide", " | slide", "- slide", "1. slide"])
def test_setext_heading_translation_is_read_above_its_underline(translation: str) -> None:
    deck = "slide\n---\n"
    built = assemble(segment_deck(deck, "d.md"), {"slide": translation})
    assert built.text == deck and len(built.refused) == 1
