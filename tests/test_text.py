"""The shortener and the plural every message uses."""

from __future__ import annotations

from i18n.text import counted, short


def test_short_cuts_the_first_line_at_width() -> None:
    assert short("x" * 70) == '"' + "x" * 60 + '…"'
    assert short("x" * 60) == '"' + "x" * 60 + '"'
    assert short("one\ntwo") == '"one…"'
    assert short("x" * 70, 50, quote="none") == "x" * 50 + "…"


def test_short_quotes_as_asked() -> None:
    text = 'say "hi" \\ there'
    assert short(text) == '"say \\"hi\\" \\\\ there"'
    assert short(text, quote="plain") == '"say \\"hi\\" \\ there"'
    assert short(text, quote="none") == text


def test_short_can_keep_every_line() -> None:
    assert short("a\nb", quote="none", first_line=False) == "a\nb"
    assert (
        short("a\n" + "b" * 80, 79, quote="none", first_line=False) == ("a\n" + "b" * 80)[:79] + "…"
    )


def test_counted() -> None:
    assert counted(1, "deck") == "1 deck"
    assert counted(0, "deck") == "0 decks"
    assert counted(2, "entry", "entries") == "2 entries"
