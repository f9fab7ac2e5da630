"""The review's pure parts: states and changes per unit, and the page's HTML text."""

from __future__ import annotations

from html.parser import HTMLParser

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n.errors import CatalogueError
from i18n.report import render_review, review_of
from i18n.report.review import Review
from i18n.segment import segment_deck

DECK = segment_deck(
    """\
---
title: A course
---
# Heading one

Fuzzy paragraph

Missing paragraph

<!-- A note -->

---

![bg](x.png)

---
# Last heading
""",
    "deck.md",
)
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def po(*entries: tuple[str, str, bool]) -> str:
    """PO text: (msgid, msgstr, fuzzy) entries; a fuzzy one remembers an earlier msgid."""
    out = [HEADER]
    for msgid, msgstr, fuzzy in entries:
        flag = f'#, fuzzy\n#| msgid "Old {msgid}"\n' if fuzzy else ""
        out.append(f'{flag}msgid "{msgid}"\nmsgstr "{msgstr}"\n\n')
    return "".join(out)


CURRENT = po(
    ("A course", "En kurs", False),
    ("Heading one", "Rubrik ett", False),
    ("Fuzzy paragraph", "Luddigt stycke", True),
    ("Missing paragraph", "", False),
    ("A note", "En anteckning", False),
)  # "Last heading" has no entry at all (a stale catalogue)


def review(catalogue: str | None = CURRENT, **kw: object) -> Review:
    return review_of(DECK, catalogue, language="sv", po_path="locales/sv/deck.po", **kw)  # type: ignore[arg-type]


def units(result: Review) -> dict[str, tuple[str, str, int | None]]:
    return {u.source: (u.state, u.change, u.po_line) for s in result.slides for u in s.units}


def test_states_follow_the_build() -> None:
    found = units(review())
    assert {k: v[0] for k, v in found.items()} == {
        "A course": "translated",
        "Heading one": "translated",
        "Fuzzy paragraph": "fuzzy",
        "Missing paragraph": "untranslated",
        "A note": "translated",
        "Last heading": "untranslated",
    }
    assert found["Last heading"][2] is None
    lines = {e.msgid: e.linenum for e in polib.pofile(CURRENT)}
    assert found["Heading one"][2] == lines["Heading one"]
    assert found["Fuzzy paragraph"][2] == lines["Fuzzy paragraph"]
    fuzzy = next(u for s in review().slides for u in s.units if u.state == "fuzzy")
    assert (fuzzy.translation, fuzzy.previous_source) == ("Luddigt stycke", "Old Fuzzy paragraph")
    assert review().counts() == {"translated": 3, "fuzzy": 1, "untranslated": 2}


def test_every_slide_is_there_and_notes_are_apart() -> None:
    result = review()
    assert [s.number for s in result.slides] == [0, 1, 2, 3]
    assert result.slides[2].units == ()  # only a background image
    first = result.slides[1]
    assert [u.source for u in first.text_units] == [
        "Heading one",
        "Fuzzy paragraph",
        "Missing paragraph",
    ]
    assert [u.source for u in first.notes] == ["A note"]
    assert [u.what for u in result.slides[0].units] == ["front matter: title"]
    assert [s.attention for s in result.slides] == [False, True, False, True]


def test_no_catalogue_means_everything_untranslated() -> None:
    result = review(None)
    assert not result.exists
    assert set(units(result).values()) == {("untranslated", "", None)}


def test_without_since_nothing_is_marked_changed() -> None:
    assert {v[1] for v in units(review()).values()} == {""}


def test_changes_since_an_earlier_catalogue() -> None:
    earlier = po(
        ("A course", "En kurs", False),  # the same
        ("Heading one", "Rubrik 1", False),  # translation changed
        ("Fuzzy paragraph", "Luddigt stycke", False),  # now fuzzy
        ("Missing paragraph", "Saknat stycke", False),  # translation removed
        ("Last heading", "", False),  # untranslated then and now (and no entry now)
    )  # "A note" is new
    result = review(since="v1", old_catalogue=earlier)
    changes = {k: v[1] for k, v in units(result).items()}
    assert changes == {
        "A course": "",
        "Heading one": "changed",
        "Fuzzy paragraph": "changed",
        "Missing paragraph": "changed",
        "A note": "new",
        "Last heading": "",
    }
    before = {u.source: (u.before, u.before_fuzzy) for s in result.slides for u in s.units}
    assert before["Heading one"] == ("Rubrik 1", False)
    assert before["Missing paragraph"] == ("Saknat stycke", False)
    assert before["A course"] == (None, False)
    assert result.since_found
    assert result.counts()["changed"] == 3 and result.counts()["new"] == 1


def test_no_earlier_catalogue_means_everything_is_new() -> None:
    result = review(since="v1", old_catalogue=None)
    assert not result.since_found
    assert {v[1] for v in units(result).values()} == {"new"}


def test_a_broken_earlier_catalogue_names_the_revision() -> None:
    with pytest.raises(CatalogueError) as caught:
        review(since="v1", old_catalogue='msgid "x"\nmsgstr "y" z\n')
    assert str(caught.value).startswith("v1:locales/sv/deck.po:2: ")


class Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def page(result: Review) -> Page:
    return Page(
        render_review(
            result,
            source_language="en",
            source_name="English",
            target_name="Swedish",
            generated="now",
        )
    )


def classes(parsed: Page) -> list[list[str]]:
    return [(a.get("class") or "").split() for tag, a in parsed.tags if tag == "article"]


def test_the_page_marks_states_in_classes_and_words() -> None:
    parsed = page(review(since="v1", old_catalogue=po(("Heading one", "Rubrik 1", False))))
    assert classes(parsed) == [
        ["unit", "translated", "new"],
        ["unit", "translated", "changed"],
        ["unit", "fuzzy", "new"],
        ["unit", "untranslated", "new"],
        ["unit", "translated", "new", "note"],
        ["unit", "untranslated", "new"],
    ]
    text = parsed.texts
    assert text.count("Untranslated") == 2
    assert "Fuzzy: check it, not used in builds" in text
    assert "Changed since v1" in text and text.count("New since v1") == 5
    assert "Rubrik 1" in text  # the earlier translation, struck through
    assert "Old Fuzzy paragraph" in text
    assert "Speaker notes" in text and "No text to translate on this slide." in text
    langs = {a.get("lang") for tag, a in parsed.tags if tag == "div" and a.get("lang")}
    assert langs == {"en", "sv"}


# polib splits lines like str.splitlines (at \x1c-\x1e, \x85, U+2028, U+2029): not PO text.
LINE_TEXT = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.sampled_from("\n\t")


@given(st.text(LINE_TEXT, min_size=1))
def test_any_translation_is_shown_as_text(translation: str) -> None:
    escaped = translation.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    result = review(po(("Heading one", escaped, False)))
    parsed = page(result)
    assert translation in parsed.texts
    assert "script" not in {tag for tag, _ in parsed.tags}


def test_a_script_in_a_msgid_is_text() -> None:
    deck = segment_deck("Run <script>alert(1)</script> now\n", "x.md")
    result = review_of(deck, None, language="sv", po_path="x.po")
    parsed = page(result)
    assert "Run <script>alert(1)</script> now" in parsed.texts
    assert "script" not in {tag for tag, _ in parsed.tags}
